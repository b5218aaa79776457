/**
 * The claim-support check of a grounded answer: every sentence that states something must be
 * supported by the retrieved entries, not only its numbers and names.
 *  - Its content words (stems, without function words, the brand's courtesy words, known words such
 *    as the brand's name, and the guest's own question words) must mostly occur in the sources: at
 *    least {@link DEFAULT_MIN_COVERAGE} of them.
 *  - A sentence with a polarity (yes/no, a permission or a prohibition, free or paid, needed or not,
 *    every case or some) must have an entry that answers it — the entry holding at least
 *    {@link DEFAULT_MIN_ANCHOR} of its words, the guest's too, in its answer or questions — and agree
 *    with it: the same sign on that axis somewhere in the
 *    entry, not only the opposite one; a «no», a price rule or a need the entry does not state is
 *    unsupported; a rule the entry states only under a condition («если…») must keep a condition.
 * Pure; the verdict says which sentence failed and why, without the sentence's words.
 */
import { extractFacts } from '../facts';
import { contentStems, StemSet } from './content-words';
import { isCondition, polarityOf, type PolarityClaim } from './polarity';
import { splitSentences, statementPart } from './sentences';
import type { ClaimCheckOptions, ClaimFailure, ClaimProblem, ClaimSource, SentenceVerdict } from './types';
import { wordsOf } from './words';

/** Below this share of its content words in the sources, a sentence is unsupported (see the commit measuring it). */
export const DEFAULT_MIN_COVERAGE = 0.6;
/** An entry answers a sentence when it holds at least this share of the sentence's words. */
export const DEFAULT_MIN_ANCHOR = 0.75;

export type { ClaimCheckOptions, ClaimFailure, ClaimProblem, ClaimSource, SentenceVerdict } from './types';

interface SourceSentence {
  stems: StemSet;
  polarity: PolarityClaim[];
  condition: boolean;
}

interface ReadSource {
  id: string;
  stems: StemSet;
  facts: Set<string>;
  sentences: SourceSentence[];
}

/**
 * Reads every sentence of `answer` against the sources.
 *
 * @example
 * checkClaims('Да, конечно, со своим лаком можно — приносите свой', [{ id: 'pets', text: 'Простите, с питомцами к нам нельзя.' }], { question: 'можно со своим лаком?' })
 * // [{ sentence: 0, …, problems: [{ sentence: 0, failure: 'unsupported-words', coverage: 0 }, { sentence: 0, failure: 'no-answering-entry', … }] }]
 */
export function checkClaims(answer: string, sources: readonly ClaimSource[], options: ClaimCheckOptions = {}): SentenceVerdict[] {
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const minAnchor = options.minAnchor ?? DEFAULT_MIN_ANCHOR;
  const known = new Set((options.knownWords ?? []).flatMap(wordsOf));
  const guest = new StemSet(contentStems(options.question ?? '', known));
  const read: ReadSource[] = sources.map((s) => ({
    id: s.id,
    stems: StemSet.ofTexts([s.text, ...(s.questions ?? [])]),
    facts: new Set(factKeys(s.text)),
    sentences: splitSentences(s.text).map((t) => ({ stems: StemSet.ofTexts([t]), polarity: polarityOf(t), condition: isCondition(t) })),
  }));
  const everything = StemSet.ofTexts([...sources.flatMap((s) => [s.text, ...(s.questions ?? [])]), ...(options.vocabulary ?? [])]);
  const sourceFacts = new Set([...sources.map((s) => s.text), ...(options.vocabulary ?? [])].flatMap(factKeys));

  const verdicts: SentenceVerdict[] = [];
  splitSentences(answer).forEach((sentence, index) => {
    const statement = statementPart(sentence);
    if (statement === '') return;
    const stems = contentStems(statement, known);
    const content = stems.filter((s) => !guest.has(s));
    const unsupported = content.filter((s) => !everything.has(s));
    // Numbers, times and dates the sources state are content too («открыта каждый день с 10:00 до 22:00»).
    const facts = factKeys(statement).filter((f) => sourceFacts.has(f)).length;
    const coverage = content.length === 0 ? 1 : (content.length + facts - unsupported.length) / (content.length + facts);
    const verdict: SentenceVerdict = { sentence: index, polarity: polarityOf(statement), content, unsupported, coverage, problems: [] };
    if (coverage < minCoverage) verdict.problems.push({ sentence: index, failure: 'unsupported-words', coverage: round(coverage) });
    if (verdict.polarity.length > 0) {
      const answering = answeringEntry(stems, factKeys(statement), read, options.answeringId);
      verdict.entry = answering?.source.id;
      verdict.anchor = answering ? round(answering.anchor) : undefined;
      if (!answering || answering.anchor < minAnchor) {
        verdict.problems.push({ sentence: index, failure: 'no-answering-entry', cue: verdict.polarity[0].cue, ...(answering ? { entry: answering.source.id } : {}) });
      } else {
        for (const claim of verdict.polarity) {
          const failure = disagreement(claim, stems, isCondition(statement), answering.source);
          if (failure) verdict.problems.push({ sentence: index, failure, axis: claim.axis, cue: claim.cue, entry: answering.source.id });
        }
      }
    }
    verdicts.push(verdict);
  });
  return verdicts;
}

