import type { Command } from '../../commands';
import type { Reading } from '../reading';

/** A person, from the button or the intent, wherever the conversation is. */
export function handOverRule({ u, confident }: Reading): Command[] | undefined {
  if (u.payload?.kind === 'handover' || (u.intent === 'handover' && confident)) return [{ kind: 'hand_over' }];
  return undefined;
}
