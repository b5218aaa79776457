import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** Gives the active flow values for its slots; the flow decides what a correction rewinds. */
export async function setSlots(command: CommandOf<'set_slots'>, { stack, u }: TurnContext): Promise<void> {
  if (command.inPassing) stack.events.push({ type: 'digression', intent: u.intent });
  await stack.send({ type: 'SLOTS', values: command.values });
}
