/**
 * Whether a message is put as a question: a question mark, or a question word («сколько», «почём»,
 * «где», «можно ли», «есть ли»), typed right or with one slip of the finger («поечм», «скольео»).
 * «только педикюр, без маникюра» is no question, whatever the classifier's guess: naming what the flow
 * asks, it answers.
 */
import { oneSlipApart } from '../slots';

/** Words that ask about the salon: its prices, places and ways («сколько», «где», «как»). */
const ASKING_ABOUT = [
  'сколько', 'почем', 'стоит', 'стоимость', 'цена', 'цены', 'прайс', 'расценки', 'где', 'как', 'какой', 'какая', 'какое', 'какие',
  'почему', 'зачем', 'куда', 'откуда',
];

/** Words that ask for information rather than for a visit (see `asksForInformation`). */
const INFORMATION_WORDS = new Set([...ASKING_ABOUT, 'долго', 'длится']);

/** Every question word: those asking about the salon and those that may ask to book («можно», «есть»). */
const QUESTION_WORDS = new Set([
  ...ASKING_ABOUT, 'подскажите', 'когда', 'каким', 'какую', 'что', 'чем', 'кто', 'ли', 'можно', 'есть', 'нужно', 'надо', 'бывает',
  'принимаете', 'делаете', 'работаете',
]);

/**
 * Question words recognised with one letter wrong, missing, extra or swapped: those no statement word is
 * one slip from («нужна» is one from «нужно», «какао» from «какая»).
 */
const TYPO_TOLERANT = ['сколько', 'почем', 'стоимость', 'подскажите', 'принимаете', 'работаете', 'делаете'];

export function asksQuestion(text: string): boolean {
  if (/\?/.test(text)) return true;
  return wordsOf(text).some((w) => QUESTION_WORDS.has(w) || slipOfTolerant(w));
}

/**
 * Question words that ask for information rather than for a visit: «сколько стоит маникюр в субботу?» is
 * a question, «маникюр в субботу можно?» and «есть окошко на субботу?» ask to book.
 */
export function asksForInformation(text: string): boolean {
  return wordsOf(text).some((w) => INFORMATION_WORDS.has(w) || slipOfTolerant(w));
}

/** A question word of TYPO_TOLERANT typed with one slip. */
function slipOfTolerant(word: string): boolean {
  return word.length >= 4 && TYPO_TOLERANT.some((q) => oneSlipApart(word, q));
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}]+/u).filter(Boolean);
}
