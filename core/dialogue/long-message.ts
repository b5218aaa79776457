/**
 * A message over the length cap is read whole for what it asks (#13, defect 13): a long story often
 * ends with the request («…В общем, запишите меня на маникюр в пятницу»). The classifier reads it a
 * sentence at a time from the end: the last sentence it reads confidently as a request with a flow of
 * its own is the message's intent; without one, the capped text is classified as before. Entities and
 * free-text answers (a complaint's description) come from the whole message.
 */
import type { Clock, Entity, IntentScore, Nlu } from '../../nlu';
import type { Understanding } from './understand';

/** How many sentences from the end are read for the request. */
const SENTENCES_READ = 12;
/** The extractors of dates read the start of a text; its end is read on its own as well. */
const TAIL_CHARS = 1000;
/** Beyond this nothing is read at all (a pasted book). */
export const MAX_READ_CHARS = 20_000;

export interface LongMessage {
  /** The whole message (up to `MAX_READ_CHARS`). */
  whole: string;
  /** What the length cap kept: classified when no sentence asks for anything. */
  capped: string;
  /** Whether an intent starts a flow of its own. */
  isRequest: (intent: string) => boolean;
}

/** Understands a message over the cap (see the module's comment). */
export async function understandLong(nlu: Pick<Nlu, 'rank' | 'entities' | 'fallbackThreshold'>, message: LongMessage, now: ReturnType<Clock>): Promise<Understanding> {
  const whole = message.whole.slice(0, MAX_READ_CHARS);
  const ranking = (await askingSentence(nlu, whole, message.isRequest)) ?? (await nlu.rank(message.capped));
  const top = ranking[0];
  const confident = top !== undefined && top.confidence >= nlu.fallbackThreshold;
  return {
    text: whole,
    intent: confident ? top.name : 'nlu_fallback',
    confidence: top?.confidence ?? 0,
    ranking,
    entities: entitiesOfWhole(nlu, whole, now),
    lowConfidence: !confident,
  };
}

async function askingSentence(nlu: Pick<Nlu, 'rank' | 'fallbackThreshold'>, text: string, isRequest: (intent: string) => boolean): Promise<IntentScore[] | undefined> {
  const sentences = text.split(/(?<=[.!?…])\s+|\n+/u).filter((s) => /\p{L}{2,}/u.test(s)).slice(-SENTENCES_READ).reverse();
  for (const sentence of sentences) {
    const ranking = await nlu.rank(sentence);
    if (ranking[0] && ranking[0].confidence >= nlu.fallbackThreshold && isRequest(ranking[0].name)) return ranking;
  }
  return undefined;
}

/** The entities of the whole text, with those of its end that the start has none of (a day at the end). */
function entitiesOfWhole(nlu: Pick<Nlu, 'entities'>, text: string, now: Date): Entity[] {
  const found = nlu.entities(text, now);
  if (text.length <= TAIL_CHARS) return found;
  const offset = text.length - TAIL_CHARS;
  const named = new Set(found.map((e) => e.entity));
  const tail = nlu.entities(text.slice(offset), now).filter((e) => !named.has(e.entity)).map((e) => ({ ...e, start: e.start + offset, end: e.end + offset }));
  return [...found, ...tail];
}
