import type { Button } from '../../../common';
import { buttonTitle } from '../button-titles';
import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** «Вы имели в виду…?» with the likeliest intents as buttons, and a person always last. */
export async function clarify(command: CommandOf<'clarify'>, { deps, state, turn }: TurnContext): Promise<void> {
  state.fallbacks = (state.fallbacks ?? 0) + 1;
  turn.events.push({ type: 'fallback', level: state.fallbacks });
  const buttons: Button[] = command.intents.map((intent) => ({ title: buttonTitle(deps.responses, intent), payload: `/intent ${intent}` }));
  buttons.push({ title: buttonTitle(deps.responses, 'handover'), payload: '/handover' });
  state.pending = { kind: 'clarify' };
  await turn.respond('fallback_clarify', {}, buttons);
}
