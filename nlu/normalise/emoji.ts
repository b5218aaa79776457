/**
 * The few emoji that carry meaning for intent classification, turned into words before every other
 * emoji is dropped. Kept deliberately short: each entry must change what a guest means, not decorate it.
 *
 * | emoji        | word      | why                                          |
 * |--------------|-----------|----------------------------------------------|
 * | 👍 👌 ✅ 🙌 💯 | ок      | agreement, answers "подходит?"               |
 * | 👎 ❌        | нет       | refusal, answers "подходит?"                 |
 * | 🙏           | спасибо   | thanks (or "please"), closes a dialogue      |
 * | 😡 🤬 😢 😭  | негатив   | anger or distress: a complaint signal        |
 * | 💅           | маникюр   | the nail emoji alone is a booking request    |
 * | 👋           | привет    | a greeting                                   |
 */

/** The token that stands for an angry or crying emoji. */
export const NEGATIVE_EMOJI_TOKEN = 'негатив';

/** Meaningful emoji and the word each one becomes. */
export const EMOJI_WORDS: ReadonlyMap<string, string> = new Map([
  ['👍', 'ок'],
  ['👌', 'ок'],
  ['✅', 'ок'],
  ['🙌', 'ок'],
  ['💯', 'ок'],
  ['👎', 'нет'],
  ['❌', 'нет'],
  ['🙏', 'спасибо'],
  ['😡', NEGATIVE_EMOJI_TOKEN],
  ['🤬', NEGATIVE_EMOJI_TOKEN],
  ['😢', NEGATIVE_EMOJI_TOKEN],
  ['😭', NEGATIVE_EMOJI_TOKEN],
  ['💅', 'маникюр'],
  ['👋', 'привет'],
]);

const MEANINGFUL = new RegExp([...EMOJI_WORDS.keys()].join('|'), 'gu');

/**
 * Replaces each meaningful emoji with its word, padded with spaces so it stands as its own token.
 * Other emoji are left for punctuation removal.
 *
 * @example
 * replaceMeaningfulEmoji('супер👍👍') // 'супер ок  ок '
 */
export function replaceMeaningfulEmoji(text: string): string {
  return text.replace(MEANINGFUL, (emoji) => ` ${EMOJI_WORDS.get(emoji)} `);
}
