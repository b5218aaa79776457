/** Sounds that only hold the floor. */
const HESITATIONS = new Set(['ну', 'так', 'хм', 'хмм', 'ээ', 'эээ', 'эм', 'мм', 'ммм', 'ой', 'эх', 'ага-а', 'секунду', 'сейчас', 'щас']);

/** A question back («а это точно?») or nothing but hesitation («ну», «так…»). */
export function asksBackOrHesitates(text: string): boolean {
  return /\?\s*$/.test(text.trim()) || onlyHesitates(text);
}

/** Nothing but sounds that hold the floor («ой», «ну», «хм…»): no answer, and no «стоп» either. */
export function onlyHesitates(text: string): boolean {
  const words = wordsOf(text);
  return words.length > 0 && words.every((w) => HESITATIONS.has(w));
}


/** Words that ask the assistant to wait: «минутку», «секундочку», «подождите», «дайте подумать», «щас гляну». */
const WAITING = /^(?:минут\p{L}*|минуточк\p{L}*|секунд\p{L}*|сек|момент\p{L}*|сейчас|щас|подожд\p{L}*|погод\p{L}*|обожд\p{L}*|дайте|дай|гляну|посмотрю|сверюсь|уточню|проверю|спрошу|подумаю|одну|один)$/u;

/**
 * A message that opens by asking the assistant to wait («минутку сверюсь с календарем», «хм секунду дайте
 * подумать»): it holds the floor, and its words are no answer (not a name, not a description).
 */
export function holdsTheFloor(text: string): boolean {
  const words = wordsOf(text);
  const first = words.find((w) => !HESITATIONS.has(w));
  return first !== undefined && WAITING.test(first) && words.length <= 6;
}

/** The words of a message, lowercase with ё as е («ага-а» is one word). */
function wordsOf(text: string): string[] {
  return text.trim().toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}-]+/u).filter(Boolean);
}