/**
 * The problems of an answer's sentences, in sentence order; [] when every sentence is supported.
 *
 * @example unsupportedClaims('С питомцами можно 🌸', [{ id: 'pets', text: 'Простите, с питомцами к нам нельзя.' }])
 * // [{ sentence: 0, failure: 'contradicts', axis: 'stance', cue: 'можно', entry: 'pets' }]
 */
export function unsupportedClaims(answer: string, sources: readonly ClaimSource[], options: ClaimCheckOptions = {}): ClaimProblem[] {
  return checkClaims(answer, sources, options).flatMap((v) => v.problems);
}

/**
 * The entry holding the largest share of the sentence's words, the guest's too: «со своим лаком можно»
 * is answered by an entry about one's own polish, not by one about polish; its numbers and times count
 * as words. A sentence of cues alone
 * («Да!», «Конечно, можно») answers the question: the entry retrieval is confident answers it.
 */
function answeringEntry(stems: readonly string[], facts: readonly string[], sources: readonly ReadSource[], answeringId: string | undefined): { source: ReadSource; anchor: number } | undefined {
  let best: { source: ReadSource; anchor: number } | undefined;
  for (const source of sources) {
    const confident = source.id === answeringId;
    const held = stems.filter((s) => source.stems.has(s)).length + facts.filter((f) => source.facts.has(f)).length;
    const anchor = stems.length === 0 ? (confident ? 1 : 0) : held / (stems.length + facts.length);
    if (!best || anchor > best.anchor || (anchor === best.anchor && confident)) best = { source, anchor };
  }
  return best;
}

/**
 * Why a claim disagrees with the entry answering its sentence, or undefined when it agrees. The entry's
 * sentence sharing the most words with it decides first («На остальные услуги предоплата не нужна»
 * reads against «На остальные услуги записываем без предоплаты», not against «Предоплата нужна только
 * для…»); when that one is silent on the axis, the whole entry does.
 */
function disagreement(claim: PolarityClaim, stems: readonly string[], conditional: boolean, source: ReadSource): ClaimFailure | undefined {
  const agrees = (s: SourceSentence) => s.polarity.some((p) => p.axis === claim.axis && p.value === claim.value);
  const opposes = (s: SourceSentence) => s.polarity.some((p) => p.axis === claim.axis && p.value !== claim.value);
  const overlap = (s: SourceSentence) => stems.filter((stem) => s.stems.has(stem)).length;
  const aligned = [...source.sentences].sort((a, b) => overlap(b) - overlap(a) || Number(agrees(b)) - Number(agrees(a)))[0];
  const dropsCondition = (s: SourceSentence) => !conditional && claim.axis !== 'scope' && s.condition;
  if (aligned && agrees(aligned)) return dropsCondition(aligned) ? 'drops-condition' : undefined;
  if (aligned && opposes(aligned) && overlap(aligned) > 0) return 'contradicts';
  const same = source.sentences.filter(agrees);
  if (same.length > 0) return same.every(dropsCondition) ? 'drops-condition' : undefined;
  if (source.sentences.some(opposes)) return 'contradicts';
  // The entry is silent on this axis: an affirmation restates it, and «только» narrows to what the
  // sentence names (its words are checked); a «no», «every case», a price rule or a need adds a rule.
  if ((claim.axis === 'stance' && claim.value === '+') || (claim.axis === 'scope' && claim.value === '-')) return undefined;
  return 'unsupported-polarity';
}

/** The numbers, times and dates of a text, comparable: "number:2900", "time:10:00". */
function factKeys(text: string): string[] {
  return extractFacts(text).filter((f) => f.kind === 'number' || f.kind === 'time' || f.kind === 'date' || f.kind === 'weekday' || f.kind === 'month').map((f) => `${f.kind}:${f.value}`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
