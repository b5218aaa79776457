import type { CommandOf } from './command';
import { startFlow } from './start-flow';
import type { TurnContext } from './turn-context';

/** The guest asks for a person: the handover flow takes it from here, wherever the conversation was. */
export async function handOver(_command: CommandOf<'hand_over'>, ctx: TurnContext): Promise<void> {
  await startFlow('handover', ctx);
}
