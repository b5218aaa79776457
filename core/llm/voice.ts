/**
 * The brand voice of an LLM answer, checked by code: the brand's emoji only and at most `max_emoji` of
 * them (none in an apology), «мы» and «вы» (never «я» or «ты»), at most `max_sentences`, and Russian.
 * Also the light clean-up every model answer gets first (quotes around it, markdown).
 */
import type { Brand } from '../../salon';
import { emojiIn } from '../responses';

const FIRST_PERSON_SINGULAR = /(?<![\p{L}\p{N}])(я|меня|мне|мной|мой|моя|моё|мое|мои|моих)(?![\p{L}\p{N}])/iu;
const INFORMAL_YOU = /(?<![\p{L}\p{N}])(ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоих)(?![\p{L}\p{N}])/iu;
const APOLOGY = /извин|прости|сожалени|жаль/iu;
const ABBREVIATION = /(?<![\p{L}])(?:ул|стр|д|пер|наб|пр|просп|бул|пл|ш|м|г|мин|руб|тел|им|корп|эт|т|е|к|см)$/iu;

export interface VoiceOptions {
  /** No emoji at all: an apology or a complaint. Default: when the text apologises. */
  noEmoji?: boolean;
  /** Default the brand's `max_sentences`. */
  maxSentences?: number;
}

/**
 * What in an answer breaks the brand voice; [] when nothing does.
 *
 * @example voiceProblems('Я запишу тебя 💅✨', brand) // ['2 emoji (at most 1)', 'speaks as «я»', 'calls the guest «тебя»']
 */
export function voiceProblems(text: string, brand: Brand, options: VoiceOptions = {}): string[] {
  const problems: string[] = [];
  const emoji = emojiIn(text);
  const allowed = new Set(brand.emoji.map(bare));
  const noEmoji = options.noEmoji ?? APOLOGY.test(text);
  const maxEmoji = noEmoji ? 0 : brand.max_emoji;
  if (emoji.length > maxEmoji) problems.push(`${emoji.length} emoji (at most ${maxEmoji})`);
  const alien = emoji.find((e) => !allowed.has(bare(e)));
  if (alien) problems.push(`emoji ${alien} is not the brand's`);
  // Words in «quotes» are names or the guest's words, not the salon speaking.
  const spoken = text.replace(/«[^»]*»/g, ' ');
  const singular = FIRST_PERSON_SINGULAR.exec(spoken);
  if (singular) problems.push(`speaks as «${singular[1].toLowerCase()}»`);
  const informal = INFORMAL_YOU.exec(spoken);
  if (informal) problems.push(`calls the guest «${informal[1].toLowerCase()}»`);
  const sentences = countSentences(text);
  const maxSentences = options.maxSentences ?? brand.max_sentences;
  if (sentences > maxSentences) problems.push(`${sentences} sentences (at most ${maxSentences})`);
  const letters = text.match(/\p{L}/gu) ?? [];
  const cyrillic = letters.filter((l) => /[\u0400-\u04FF]/.test(l)).length;
  if (letters.length > 0 && cyrillic / letters.length < 0.6) problems.push('not in Russian');
  return problems;
}

/**
 * Sentences: a run ending in . ! ? or … before a space or the end (a period after "ул", "стр", "мин"
 * does not end one); a last part without an ending counts too; parts without letters do not.
 */
export function countSentences(text: string): number {
  let count = 0;
  let current = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    current += ch;
    const ends = /[.!?…]/.test(ch) && (i + 1 === chars.length || /\s/.test(chars[i + 1]));
    if (!ends) continue;
    if (ch === '.' && ABBREVIATION.test(current.slice(0, -1))) continue;
    if (/\p{L}/u.test(current)) count++;
    current = '';
  }
  if (/\p{L}/u.test(current)) count++;
  return count;
}

/**
 * A model answer tidied: surrounding quotes and a leading "Ответ:" removed, markdown emphasis and
 * headings dropped, blank lines and trailing spaces trimmed.
 *
 * @example cleanModelText('"**Да**, работаем ежедневно."') // "Да, работаем ежедневно."
 */
export function cleanModelText(text: string): string {
  let out = String(text ?? '').replace(/\r\n?/g, '\n').trim();
  out = out.replace(/^(?:ответ|сообщение|answer)\s*:\s*/iu, '');
  out = out.replace(/\*\*|__|`+/g, '').replace(/^#{1,6}\s+/gm, '');
  if (/^["'«“].*["'»”]$/su.test(out) && !/^«[^»]*»/.test(out)) out = out.slice(1, -1).trim();
  return out.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}

function bare(emoji: string): string {
  return emoji.replace(/\uFE0F/g, '');
}
