/**
 * Free text standing in for an entity: what is left of a short answer once the entities used for other
 * slots and the filler words are taken out («Ксения Орлова», not «а лучше в субботу»).
 */
import { foldForMatching, type Entity } from '../../../nlu';
import { SLIP_TOLERANT_LENGTH, sameWord } from './one-slip';

/** Free text standing in for an entity is a short answer (a name), not a message about something else. */
const MAX_SHORT_ANSWER_WORDS = 4;
const MAX_SHORT_ANSWER_LENGTH = 60;

/**
 * Words that carry no answer of their own: what is left of "а лучше в субботу" or "нет, к Марине"
 * once the entities are taken out.
 */
const FILLER_WORDS = new Set([
  'а', 'и', 'но', 'да', 'нет', 'не', 'ну', 'ой', 'же', 'ли', 'бы', 'то', 'уж', 'вот', 'так', 'тогда', 'лучше', 'давайте', 'давай',
  'можно', 'пожалуйста', 'плиз', 'хочу', 'хотела', 'хотел', 'мне', 'нам', 'меня', 'в', 'во', 'на', 'к', 'ко', 'у', 'с', 'со', 'до',
  'после', 'от', 'по', 'за', 'из', 'о', 'об', 'или', 'тоже', 'еще', 'все', 'таки', 'точнее', 'вернее', 'наверное', 'пусть', 'это', 'все-таки',
  // The words that introduce a name: «я Диана», «меня зовут Ксения», «моё имя Вера», «запишите на имя Оли».
  'я', 'зовут', 'звать', 'имя', 'мое', 'моё', 'записывайте', 'пишите', 'запиши', 'запись', 'записи', 'ее', 'его', 'она', 'он',
  // … and whom it is for: «это для свекрови Соня», «для мамы Тамара Ивановна».
  'для', 'мамы', 'маме', 'маму', 'мама', 'дочки', 'дочке', 'дочери', 'дочь', 'сестры', 'сестре', 'подруги', 'подруге', 'свекрови',
  'бабушки', 'бабушке', 'мужа', 'мужу', 'сына', 'сыну', 'ребенка', 'ребенку',
  'мастер', 'мастеру', 'мастера', 'мастером', 'салон', 'салоне', 'салона', 'филиал', 'филиале', 'перенесите', 'запишите', 'поменяйте',
]);

/** Long filler words are known with one slip too («звут», «пожалуста»). */
const LONG_FILLERS = [...FILLER_WORDS].filter((w) => w.length >= SLIP_TOLERANT_LENGTH);

function isFiller(word: string): boolean {
  return FILLER_WORDS.has(word) || LONG_FILLERS.some((f) => sameWord(word, f));
}

export function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** A word of a name: letters, maybe joined by a hyphen or an apostrophe ("Анна-Мария", "O'Neil"). */
const NAME_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;

/**
 * The words of the text outside the entities used for other slots, without filler words, as the guest
 * wrote them; undefined unless that is a short answer of letter words. Russian typed in the Latin
 * layout ("pfdnhf dtxthjv") is not a name: the guest meant something else.
 */
export function leftover(text: string, used: readonly Entity[]): string | undefined {
  let rest = text;
  for (const e of [...used].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, e.start)} ${rest.slice(e.end)}`;
  const words = rest.split(/[\s,.;:!?()«»"…]+/u).filter((w) => w !== '' && !isFiller(w.toLowerCase().replace(/ё/g, 'е')));
  const answer = words.join(' ');
  if (words.length === 0 || words.length > MAX_SHORT_ANSWER_WORDS || answer.length > MAX_SHORT_ANSWER_LENGTH) return undefined;
  if (!words.every((w) => NAME_WORD.test(w))) return undefined;
  const wrongLayout = /[a-z]/i.test(answer) && /[а-яё]/.test(foldForMatching(answer));
  return wrongLayout ? undefined : answer;
}

