/**
 * The per-token decision for Latin text inside a Russian chat: Russian typed with the wrong keyboard
 * layout ("ghbdtn"), Russian in Latin transliteration ("privet"), a Latin look-alike inside a Cyrillic
 * word ("мaникюр"), or a real Latin word to keep ("ok", "luxio").
 */

import { cyrillicLookalike } from './homoglyph';
import { KEEP_LATIN, RUSSIAN_SHORT_WORDS } from './known-words';
import { convertLayout } from './layout';
import { englishPlausibility, russianPlausibility } from './plausibility';
import { RUSSIAN_SAMPLE } from './samples';
import { TRANSLITERABLE, transliterate, transliterationCandidates } from './translit';
import { familiarity, oneLetterOff } from './vocabulary';

/** One rewrite of a span of the text; `layout` and `homoglyph` rewrites keep the span's length. */
export interface LatinRewrite {
  start: number;
  end: number;
  replacement: string;
  kind: 'layout' | 'translit' | 'homoglyph';
}

/** What to plan: transliteration changes length, so offset-keeping callers leave it out. */
export interface PlanOptions {
  transliterate: boolean;
}

// A run of characters that can come from the Latin layout: letters and the keys of бжэхъю and ё.
const LATIN_RUN = /[A-Za-z\[\]{};:'",.<>`~]+/g;
const LATIN_LETTER = /[A-Za-z]/;
const CYRILLIC_LETTER = /[\u0400-\u04FF]/;
const LEADING_QUOTES = /^['"`]+/;
const TRAILING_PUNCTUATION = /[.,;:'"]+$/;

/**
 * Minimum advantage (mean log2 probability per bigram) of the Russian reading over the best Latin
 * reading (English or transliteration), and the minimum Russian plausibility, for a layout conversion
 * without vocabulary evidence. Measured on ~100 words: wrong-layout words of 4+ letters score +2.0 … +4.3
 * (Russian -2.9 … -5.0), English and transliterated words -0.3 … -5.8. In the context of other
 * wrong-layout words the margin drops to 0, which also takes "rfr" (как, +0.8) and "nfr" (так, +0.4).
 */
const LAYOUT_MARGIN = 1.0;
const RUSSIAN_FLOOR = -5.2;
/**
 * Preference for reading a trailing "." or "," as ю or б. Measured: real ю-words lose 0.2 … 0.9 against
 * their stem ("опоздаю" vs "опозда"), stray punctuation loses 1.4 … 2.4 ("приветб" vs "привет").
 */
const FULL_RUN_BONUS = 1.0;
/** Longer runs are no word (a link, a hash, keyboard mashing) and are left alone. */
const MAX_TOKEN_LENGTH = 32;
/** Tokens shorter than this are converted only in the context of other wrong-layout tokens. */
const MIN_LETTERS_ALONE = 3;

let sampleWords: ReadonlySet<string> | undefined;
function builtInWords(): ReadonlySet<string> {
  sampleWords ??= new Set(RUSSIAN_SAMPLE.split(/\s+/).filter((w) => w.length > 0));
  return sampleWords;
}

interface Token {
  start: number;
  end: number;
  /** The run with leading quotes and trailing punctuation removed (original case). */
  core: string;
  coreStart: number;
  run: string;
  letters: number;
}

/**
 * Plans the rewrites of Latin runs in `text`. Decisions use lowercase, so the plan is the same for any
 * casing of the text.
 *
 * @example
 * planLatinRewrites('ghbdtn', undefined, { transliterate: false })
 * // [{ start: 0, end: 6, replacement: 'привет', kind: 'layout' }]
 */
export function planLatinRewrites(
  text: string,
  vocabulary: ReadonlySet<string> | undefined,
  options: PlanOptions,
): LatinRewrite[] {
  const rewrites: LatinRewrite[] = [];
  const pending: Token[] = [];
  for (const match of text.matchAll(LATIN_RUN)) {
    let run = match[0];
    let start = match.index ?? 0;
    if (!LATIN_LETTER.test(run) || run.length > MAX_TOKEN_LENGTH) continue;
    const cyrillicBefore = CYRILLIC_LETTER.test(text[start - 1] ?? '');
    const cyrillicAfter = CYRILLIC_LETTER.test(text[start + run.length] ?? '');
    // A Latin letter touching a Cyrillic one is a look-alike inside a Russian word ("мaникюр").
    if ((cyrillicBefore && LATIN_LETTER.test(run[0])) || (cyrillicAfter && LATIN_LETTER.test(run.at(-1) ?? ''))) {
      rewrites.push(...lookalikeRewrites(run, start));
      continue;
    }
    // Punctuation between a Cyrillic word and a Latin one is punctuation ("привет,rfr ltkf").
    if (cyrillicBefore) {
      const punctuation = /^[^A-Za-z]+/.exec(run)?.[0].length ?? 0;
      [run, start] = [run.slice(punctuation), start + punctuation];
    }
    if (cyrillicAfter) run = run.replace(/[^A-Za-z]+$/, '');
    const end = start + run.length;
    const leading = LEADING_QUOTES.exec(run)?.[0].length ?? 0;
    const core = run.slice(leading).replace(TRAILING_PUNCTUATION, '');
    if (!LATIN_LETTER.test(core)) continue;
    const lower = core.toLowerCase();
    if (KEEP_LATIN.has(lower) || vocabulary?.has(lower)) continue;
    pending.push({ start, end, core, coreStart: start + leading, run, letters: countLetters(core) });
  }

  // Pass 1: tokens that are clearly Russian typed in the Latin layout.
  const undecided: Token[] = [];
  for (const token of pending) {
    const rewrite = token.letters >= MIN_LETTERS_ALONE ? layoutRewrite(token, vocabulary, false) : undefined;
    if (rewrite === undefined) undecided.push(token);
    else rewrites.push(rewrite);
  }

  // Pass 2: once a message has wrong-layout words, its short and borderline tokens likely are too.
  const inContext = rewrites.some((r) => r.kind === 'layout');
  const lone = pending.length === 1 && countWords(text) === 1;
  const remaining: Token[] = [];
  for (const token of undecided) {
    const rewrite = inContext || lone ? layoutRewrite(token, vocabulary, true) : undefined;
    if (rewrite === undefined) remaining.push(token);
    else rewrites.push(rewrite);
  }

  // Pass 3: what is left may be transliteration.
  if (options.transliterate) {
    for (const token of remaining) {
      const rewrite = translitRewrite(token, vocabulary);
      if (rewrite !== undefined) rewrites.push(rewrite);
    }
  }
  return rewrites.sort((a, b) => a.start - b.start);
}

function lookalikeRewrites(run: string, start: number): LatinRewrite[] {
  const out: LatinRewrite[] = [];
  for (let i = 0; i < run.length; i++) {
    const cyrillic = cyrillicLookalike(run[i]);
    if (cyrillic !== undefined) out.push({ start: start + i, end: start + i + 1, replacement: cyrillic, kind: 'homoglyph' });
  }
  return out;
}

/**
 * The layout reading of a token when the evidence supports it. The whole run and the run without its
 * quotes and trailing punctuation are both tried: "k.,k." is "люблю", but "ghbdtn," is "привет,".
 * Vocabulary evidence outranks plausibility; among plausible readings the most Russian-looking wins.
 */
function layoutRewrite(token: Token, vocabulary: ReadonlySet<string> | undefined, lenient: boolean): LatinRewrite | undefined {
  const variants = token.run === token.core
    ? [{ text: token.run, start: token.start }]
    : [{ text: token.run, start: token.start }, { text: token.core, start: token.coreStart }];
  const latin = latinPlausibility(token.core.toLowerCase());
  let best: { text: string; start: number; converted: string; score: number } | undefined;
  for (const variant of variants) {
    let converted = convertLayout(variant.text.toLowerCase());
    if (!/^[а-я]+$/.test(converted)) continue;
    let score = knownScore(converted, vocabulary, lenient);
    if (score === undefined) {
      // A typo on top of the wrong layout ("vfybrbh" is "маникир"): a known word one key away.
      const near = oneLetterOff(converted, vocabulary) ?? oneLetterOff(converted, builtInWords());
      if (near !== undefined) [converted, score] = [near, 100];
    }
    // Blind typists put the Russian full stop and comma on "/" and "?", so a "." or "," that ends a
    // wrong-layout word is more often ю or б than punctuation ("jgjplf." is "опоздаю").
    score ??= plausibleRussian(converted, latin, lenient, variant.text === token.run ? FULL_RUN_BONUS : 0);
    if (score !== undefined && (best === undefined || score > best.score)) best = { ...variant, converted, score };
  }
  if (best === undefined) return undefined;
  return { start: best.start, end: best.start + best.text.length, replacement: best.converted, kind: 'layout' };
}

/**
 * A score above any plausibility when a reading is known: the vocabulary's exact words (103) and stems
 * (102), Russian short words in context (102), then the built-in sample's words (102) and stems (101).
 * Undefined when the reading is unknown.
 */
function knownScore(converted: string, vocabulary: ReadonlySet<string> | undefined, lenient: boolean): number | undefined {
  if (lenient && RUSSIAN_SHORT_WORDS.has(converted)) return 102;
  const known = familiarity(converted, vocabulary);
  if (known > 0) return 101 + known;
  // Sample words are weaker evidence than the guest-facing vocabulary, and short ones prove nothing.
  const sample = converted.length >= MIN_LETTERS_ALONE ? familiarity(converted, builtInWords()) : 0;
  return sample > 0 ? 100 + sample : undefined;
}

/** The Russian plausibility of a layout reading, or undefined when it does not beat the Latin reading. */
function plausibleRussian(converted: string, latin: number, lenient: boolean, bonus: number): number | undefined {
  if (converted.length < 2) return undefined;
  const russian = russianPlausibility(converted);
  if (russian < RUSSIAN_FLOOR) return undefined;
  return russian - latin >= (lenient ? 0 : LAYOUT_MARGIN) ? russian + bonus : undefined;
}

/**
 * How plausible a lowercase Latin token is as English or as transliterated Russian. Key punctuation
 * inside it ("mail.ru", "vfybr.h") is ignored for the English reading.
 */
function latinPlausibility(latin: string): number {
  const letters = latin.replace(/[^a-z]/g, '');
  const english = letters.length > 0 ? englishPlausibility(letters) : -Infinity;
  const translit = transliterate(latin);
  const asTranslit = translit === undefined ? -Infinity : russianPlausibility(translit.replace(/[ьъ]/g, ''));
  return Math.max(english, asTranslit);
}

/**
 * The Cyrillic reading of a transliterated token: the reading the vocabulary knows best (exact, then
 * by stem), then one the built-in sample knows, then the usual reading.
 */
function translitRewrite(token: Token, vocabulary: ReadonlySet<string> | undefined): LatinRewrite | undefined {
  // A trailing apostrophe is a soft sign ("vzyat'"), so only quotes at the start were trimmed away.
  const run = token.run.slice(token.coreStart - token.start).replace(/[.,;:"]+$/, '');
  const core = /^['`]/.test(token.run) ? run.replace(/['`]+$/, '') : run;
  const lower = core.toLowerCase();
  if (!TRANSLITERABLE.test(lower)) return undefined;
  const candidates = transliterationCandidates(lower);
  if (candidates.length === 0) return undefined;
  const chosen = pickKnown(candidates, vocabulary) ?? pickKnown(candidates, builtInWords()) ?? candidates[0];
  return { start: token.coreStart, end: token.coreStart + core.length, replacement: chosen, kind: 'translit' };
}

function pickKnown(candidates: string[], vocabulary: ReadonlySet<string> | undefined): string | undefined {
  if (vocabulary === undefined) return undefined;
  let byStem: string | undefined;
  for (const candidate of candidates) {
    const known = familiarity(candidate, vocabulary);
    if (known === 2) return candidate;
    if (known === 1) byStem ??= candidate;
  }
  return byStem;
}

function countLetters(text: string): number {
  let n = 0;
  for (const char of text) if (LATIN_LETTER.test(char)) n++;
  return n;
}

function countWords(text: string): number {
  return text.split(/[^\p{L}\p{N}\[\]{};:'",.<>`~]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The text with planned rewrites applied (in the order planned, which is text order). */
export function applyLatinRewrites(text: string, rewrites: readonly LatinRewrite[]): string {
  if (rewrites.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const rewrite of rewrites) {
    out += text.slice(cursor, rewrite.start) + rewrite.replacement;
    cursor = rewrite.end;
  }
  return out + text.slice(cursor);
}
