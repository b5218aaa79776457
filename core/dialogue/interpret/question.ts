/**
 * Whether a message is put as a question: a question mark, or a question word («сколько», «где»,
 * «можно ли», «есть ли»). «только педикюр, без маникюра» is no question, whatever the classifier's
 * guess: naming what the flow asks, it answers.
 */
const QUESTION_WORDS = /(?:^|[^\p{L}])(?:сколько|где|когда|как|какой|какая|какое|какие|каким|какую|почему|зачем|что|чем|кто|куда|откуда|ли|можно|есть|нужно|надо|бывает|принимаете|делаете|работаете)(?![\p{L}])/iu;

export function asksQuestion(text: string): boolean {
  return /\?/.test(text) || QUESTION_WORDS.test(text.toLowerCase().replace(/ё/g, 'е'));
}
