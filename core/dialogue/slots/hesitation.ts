/** Sounds that only hold the floor. */
const HESITATIONS = new Set(['ну', 'так', 'хм', 'хмм', 'ээ', 'эээ', 'эм', 'мм', 'ммм', 'ой', 'эх', 'ага-а', 'секунду', 'сейчас', 'щас']);

/** A question back («а это точно?») or nothing but hesitation («ну», «так…»). */
export function asksBackOrHesitates(text: string): boolean {
  return /\?\s*$/.test(text.trim()) || onlyHesitates(text);
}

/** Nothing but sounds that hold the floor («ой», «ну», «хм…»): no answer, and no «стоп» either. */
export function onlyHesitates(text: string): boolean {
  const words = text.trim().toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}-]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => HESITATIONS.has(w));
}

