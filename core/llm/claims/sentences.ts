/**
 * The sentences of an answer, as the claim-support check reads them: a run ending in . ! ? … or a
 * line break or «;» (a list line states one thing), a period after an abbreviation not ending one
 * («ул. Тверская»), unless it is a unit before a capital («90 мин. Без покрытия…»); and the part of a sentence that states something — a question at its end
 * («…, записать вас?») asks, it does not state. Pure.
 */

/** Abbreviations before a name or a number: a period after them never ends a sentence («ул. Тверская», «м. Маяковская»). */
const NAME_ABBREVIATION = /(?<![\p{L}])(?:ул|стр|д|пер|наб|пр|просп|бул|пл|ш|м|г|тел|им|корп|эт|т|е|к)$/iu;
/** Units after a number: a period after them ends a sentence when a capital follows («90 мин. Без покрытия…»). */
const UNIT_ABBREVIATION = /(?<![\p{L}])(?:мин|руб|см)$/iu;

/**
 * Splits a text into sentences, trimmed, without the ones that have no letters.
 *
 * @example splitSentences('Да, можно 🌸 Ждём вас! ул. Тверская, 12.') // ['Да, можно 🌸', 'Ждём вас!', 'ул. Тверская, 12.']
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let current = '';
  const chars = Array.from(String(text ?? ''));
  const push = () => {
    if (/\p{L}/u.test(current)) sentences.push(current.trim());
    current = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const next = chars[i + 1];
    if (ch === '\n' || ch === ';') {
      if (ch === ';') current += ch;
      push();
      continue;
    }
    current += ch;
    const atBoundary = next === undefined || /\s/u.test(next);
    if (/[!?…]/u.test(ch) && atBoundary) push();
    else if (ch === '.' && atBoundary && !NAME_ABBREVIATION.test(current.slice(0, -1))) {
      if (!UNIT_ABBREVIATION.test(current.slice(0, -1)) || /^\s+\p{Lu}/u.test(chars.slice(i + 1, i + 4).join(''))) push();
    }
    // An emoji ends a messenger sentence when a capital letter follows it ("…можно 🌸 Ждём вас").
    else if (/\p{Extended_Pictographic}/u.test(ch) && /^\s+\p{Lu}/u.test(chars.slice(i + 1, i + 4).join(''))) push();
  }
  push();
  return sentences;
}

/**
 * What a sentence states: the sentence without a question at its end. «Да, можно — записать вас?»
 * states «Да, можно»; «Записать вас?» states nothing ('').
 */
export function statementPart(sentence: string): string {
  const trimmed = sentence.trim();
  if (!/\?[\s\p{Extended_Pictographic}\uFE0F]*$/u.test(trimmed)) return trimmed;
  const cut = Math.max(trimmed.lastIndexOf(','), trimmed.lastIndexOf('—'), trimmed.lastIndexOf('–'), trimmed.lastIndexOf(':'));
  return cut > 0 ? trimmed.slice(0, cut).trim() : '';
}
