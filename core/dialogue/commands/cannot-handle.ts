import { answerFaq } from '../answer-faq';
import { buttonTitle } from '../button-titles';
import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/**
 * Nothing usable in the message. A flow asks its question again (and gives up after its attempts; the
 * calling flow then goes on with what was carried to it). Outside a flow, after the clarification: the
 * FAQ, and when it has nothing, the offer of a person.
 */
export async function cannotHandle(_command: CommandOf<'cannot_handle'>, { deps, state, stack, turn, u }: TurnContext): Promise<void> {
  if (stack.depth > 0) {
    await stack.send({ type: 'NO_VALUE' });
    return;
  }
  turn.events.push({ type: 'fallback', level: (state.fallbacks ?? 0) + 1 });
  state.fallbacks = 0;
  if (await answerFaq(u, turn, false, { faq: deps.faq, log: deps.log })) return;
  await turn.respond('fallback_not_understood_offer_human', {}, [{ title: buttonTitle(deps.responses, 'handover'), payload: '/handover' }]);
}
