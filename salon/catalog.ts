/**
 * The salon catalog (`content/catalog.yaml`): its TypeScript types and a loader that checks it in two
 * stages, as Rasa does for flows — JSON Schema (ajv) for structure, then references between sections
 * (a master's services and branch, upsells, default services, duplicate ids and synonyms). Every
 * problem is a {@link ContentError} with the file, the line and a hint on how to fix it.
 *
 * Field names are the YAML's own (snake_case), so staff documentation and code use the same words.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ContentError } from './errors';
import { parseYamlSource, readContentFile, schemaError, type DataPath, type Locator } from './yaml-source';
import { closest } from '../common';

// ── Types ──────────────────────────────────────────────────────────────────────────────────────────

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type MasterLevel = 'top' | 'regular';

export interface Branch {
  id: string;
  name: string;
  address: string;
  metro: string[];
  metro_note?: string;
  /** Opening hours per weekday as "HH:MM-HH:MM"; a missing day means closed. */
  hours: Partial<Record<Weekday, string>>;
  parking: string;
  synonyms: string[];
}

export interface Service {
  id: string;
  name: string;
  /** A category id. */
  category: string;
  minutes: number;
  /** Roubles; with `price_from` it is the lowest price ("от 2 500"). */
  price: number;
  price_from: boolean;
  /** Branch ids where the service is offered. */
  branches: string[];
  prepayment_percent: number;
  /** 0 when there is no guarantee. */
  guarantee_days: number;
  guarantee?: string;
  /** Service ids offered once after the booking is confirmed. */
  upsell: string[];
  /** This service is free when booked at the same visit together with one of these service ids. */
  free_with?: string[];
  notes?: string;
  synonyms: string[];
  /**
   * Words that name this service only when the message names no service of a `shared_with` category:
   * «покрытие» is a gel manicure, but beside «педикюр» it is the pedicure's coating.
   */
  shared_synonyms: string[];
  /** Category ids whose services take over `shared_synonyms`. */
  shared_with: string[];
}

export interface Category {
  id: string;
  name: string;
  /** What a generic mention of the category ("маникюр", "ноготочки") means. */
  default_service: string;
  synonyms: string[];
}

export interface Master {
  id: string;
  /** "Имя Фамилия". */
  name: string;
  branch: string;
  level: MasterLevel;
  /** The first name alone is a common guest name too: it means this master only with a cue ("к Анне"). */
  first_name_needs_cue: boolean;
  services: string[];
  days: Weekday[];
  synonyms: string[];
}

export interface Catalog {
  currency: string;
  timezone: string;
  top_master_surcharge_percent: number;
  branches: Branch[];
  services: Service[];
  categories: Category[];
  masters: Master[];
}

// ── Schema (stage 1) ───────────────────────────────────────────────────────────────────────────────

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'an id of lowercase Latin letters, digits and _, e.g. manicure_gel' };
const text = { type: 'string', minLength: 1, description: 'a non-empty text' };
const ids = { type: 'array', items: id, uniqueItems: true, description: 'a list of ids, e.g. [tverskaya, city]' };
const synonyms = { type: 'array', items: text, default: [], description: 'a list of words or phrases, e.g. [шеллак, гель лак]' };
const hoursOfDay = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$', description: 'hours as "HH:MM-HH:MM" in quotes, e.g. "10:00-22:00"' };
const weekdays = { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...WEEKDAYS] }, description: 'weekdays, e.g. [mon, tue, wed]' };

