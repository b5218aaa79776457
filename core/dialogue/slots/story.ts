/**
 * How much a message tells besides the salon things it names: the words of three letters or more
 * outside its entities, without greetings and the words that only announce a complaint or a request.
 */
import type { Entity } from '../../../nlu';

/** Words that tell nothing of what happened: greetings, «хочу пожаловаться», «у меня», «вас». */
const ANNOUNCING = /^(?:здравств\p{L}*|добр\p{L}*|привет\p{L}*|день|вечер|утро|хочу|хотела?|хотим|пожаловаться|жалоб\p{L}*|претензи\p{L}*|меня|мне|вас|вам|ваш\p{L}*|салон\p{L}*|пожалуйста|очень|просто|вот|такая|такой|ситуация|было|была|был)$/u;

/** Entities whose span runs from their first word to their last, over what lies between. */
const TIMES = new Set(['when', 'past_when']);

/** The number of telling words of the text. */
export function tellingWords(text: string, entities: readonly Entity[]): number {
  let rest = text;
  // A time's span may reach over the story («вчера … через день»): only the names are taken out.
  for (const e of [...entities].filter((e) => e.end > e.start && !TIMES.has(e.entity)).sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, e.start)} ${rest.slice(e.end)}`;
  return rest.toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}]+/u).filter((w) => w.length >= 3 && !ANNOUNCING.test(w)).length;
}
