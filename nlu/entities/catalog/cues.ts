/**
 * The word before a master's name tells whose name it is. "к Анне", "у Оли", "мастер Анна" point at
 * the master; "на имя Ольги", "зовут Анна", "для Марины", "я Лена" name the guest (or whom the guest
 * books for); "на Олю" may be either ("запишите на Ирину" books under that name).
 */
import { sameSentence, type Token } from './text';

export type MasterCue = 'master' | 'guest' | 'either' | 'none';

const MASTER_WORDS = new Set(['к', 'ко', 'у']);
const MASTER_PREFIXES = ['мастер', 'топ', 'стилист', 'парикмахер', 'бровист', 'лешмейкер', 'колорист'];
const GUEST_WORDS = new Set(['для', 'зовут', 'звать', 'имя', 'имени', 'я', 'это', 'меня']);
const EITHER_WORDS = new Set(['на']);

/** What the word before `tokens[index]` (in the same sentence) says about a name there. */
export function masterCue(text: string, tokens: readonly Token[], index: number): MasterCue {
  const before = tokens[index - 1];
  if (!before || !sameSentence(text, before, tokens[index])) return 'none';
  const word = before.norm;
  if (MASTER_WORDS.has(word) || MASTER_PREFIXES.some((p) => word.startsWith(p))) return 'master';
  if (GUEST_WORDS.has(word)) return 'guest';
  if (EITHER_WORDS.has(word)) return 'either';
  return 'none';
}