const SCHEMA = {
  type: 'object',
  required: ['currency', 'timezone', 'top_master_surcharge_percent', 'branches', 'services', 'categories', 'masters'],
  additionalProperties: false,
  properties: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'a currency code, e.g. RUB' },
    timezone: text,
    top_master_surcharge_percent: { type: 'number', minimum: 0, maximum: 100, description: 'a percentage, e.g. 30' },
    branches: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'name', 'address', 'metro', 'hours', 'parking'],
        properties: {
          id, name: text, address: text, parking: text, metro_note: text, synonyms,
          metro: { type: 'array', items: text, description: 'metro stations, e.g. [Пушкинская, Тверская]' },
          hours: {
            type: 'object', minProperties: 1, additionalProperties: false,
            properties: Object.fromEntries(WEEKDAYS.map((d) => [d, hoursOfDay])),
            description: 'hours per weekday, e.g. { mon: "10:00-22:00", … }',
          },
        },
      },
    },
    services: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'name', 'category', 'minutes', 'price', 'branches'],
        properties: {
          id, name: text, category: id, notes: text, guarantee: text, synonyms,
          minutes: { type: 'integer', minimum: 5, description: 'minutes as a whole number, e.g. 90' },
          price: { type: 'integer', minimum: 0, description: 'roubles as a whole number without spaces, e.g. 2900' },
          price_from: { type: 'boolean', default: false, description: 'true or false' },
          branches: { ...ids, minItems: 1 },
          prepayment_percent: { type: 'number', minimum: 0, maximum: 100, default: 0, description: 'a percentage, e.g. 30' },
          guarantee_days: { type: 'integer', minimum: 0, default: 0, description: 'days as a whole number, e.g. 7' },
          upsell: { ...ids, default: [] },
          free_with: { ...ids, minItems: 1 },
          shared_synonyms: { ...synonyms, description: 'words that name this service unless a service of a shared_with category is named, e.g. [покрытие]' },
          shared_with: { ...ids, default: [] },
        },
      },
    },
    categories: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'name', 'default_service'],
        properties: { id, name: text, default_service: id, synonyms },
      },
    },
    masters: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        required: ['id', 'name', 'branch', 'level', 'services', 'days'],
        properties: {
          id, name: text, branch: id, synonyms, days: weekdays,
          level: { enum: ['top', 'regular'], description: 'top or regular' },
          first_name_needs_cue: { type: 'boolean', default: false, description: 'true or false' },
          services: { ...ids, minItems: 1 },
        },
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** The schema validator, compiled on first use (compiling costs more than validating). */
function validateSchema(data: unknown): { valid: boolean; errors: ErrorObject[] } {
  compiled ??= new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: true }).compile(SCHEMA);
  const valid = compiled(data) as boolean;
  return { valid, errors: compiled.errors ?? [] };
}

// ── Loading ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads, parses and checks the catalog file.
 *
 * @throws {ContentError} when the file cannot be read, is not valid YAML, breaks the schema or refers to
 *   an id that does not exist; the error names the file and line and says how to fix it.
 * @example
 * const catalog = loadCatalog('content/catalog.yaml');
 * catalog.services.find((s) => s.id === 'manicure_gel')?.price; // 2900
 */
export function loadCatalog(path: string): Catalog {
  return parseCatalog(readContentFile(path, 'the catalog', 'check the path; the catalog lives in content/catalog.yaml'), path);
}

/**
 * Parses and checks catalog YAML given as a string; `file` is only used in error messages.
 *
 * @throws {ContentError} as {@link loadCatalog}.
 */
export function parseCatalog(source: string, file: string): Catalog {
  const { data, locate } = parseYamlSource(source, file, catalogLabel);
  const schema = validateSchema(data);
  if (!schema.valid) {
    throw schemaError(schema.errors, data, locate, {
      problem: 'the catalog is empty or is not a set of "key: value" fields',
      hint: 'start from the fields listed at the top of content/catalog.yaml: currency, timezone, branches, services, categories, masters',
    });
  }
  const catalog = data as unknown as Catalog;
  checkReferences(catalog, locate);
  return catalog;
}

// ── Locating problems ──────────────────────────────────────────────────────────────────────────────

const SINGULAR: Record<string, string> = { branches: 'branch', services: 'service', categories: 'category', masters: 'master' };

/** Names the item a data path points into, e.g. `master "olga"`. */
function catalogLabel(path: DataPath, data: unknown): string {
  const [section, index] = path;
  if (typeof section !== 'string' || typeof index !== 'number' || !SINGULAR[section]) return 'the catalog';
  const item = (data as Record<string, Array<{ id?: unknown }>>)[section]?.[index];
  return typeof item?.id === 'string' ? `${SINGULAR[section]} "${item.id}"` : `${SINGULAR[section]} #${index + 1}`;
}

// ── References (stage 2) ───────────────────────────────────────────────────────────────────────────

