import type { Command } from '../../commands';
import { onlyHesitates } from '../../slots';
import { asksQuestion } from '../question';
import type { Reading } from '../reading';

/** Intents answered in passing: the pending question is asked again after them. */
export const DIGRESSIONS = new Set(['faq', 'greet', 'thanks', 'goodbye', 'out_of_scope']);

/**
 * A question in passing is answered, then the pending question is asked again. A greeting's entities
 * may still fill slots; a question's do not ("сколько стоит педикюр?" chooses nothing). «а можно на
 * патриках?» names only what the flow asks: an answer, however it is punctuated.
 */
export function digressionRule(r: Reading): Command[] | undefined {
  const { u, confident, values } = r;
  if (!r.active || !DIGRESSIONS.has(u.intent) || !confident) return undefined;
  if (r.freeTextAwaited || onlyHesitates(u.text) || r.answersOnly || r.valueAnswer) return undefined;
  // A statement that gives the flow's values answers it, though the classifier heard a question.
  if (u.intent === 'faq' && Object.keys(values).length > 0 && !asksQuestion(u.text)) return undefined;
  if (u.intent !== 'faq' && Object.keys(values).length > 0) return [{ kind: 'set_slots', values, corrects: corrected(r), inPassing: true }];
  const answer: Command = u.intent === 'faq' ? { kind: 'answer_question', inPassing: true }
    // «а сколько это будет стоить?» may sound like small talk to the classifier: the FAQ is asked first.
    : u.intent === 'out_of_scope' ? { kind: 'answer_question', inPassing: true, otherwise: 'out_of_scope' }
    : { kind: 'chit_chat', response: u.intent, inPassing: true };
  return [answer, { kind: 'repeat_question' }];
}

/** The slots the values change: filled before with something else. */
export function corrected({ values, slots }: Reading): string[] {
  return Object.keys(values).filter((name) => slots[name] !== undefined && slots[name] !== null && JSON.stringify(slots[name]) !== JSON.stringify(values[name]));
}
