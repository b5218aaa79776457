import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** Keeps values for the flow that called the active one: it gets them when the called flow returns. */
export async function carryToCaller(command: CommandOf<'carry_to_caller'>, { stack }: TurnContext): Promise<void> {
  stack.carryToCaller(command.values);
}
