/**
 * Whether a message is put as a question: a question mark, or a question word («сколько», «почём»,
 * «где», «можно ли», «есть ли»), typed right or with one slip of the finger («поечм», «скольео»).
 * «только педикюр, без маникюра» is no question, whatever the classifier's guess: naming what the flow
 * asks, it answers.
 */
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

/** True when `a` becomes `b` by one substitution, insertion, deletion or swap of neighbours. */
function oneSlipApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
