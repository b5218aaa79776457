import { afterGreeting, normaliseForClassifier, type Entity } from '../../../nlu';
import { answerFaq } from '../answer-faq';
import { questionEntities } from '../question-context';
import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** Answers the guest's question from the FAQ (see `answerFaq`), read against the conversation (see `questionEntities`). */
export async function answerQuestion(command: CommandOf<'answer_question'>, ctx: TurnContext): Promise<void> {
  if (command.inPassing) ctx.stack.events.push({ type: 'digression', intent: ctx.u.intent });
  else ctx.state.fallbacks = 0;
  const slots = ctx.stack.top ? ctx.stack.slots() : {};
  const entities = questionEntities(ctx.u.text, ctx.u.entities, slots, ctx.state.mentioned as Entity[] | undefined);
  // «добрый день девочки, дочке 10 лет, её обслужите»: the question is what follows the greeting.
  const text = afterGreeting(normaliseForClassifier(ctx.u.text)) ?? ctx.u.text;
  const answered = await answerFaq({ ...ctx.u, text, entities }, ctx.turn, !command.inPassing && !command.otherwise && !command.orNoValue, { faq: ctx.deps.faq, log: ctx.deps.log });
  if (command.orNoValue) {
    // A question the classifier was unsure of: answered, the flow asks again; else it is no value.
    if (!answered) ctx.stack.events.pop();
    if (!ctx.turn.handover) await ctx.stack.send(answered ? { type: 'REPEAT' } : { type: 'NO_VALUE' });
    return;
  }
  if (!answered && command.otherwise) await ctx.turn.respond(command.otherwise);
}
