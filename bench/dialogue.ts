/**
 * Dialogue bench: simulated guests walk the flow graph towards goals drawn with a seeded random (book,
 * reschedule, cancel, FAQ, complaint, a person, as last time), writing from a phrase bank kept apart
 * from the training data, with typos, wrong layout, questions in passing, corrections and changes of
 * mind; the judge checks each conversation's end state in the demo CRM and per-turn invariants.
 *
 *   npm run bench:dialogue [-- --conversations 2000 --seed 1 --goal book --trace 17 --failures-dir DIR --examples 2]
 *
 * Prints the share that ended right (overall and per goal), the failures grouped by cause with two
 * example conversations each, turns per conversation and the runtime. `--trace i` prints conversation i
 * in full (the same as in a run of any size with that seed); `--failures-dir` writes each failing
 * conversation as a transcript (test/transcripts format) to turn into a regression test.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../app';
import { compact, findOverlap, GOAL_KINDS, type GoalKind, type Judged, loadPhraseBank, normalise, openWorld, printReport, runConversation, trainedPhrases, writeFailures } from './dialogue/index';

interface Options {
  conversations: number;
  seed: number;
  goal?: GoalKind;
  trace?: number;
  failuresDir?: string;
  examples: number;
}

function parseOptions(args: string[]): Options {
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const whole = (name: string, fallback: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} takes a whole number ≥ 0, got "${raw}"`);
    return n;
  };
  const goal = value('--goal');
  if (goal !== undefined && !(GOAL_KINDS as readonly string[]).includes(goal)) throw new RangeError(`--goal takes one of ${GOAL_KINDS.join(', ')}, got "${goal}"`);
  return {
    conversations: Math.max(1, whole('--conversations', 2000)), seed: whole('--seed', 1), ...(goal && { goal: goal as GoalKind }),
    ...(value('--trace') !== undefined && { trace: whole('--trace', 0) }), ...(value('--failures-dir') && { failuresDir: value('--failures-dir') }),
    examples: whole('--examples', 2),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const bank = loadPhraseBank();
  const trained = trainedPhrases(join(PROJECT_ROOT, 'content'));
  const overlap = findOverlap(bank, trained);
  for (const o of overlap.found.slice(0, 10)) console.log(`  overlap: «${o.phrase}» (from «${o.template}»)`);
  const started = Date.now();
  const world = await openWorld();
  const trainSeconds = (Date.now() - started) / 1000;
  try {
    if (options.trace !== undefined) {
      const j = await runConversation(world, bank, options.trace, options);
      for (const line of compact(j, 10_000)) console.log(line);
      console.log(j.verdict.right ? 'RIGHT' : 'WRONG');
      return;
    }
    const judged: Judged[] = [];
    const start = Date.now();
    for (let i = 0; i < options.conversations; i++) {
      judged.push(await runConversation(world, bank, i, options));
      if ((i + 1) % 500 === 0) console.error(`  … ${i + 1} conversations, ${((Date.now() - start) / 1000).toFixed(0)} s`);
    }
    const sent = judged.flatMap((j) => j.conversation.turns).map((t) => t.said.sent.text).filter((t): t is string => !!t && trained.has(normalise(t)));
    const sentOverlap = sent.length;
    if (sent.length) console.log(`messages identical to a trained phrase (after perturbation): ${[...new Set(sent.map(normalise))].slice(0, 12).map((t) => `«${t}»`).join(', ')}`);
    printReport({ judged, seconds: (Date.now() - start) / 1000, trainSeconds, overlap: overlap.found.length, overlapChecked: overlap.checked, sentOverlap }, options.examples);
    if (options.failuresDir) console.log(`\n${writeFailures(options.failuresDir, judged, options.seed)} failing conversations written to ${options.failuresDir}`);
  } finally {
    world.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
