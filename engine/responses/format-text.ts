/**
 * Prices, lists, service names, phones and counted units as guests read them: "от 2 500 ₽",
 * "маникюр с покрытием гель-лак и дизайн", "+7 999 ***-**-67", "4 часа". Pure functions.
 */
import type { Catalog } from '../content/catalog';

/** Separates thousands in prices: a narrow no-break space, so "2 900" never breaks across lines. */
export const THOUSANDS_SEPARATOR = '\u202F';
/** Between a number and its unit or "от" and the number: a no-break space. */
export const UNIT_SPACE = '\u00A0';

/**
 * A price in roubles: "2 900 ₽", or "от 2 500 ₽" for a lower bound; '' for a value that is not a number.
 *
 * @example formatPrice(2500, { from: true }); // "от 2 500 ₽" (no-break spaces)
 */
export function formatPrice(rub: number, options: { from?: boolean } = {}): string {
  if (typeof rub !== 'number' || !Number.isFinite(rub)) return '';
  const whole = Math.round(rub);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+$)/g, THOUSANDS_SEPARATOR);
  const amount = `${whole < 0 ? '−' : ''}${digits}${UNIT_SPACE}₽`;
  return options.from ? `от${UNIT_SPACE}${amount}` : amount;
}

/**
 * Items joined as Russian lists them: "a", "a и b", "a, b и c"; empty items are left out.
 *
 * @example formatList(['«Патриаршие»', '«Сити»']); // "«Патриаршие» и «Сити»"
 */
export function formatList(items: readonly string[]): string {
  const present = items.filter((item) => item.trim() !== '');
  if (present.length <= 1) return present[0] ?? '';
  return `${present.slice(0, -1).join(', ')} и ${present[present.length - 1]}`;
}

/**
 * Service names from the catalog for a sentence: first letter lowercase, the part in brackets left out
 * (kept with `details`), joined as a list. An id the catalog does not have is shown as is.
 *
 * @example
 * formatServiceNames(['manicure_gel', 'nail_design'], catalog);                    // "маникюр с покрытием гель-лак и дизайн"
 * formatServiceNames(['nail_design'], catalog, { details: true });                 // "дизайн (1 ноготь)"
 */
export function formatServiceNames(ids: readonly string[], catalog: Pick<Catalog, 'services'>, options: { details?: boolean } = {}): string {
  return formatList(ids.map((id) => {
    const name = catalog.services.find((s) => s.id === id)?.name;
    if (name === undefined) return id;
    const shown = options.details ? name : name.replace(/\s*\([^)]*\)/g, '').trim();
    return lowerFirst(shown);
  }));
}

/**
 * A phone with the middle hidden: "+7 999 ***-**-67" for a Russian number (+7…, 8…, or ten digits from
 * 9), else every digit but the last two hidden; '' when there are fewer than five digits.
 *
 * @example maskPhone('+79991234567'); // "+7 999 ***-**-67"
 */
export function maskPhone(phone: string): string {
  const text = String(phone ?? '');
  let digits = text.replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('9')) digits = `7${digits}`;
  if (digits.length === 11 && /^[78]/.test(digits)) return `+7 ${digits.slice(1, 4)} ***-**-${digits.slice(9)}`;
  if (digits.length < 5) return '';
  return `${text.trim().startsWith('+') ? '+' : ''}${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** The grammatical case a count stands in: «осталось 3 часа» (nominative), «за 1 минуту» (accusative), «в течение 2 часов» (genitive). */
export type CountCase = 'nominative' | 'accusative' | 'genitive';

/** A unit a count may carry. */
export type CountUnit = 'day' | 'hour' | 'minute';

// For each case: the forms after 1, after 2–4 and after 5–20 (as in 21, 22, 25).
const FORMS: Record<CountUnit, Record<CountCase, [string, string, string]>> = {
  day: { nominative: ['день', 'дня', 'дней'], accusative: ['день', 'дня', 'дней'], genitive: ['дня', 'дней', 'дней'] },
  hour: { nominative: ['час', 'часа', 'часов'], accusative: ['час', 'часа', 'часов'], genitive: ['часа', 'часов', 'часов'] },
  minute: { nominative: ['минута', 'минуты', 'минут'], accusative: ['минуту', 'минуты', 'минут'], genitive: ['минуты', 'минут', 'минут'] },
};

/**
 * A whole number with its unit in the right form: "1 час", "3 часа", "5 часов"; "в течение 2 часов"
 * takes the genitive.
 *
 * @example
 * formatCount(30, 'day');               // "30 дней"
 * formatCount(2, 'hour', 'genitive');   // "2 часов"
 */
export function formatCount(n: number, unit: CountUnit, grammaticalCase: CountCase = 'nominative'): string {
  const whole = Math.abs(Math.trunc(n));
  const [one, few, many] = FORMS[unit][grammaticalCase];
  const tens = whole % 100;
  const ones = whole % 10;
  const form = ones === 1 && tens !== 11 ? one : ones >= 2 && ones <= 4 && (tens < 12 || tens > 14) ? few : many;
  return `${whole}${UNIT_SPACE}${form}`;
}

/**
 * Minutes as hours and minutes: "2 часа", "1 час 30 минут", "40 минут"; negative counts as 0.
 *
 * @example formatDuration(90); // "1 час 30 минут"
 */
export function formatDuration(minutes: number, grammaticalCase: CountCase = 'nominative'): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const parts = [hours > 0 ? formatCount(hours, 'hour', grammaticalCase) : '', rest > 0 || hours === 0 ? formatCount(rest, 'minute', grammaticalCase) : ''];
  return parts.filter(Boolean).join(' ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('ru') + text.slice(1);
}
