/**
 * The guard Rasa's rephraser lacks: a reworded reply must keep every variable value, number, time,
 * date, price and name of the template, add none, leave the buttons to the buttons, and keep the brand
 * voice. Otherwise the template is sent.
 */
import type { Brand } from '../../salon';
import { emojiIn } from '../responses';
import { isNoAnswer } from './faq-prompt';
import { extractFacts } from './facts';
import { buildGrounding, unsupportedFacts } from './grounding';
import { countSentences, voiceProblems } from './voice';

const APOLOGY = /извин|прости|сожалени|жаль/iu;
const PAYLOAD = /(?:^|\s)\/(?:slot|intent|resume|handover)\b/u;

export interface RephraseCheck {
  /** Values, facts and names of the template the candidate lost, as written in the template. */
  missing: string[];
  /** Everything else wrong: added facts, listed buttons, voice, length. */
  problems: string[];
}

export interface RephraseGuardContext {
  /** The values the template was filled with. */
  vars?: Record<string, unknown>;
  /** The titles of the buttons sent with the text. */
  buttonTitles?: readonly string[];
  brand: Brand;
  /** No emoji at all. Default: when the template has none and apologises. */
  noEmoji?: boolean;
}

/**
 * Checks a reworded reply against its template.
 *
 * @example
 * checkRephrase('Ждём вас пт, 27 ноября, 18:00 🌸', 'Будем ждать вас в пятницу 🌸', { vars: { slot_time: 'пт, 27 ноября, 18:00' }, brand })
 * // { missing: ['пт, 27 ноября, 18:00', '27 ноября', '18:00', …], problems: [] }
 */
export function checkRephrase(template: string, candidate: string, context: RephraseGuardContext): RephraseCheck {
  const missing: string[] = [];
  const problems: string[] = [];
  const normalisedCandidate = normalise(candidate);

  // Every variable value the template shows, word for word.
  const values = protectedValues(template, context.vars);
  for (const value of values) if (!normalisedCandidate.includes(normalise(value))) missing.push(value);

  // Every fact of the template, by value.
  const kept = buildGrounding([candidate]);
  for (const fact of unsupportedFacts(template, kept)) if (!missing.includes(fact.raw)) missing.push(fact.raw);

  // No fact the template and its values do not have.
  const added = unsupportedFacts(candidate, buildGrounding([template, ...values], { knownWords: [context.brand.name] }));
  if (added.length > 0) problems.push(`adds ${added.map((f) => f.raw).join(', ')}`);

  if (PAYLOAD.test(candidate)) problems.push('shows a button payload');
  for (const title of context.buttonTitles ?? []) {
    const t = normalise(title);
    if (t.length >= 6 && normalisedCandidate.includes(t) && !normalise(template).includes(t)) problems.push(`lists the button «${title}»`);
  }
  if (isNoAnswer(candidate)) problems.push('is a refusal');

  const noEmoji = context.noEmoji ?? (emojiIn(template).length === 0 && APOLOGY.test(template));
  problems.push(...voiceProblems(candidate, context.brand, { noEmoji, maxSentences: Math.max(context.brand.max_sentences, countSentences(template)) }));
  const length = Array.from(candidate).length;
  const original = Array.from(template).length;
  if (length > Math.max(original * 2, original + 80)) problems.push(`${length} characters for a template of ${original}`);
  if (length < Math.min(original, Math.ceil(original / 3))) problems.push(`${length} characters for a template of ${original}`);
  return { missing, problems };
}

/** The display values of the variables that appear in the template. */
export function protectedValues(template: string, vars: Record<string, unknown> | undefined): string[] {
  const text = normalise(template);
  const values: string[] = [];
  for (const value of Object.values(vars ?? {})) {
    const shown = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
    if (shown !== '' && text.includes(normalise(shown)) && !values.includes(shown)) values.push(shown);
  }
  return values;
}

/** The template's facts as written: what the prompt asks the model to keep. */
export function factsToKeep(template: string): string[] {
  return [...new Set(extractFacts(template).filter((f) => f.kind !== 'service' && f.kind !== 'name').map((f) => f.raw))];
}

/** Lowercase, ё → е, every kind of space one plain space. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00A0\u202F\u2009\u2007]+/g, ' ').trim();
}
