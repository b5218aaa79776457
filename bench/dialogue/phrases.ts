/**
 * The phrase bank (phrases.yaml) and filling its templates: «хочу записаться на {svc} {when}».
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Random } from '../../crm';

export interface DayPart {
  text: string;
  from?: string;
  to?: string;
  exact?: boolean;
  whole_hour?: boolean;
}

export interface FaqQuestion {
  /** `price:<service>`, `address:<branch>`, `hours:<branch>`, `parking:<branch>`, `text:<words>`. */
  fact: string;
  questions: string[];
}

/** The bank as written: lists of phrases by use (see phrases.yaml). */
export interface PhraseBank {
  lists: Record<string, string[]>;
  services: Record<string, string[]>;
  branches: Record<string, string[]>;
  masters: Record<string, string[]>;
  complaintOpenings: Record<string, string[]>;
  outcomes: Record<string, string[]>;
  weekdays: Record<string, string[]>;
  days: Record<string, string[]>;
  months: Record<string, string>;
  relatives: Array<{ acc: string; gen: string }>;
  dayParts: DayPart[];
  faq: FaqQuestion[];
}

export const PHRASES_FILE = join(__dirname, 'phrases.yaml');

const MAPS = { services: 'services', branches: 'branches', masters: 'masters', complaintOpenings: 'complaint_openings', outcomes: 'outcome_answers', weekdays: 'weekday_forms', days: 'day_forms' } as const;

/** Reads the bank; every top-level list of strings is in `lists` by its key. */
export function loadPhraseBank(file = PHRASES_FILE): PhraseBank {
  const raw = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const lists: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) lists[key] = value as string[];
  }
  const maps = Object.fromEntries(Object.entries(MAPS).map(([name, key]) => [name, (raw[key] ?? {}) as Record<string, string[]>]));
  return {
    lists,
    ...(maps as Pick<PhraseBank, keyof typeof MAPS>),
    months: Object.fromEntries(Object.entries((raw.months ?? {}) as Record<string, string>).map(([k, v]) => [String(k), v])),
    relatives: (raw.relatives ?? []) as PhraseBank['relatives'],
    dayParts: ((raw.day_parts ?? []) as DayPart[]).map((p) => ({ ...p, text: p.text ?? '' })),
    faq: (raw.faq ?? []) as FaqQuestion[],
  };
}

/** A list of the bank by key, or an error naming it. */
export function list(bank: PhraseBank, key: string): string[] {
  const found = bank.lists[key];
  if (!found?.length) throw new Error(`phrases.yaml has no list "${key}"`);
  return found;
}

/** Fills `{name}` placeholders; missing ones become empty; spaces are tidied. */
export function fill(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '').replace(/\s+/g, ' ').replace(/\s+([?,.!])/g, '$1').trim();
}

/** A random phrase of a list, filled. */
export function say(random: Random, bank: PhraseBank, key: string, values: Record<string, string | undefined> = {}): string {
  return fill(random.pick(list(bank, key)), values);
}

/** Lists of pieces that open or fill a message, never a message alone. */
const FRAGMENTS = new Set(['greeting_prefixes', 'first_names', 'last_names', 'other_names', 'ordinals']);

/** Every phrase of the bank with its placeholders (for the overlap check). */
export function allPhrases(bank: PhraseBank): string[] {
  const out: string[] = [];
  for (const [key, items] of Object.entries(bank.lists)) if (!FRAGMENTS.has(key)) out.push(...items);
  // Services, branches, masters and days are pieces of messages, never sent alone: checked inside the templates.
  for (const map of [bank.complaintOpenings, bank.outcomes]) {
    for (const items of Object.values(map)) out.push(...items);
  }
  for (const entry of bank.faq) out.push(...entry.questions);
  return out;
}
