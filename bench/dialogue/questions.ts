/**
 * Questions from the phrase bank with the fact their answer must contain, worked out from the catalog
 * (a price, an address, the closing hour, the parking) or written in the bank (`text:`).
 */
import type { Catalog } from '../../salon';
import type { Random } from '../../crm';
import type { PhraseBank } from './phrases';
import type { Question } from './goal-types';

/** "2 900 ₽" (spaces of any kind are one space when compared). */
const rubles = (n: number): string => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} ₽`;

/** The text a reply must contain for the fact. */
export function expectedFact(fact: string, catalog: Catalog): string {
  const [kind, id] = [fact.slice(0, fact.indexOf(':')), fact.slice(fact.indexOf(':') + 1)];
  const branch = catalog.branches.find((b) => b.id === id);
  switch (kind) {
    case 'price': {
      const service = catalog.services.find((s) => s.id === id);
      if (!service) throw new Error(`phrases.yaml: unknown service in fact "${fact}"`);
      return rubles(service.price);
    }
    case 'address':
      return branch!.address;
    case 'hours':
      return String((branch!.hours as Record<string, string>).mon).split('-')[1];
    case 'parking':
      return branch!.parking.split(/\s+/).slice(0, 3).join(' ');
    case 'text':
      return id;
    default:
      throw new Error(`phrases.yaml: unknown fact kind in "${fact}"`);
  }
}

/** One question of the bank, not one of `except`'s facts. */
export function drawQuestion(random: Random, bank: PhraseBank, catalog: Catalog, except: string[] = []): Question {
  const entries = bank.faq.filter((e) => !except.includes(e.fact));
  const entry = random.pick(entries);
  return { text: random.pick(entry.questions), fact: entry.fact, expect: expectedFact(entry.fact, catalog) };
}

/** Lowercase, every kind of space one space, ё→е: how a fact is looked for in a reply. */
export const comparable = (text: string): string => text.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0\u202f]+/g, ' ');
