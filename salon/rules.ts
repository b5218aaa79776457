/**
 * The salon rules (`content/rules.yaml`): booking lead time and horizon, the slot grid, how many slots to
 * offer, the free-change window, tolerated lateness, the complaint answer time and the administrators'
 * hours. Its TypeScript types and a loader that checks it with JSON Schema (ajv), then a few semantic
 * rules. Every problem is a {@link ContentError} with the file, the line and a hint on how to fix it.
 *
 * Field names are the YAML's own (snake_case), so staff documentation and code use the same words.
 */
import { WEEKDAYS, type Weekday } from './catalog';
import { contentFileReader, type DataPath, type Locator } from './yaml-source';

// ── Types ──────────────────────────────────────────────────────────────────────────────────────────

export interface BookingRules {
  /** The earliest bookable start, in minutes from now. */
  lead_minutes: number;
  /** How far ahead guests may book, in days. */
  horizon_days: number;
  /** Slots start every this many minutes from midnight; divides 60. */
  grid_minutes: number;
  /** At most this many concrete slots in one answer. */
  max_offered_slots: number;
}

export interface Rules {
  booking: BookingRules;
  changes: {
    /** Free reschedule or cancellation up to this many hours before the start. */
    free_until_hours: number;
  };
  lateness: {
    /** Minutes of lateness still served in full. */
    tolerated_minutes: number;
  };
  complaints: {
    /** The senior administrator answers a complaint ticket within this many working hours. */
    senior_admin_answer_hours: number;
  };
  /** When administrators answer, per weekday, as "HH:MM-HH:MM"; a missing day means nobody answers. */
  admin_hours: Partial<Record<Weekday, string>>;
}

// ── Schema ─────────────────────────────────────────────────────────────────────────────────────────

const count = (description: string, minimum = 0) => ({ type: 'integer', minimum, description });
const section = (properties: Record<string, object>) => ({
  type: 'object', additionalProperties: false, required: Object.keys(properties), properties,
});
const hoursOfDay = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$', description: 'hours as "HH:MM-HH:MM" in quotes, e.g. "10:00-21:00"' };

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['booking', 'changes', 'lateness', 'complaints', 'admin_hours'],
  properties: {
    booking: section({
      lead_minutes: count('minutes as a whole number, e.g. 120'),
      horizon_days: count('days as a whole number, e.g. 30', 1),
      grid_minutes: count('minutes as a whole number that divides 60, e.g. 30', 5),
      max_offered_slots: count('a whole number of slots, e.g. 5', 1),
    }),
    changes: section({ free_until_hours: count('hours as a whole number, e.g. 4') }),
    lateness: section({ tolerated_minutes: count('minutes as a whole number, e.g. 15') }),
    complaints: section({ senior_admin_answer_hours: count('hours as a whole number, e.g. 2', 1) }),
    admin_hours: {
      type: 'object', minProperties: 1, additionalProperties: false,
      properties: Object.fromEntries(WEEKDAYS.map((d) => [d, hoursOfDay])),
      description: 'hours per weekday, e.g. { mon: "10:00-21:00", … }',
    },
  },
} as const;

const reader = contentFileReader<Rules>({
  what: 'the rules',
  where: 'the rules live in content/rules.yaml',
  schema: SCHEMA,
  empty: {
    problem: 'the rules are empty or are not a set of "key: value" fields',
    hint: 'start from the sections listed at the top of content/rules.yaml: booking, changes, lateness, complaints, admin_hours',
  },
  label,
  check: checkValues,
});

// ── Loading ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads, parses and checks the rules file.
 *
 * @throws {ContentError} when the file cannot be read, is not valid YAML, breaks the schema or has an
 *   impossible value (a grid that does not divide an hour, hours that close before they open); the
 *   error names the file and line and says how to fix it.
 * @example
 * const rules = loadRules('content/rules.yaml');
 * rules.booking.lead_minutes; // 120
 */
export function loadRules(path: string): Rules {
  return reader.load(path);
}

/**
 * Parses and checks rules YAML given as a string; `file` is only used in error messages.
 *
 * @throws {ContentError} as {@link loadRules}.
 */
export function parseRules(source: string, file: string): Rules {
  return reader.parse(source, file);
}

function label(path: DataPath): string {
  return typeof path[0] === 'string' ? `section "${path[0]}"` : 'the rules';
}

function checkValues(rules: Rules, locate: Locator): void {
  const grid = rules.booking.grid_minutes;
  if (60 % grid !== 0) {
    throw locate.error(['booking', 'grid_minutes'], `grid_minutes ${grid} does not divide an hour, so slots would not start at the same minutes every hour`, 'use 5, 10, 15, 20, 30 or 60');
  }
  for (const day of WEEKDAYS) {
    const hours = rules.admin_hours[day];
    if (hours && hours.slice(0, 5) >= hours.slice(6)) {
      throw locate.error(['admin_hours', day], `admin_hours close before they open on ${day} (${hours})`, 'write the opening time first, e.g. "10:00-21:00"');
    }
  }
}
