/**
 * A failing conversation as a transcript case in the format of test/transcripts: the guest's messages
 * and button presses as sent, and on the last step what the CRM must hold by the goal — a regression
 * test that fails until the defect is fixed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { causeOf } from './report';
import type { Judged } from './run';
import { CHANNEL, NOW } from './world';

const dateOf = (iso: string) => new Date(Date.parse(iso) + 3 * 3_600_000).toISOString().slice(0, 10);

/** The transcript case of a conversation. */
export function transcriptCase(j: Judged): Record<string, unknown> {
  const c = j.conversation;
  const g = c.goal;
  const guest: Record<string, string> = { channel: CHANNEL, user: g.who.userId };
  if (g.who.userName) guest.name = g.who.userName;
  if (g.who.known === 'chat') guest.phone = g.who.phone;
  const code = c.turns.find((t) => t.said.note === 'answer:identity_code')?.said.sent.text;
  const steps: Array<Record<string, unknown>> = c.turns.map((t) => {
    const m = t.said.sent;
    if (m.payload) return { button: m.payload };
    if (m.attachments?.length) return { photo: m.attachments[0].fileId ?? 'photo' };
    return { user: m.text ?? '' };
  });
  c.turns.forEach((t, i) => {
    const question = t.said.note.startsWith('question:') && g.kind === 'faq' ? g.questions[Number(t.said.note.slice(9))] : t.said.note.startsWith('digression:') ? g.digression?.question : undefined;
    if (question) steps[i].bot = { contains: question.expect };
  });
  const last = steps[steps.length - 1] ?? (steps[0] = {});
  const crm: Record<string, unknown> = {};
  if (g.kind === 'book') crm.booking_exists = { services: g.services, branch: g.branch, ...(g.master && { master: g.master }), ...(c.chosen && { start: c.chosen.start }), guestName: g.expectName, phone: g.who.phone };
  if (g.kind === 'repeat_last') crm.booking_exists = { services: g.visit.services, branch: g.visit.branch, master: g.visit.master, ...(c.chosen && { start: c.chosen.start }), phone: g.who.phone };
  if (g.kind === 'reschedule' && !g.tooLate && c.chosen) crm.booking_exists = { phone: g.booking.phone, services: g.booking.services, start: c.chosen.start };
  if (g.kind === 'cancel' && !g.tooLate) crm.booking_cancelled = { phone: g.booking.phone, start: g.booking.start };
  if (g.kind === 'complaint') crm.ticket_exists = { branch: g.visit.branch, service: g.service, master: g.visit.master, visitDate: dateOf(g.visit.start), outcome: g.outcome, withinGuarantee: g.withinGuarantee };
  if (Object.keys(crm).length) last.crm = crm;
  if (g.kind === 'handover' || ((g.kind === 'reschedule' || g.kind === 'cancel') && g.tooLate)) last.handed_over = true;
  return {
    name: `bench:dialogue #${c.index} (${g.kind}): ${causeOf(j)}`,
    tags: ['bench-dialogue', g.kind],
    guest,
    ...(code && { fixtures: { identity_code: code } }),
    steps,
  };
}

/** Writes one file per failing conversation into `dir`; returns how many. */
export function writeFailures(dir: string, judged: Judged[], seed: number): number {
  mkdirSync(dir, { recursive: true });
  const failing = judged.filter((j) => !j.verdict.right);
  for (const j of failing) {
    const header = `# bench:dialogue --seed ${seed}, conversation ${j.conversation.index}: ${causeOf(j)}\n# ${j.verdict.failures.map((f) => `${f.check}: ${f.detail}`).join('\n# ').replace(/\n(?!#)/g, ' ')}\n`;
    const body = stringify({ defaults: { now: NOW.toISOString().replace('.000Z', 'Z'), tags: ['bench-dialogue'] }, cases: [transcriptCase(j)] }, { lineWidth: 0 });
    writeFileSync(join(dir, `conversation-${String(j.conversation.index).padStart(4, '0')}.yaml`), header + body);
  }
  return failing.length;
}
