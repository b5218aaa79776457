/**
 * Words as guests read them: lists ("«Патриаршие» и «Сити»"), catalog names inside a sentence
 * ("маникюр с покрытием гель-лак и дизайн") and masked phones ("+7 999 ***-**-67"). Pure functions.
 */
import type { Catalog } from '../catalog';
import { BoundedMemo } from '../../common';

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
 * A name as it reads inside a sentence: the first letter lowercased, unless the word looks like an
 * abbreviation (its second letter is a capital too).
 *
 * @example
 * lowerFirst('Маникюр');     // "маникюр"
 * lowerFirst('СПА-уход');    // "СПА-уход"
 */
export function lowerFirst(name: string): string {
  // Names come from the catalog, a few dozen of them, and locale-aware casing is slow: remember them.
  return lowered.getOrCompute(name, () => lowerFirstOf(name));
}

const lowered = new BoundedMemo<string, string>(1024);

function lowerFirstOf(name: string): string {
  const [first, second] = Array.from(name);
  if (!first || (second && second === second.toLocaleUpperCase('ru') && second !== second.toLocaleLowerCase('ru'))) return name;
  return first.toLocaleLowerCase('ru') + name.slice(first.length);
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
