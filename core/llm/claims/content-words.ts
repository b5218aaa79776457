/**
 * The content words of a text as comparable stems: its words without digits, function words, the
 * brand's courtesy words and the polarity cues (read apart, see polarity.ts); and a set of stems that
 * finds a stem again when the stemmer cut two forms of one word differently («стерилизуем» →
 * «стерилизу», «стерилизация» → «стерилизац»). Pure.
 */
import { extractFacts, stemOf } from '../facts';
import { isPolarityWord } from './polarity';
import { isStopWord } from './stop-words';
import { wordsOf } from './words';

const stems = new Map<string, string>();
/** `stemOf`, memoised (the stemmer is not free and answers repeat their sources' words). */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemOf(word);
    if (stems.size > 20_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

const numberWords = new Map<string, boolean>();
/** True for a number word («шестой», «две»): a fact (facts.ts), not a content word, so not counted twice. */
function isNumberWord(word: string): boolean {
  let is = numberWords.get(word);
  if (is === undefined) {
    is = extractFacts(word).some((f) => f.kind === 'number');
    if (numberWords.size > 20_000) numberWords.clear();
    numberWords.set(word, is);
  }
  return is;
}

/** Two stems are one word when one starts the other and the shorter has this many letters. */
const MIN_PREFIX = 5;

/**
 * The stems of the words of `text` that can state something: not a function or courtesy word, not a
 * polarity cue, not a number word, not one of `extraStopWords` (e.g. the brand's name), and at least
 * 3 letters.
 *
 * @example contentStems('Да, пилки у нас одноразовые ✨') // ['пилк', 'одноразов']
 */
export function contentStems(text: string, extraStopWords: ReadonlySet<string> = new Set()): string[] {
  const stems: string[] = [];
  for (const word of wordsOf(text)) {
    if (word.length < 3 || word.includes('-') || isStopWord(word) || isPolarityWord(word) || extraStopWords.has(word) || isNumberWord(word)) continue;
    const stem = stemWord(word);
    if (!stems.includes(stem)) stems.push(stem);
  }
  return stems;
}

/** Stems to look words up in, forgiving the stemmer's uneven cuts. */
export class StemSet {
  private readonly exact = new Set<string>();
  private readonly prefixes = new Map<string, string[]>();

  constructor(stems: Iterable<string> = []) {
    for (const stem of stems) this.add(stem);
  }

  /** A set of every word of the texts (all stems, stop words too: a source may say anything). */
  static ofTexts(texts: Iterable<string>): StemSet {
    const set = new StemSet();
    for (const text of texts) for (const word of wordsOf(text)) set.add(stemWord(word));
    return set;
  }

  add(stem: string): void {
    if (!stem || this.exact.has(stem)) return;
    this.exact.add(stem);
    const key = stem.slice(0, MIN_PREFIX);
    if (stem.length >= MIN_PREFIX) this.prefixes.set(key, [...(this.prefixes.get(key) ?? []), stem]);
  }

  /** True when the set holds `stem`, or a stem that starts it or that it starts (both of 5+ letters). */
  has(stem: string): boolean {
    if (this.exact.has(stem)) return true;
    if (stem.length < MIN_PREFIX) return false;
    return (this.prefixes.get(stem.slice(0, MIN_PREFIX)) ?? []).some((other) => other.startsWith(stem) || stem.startsWith(other));
  }

  get size(): number {
    return this.exact.size;
  }
}
