/**
 * A guard on stem matches. The Porter stemmer cuts endings greedily, so words of different paradigms
 * share a stem: "снятие" and "снять" (→ "снят"), "лена" and "лень" (→ "лен"). Two words with the
 * same stem count as forms of one word only if, at some split after the stem, both rests are endings
 * of one declension (or conjugation) pattern below.
 */

const PARADIGMS: readonly string[][] = [
  ['', 'а', 'у', 'ом', 'е', 'ы', 'и', 'ов', 'ам', 'ами', 'ах'], // маникюр, патрики
  ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ей', 'ям', 'ями', 'ях'], // гель
  ['й', 'я', 'ю', 'ем', 'е', 'и', 'ев', 'ям', 'ями', 'ях'], // музей
  ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою', '', 'ам', 'ами', 'ах'], // стрижка, ресницы, Анна
  ['я', 'и', 'е', 'ю', 'ей', 'ею', 'ь', 'й', 'ям', 'ями', 'ях'], // Оля, Юля
  ['ия', 'ии', 'ию', 'ией', 'ий', 'иям', 'иями', 'иях'], // коррекция, Юлия
  ['ь', 'и', 'ью', 'ей', 'ям', 'ями', 'ях'], // бровь
  ['о', 'а', 'у', 'ом', 'е', '', 'ам', 'ами', 'ах'], // окно
  ['ие', 'ия', 'ию', 'ием', 'ии', 'ий', 'иям', 'иями', 'иях', 'ье', 'ья', 'ью', 'ьем'], // покрытие, снятие
  ['ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем',
    'ую', 'юю', 'ых', 'их', 'ыми', 'ими', 'ей', 'ою', 'ею'], // тверская, классический
  ['ть', 'ться', 'тся', 'ю', 'юсь', 'у', 'усь', 'ешь', 'ет', 'ем', 'ете', 'ут', 'ют', 'ишь', 'ит', 'им', 'ите',
    'ат', 'ят', 'л', 'ла', 'ло', 'ли', 'лся', 'лась', 'лись', 'ла', 'й', 'йте', 'сь'], // покрасить, подстричься
  ['чь', 'чься', 'гу', 'ку', 'жет', 'жешь', 'чет', 'чешь', 'гут', 'кут', 'г', 'к', 'гла', 'кла', 'гли', 'кли'], // подстричь
];

const groupsOf = new Map<string, Set<number>>();
PARADIGMS.forEach((endings, group) => {
  for (const ending of endings) {
    let groups = groupsOf.get(ending);
    if (!groups) groupsOf.set(ending, (groups = new Set()));
    groups.add(group);
  }
});

function oneParadigm(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = groupsOf.get(a);
  const gb = groupsOf.get(b);
  if (!ga || !gb) return false;
  for (const g of ga) if (gb.has(g)) return true;
  return false;
}

/**
 * True when `word` is plausibly an inflected form of the known word `known`, given their common stem.
 * With `bareStemRejected` (names), the bare stem is not accepted for a word that has an ending:
 * "света" is a name, "свет" is light.
 *
 * @example
 * sameWordForms('снятие', 'снятия', 'снят'); // true
 * sameWordForms('снятие', 'снять', 'снят');  // false
 */
export function sameWordForms(known: string, word: string, stem: string, bareStemRejected = false): boolean {
  let common = 0;
  const limit = Math.min(known.length, word.length);
  while (common < limit && known[common] === word[common]) common++;
  if (common < stem.length) return false;
  for (let split = stem.length; split <= common; split++) {
    const knownEnding = known.slice(split);
    const wordEnding = word.slice(split);
    if (bareStemRejected && wordEnding === '' && knownEnding !== '') continue;
    if (oneParadigm(knownEnding, wordEnding)) return true;
  }
  return false;
}
