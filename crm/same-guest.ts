/**
 * Whether two names on bookings are the same person: the first word, case and ё aside («Анна» and «анна
 * петрова» are; «Анна» and «Тамара Ивановна», her mother, are not). A guest cannot be in two chairs at
 * once, but she may book her mother beside herself.
 */
export function isSameGuest(a: string, b: string): boolean {
  const first = (name: string) => name.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/)[0] ?? '';
  const [x, y] = [first(a), first(b)];
  return x !== '' && x === y;
}
