/**
 * The polarity a sentence states, on four axes:
 *  - stance: «да», «можно», «есть», «разрешено» (+) against «нет», «нельзя», «не пускаем», «не делаем» (−);
 *  - cost: «бесплатно», «без доплаты» (+ free) against «платно», «за отдельную плату», a price in ₽ (− paid);
 *  - necessity: «нужна», «обязательно», «требуется» (+) against «не нужна», «не обязательно», «без …» (−);
 *  - scope: «все», «любой», «каждый», «ежедневно», «ни один» (+ every case) against «только», «лишь»,
 *    «кроме» (− some cases).
 * A «не» before a cue turns it («не бесплатно» is paid, «не нужна» not needed). Also whether the
 * sentence is a condition («если…», «при условии…»). Pure.
 */
import { wordsOf } from './words';

export type PolarityAxis = 'stance' | 'cost' | 'necessity' | 'scope';

/** One polarity a sentence states: the axis, its sign, and the cue as written (a word of the cue lists). */
export interface PolarityClaim {
  axis: PolarityAxis;
  value: '+' | '-';
  cue: string;
}

const YES = new Set(['да', 'конечно', 'разумеется', 'можно', 'разрешено', 'разрешается', 'допускается', 'есть', 'имеется', 'имеются', 'доступно', 'пускаем']);
const NO = new Set(['нет', 'нельзя', 'запрещено', 'запрещается', 'невозможно', 'отсутствует']);
const FREE = /^(?:бесплатн\p{L}*|даром)$/u;
const PAID = /^(?:плат(?:н\p{L}*|а|у|ы|е|ой)|доплат\p{L}*|оплачива\p{L}*)$/u;
const NEEDED = /^(?:нужн\p{L}*|нужен|надо|необходим\p{L}*|обязательн\p{L}*|требуется|требуются|придется|должны)$/u;
const EVERY = /^(?:ежедневно|все|всё|всех|всем|всеми|люб(?:ой|ая|ое|ые|ом|ую|ого|ому|ых)|кажд(?:ый|ая|ое|ые|ого|ому|ом|ую|ой))$/u;
const ONLY = new Set(['только', 'лишь', 'исключительно', 'кроме']);
/** Words a «не» before them does not make a «no»: comparisons and manner («не позже», «не важен»). */
const NOT_A_REFUSAL = /^(?:позже|раньше|дальше|больше|меньше|более|менее|так|очень|один|одна|важ\p{L}*|переживайте|волнуйтесь|стоит|забудьте|только|все|всё|всегда)$/u;
/** A verb or a short participle after «не» refuses: «не делаем», «не получится», «не разрешено». */
const VERB = /(?:ем|им|ют|ут|ят|ет|ит|ется|ится|ются|ятся|ать|ять|ить|еть|ено|ано|имо|ется|ем|ешь)$/u;
const CONDITION = /(?<![\p{L}])(?:если|при условии|в случае)(?![\p{L}])/iu;
const PRICE = /\d\s*(?:₽|руб)|(?<![\p{L}])(?:рубл\p{L}*|₽)/iu;

/** «ни одного», «ни на одну»: every case, negated. */
function isNoneOf(words: readonly string[], i: number): boolean {
  if (words[i] !== 'ни') return false;
  const next = words[i + 1]?.length <= 2 ? words[i + 2] : words[i + 1];
  return /^(?:одн|один)/u.test(next ?? '');
}

/** True for a word that is a polarity cue (content-words.ts leaves these out). */
export function isPolarityWord(word: string): boolean {
  return YES.has(word) || NO.has(word) || FREE.test(word) || PAID.test(word) || NEEDED.test(word) || EVERY.test(word) || ONLY.has(word) || word === 'без';
}

/**
 * The polarity claims of one sentence, in text order, each axis and sign once.
 *
 * @example polarityOf('Простите, с питомцами к нам нельзя.') // [{ axis: 'stance', value: '-', cue: 'нельзя' }]
 * @example polarityOf('Снятие бесплатно, если делаем новое покрытие') // [{ axis: 'cost', value: '+', cue: 'бесплатно' }]
 */
export function polarityOf(sentence: string): PolarityClaim[] {
  const claims: PolarityClaim[] = [];
  const add = (axis: PolarityAxis, value: '+' | '-', cue: string) => {
    if (!claims.some((c) => c.axis === axis && c.value === value)) claims.push({ axis, value, cue });
  };
  const words = wordsOf(sentence).filter((w) => !w.includes('-'));
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const negated = words[i - 1] === 'не';
    const flip = (value: '+' | '-'): '+' | '-' => (negated ? (value === '+' ? '-' : '+') : value);
    if (FREE.test(word)) add('cost', flip('+'), word);
    else if (PAID.test(word)) add('cost', flip('-'), word);
    else if (NEEDED.test(word)) add('necessity', flip('+'), word);
    else if (word === 'без' && words[i + 1]) {
      if (/^(?:оплат|доплат|плат)/u.test(words[i + 1])) add('cost', '+', `без ${words[i + 1]}`);
      else add('necessity', '-', 'без');
    } else if (EVERY.test(word) || isNoneOf(words, i)) add('scope', negated ? '-' : '+', word);
    else if (ONLY.has(word)) add('scope', '-', word);
    else if (NO.has(word)) add('stance', '-', word);
    else if (YES.has(word)) add('stance', flip('+'), negated ? `не ${word}` : word);
    else if (negated && VERB.test(word) && !NOT_A_REFUSAL.test(word)) add('stance', '-', `не ${word}`);
  }
  if (PRICE.test(sentence)) add('cost', '-', '₽');
  return claims;
}

/** True when the sentence states a condition: «если…», «при условии…», «в случае…» (not «когда удобно»). */
export function isCondition(sentence: string): boolean {
  return CONDITION.test(sentence);
}
