/**
 * The brand voice rules a response text must keep (the brief's "Brand voice"), checked when the
 * responses are loaded so that staff learn of a slip at start-up: at most one emoji, only the brand's
 * emoji, none in an apology; the salon speaks as «мы» and calls the guest «вы»; at most three sentences;
 * no literal numbers or prices (they come from variables, i.e. from the catalog and the rules).
 */
import type { TemplateProblem } from './template';

/** The emoji the brand uses; a message carries at most one of them. */
export const BRAND_EMOJI: readonly string[] = ['💅', '✨', '🌸', '🤍'];

/** A message is at most this many sentences (plus buttons). */
export const MAX_SENTENCES = 3;

// A flag, a keycap, or a pictograph with its variation selector, skin tone and ZWJ sequence: one emoji each.
const EMOJI = /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*/gu;
const APOLOGY = /извин|прости|к сожалению|жаль/iu;
const FIRST_PERSON_SINGULAR = /(?<![\p{L}\p{N}])(я|меня|мне|мной|мой|моя|моё|мои)(?![\p{L}\p{N}])/iu;
const INFORMAL_YOU = /(?<![\p{L}\p{N}])(ты|тебя|тебе|тобой|твой|твоя|твоё|твои)(?![\p{L}\p{N}])/iu;
const DIGIT = /\p{Nd}/u;
const CURRENCY = /[₽$€]|(?<!\p{L})руб(?:лей|ля|ль)?(?!\p{L})/iu;

/** The emoji in a text, one entry per emoji (a ZWJ sequence or a flag counts once). */
export function emojiIn(text: string): string[] {
  return text.match(EMOJI) ?? [];
}

/**
 * The brand problems of one message's literal text (variables left out), first the most important.
 *
 * @param emoji  the allowed emoji, {@link BRAND_EMOJI} by default.
 * @example
 * brandProblems('Готово! 💅✨')[0].problem; // 'two emoji in one message (💅 ✨)'
 */
export function brandProblems(text: string, emoji: readonly string[] = BRAND_EMOJI): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const found = emojiIn(text);
  const allowed = new Set(emoji.map(bare));
  const alien = found.find((e) => !allowed.has(bare(e)));
  if (alien) {
    problems.push({ problem: `emoji ${alien} is not one of the brand's (${emoji.join(' ')})`, hint: `use one of ${emoji.join(' ')} or none` });
  }
  if (found.length > 1) {
    problems.push({ problem: `${found.length} emoji in one message (${found.join(' ')})`, hint: 'keep at most one emoji per message' });
  }
  if (found.length > 0 && APOLOGY.test(text)) {
    problems.push({ problem: `an apology with an emoji (${found.join(' ')})`, hint: 'remove the emoji: apologies and complaints go without one' });
  }
  // Words in «quotes» are the guest's or a button's («Любой мастер»), not the salon speaking.
  const spoken = text.replace(/«[^»]*»/g, ' ');
  const singular = FIRST_PERSON_SINGULAR.exec(spoken);
  if (singular) {
    problems.push({ problem: `the salon speaks as «${singular[1]}»`, hint: 'the salon speaks as «мы» («мы запишем», «нам жаль»)' });
  }
  const informal = INFORMAL_YOU.exec(spoken);
  if (informal) {
    problems.push({ problem: `the guest is called «${informal[1]}»`, hint: 'always address the guest as «вы»' });
  }
  if (DIGIT.test(text) || CURRENCY.test(text)) {
    problems.push({
      problem: 'a literal number or price in the text',
      hint: 'prices, times, hours and rules come from the catalog and the rules: use a variable such as {price}, {slot_time} or {free_change_hours}, or write the number in words',
    });
  }
  const sentences = countSentences(text);
  if (sentences > MAX_SENTENCES) {
    problems.push({ problem: `${sentences} sentences in one message`, hint: `keep a message to at most ${MAX_SENTENCES} sentences: shorten it or split it into two responses` });
  }
  return problems;
}

/** Sentences end with . ! ? or … followed by a space or the end; a trailing part without one counts too. */
export function countSentences(text: string): number {
  return text.split(/[.!?…]+(?=\s|$)/u).filter((s) => /\p{L}/u.test(s)).length;
}

function bare(emoji: string): string {
  return emoji.replace(/\uFE0F/g, '');
}
