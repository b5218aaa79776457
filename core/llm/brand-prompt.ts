/**
 * The brand voice as prompt lines, from `content/brand.yaml`: the staff's own rules of tone and
 * prohibitions, plus the limits the code checks afterwards (sentences, emoji), so the model knows them.
 */
import type { Brand } from '../../salon';
import { redactPersonalData } from '../../common';
import type { RecentTurn } from './types';

/** The prompt section on how the salon speaks and what it never does. */
export function brandSection(brand: Brand): string {
  const emoji = brand.max_emoji > 0 && brand.emoji.length > 0
    ? `Не больше ${brand.max_emoji} эмодзи на сообщение и только из этих: ${brand.emoji.join(' ')}.`
    : 'Без эмодзи.';
  return [
    'Как мы говорим:',
    ...brand.voice.map((line) => `- ${line}`),
    `- Не больше ${brand.max_sentences} предложений в сообщении.`,
    `- ${emoji}`,
    '',
    'Никогда:',
    ...brand.never.map((line) => `- ${line}`),
  ].join('\n');
}

/** How many earlier messages a prompt shows, and how long each may be. */
export const RECENT_TURNS = 4;
const MAX_TURN_CHARS = 300;

/**
 * The last few turns, shortened, with phones and e-mails masked (the model needs neither).
 *
 * @example recentForPrompt([{ role: 'guest', text: 'мой номер 89991234567' }]) // [{ role: 'guest', text: 'мой номер +7 *** ***-**-67' }]
 */
export function recentForPrompt(turns: readonly RecentTurn[] | undefined): RecentTurn[] {
  if (!Array.isArray(turns)) return [];
  return turns
    .filter((t) => t && (t.role === 'guest' || t.role === 'assistant') && typeof t.text === 'string' && t.text.trim() !== '')
    .slice(-RECENT_TURNS)
    .map((t) => ({ role: t.role, text: shorten(redactPersonalData(t.text.trim()), MAX_TURN_CHARS) }));
}

/** A text cut to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
