import type { Button } from '../../../common';
import type { CommandOf } from './command';
import { logTurn, type TurnContext } from './turn-context';

/**
 * A payload the assistant did not offer (an old button, or one crafted by hand) changes nothing: the
 * guest is told the button no longer works and the question stands, with the buttons it had.
 */
export async function refuseButton(command: CommandOf<'refuse_button'>, ctx: TurnContext): Promise<void> {
  const { stack, state, turn } = ctx;
  turn.events.push({ type: 'payload_refused', payload: command.payload.slice(0, 200) });
  logTurn(ctx, 'warn', 'payload.refused', { conversation: stack.conversationInfo.id, payload: command.payload.slice(0, 80) });
  if (stack.awaiting()) {
    await turn.respond('button_not_offered');
    await stack.send({ type: 'REPEAT' });
    return;
  }
  const offered = state.lastButtons as Button[] | undefined;
  if (offered?.length) {
    await turn.respond('button_not_offered', {}, offered);
    return;
  }
  // Nothing was offered (a new conversation, an old page): what the assistant can do, with its menu.
  await turn.respond('button_not_offered');
  await turn.respond('how_can_we_help');
}
