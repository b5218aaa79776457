import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** Asks the active flow's pending question again; not after a question only an administrator may answer. */
export async function repeatQuestion(_command: CommandOf<'repeat_question'>, { stack, turn }: TurnContext): Promise<void> {
  if (turn.handover) return;
  await stack.send({ type: 'REPEAT' });
}
