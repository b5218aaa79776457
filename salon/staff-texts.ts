/**
 * What the staff chat reads (`content/staff.yaml`): the handover summary's lines, the relayed guest
 * message, short notes, channel names and handover reasons. Its TypeScript type and a loader that checks
 * it with JSON Schema (ajv), then that each text uses only its own {variables}. Every problem is a
 * {@link ContentError} with the file, the line and a hint on how to fix it.
 */
import { ContentError } from './errors';
import { contentFileReader, type DataPath, type Locator } from './yaml-source';

// ── Types ──────────────────────────────────────────────────────────────────────────────────────────

export interface StaffTexts {
  summary: {
    title: string;
    guest: string;
    unknown_name: string;
    channel: string;
    reason: string;
    client: string;
    phone: string;
    ticket: string;
    last_messages: string;
    from_guest: string;
    from_assistant: string;
    how_to_answer: string;
  };
  guest_message: string;
  /** A name only the guest's page vouches for (the web widget's `userName`): `{name}` marked as unverified. */
  unverified_name: string;
  empty_message: string;
  photo: string;
  notes: { text_only: string; released: string; already_with_assistant: string; not_allowed: string };
  /** Channel id → the name staff read. */
  channels: Record<string, string>;
  /** Handover reason → the words staff read. */
  reasons: Record<string, string>;
  /** Where the file is and where its `reasons` start, for the cross-check with flows and FAQ. */
  source: { file: string; reasonsLine?: number };
}

/** The {variables} each text may use; texts not listed use none. */
const VARIABLES: Record<string, readonly string[]> = {
  'summary.guest': ['name'],
  'summary.channel': ['channel'],
  'summary.reason': ['reason'],
  'summary.client': ['client_id'],
  'summary.phone': ['phone'],
  'summary.ticket': ['ticket'],
  guest_message: ['name', 'channel', 'text'],
  unverified_name: ['name'],
};

// ── Schema ─────────────────────────────────────────────────────────────────────────────────────────

const text = { type: 'string', pattern: '\\S', description: 'a text in quotes' };
const texts = (names: readonly string[]) => ({
  type: 'object',
  additionalProperties: false,
  required: names,
  properties: Object.fromEntries(names.map((n) => [n, text])),
});
const SUMMARY_FIELDS = ['title', 'guest', 'unknown_name', 'channel', 'reason', 'client', 'phone', 'ticket', 'last_messages', 'from_guest', 'from_assistant', 'how_to_answer'] as const;
const names = (what: string) => ({
  type: 'object',
  minProperties: 1,
  propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
  additionalProperties: { ...text, description: `the words staff read for this ${what}` },
});

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'guest_message', 'unverified_name', 'empty_message', 'photo', 'notes', 'channels', 'reasons'],
  properties: {
    summary: texts(SUMMARY_FIELDS),
    guest_message: text,
    unverified_name: text,
    empty_message: text,
    photo: text,
    notes: texts(['text_only', 'released', 'already_with_assistant', 'not_allowed']),
    channels: names('channel'),
    reasons: names('reason'),
  },
} as const;

const reader = contentFileReader<StaffTexts>({
  what: 'the staff chat texts',
  where: 'the staff chat texts live in content/staff.yaml',
  schema: SCHEMA,
  empty: {
    problem: 'the staff chat texts are empty or are not a set of "key: value" fields',
    hint: 'start from the fields of the shipped content/staff.yaml: summary, guest_message, unverified_name, empty_message, photo, notes, channels, reasons',
  },
  label,
  check: checkVariables,
});

// ── Loading ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reads, parses and checks the staff chat texts.
 *
 * @throws {ContentError} naming the file and line: bad YAML, a missing or unknown field, a {variable}
 *   the text cannot use.
 * @example loadStaffTexts('content/staff.yaml').reasons.complaint // 'жалоба на визит'
 */
export function loadStaffTexts(path: string): StaffTexts {
  return located(reader.load(path), path);
}

/** Parses and checks staff texts given as a string; `file` is only used in messages. */
export function parseStaffTexts(source: string, file: string): StaffTexts {
  return located(reader.parse(source, file), file);
}

function located(staff: StaffTexts, file: string): StaffTexts {
  staff.source.file = file;
  return staff;
}

/**
 * Checks that every handover reason in use has words for staff.
 *
 * @throws {ContentError} at the file's `reasons`, naming the missing reasons and where they come from.
 * @example checkStaffReasons(staff, new Map([['complaint', 'flows/complaint.yaml']]))
 */
export function checkStaffReasons(staff: StaffTexts, used: ReadonlyMap<string, string>): void {
  const missing = [...used].filter(([reason]) => staff.reasons[reason] === undefined);
  if (missing.length === 0) return;
  throw new ContentError({
    file: staff.source.file,
    line: staff.source.reasonsLine,
    path: 'reasons',
    problem: `no words for the handover reason${missing.length > 1 ? 's' : ''} ${missing.map(([reason, where]) => `"${reason}" (used in ${where})`).join(', ')}`,
    hint: `add ${missing.map(([reason]) => `"${reason}: …"`).join(', ')} under reasons: — what the administrators read as the reason`,
  });
}

/**
 * Fills a text's {variables}.
 *
 * @example fillStaffText('Гость: {name}', { name: 'Анна' }) // 'Гость: Анна'
 */
export function fillStaffText(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function label(path: DataPath): string {
  return path.length > 0 ? `field "${path.join('.')}"` : 'the staff chat texts';
}

function checkVariables(staff: StaffTexts, locate: Locator): void {
  const check = (path: DataPath, value: string) => {
    const allowed = VARIABLES[path.join('.')] ?? [];
    for (const [, name] of value.matchAll(/\{([^{}]*)\}/g)) {
      if (!allowed.includes(name)) {
        throw locate.error(path, `{${name}} is not a word this text can use`, allowed.length ? `use ${allowed.map((a) => `{${a}}`).join(', ')}` : 'this text takes no {words}: write it out');
      }
    }
  };
  for (const field of SUMMARY_FIELDS) check(['summary', field], staff.summary[field]);
  check(['guest_message'], staff.guest_message);
  for (const field of ['text_only', 'released', 'already_with_assistant', 'not_allowed'] as const) check(['notes', field], staff.notes[field]);
  Object.defineProperty(staff, 'source', { value: { file: '', reasonsLine: locate.line([], 'reasons') }, enumerable: false, writable: true });
}
