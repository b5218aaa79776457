/**
 * Whether a message is put as a question: a question mark, or a question word («сколько», «почём»,
 * «где», «можно ли», «есть ли»), typed right or with one slip of the finger («поечм», «скольео»).
 * «только педикюр, без маникюра» is no question, whatever the classifier's guess: naming what the flow
 * asks, it answers.
 */
import { oneSlipApart } from '../slots';

const QUESTION_WORDS = new Set([
  'сколько', 'почем', 'стоит', 'стоимость', 'цена', 'цены', 'прайс', 'расценки', 'подскажите', 'где', 'когда', 'как', 'какой',
  'какая', 'какое', 'какие', 'каким', 'какую', 'почему', 'зачем', 'что', 'чем', 'кто', 'куда', 'откуда', 'ли', 'можно', 'есть',
  'нужно', 'надо', 'бывает', 'принимаете', 'делаете', 'работаете',
]);

/**
 * Question words recognised with one letter wrong, missing, extra or swapped: those no statement word is
 * one slip from («нужна» is one from «нужно», «какао» from «какая»).
 */
const TYPO_TOLERANT = ['сколько', 'почем', 'стоимость', 'подскажите', 'принимаете', 'работаете', 'делаете'];

export function asksQuestion(text: string): boolean {
  if (/\?/.test(text)) return true;
  const words = text.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}]+/u).filter(Boolean);
  return words.some((w) => QUESTION_WORDS.has(w) || (w.length >= 4 && TYPO_TOLERANT.some((q) => oneSlipApart(w, q))));
}

/**
 * Question words that ask for information rather than for a visit: «сколько стоит маникюр в субботу?» is
 * a question, «маникюр в субботу можно?» and «есть окошко на субботу?» ask to book.
 */
const INFORMATION_WORDS = new Set(['сколько', 'почем', 'стоит', 'стоимость', 'цена', 'цены', 'прайс', 'расценки', 'где', 'как', 'какой', 'какая', 'какое', 'какие', 'почему', 'зачем', 'куда', 'откуда', 'долго', 'длится']);

export function asksForInformation(text: string): boolean {
  const words = text.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}]+/u).filter(Boolean);
  return words.some((w) => INFORMATION_WORDS.has(w) || (w.length >= 4 && TYPO_TOLERANT.some((q) => oneSlipApart(w, q))));
}
