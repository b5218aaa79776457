/**
 * The bench's report: the share of conversations that ended right, per goal kind, the failures grouped
 * by cause (the first failed check and where in the flow) with two compact examples each, turns per
 * conversation and the runtime.
 */
import { quantile } from '../stats';
import type { GoalKind } from './goal-types';
import type { Judged } from './run';

const pct = (n: number, of: number) => (of ? ((n / of) * 100).toFixed(1) : '0.0');
const count = (n: number) => n.toLocaleString('en-US');

/** The cause of a wrong conversation: its first failed check and where it went wrong. */
export const causeOf = (j: Judged): string => `${j.verdict.failures[0].check} @ ${j.verdict.failures[0].where}`;

/** A conversation in a few lines: «> guest» and «< bot» (response keys in brackets). */
export function compact(j: Judged, width = 220): string[] {
  const lines: string[] = [];
  const g = j.conversation.goal;
  lines.push(`#${j.conversation.index} ${g.kind} — ${goalLine(j)}`);
  for (const t of j.conversation.turns) {
    const m = t.said.sent;
    lines.push(`  > ${m.text ?? m.payload ?? (m.attachments ? '[фото]' : '')}`);
    for (const r of t.result.replies) {
      const buttons = r.buttons.length ? ` ${r.buttons.map((b) => `[${b.title}]`).join('')}` : '';
      lines.push(`    < [${r.response}] ${(r.text.replace(/\n/g, ' / ') + buttons).slice(0, width)}`);
    }
  }
  for (const f of j.verdict.failures) lines.push(`  ✗ ${f.check} @ ${f.where}: ${f.detail.slice(0, width)}`);
  return lines;
}

/** The goal in one line. */
export function goalLine(j: Judged): string {
  const g = j.conversation.goal;
  switch (g.kind) {
    case 'book': return `${g.services.join('+')} at ${g.branch}${g.master ? ` with ${g.master}` : ''}, wishes ${g.wishes.map((w) => `«${w.text}»`).join(' → ')}, on «${g.expectName}» ${g.who.phone}${g.change ? `, change: ${g.change.kind}` : ''}`;
    case 'reschedule': case 'cancel': return `${g.booking.id} ${g.booking.services.join('+')} ${g.booking.start} of ${g.who.phone} (${g.who.known})${g.tooLate ? ', too late' : ''}${g.wishes.length ? `, to ${g.wishes.map((w) => `«${w.text}»`).join(' → ')}` : ''}`;
    case 'faq': return g.questions.map((q) => `«${q.text}» → ${q.expect}`).join('; ');
    case 'complaint': return `${g.service} visit ${g.visit.id} ${g.visit.start.slice(0, 10)} at ${g.visit.branch} (${g.who.known}), wants ${g.outcome}${g.withinGuarantee ? ', within guarantee' : ''}`;
    case 'handover': return g.midBooking ? 'a person, in the middle of a booking' : 'a person';
    case 'repeat_last': return `as ${g.visit.services.join('+')} ${g.visit.master} ${g.visit.branch} (${g.who.known}), wishes ${g.wishes.map((w) => `«${w.text}»`).join(' → ')}`;
  }
}

export interface RunFigures {
  judged: Judged[];
  seconds: number;
  trainSeconds: number;
  overlap: number;
  overlapChecked: number;
  /** Guest messages (as the bank wrote them) identical to a trained phrase. */
  sentOverlap: number;
}

export function printReport(f: RunFigures, examples = 2): void {
  const { judged } = f;
  const right = judged.filter((j) => j.verdict.right).length;
  const turns = judged.map((j) => j.conversation.turns.length);
  const allTurns = turns.reduce((a, b) => a + b, 0);
  console.log('');
  console.log(`phrase bank overlap with content/intents.yaml and content/faq: ${f.overlap} of ${count(f.overlapChecked)} filled phrases (messages sent identical to a trained phrase: ${f.sentOverlap})`);
  console.log(`conversations: ${count(judged.length)}`);
  console.log(`right: ${count(right)} of ${count(judged.length)} (${pct(right, judged.length)} %)  — target ≥ 98 %: ${right / judged.length >= 0.98 ? 'met' : 'NOT met'}`);
  const kinds = [...new Set(judged.map((j) => j.conversation.goal.kind))] as GoalKind[];
  for (const kind of kinds) {
    const of = judged.filter((j) => j.conversation.goal.kind === kind);
    const ok = of.filter((j) => j.verdict.right).length;
    console.log(`  ${kind.padEnd(12)} ${count(ok).padStart(5)} of ${count(of.length).padStart(5)} (${pct(ok, of.length)} %)`);
  }
  console.log(`turns per conversation: mean ${(allTurns / Math.max(1, judged.length)).toFixed(1)}, p50 ${quantile(turns, 0.5)}, p95 ${quantile(turns, 0.95)}, max ${Math.max(0, ...turns)}`);
  console.log(`runtime: ${f.seconds.toFixed(1)} s for ${count(allTurns)} turns (${(allTurns / f.seconds).toFixed(0)} turns/s), NLU trained in ${f.trainSeconds.toFixed(1)} s`);
  const groups = new Map<string, Judged[]>();
  for (const j of judged.filter((x) => !x.verdict.right)) groups.set(causeOf(j), [...(groups.get(causeOf(j)) ?? []), j]);
  if (groups.size === 0) return;
  console.log('');
  console.log(`failures by cause (first failed check @ flow/awaited slot), ${groups.size} causes:`);
  for (const [cause, items] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log('');
    console.log(`■ ${items.length} × ${cause}`);
    for (const j of items.slice(0, examples)) for (const line of compact(j)) console.log(`  ${line}`);
  }
  const checks = new Map<string, number>();
  for (const j of judged) for (const c of new Set(j.verdict.failures.map((x) => x.check))) checks.set(c, (checks.get(c) ?? 0) + 1);
  console.log('');
  console.log('conversations failing each check (a conversation may fail several):');
  for (const [c, n] of [...checks].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${c}`);
}
