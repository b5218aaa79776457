/**
 * Numbers as guests read them: prices ("от 2 500 ₽"), percentages ("30 %") and counted units ("4 часа",
 * "7 дней", "1 час 30 минут"). One convention for the whole product: no-break spaces keep a number with
 * its unit, so "2 900 ₽" never breaks across lines. Pure functions.
 */

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
 * A percentage as Russian typography writes it, with a space before the sign.
 *
 * @example formatPercent(30); // "30 %"
 */
export function formatPercent(value: number): string {
  // A plain space, as staff type "20 %" in the FAQ answers this text is put into.
  return `${value} %`;
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
