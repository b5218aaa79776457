/**
 * How typed messages get spoilt in messengers, at seeded rates: no capital letters, no final
 * punctuation, a typo (two letters swapped, one dropped or doubled), now and then the wrong keyboard
 * layout (Russian typed on Latin keys: «запишите» → «pfgbibnt»). Protected words (a name, a phone, a
 * code) are left as they are: the judge holds the booking to them.
 */
import type { Random } from '../../crm';

export interface PerturbRates {
  lowercase: number;
  noPunctuation: number;
  typo: number;
  layout: number;
}

export const DEFAULT_RATES: PerturbRates = { lowercase: 0.5, noPunctuation: 0.5, typo: 0.15, layout: 0.02 };

const RU = 'йцукенгшщзхъфывапролджэячсмитьбю';
const EN = 'qwertyuiop[]asdfghjkl;\'zxcvbnm,.';
const LAYOUT = new Map([...RU].map((c, i) => [c, EN[i]]));

/** Russian letters as the same keys on the Latin layout. */
export function wrongLayout(text: string): string {
  return [...text.toLowerCase().replace(/ё/g, '`')].map((c) => LAYOUT.get(c) ?? c).join('');
}

/** One typo in a word of five letters or more that is not protected; the text unchanged if there is none. */
export function typo(random: Random, text: string, protectedWords: string[] = []): string {
  const words = text.split(' ');
  const guarded = new Set(protectedWords.flatMap((w) => w.toLowerCase().split(/\s+/)));
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[а-яё]{5,}$/i.test(w) && !guarded.has(w.toLowerCase()));
  if (candidates.length === 0) return text;
  const [word, at] = random.pick(candidates);
  const i = 1 + random.int(word.length - 2);
  const kind = random.int(3);
  const spoilt = kind === 0 ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : kind === 1 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i] + word.slice(i);
  words[at] = spoilt;
  return words.join(' ');
}

/** The text as the guest actually sends it. */
export function perturb(random: Random, text: string, rates: PerturbRates, protectedWords: string[] = []): string {
  let out = text;
  if (random.chance(rates.typo)) out = typo(random, out, protectedWords);
  if (random.chance(rates.noPunctuation)) out = out.replace(/[.!?,]+$/u, '').replace(/,/g, random.chance(0.5) ? '' : ',');
  if (random.chance(rates.lowercase) && protectedWords.length === 0) out = out.toLowerCase();
  if (protectedWords.length === 0 && random.chance(rates.layout)) out = wrongLayout(out);
  return out.replace(/\s+/g, ' ').trim();
}