function checkReferences(catalog: Catalog, locate: Locator): void {
  const known = {
    branches: checkUniqueIds(catalog, 'branches', locate),
    services: checkUniqueIds(catalog, 'services', locate),
    categories: checkUniqueIds(catalog, 'categories', locate),
  };
  checkUniqueIds(catalog, 'masters', locate);
  const ref = (path: DataPath, value: string, section: keyof typeof known): void => {
    if (known[section].has(value)) return;
    const guess = closest(value, known[section], 3);
    throw locate.error(path, `unknown ${SINGULAR[section]} "${value}" in ${locate.label(path, catalog)}`,
      `${guess ? `did you mean "${guess}"? ` : ''}the ${section} are: ${[...known[section]].join(', ')}`);
  };

  catalog.branches.forEach((branch, b) => {
    for (const day of WEEKDAYS) {
      const hours = branch.hours[day];
      if (hours && hours.slice(0, 5) >= hours.slice(6)) {
        throw locate.error(['branches', b, 'hours', day], `branch "${branch.id}" closes before it opens on ${day} (${hours})`, 'write the opening time first, e.g. "10:00-22:00"');
      }
    }
  });
  catalog.services.forEach((service, s) => {
    ref(['services', s, 'category'], service.category, 'categories');
    service.branches.forEach((b, i) => ref(['services', s, 'branches', i], b, 'branches'));
    service.upsell.forEach((u, i) => ref(['services', s, 'upsell', i], u, 'services'));
    (service.free_with ?? []).forEach((f, i) => ref(['services', s, 'free_with', i], f, 'services'));
    service.shared_with.forEach((c, i) => ref(['services', s, 'shared_with', i], c, 'categories'));
    if (service.shared_synonyms.length > 0 && service.shared_with.length === 0) {
      throw locate.error(['services', s, 'shared_synonyms'], `service "${service.id}" has shared_synonyms but no shared_with`, 'add "shared_with: [<category id>]": the categories whose services take those words over');
    }
    if (service.guarantee_days > 0 && !service.guarantee) {
      throw locate.error(['services', s], `service "${service.id}" has guarantee_days but no guarantee text`, 'add "guarantee: …" saying what is fixed free of charge');
    }
    if (service.guarantee && service.guarantee_days === 0) {
      throw locate.error(['services', s, 'guarantee'], `service "${service.id}" has a guarantee text but guarantee_days is 0`, 'set guarantee_days to the number of days, or remove the text');
    }
  });
  catalog.categories.forEach((category, c) => {
    ref(['categories', c, 'default_service'], category.default_service, 'services');
    const service = catalog.services.find((s) => s.id === category.default_service);
    if (service && service.category !== category.id) {
      throw locate.error(['categories', c, 'default_service'], `default_service "${service.id}" of category "${category.id}" belongs to category "${service.category}"`, `choose a service whose category is ${category.id}`);
    }
  });
  catalog.masters.forEach((master, m) => {
    ref(['masters', m, 'branch'], master.branch, 'branches');
    const branch = catalog.branches.find((b) => b.id === master.branch);
    master.services.forEach((serviceId, i) => {
      ref(['masters', m, 'services', i], serviceId, 'services');
      const service = catalog.services.find((s) => s.id === serviceId);
      if (service && !service.branches.includes(master.branch)) {
        throw locate.error(['masters', m, 'services', i], `master "${master.id}" works in ${master.branch}, where service "${serviceId}" is not offered`, `remove it from the master, or add ${master.branch} to the service's branches`);
      }
    });
    master.days.forEach((day, i) => {
      if (branch && !branch.hours[day]) {
        throw locate.error(['masters', m, 'days', i], `master "${master.id}" works on ${day}, when branch "${branch.id}" is closed`, `remove ${day} or add opening hours for it to the branch`);
      }
    });
  });
  checkSynonyms(catalog, locate);
}

function checkUniqueIds(catalog: Catalog, section: 'branches' | 'services' | 'categories' | 'masters', locate: Locator): Set<string> {
  const seen = new Set<string>();
  catalog[section].forEach((item, i) => {
    if (seen.has(item.id)) throw locate.error([section, i, 'id'], `${SINGULAR[section]} id "${item.id}" is used twice`, 'give each one its own id');
    seen.add(item.id);
  });
  return seen;
}

/** A synonym must be unambiguous within its kind, and each word must not mix Latin and Cyrillic letters. */
function checkSynonyms(catalog: Catalog, locate: Locator): void {
  const groups: Array<Array<'services' | 'categories' | 'branches' | 'masters'>> = [['services', 'categories'], ['branches'], ['masters']];
  for (const group of groups) {
    const owner = new Map<string, string>();
    for (const section of group) {
      (catalog[section] as Array<{ id: string; synonyms: string[]; shared_synonyms?: string[] }>).forEach((item, i) => {
        const all = [...item.synonyms.map((s, j) => [s, 'synonyms', j] as const), ...(item.shared_synonyms ?? []).map((s, j) => [s, 'shared_synonyms', j] as const)];
        all.forEach(([synonym, field, j]) => {
          const path = [section, i, field, j];
          const word = synonym.match(/\p{L}+/gu)?.find((w) => /[a-z]/i.test(w) && /[а-яё]/i.test(w));
          if (word) {
            throw locate.error(path, `synonym "${synonym}" mixes Latin and Cyrillic letters in "${word}"`, 'retype the word in one alphabet (a Latin "a", "o", "c" or "e" looks like the Cyrillic one)');
          }
          const key = synonym.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
          const label = `${SINGULAR[section]} "${item.id}"`;
          const first = owner.get(key);
          if (first && first !== label) {
            throw locate.error(path, `synonym "${synonym}" of ${label} is already a synonym of ${first}`, 'keep it in one place only: a specific word for a service, a generic one for a category');
          }
          owner.set(key, label);
        });
      });
    }
  }
}

