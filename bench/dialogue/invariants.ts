/**
 * What every turn must do whatever the goal: answer, ask at most one question, not repeat itself
 * three times running; a question in passing is answered with its fact and the flow's question comes back.
 */
import { comparable } from './questions';
import { whereOf, type Conversation, type Failure } from './record';

/** Question marks that end a sentence: «Верно?», «…другой день?» (not «?)» inside a quote). */
const questionsIn = (text: string): number => (text.match(/\?(?=\s|$|[^\p{L}\p{N}])/gu) ?? []).length;

export function turnFailures(c: Conversation): Failure[] {
  const failures: Failure[] = [];
  let previous: string | undefined;
  let repeats = 0;
  c.turns.forEach(({ said, result }, i) => {
    const where = whereOf(c.turns[i - 1]?.result ?? result);
    const text = result.replies.map((r) => r.text).join('\n');
    if (result.replies.length === 0 && !result.handedOver) failures.push({ check: 'no reply', where, detail: `turn ${i + 1}: «${said.sent.text ?? said.sent.payload}» got no reply` });
    const asked = questionsIn(text);
    if (asked >= 2) failures.push({ check: 'two questions in a turn', where: `${result.flow ?? c.turns[i - 1]?.result.flow ?? '-'} [${result.replies.map((r) => r.response).join('+')}]`, detail: `turn ${i + 1}: ${asked} questions: ${text.replace(/\n/g, ' / ')}` });
    repeats = text === previous ? repeats + 1 : 0;
    if (repeats === 2) failures.push({ check: 'loop (same reply 3 times)', where: `${whereOf(result)} [${result.replies.map((r) => r.response).join('+')}]`, detail: `turn ${i + 1}: ${text.replace(/\n/g, ' / ')}` });
    previous = text;
    const question = questionOf(c, said.note);
    if (question && !comparable(text).includes(comparable(question.expect))) {
      failures.push({ check: 'question answered without its fact', where: `${said.note.startsWith('digression') ? where : 'faq'} (${question.fact})`, detail: `turn ${i + 1}: «${said.sent.text}» expected «${question.expect}», got: ${text.replace(/\n/g, ' / ')}` });
    }
    if (said.note.startsWith('digression:')) {
      const slot = said.note.slice('digression:'.length);
      if (result.awaiting !== slot && !result.handedOver) failures.push({ check: 'question in passing lost the flow\'s question', where: `${where}`, detail: `turn ${i + 1}: after «${said.sent.text}» awaiting ${result.awaiting} instead of ${slot}` });
    }
  });
  return failures;
}

/** The question a note stands for: `question:<i>` of a FAQ goal, or the digression. */
function questionOf(c: Conversation, note: string) {
  if (note.startsWith('question:') && c.goal.kind === 'faq') return c.goal.questions[Number(note.slice('question:'.length))];
  if (note.startsWith('digression:')) return c.goal.digression?.question;
  return undefined;
}
