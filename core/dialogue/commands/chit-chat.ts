import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** A greeting, thanks, a goodbye, or what we can do: the response of that name. */
export async function chitChat(command: CommandOf<'chit_chat'>, { state, stack, turn, u }: TurnContext): Promise<void> {
  if (command.inPassing) stack.events.push({ type: 'digression', intent: u.intent });
  else state.fallbacks = 0;
  await turn.respond(command.response);
}
