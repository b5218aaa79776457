/**
 * References in FAQ answers: `{price:manicure_gel}`, `{hours:city}`, `{top_surcharge}`… Catalog facts
 * (prices, durations, addresses, hours, metro, parking, surcharges, guarantees, prepayments) are never
 * copied into an answer; the answer names them and they are filled in from the catalog when it is shown,
 * so a price changed in `content/catalog.yaml` is right in every answer at once.
 */
import { type Branch, type Catalog, type Service, formatCount, formatHours, formatList, formatPercent, formatPrice, lowerFirst } from '../../salon';
import { closest } from '../../common';

/** What a reference's id names. */
type Target = 'service' | 'branch' | 'none';

/** A problem with a reference, in the words of the content error it becomes. */
export interface ReferenceProblem {
  problem: string;
  hint: string;
}

interface ReferenceKind {
  target: Target;
  /** What it shows, for the staff guide and hints. */
  shows: string;
  service?: (service: Service, catalog: Catalog) => string | ReferenceProblem;
  branch?: (branch: Branch, catalog: Catalog) => string;
  none?: (catalog: Catalog) => string;
}

const KINDS: Record<string, ReferenceKind> = {
  price: { target: 'service', shows: 'the price, e.g. "2 900 ₽" or "от 2 500 ₽"', service: (s) => formatPrice(s.price, { from: s.price_from }) },
  minutes: { target: 'service', shows: 'the duration in minutes, e.g. "90"', service: (s) => String(s.minutes) },
  guarantee: {
    target: 'service', shows: 'the guarantee period, e.g. "7 дней"',
    service: (s) => s.guarantee_days > 0 ? formatCount(s.guarantee_days, 'day')
      : { problem: `service "${s.id}" has no guarantee in the catalog (guarantee_days is 0)`, hint: 'remove the reference from the answer, or set guarantee_days and guarantee for the service in content/catalog.yaml' },
  },
  prepayment: {
    target: 'service', shows: 'the prepayment, e.g. "30 %"',
    service: (s) => s.prepayment_percent > 0 ? formatPercent(s.prepayment_percent)
      : { problem: `service "${s.id}" takes no prepayment in the catalog (prepayment_percent is 0)`, hint: 'remove the reference from the answer, or set prepayment_percent for the service in content/catalog.yaml' },
  },
  branches_for: {
    target: 'service', shows: 'the names of the branches offering the service, e.g. "«Патриаршие» и «Сити»"',
    service: (s, c) => formatList(c.branches.filter((b) => s.branches.includes(b.id)).map((b) => b.name)),
  },
  address: { target: 'branch', shows: 'the address', branch: (b) => b.address },
  hours: { target: 'branch', shows: 'the opening hours, e.g. "ежедневно 10:00–22:00"', branch: (b) => formatHours(b) },
  metro: { target: 'branch', shows: 'the metro stations and how far, e.g. "Маяковская (7 мин пешком)"', branch: (b) => `${b.metro.join(', ')}${b.metro_note ? ` (${b.metro_note})` : ''}` },
  parking: { target: 'branch', shows: 'the parking text', branch: (b) => b.parking },
  branch_name: { target: 'branch', shows: 'the branch name, e.g. "«Тверская»"', branch: (b) => b.name },
  services_in: {
    target: 'branch', shows: 'the names of the services offered in the branch',
    branch: (b, c) => c.services.filter((s) => s.branches.includes(b.id)).map((s) => lowerFirst(s.name)).join(', '),
  },
  top_surcharge: { target: 'none', shows: 'the top-master surcharge, e.g. "30 %"', none: (c) => formatPercent(c.top_master_surcharge_percent) },
  categories: { target: 'none', shows: 'the service categories, e.g. "маникюр, педикюр, брови…"', none: (c) => c.categories.map((k) => lowerFirst(k.name)).join(', ') },
};

/** The reference kinds, for documentation and hints: `price:<service>`, `hours:<branch>`, `top_surcharge`. */
export const REFERENCE_KINDS: readonly string[] = Object.entries(KINDS).map(([name, kind]) => (kind.target === 'none' ? name : `${name}:<${kind.target}>`));

