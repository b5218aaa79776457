/**
 * The fact guard: what an LLM answer may state, built from its sources (the retrieved FAQ entries, a
 * template) and the catalog, and the facts of an answer that nothing supports. A fact is supported when
 * the same number, time, date, month, weekday, link or e-mail is in a source, and a name or service
 * when a word of the same stem is in a source or the catalog. Conservative by design: a rejected answer
 * only costs the LLM's wording, an accepted wrong one costs a guest.
 */
import { type Catalog, formatCount, formatHours, formatPercent, formatPrice } from '../../salon';
import { extractFacts, quotedValue, serviceOf, stemOf, type Fact } from './facts';

/** What the sources state, as comparable values. */
export interface Grounding {
  numbers: Set<string>;
  times: Set<string>;
  dates: Set<string>;
  months: Set<string>;
  weekdays: Set<string>;
  /** Stems of every word of the sources and the catalog's names, plus quoted names. */
  words: Set<string>;
  /** The service labels the sources and the catalog name (see `SERVICE_WORDS`). */
  services: Set<string>;
  /** Links and e-mail addresses, lowercase. */
  literals: Set<string>;
}

/** The catalog entities an answer is about, whose facts (price, duration, address, hours) it may add. */
export interface RelatedEntities {
  services?: readonly string[];
  branches?: readonly string[];
}

export interface GroundingOptions {
  /** Every catalog name (branches, services, categories, masters, metro) is a known word. */
  catalog?: Catalog;
  /** Catalog facts of these entities are sources too (see {@link catalogFactTexts}). */
  related?: RelatedEntities;
  /** Words that are always known, e.g. the brand's name. */
  knownWords?: readonly string[];
}

/**
 * Builds what the sources support.
 *
 * @example
 * const grounding = buildGrounding(['Маникюр с покрытием гель-лак — 2 900 ₽, 90 мин.'], { catalog });
 * unsupportedFacts('Маникюр с покрытием стоит 2 500 ₽', grounding).map((f) => f.raw) // ['2 500']
 */
export function buildGrounding(sources: readonly string[], options: GroundingOptions = {}): Grounding {
  const grounding: Grounding = { numbers: new Set(), times: new Set(), dates: new Set(), months: new Set(), weekdays: new Set(), words: new Set(), services: new Set(), literals: new Set() };
  const texts = [...sources];
  if (options.catalog && options.related) texts.push(...catalogFactTexts(options.catalog, options.related));
  for (const text of texts) addText(grounding, text);
  if (options.catalog) for (const name of catalogNames(options.catalog)) addWords(grounding, name);
  for (const word of options.knownWords ?? []) addWords(grounding, word);
  return grounding;
}

/**
 * The facts of `text` its grounding does not support, in text order of kind (see `extractFacts`).
 *
 * @example unsupportedFacts('Ждём вас в субботу', buildGrounding(['Ждём вас в пятницу'])) // [{ kind: 'weekday', value: 'sat', raw: 'субботу' }]
 */
export function unsupportedFacts(text: string, grounding: Grounding): Fact[] {
  return extractFacts(text).filter((fact) => !isSupported(fact, grounding));
}

function isSupported(fact: Fact, grounding: Grounding): boolean {
  switch (fact.kind) {
    case 'number':
      return grounding.numbers.has(fact.value);
    case 'time':
      return grounding.times.has(fact.value);
    case 'date':
      return grounding.dates.has(fact.value);
    case 'month':
      return grounding.months.has(fact.value);
    case 'weekday':
      return grounding.weekdays.has(fact.value);
    case 'name':
      // A quoted name of several words is supported when each of its words is.
      return fact.value.split(' ').every((stem) => stem === '' || grounding.words.has(stem));
    case 'service':
      return grounding.services.has(fact.value);
    case 'url':
    case 'email':
      return grounding.literals.has(fact.value);
  }
}

function addText(grounding: Grounding, text: string): void {
  for (const fact of extractFacts(text)) {
    switch (fact.kind) {
      case 'number':
        grounding.numbers.add(fact.value);
        break;
      case 'time':
        grounding.times.add(fact.value);
        // "с 10:00 до 22:00" supports "с 10 до 22".
        grounding.numbers.add(String(Number(fact.value.slice(0, 2))));
        break;
      case 'date': {
        grounding.dates.add(fact.value);
        const [day, month] = fact.value.split('.');
        grounding.numbers.add(day);
        grounding.months.add(month);
        break;
      }
      case 'month':
        grounding.months.add(fact.value);
        break;
      case 'weekday':
        grounding.weekdays.add(fact.value);
        break;
      case 'url':
      case 'email':
        grounding.literals.add(fact.value);
        break;
      default:
        break;
    }
  }
  addWords(grounding, text);
}

function addWords(grounding: Grounding, text: string): void {
  for (const word of text.match(/[\p{L}][\p{L}\p{M}'’-]*/gu) ?? []) {
    grounding.words.add(stemOf(word));
    const service = serviceOf(word.toLowerCase().replace(/ё/g, 'е'));
    if (service) grounding.services.add(service);
    // "гель-лак" is also "гель" and "лак".
    if (word.includes('-')) for (const part of word.split('-')) if (part) grounding.words.add(stemOf(part));
  }
  for (const quoted of text.matchAll(/«([^«»]{1,80})»/gu)) for (const stem of quotedValue(quoted[1]).split(' ')) grounding.words.add(stem);
}

/** Every name in the catalog: branches (with address and metro), services, categories, masters, synonyms. */
export function catalogNames(catalog: Catalog): string[] {
  return [
    ...catalog.branches.flatMap((b) => [b.name, b.address, ...b.metro, ...b.synonyms]),
    ...catalog.services.flatMap((s) => [s.name, ...s.synonyms, ...s.shared_synonyms]),
    ...catalog.categories.flatMap((c) => [c.name, ...c.synonyms]),
    ...catalog.masters.flatMap((m) => [m.name, ...m.synonyms]),
  ];
}

/**
 * The catalog's facts about some services and branches, as text in the format answers use: a
 * service's price, duration, prepayment and guarantee; a branch's address, metro and hours. A
 * service's price also brings the top-master surcharge.
 *
 * @example catalogFactTexts(catalog, { services: ['manicure_gel'] }) // ['Маникюр с покрытием гель-лак: 2 900 ₽, 90 мин', 'топ-мастер +30 %']
 */
export function catalogFactTexts(catalog: Catalog, related: RelatedEntities): string[] {
  const texts: string[] = [];
  for (const id of related.services ?? []) {
    const service = catalog.services.find((s) => s.id === id);
    if (!service) continue;
    const parts = [formatPrice(service.price, { from: service.price_from }), `${service.minutes} мин`];
    if (service.prepayment_percent > 0) parts.push(`предоплата ${formatPercent(service.prepayment_percent)}`);
    if (service.guarantee_days > 0) parts.push(`гарантия ${formatCount(service.guarantee_days, 'day')}`);
    texts.push(`${service.name}: ${parts.join(', ')}`);
  }
  if ((related.services ?? []).length > 0) texts.push(`топ-мастер +${formatPercent(catalog.top_master_surcharge_percent)}`);
  for (const id of related.branches ?? []) {
    const branch = catalog.branches.find((b) => b.id === id);
    if (!branch) continue;
    texts.push(`${branch.name}: ${branch.address}, м. ${branch.metro.join(', ')}${branch.metro_note ? ` (${branch.metro_note})` : ''}; ${formatHours(branch)}`);
  }
  return texts;
}
