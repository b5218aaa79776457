/**
 * Latin letters that look like Cyrillic ones. Inside a Cyrillic word ("мaникюр" with a Latin "a") they
 * are the Cyrillic letter the guest's keyboard or autocorrect replaced.
 */

const LOOKALIKES: ReadonlyMap<string, string> = new Map([
  ['a', 'а'], ['c', 'с'], ['e', 'е'], ['o', 'о'], ['p', 'р'], ['x', 'х'], ['y', 'у'], ['k', 'к'],
  ['A', 'а'], ['B', 'в'], ['C', 'с'], ['E', 'е'], ['H', 'н'], ['K', 'к'], ['M', 'м'], ['O', 'о'],
  ['P', 'р'], ['T', 'т'], ['X', 'х'], ['Y', 'у'],
]);

/**
 * The lowercase Cyrillic letter a Latin look-alike stands for, or undefined.
 *
 * @example
 * cyrillicLookalike('a') // 'а' (Cyrillic)
 * cyrillicLookalike('M') // 'м'
 */
export function cyrillicLookalike(char: string): string | undefined {
  return LOOKALIKES.get(char);
}
