/**
 * Spans that look temporal but are not: phone numbers ("8 999 123 45 67"), prices ("2 900 ₽"),
 * counts ("2 ногтя" is never matched anyway, "в 2 слоя" is blocked in the time rules) and
 * greetings ("добрый вечер" is not "вечером"). They win every overlap, so no rule reads them.
 */

import { Candidate, PRIORITY } from './items';
import { L, R, scan, trimmedSpan } from './scan';

const GUARDS: readonly RegExp[] = [
  // A run of 10+ digits with phone punctuation: a phone number, never hours or dates.
  new RegExp(`${L}\\+?\\d(?:[\\s()-]*\\d){9,}`),
  // Money: "2900р", "2 900 руб", "1,5к", "3000 ₽".
  new RegExp(`${L}(?:\\d{1,3}(?:\\s\\d{3})+|\\d+)(?:[.,]\\d+)?(?:\\s*(?:р|руб|рублей|рубля|₽|тыс|тысяч)|к)${R}`),
  // Greetings and wishes: "добрый вечер", "доброе утро", "хорошего дня".
  new RegExp(
    `${L}(?:добр|хорош|прекрасн|чудесн|отличн|приятн|спокойн)[а-я]*\\s+(?:утр|вечер|дн|ноч|ден)[а-я]*${R}`,
  ),
];

/** Finds the non-temporal spans of the canonical text. */
export function findGuards(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const re of GUARDS) {
    for (const m of scan(re, text)) {
      out.push({ item: { kind: 'void', ...trimmedSpan(m) }, priority: PRIORITY.guard });
    }
  }
  return out;
}
