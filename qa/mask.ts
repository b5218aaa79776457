/**
 * Masking a recorded conversation for a transcript that is committed to the repository: phone numbers
 * and guest names are replaced consistently, so the masked conversation still replays — the guest types
 * the masked phone, the assistant answers with the masked name.
 *
 * Phones go through `redactPersonalData` (common/redact.ts), which keeps the last two digits
 * (`+7 *** ***-**-67`); the stars then become a fixed fake mobile number, `+7 900 000-00-67`, which the
 * NLU reads as a phone. Names become pseudonyms, each word of a name its own, in every inflection
 * («Ирина», «Ирины» → «Алиса»); the masters' full names (the catalog's, said by the assistant) are kept,
 * even when a guest shares a master's first name.
 */
import { redactPersonalData } from '../common';

/** First names that stand for the guests' ones, in order of appearance (none is a master's). */
const FIRST_NAMES = ['Алиса', 'Вера', 'Зоя', 'Нина', 'Лада', 'Ева', 'Майя', 'Ника'];
/** Words that stand for surnames and patronymics. */
const OTHER_NAMES = ['Иванова', 'Кузнецова', 'Попова', 'Васильева', 'Новикова', 'Фёдорова', 'Морозова', 'Волкова'];

/** The fake mobile number for a phone's last two digits, in E.164. */
export function fakePhone(lastTwo: string): string {
  return `+790000000${lastTwo}`;
}

/**
 * Replaces phones and names in texts of one conversation, the same way every time.
 *
 * @example
 * const mask = new Masker({ names: ['Ирина Морозова'] });
 * mask.text('Ирина, телефон 8 999 123-45-67') // 'Алиса, телефон +7 900 000-00-67'
 * mask.phone('+79991234567')                // '+79000000067'
 */
export class Masker {
  private readonly words = new Map<string, string>();
  private readonly protectedNames: string[];

  constructor(options: { names?: string[]; keep?: string[] } = {}) {
    this.protectedNames = [...(options.keep ?? [])].sort((a, b) => b.length - a.length);
    for (const name of options.names ?? []) this.addName(name);
  }

  /** Registers a guest's name (one or more words) to be masked. */
  addName(name: string): void {
    const parts = name.trim().split(/\s+/).filter((w) => /^\p{L}[\p{L}'’-]*$/u.test(w) && w.length > 1);
    parts.forEach((word, index) => {
      const key = stem(word);
      if (this.words.has(key)) return;
      const list = index === 0 ? FIRST_NAMES : OTHER_NAMES;
      const used = [...this.words.values()].filter((v) => list.includes(v)).length;
      this.words.set(key, list[used % list.length] ?? list[0]);
    });
  }

  /** A guest's name masked (the pseudonyms of its words). */
  name(name: string): string {
    this.addName(name);
    return this.text(name);
  }

  /** A phone (E.164) masked to the fake number with its last two digits. */
  phone(phone: string): string {
    return fakePhone(phone.replace(/\D/g, '').slice(-2).padStart(2, '0'));
  }

  /** A text with its phones, e-mails and guest names masked. */
  text(text: string): string {
    // The assistant's own masked phones ("+7 999 ***-**-67") show the operator code: hide it too.
    let masked = text.replace(/\+7 \d{3} \*\*\*-\*\*-(\d\d)/g, '+7 900 ***-**-$1');
    masked = redactPersonalData(masked).replace(/\+7 \*\*\* \*\*\*-\*\*-(\d\d)/g, '+7 900 000-00-$1');
    if (this.words.size === 0) return masked;
    // Masters' names stay: hide them from the name replacement, then put them back.
    const kept: string[] = [];
    for (const name of this.protectedNames) {
      masked = masked.split(name).join(`\u0000${kept.push(name) - 1}\u0000`);
    }
    masked = masked.replace(/\p{L}[\p{L}'’-]*/gu, (word) => this.words.get(stem(word)) ?? word);
    return masked.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)]);
  }

}

/**
 * The part of a Russian name that stays in its inflections: «Ирина», «Ирины», «Ириной» → «ирин»;
 * «Петрова», «Петровой» → «петров».
 */
function stem(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  const stripped = lower.replace(/(ой|ей|ою|ею|ом|ем|ам|ям|ами|ями|ах|ях|а|я|ы|и|е|у|ю|о|ь|й)$/u, '');
  return stripped.length >= 3 ? stripped : lower;
}
