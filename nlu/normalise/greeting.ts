/**
 * The greeting a message opens with. «Здравствуйте, хочу пожаловаться на ваш салон» is a complaint: the
 * greeting is politeness, and the words after it say what the guest wants.
 */

/** One greeting word of a normalised text (lowercase, ё→е, no punctuation). */
const GREETING_WORD = /^(?:здравств\p{L}*|здраств\p{L}*|здрасьте|здрасти|здрасте|дратути|привет\p{L}*|прив|приветствую|хай|салют|ку|hi|hello|хеллоу|добр\p{L}*|доброго|день|дня|утро|утречко|вечер|вечерочка|времени|суток|девочки|девушки|ну)$/u;

/** Words a greeting needs besides itself to be more than a greeting. */
const MIN_REST_WORDS = 2;

/**
 * What follows the greeting that opens a normalised message, or null when the message does not open with
 * one or is (almost) only a greeting: «здравствуйте хочу пожаловаться» → «хочу пожаловаться».
 */
export function afterGreeting(normalised: string): string | null {
  const words = normalised.split(' ').filter((w) => w.length > 0);
  let i = 0;
  while (i < words.length && GREETING_WORD.test(words[i])) i++;
  // «добрый день» alone, «ну» alone: nothing greets; «день рождения» does not open with a greeting.
  if (i === 0 || !words.slice(0, i).some(isGreetingHead)) return null;
  return words.length - i >= MIN_REST_WORDS ? words.slice(i).join(' ') : null;
}

/** The word that makes a run of greeting words a greeting (not «день», «ну» or «девочки» on their own). */
function isGreetingHead(word: string): boolean {
  return !/^(?:день|дня|утро|утречко|вечер|вечерочка|времени|суток|девочки|девушки|ну)$/u.test(word);
}
