/**
 * Declension of Russian first names and kinship nouns by rule, so the lexicon only stores the
 * nominative: "Ирина" → Ирины, Ирине, Ирину, Ириной; "Сергей" → Сергея, Сергею, Сергеем.
 */

import type { NameGender } from './first-names';

/** Grammatical case: именительный, родительный, дательный, винительный, творительный, предложный. */
export type GrammaticalCase = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'pre';

/** One form of a word and the case it expresses. */
export interface WordForm {
  form: string;
  case: GrammaticalCase;
}

// After these the genitive ending is -и, not -ы (Ольги, Маши).
const VELAR_OR_HUSHING = 'гкхжшчщ';
// After these an unstressed instrumental ending is -ей/-ем, not -ой/-ом (Машей, Сашей).
const HUSHING = 'жшчщц';

/** Words whose stem changes, written out in full: vowel drop (Павел → Павла) and irregular nouns. */
const IRREGULAR: Readonly<Record<string, ReadonlyArray<readonly [string, GrammaticalCase[]]>>> = {
  любовь: [['любовь', ['nom', 'acc']], ['любви', ['gen', 'dat', 'pre']], ['любови', ['gen', 'dat', 'pre']], ['любовью', ['ins']]],
  дочь: [['дочь', ['nom', 'acc']], ['дочери', ['gen', 'dat', 'pre']], ['дочерью', ['ins']]],
  мать: [['мать', ['nom', 'acc']], ['матери', ['gen', 'dat', 'pre']], ['матерью', ['ins']]],
};
const OBLIQUE: readonly GrammaticalCase[] = ['gen', 'dat', 'acc', 'ins', 'pre'];
const FLEETING_VOWEL: Readonly<Record<string, string>> = { павел: 'павл', лев: 'льв', сынок: 'сынк', ребенок: 'ребенк' };

/**
 * The singular forms of a lowercase nominative (ё written as е), by the ending and gender.
 * Names that do not decline in Russian (Алсу, Нелли, Марго) give the nominative for every case.
 *
 * @example
 * declineName('ирина', 'f').find((f) => f.case === 'acc')?.form // 'ирину'
 * declineName('павел', 'm').find((f) => f.case === 'gen')?.form // 'павла'
 */
export function declineName(nominative: string, gender: NameGender): WordForm[] {
  const n = nominative;
  const irregular = IRREGULAR[n];
  if (irregular !== undefined) return irregular.flatMap(([form, cases]) => cases.map((c) => ({ form, case: c })));
  const forms = (pairs: Array<[string, GrammaticalCase]>): WordForm[] =>
    [[n, 'nom'] as [string, GrammaticalCase], ...pairs].map(([form, c]) => ({ form, case: c }));

  if (n.endsWith('ия')) {
    const b = n.slice(0, -2);
    return forms([[b + 'ии', 'gen'], [b + 'ии', 'dat'], [b + 'ию', 'acc'], [b + 'ией', 'ins'], [b + 'иею', 'ins'], [b + 'ии', 'pre']]);
  }
  if (n.endsWith('я')) {
    const b = n.slice(0, -1);
    return forms([[b + 'и', 'gen'], [b + 'е', 'dat'], [b + 'ю', 'acc'], [b + 'ей', 'ins'], [b + 'ею', 'ins'], [b + 'е', 'pre']]);
  }
  if (n.endsWith('а')) {
    const b = n.slice(0, -1);
    const last = b.at(-1) ?? '';
    const gen = VELAR_OR_HUSHING.includes(last) ? 'и' : 'ы';
    const ins = HUSHING.includes(last) ? 'е' : 'о';
    return forms([[b + gen, 'gen'], [b + 'е', 'dat'], [b + 'у', 'acc'], [b + ins + 'й', 'ins'], [b + ins + 'ю', 'ins'], [b + 'е', 'pre']]);
  }
  const indeclinable = (): WordForm[] => forms(OBLIQUE.map((c) => [n, c]));
  if (gender === 'f') {
    if (!n.endsWith('ь')) return indeclinable();
    const b = n.slice(0, -1);
    return forms([[b + 'и', 'gen'], [b + 'и', 'dat'], [n, 'acc'], [b + 'ью', 'ins'], [b + 'и', 'pre']]);
  }
  if (/[оеиуюэы]$/.test(n)) return indeclinable();
  if (n.endsWith('й') || n.endsWith('ь')) {
    const b = n.slice(0, -1);
    const pre = n.endsWith('ий') ? 'и' : 'е';
    return forms([[b + 'я', 'gen'], [b + 'ю', 'dat'], [b + 'я', 'acc'], [b + 'ем', 'ins'], [b + pre, 'pre']]);
  }
  const b = FLEETING_VOWEL[n] ?? n;
  const ins = HUSHING.includes(n.at(-1) ?? '') ? 'ем' : 'ом';
  return forms([[b + 'а', 'gen'], [b + 'у', 'dat'], [b + 'а', 'acc'], [b + ins, 'ins'], [b + 'е', 'pre']]);
}