/** One `{…}` in an answer. */
export interface Reference {
  /** The text as written, braces included, e.g. `{price:manicure_gel}`. */
  raw: string;
  /** Offset of `raw` in the answer. */
  index: number;
  kind: string;
  /** The id after the colon, if any. */
  id?: string;
}

/** A reference, or a brace that does not open or close one. */
export type AnswerToken = { reference: Reference } | { stray: { raw: string; index: number } };

const BRACED = /\{([^{}]*)\}/g;
const SHAPE = /^\s*([a-z_]+)\s*(?::\s*([a-z0-9_]*)\s*)?$/;

/**
 * Finds the references in an answer, and braces that are not part of one.
 *
 * @example
 * scanAnswer('Маникюр — {price:manicure_gel}') // [{ reference: { raw: '{price:manicure_gel}', index: 10, kind: 'price', id: 'manicure_gel' } }]
 */
export function scanAnswer(answer: string): AnswerToken[] {
  const tokens: AnswerToken[] = [];
  let cursor = 0;
  const strays = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (answer[i] === '{' || answer[i] === '}') tokens.push({ stray: { raw: answer[i], index: i } });
  };
  for (const match of answer.matchAll(BRACED)) {
    strays(cursor, match.index);
    const shape = SHAPE.exec(match[1]);
    tokens.push({ reference: { raw: match[0], index: match.index, kind: shape?.[1] ?? match[1].trim(), id: shape ? shape[2] : undefined } });
    cursor = match.index + match[0].length;
  }
  strays(cursor, answer.length);
  return tokens;
}

/**
 * The text a reference stands for, or what is wrong with it (an unknown kind or id, a missing or
 * superfluous id, a guarantee or prepayment the service does not have).
 *
 * @example
 * resolveReference({ raw: '{hours:city}', index: 0, kind: 'hours', id: 'city' }, catalog)
 * // "пн–сб 09:00–21:00, вс 10:00–20:00"
 */
export function resolveReference(ref: Reference, catalog: Catalog): string | ReferenceProblem {
  const kind = Object.hasOwn(KINDS, ref.kind) ? KINDS[ref.kind] : undefined;
  if (!kind) {
    const guess = closest(ref.kind, Object.keys(KINDS), 3);
    return {
      problem: `unknown reference ${ref.raw}`,
      hint: `${guess ? `did you mean "${guess}"? ` : ''}references are written {kind:id}; the kinds are: ${REFERENCE_KINDS.join(', ')}`,
    };
  }
  if (kind.target === 'none') {
    if (ref.id !== undefined) return { problem: `reference ${ref.raw} takes no id`, hint: `write {${ref.kind}}` };
    return kind.none!(catalog);
  }
  if (!ref.id) {
    const example = kind.target === 'service' ? 'manicure_gel' : 'tverskaya';
    return { problem: `reference ${ref.raw} needs a ${kind.target} id`, hint: `write {${ref.kind}:<${kind.target} id>}, e.g. {${ref.kind}:${example}}` };
  }
  if (kind.target === 'service') {
    const service = catalog.services.find((s) => s.id === ref.id);
    if (!service) return unknownId(ref, 'service', catalog.services.map((s) => s.id));
    return kind.service!(service, catalog);
  }
  const branch = catalog.branches.find((b) => b.id === ref.id);
  if (!branch) return unknownId(ref, 'branch', catalog.branches.map((b) => b.id));
  return kind.branch!(branch, catalog);
}

function unknownId(ref: Reference, what: 'service' | 'branch', known: string[]): ReferenceProblem {
  const guess = closest(ref.id!, known, 3);
  return {
    problem: `unknown ${what} "${ref.id}" in ${ref.raw}`,
    hint: `${guess ? `did you mean "${guess}"? ` : ''}the ${what === 'service' ? 'services' : 'branches'} in content/catalog.yaml are: ${known.join(', ')}`,
  };
}

/** True when `value` is a problem rather than resolved text. */
export function isReferenceProblem(value: string | ReferenceProblem): value is ReferenceProblem {
  return typeof value !== 'string';
}
