import { answerFaq } from '../answer-faq';
import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** Answers the guest's question from the FAQ (see `answerFaq`). */
export async function answerQuestion(command: CommandOf<'answer_question'>, ctx: TurnContext): Promise<void> {
  if (command.inPassing) ctx.stack.events.push({ type: 'digression', intent: ctx.u.intent });
  else ctx.state.fallbacks = 0;
  await answerFaq(ctx.u, ctx.turn, !command.inPassing, { faq: ctx.deps.faq, log: ctx.deps.log });
}
