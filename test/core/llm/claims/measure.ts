/**
 * Measures the claim-support check of grounded FAQ answers on the shipped FAQ: the share of faithful
 * answers it lets through (hand-written paraphrases, and mechanical variants of every entry's own
 * answer for its first two questions) and the share of invented rules and polarity flips it stops,
 * for a grid of thresholds; `--verbose` lists each wrong verdict at the defaults.
 *
 *   node bin/run-ts.js test/core/llm/claims/measure.ts [--verbose]
 */
import { DEFAULT_MIN_ANCHOR, DEFAULT_MIN_COVERAGE } from '../../../../core/llm/claims';
import { FAITHFUL, INVENTED, type ClaimCase } from './cases';
import { faithfulVariants, flipPolarity } from './generate';
import { claimProblemsFor, type Thresholds } from './harness';
import { shippedFaq } from '../fixtures';

interface Sets {
  faithful: ClaimCase[];
  generated: ClaimCase[];
  invented: ClaimCase[];
  flipped: ClaimCase[];
}

function sets(): Sets {
  const faq = shippedFaq();
  const generated: ClaimCase[] = [];
  const flipped: ClaimCase[] = [];
  for (const entry of faq.entries) {
    if (entry.answer === undefined) continue;
    const answer = faq.render(entry);
    for (const question of entry.questions.slice(0, 2)) {
      for (const variant of faithfulVariants(answer)) generated.push({ entry: entry.id, question, answer: variant });
      const flip = flipPolarity(answer);
      if (flip) flipped.push({ entry: entry.id, question, answer: flip });
    }
  }
  return { faithful: [...FAITHFUL], generated, invented: [...INVENTED], flipped };
}

/** Accepted and asked (cases whose question never reaches the model are left out). */
function accepted(cases: readonly ClaimCase[], thresholds: Thresholds): { accepted: ClaimCase[]; rejected: ClaimCase[] } {
  const result = { accepted: [] as ClaimCase[], rejected: [] as ClaimCase[] };
  for (const c of cases) {
    const problems = claimProblemsFor(c.question, c.answer, thresholds);
    if (problems === undefined) continue;
    (problems.length === 0 ? result.accepted : result.rejected).push(c);
  }
  return result;
}

const pct = (part: number, whole: number) => `${part}/${whole} (${whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10} %)`;

function main(): void {
  const all = sets();
  const verbose = process.argv.includes('--verbose');
  console.log('coverage anchor | faithful accepted | generated accepted | invented rejected | flipped rejected');
  for (const minCoverage of [0.34, 0.5, 0.6, 0.67, 0.75]) {
    for (const minAnchor of [0.6, 0.67, 0.75, 0.8, 1]) {
      const t = { minCoverage, minAnchor };
      const f = accepted(all.faithful, t);
      const g = accepted(all.generated, t);
      const i = accepted(all.invented, t);
      const x = accepted(all.flipped, t);
      const mark = minCoverage === DEFAULT_MIN_COVERAGE && minAnchor === DEFAULT_MIN_ANCHOR ? ' ← default' : '';
      console.log(`${minCoverage.toFixed(2)} ${minAnchor.toFixed(2)} | ${pct(f.accepted.length, f.accepted.length + f.rejected.length)} | ${pct(g.accepted.length, g.accepted.length + g.rejected.length)} | ${pct(i.rejected.length, i.accepted.length + i.rejected.length)} | ${pct(x.rejected.length, x.accepted.length + x.rejected.length)}${mark}`);
    }
  }
  if (!verbose) return;
  const show = (title: string, cases: ClaimCase[]) => {
    console.log(`\n${title}:`);
    for (const c of cases) console.log(`  [${c.entry}] ${c.question} → ${c.answer}\n     ${JSON.stringify(claimProblemsFor(c.question, c.answer))}`);
  };
  show('faithful rejected', accepted(all.faithful, {}).rejected);
  show('generated rejected', accepted(all.generated, {}).rejected);
  show('invented accepted', accepted(all.invented, {}).accepted);
  show('flipped accepted', accepted(all.flipped, {}).accepted);
}

main();
