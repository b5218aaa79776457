import { offerResume } from '../resume-offer';
import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/**
 * Ends the active flow unfinished. After «стоп» the guest hears that we stopped, and is offered the flow
 * it interrupted, if any; after «нет» to «вернёмся к …?», what else we can do.
 */
export async function cancelFlow(command: CommandOf<'cancel_flow'>, ctx: TurnContext): Promise<void> {
  ctx.stack.stopTop();
  await ctx.turn.respond(command.then);
  if (command.then === 'stopped' && ctx.stack.top) offerResume(ctx);
}
