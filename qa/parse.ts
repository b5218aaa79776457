import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { ContentError, formatPath, readContentFile, schemaError, type DataPath, type Locator } from '../salon';
import { TRANSCRIPT_FILE_SCHEMA } from './schema';
import { keepColonTexts, keepTypedTexts, parseSource } from './texts-as-written';
import {
  CRM_EXPECTATION_KINDS, DEFAULT_NOW, TURN_EXPECTATION_KEYS,
  type CaseSpec, type CrmExpectation, type FixturesSpec, type GuestSpec, type StepInput, type StepSpec, type TranscriptFile, type TurnExpectation,
} from './types';

let validator: ValidateFunction | undefined;
const validate = (data: unknown): data is RawFile => {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(TRANSCRIPT_FILE_SCHEMA);
  return validator(data);
};

const HINT_FORMAT = 'see "For QA: transcripts" in the README';

/**
 * Reads and parses a transcript file.
 *
 * @throws {ContentError} when it cannot be read, is not valid YAML or breaks the format, with file and line.
 */
export function readTranscript(file: string): TranscriptFile {
  return parseTranscript(readContentFile(file, 'the transcript', 'transcripts live in test/transcripts/**/*.yaml'), file);
}

/**
 * Parses a transcript (YAML text): the structure against the JSON Schema, then what the schema cannot
 * say (one input per step, a button only after a turn…). File defaults (`defaults: { now, guest, tags }`)
 * are merged into every case.
 *
 * @throws {ContentError} for the first problem in file order, with its line and how to fix it.
 * @example
 * parseTranscript('cases:\n  - name: greets\n    steps:\n      - user: привет\n        responses: [greet]\n', 'hello.yaml')
 * // { file: 'hello.yaml', cases: [{ name: 'greets', now: '2026-11-24T12:00:00+03:00', steps: [{ number: 1, line: 4, … }], … }] }
 */
export function parseTranscript(source: string, file: string): TranscriptFile {
  const { data, locate } = parseSource(source, file, labelOf);
  keepColonTexts(data, source);
  if (!validate(data)) throw firstSchemaError(validator?.errors ?? [], data, locate);
  const defaults = data.defaults ?? {};
  keepTypedTexts(data, source);
  const cases = data.cases.map((raw, index) => parseCase(raw, ['cases', index], defaults, file, locate));
  return { file, cases };
}

// ── The raw shapes the schema guarantees ─────────────────────────────────────────────────────────

interface RawGuest { channel?: string; user?: string | number; name?: string; phone?: string }
interface RawFile {
  defaults?: { now?: string; guest?: RawGuest; tags?: string[] };
  cases: RawCase[];
}
interface RawCase {
  name: string;
  tags?: string[];
  now?: string;
  guest?: RawGuest;
  fixtures?: {
    clients?: FixturesSpec['clients'];
    bookings?: FixturesSpec['bookings'];
    visits?: FixturesSpec['visits'];
    take_slot_after_step?: number;
    crm_unavailable?: string[];
    identity_code?: string;
  };
  steps: Array<Record<string, unknown>>;
}

// ── Cases and steps ──────────────────────────────────────────────────────────────────────────────

function parseCase(raw: RawCase, path: DataPath, defaults: NonNullable<RawFile['defaults']>, file: string, locate: Locator): CaseSpec {
  const now = raw.now ?? defaults.now ?? DEFAULT_NOW;
  if (Number.isNaN(Date.parse(now))) throw locate.error([...path, 'now'], `case "${raw.name}": "${now}" is not a real time`, 'write e.g. 2026-11-24T12:00:00+03:00');
  const guestRaw = { ...defaults.guest, ...raw.guest };
  const guest: GuestSpec = {
    channel: guestRaw.channel ?? 'telegram',
    user: guestRaw.user === undefined ? 'guest' : String(guestRaw.user),
    ...(guestRaw.name !== undefined && { name: guestRaw.name }),
    ...(guestRaw.phone !== undefined && { phone: guestRaw.phone }),
  };
  const f = raw.fixtures ?? {};
  const fixtures: FixturesSpec = {
    clients: f.clients ?? [],
    bookings: f.bookings ?? [],
    visits: f.visits ?? [],
    takeSlotAfterStep: f.take_slot_after_step,
    crmUnavailable: f.crm_unavailable ?? [],
    ...(f.identity_code !== undefined && { identityCode: f.identity_code }),
  };
  if (fixtures.takeSlotAfterStep !== undefined && fixtures.takeSlotAfterStep > raw.steps.length) {
    throw locate.error([...path, 'fixtures', 'take_slot_after_step'], `case "${raw.name}" has ${raw.steps.length} steps, so there is no step ${fixtures.takeSlotAfterStep}`, 'give the number of the step after which the time is taken (1 = the first)');
  }
  const steps = raw.steps.map((step, index) => parseStep(step, [...path, 'steps', index], index, raw.name, file, locate));
  return {
    file,
    line: locate.line(path) ?? 1,
    name: raw.name,
    tags: [...new Set([...(defaults.tags ?? []), ...(raw.tags ?? [])])],
    now,
    guest,
    fixtures,
    steps,
  };
}

const INPUTS = ['user', 'button', 'photo', 'meanwhile'] as const;

function parseStep(raw: Record<string, unknown>, path: DataPath, index: number, caseName: string, file: string, locate: Locator): StepSpec {
  const where = `case "${caseName}", step ${index + 1}`;
  const inputs = INPUTS.filter((key) => key in raw);
  const expectKeys = TURN_EXPECTATION_KEYS.filter((key) => key in raw);
  const input = stepInput(raw, inputs, where, path, locate);
  if (input.kind === 'button' && index === 0) {
    throw locate.error(path, `${where} presses a button before the assistant said anything`, 'start the case with "- user: …", or give a payload such as "/intent booking"', 'button');
  }
  if ((input.kind === 'none' || input.kind === 'meanwhile') && expectKeys.length > 0) {
    throw locate.error(path, `${where} has expectations on the assistant's turn (${expectKeys.join(', ')}) but the guest does nothing, so there is no turn`, 'put them on the step with the guest\'s message, or add "user: …"', expectKeys[0]);
  }
  const expect: TurnExpectation[] = expectKeys
    .map((key) => {
      const value = raw[key];
      checkRegexes(value, [...path, key], where, locate);
      return { key, value, path: [...path, key], file, line: locate.line(path, key) ?? 0 };
    })
    .sort((a, b) => a.line - b.line);
  const crm: CrmExpectation[] = [];
  const rawCrm = (raw.crm ?? {}) as Record<string, unknown>;
  for (const kind of CRM_EXPECTATION_KINDS) {
    if (!(kind in rawCrm)) continue;
    const items = Array.isArray(rawCrm[kind]) ? (rawCrm[kind] as Array<Record<string, unknown>>) : [rawCrm[kind] as Record<string, unknown>];
    items.forEach((fields, i) => {
      const itemPath = Array.isArray(rawCrm[kind]) ? [...path, 'crm', kind, i] : [...path, 'crm', kind];
      checkRegexes(fields, itemPath, where, locate);
      crm.push({ kind, fields, file, line: locate.line(itemPath) ?? locate.line([...path, 'crm'], kind) ?? 0 });
    });
  }
  return { file, line: locate.line(path) ?? 0, number: index + 1, input, expect, crm };
}

function stepInput(raw: Record<string, unknown>, inputs: ReadonlyArray<(typeof INPUTS)[number]>, where: string, path: DataPath, locate: Locator): StepInput {
  const photo = typeof raw.photo === 'string' ? [{ type: 'image', fileId: raw.photo }] : [];
  const kinds = inputs.filter((key) => key !== 'photo' || !inputs.includes('user'));
  if (kinds.length > 1) {
    throw locate.error(path, `${where} has both ${kinds.join(' and ')}`, 'one step is one thing the guest does: split it into two steps (a photo may go with "user:")', kinds[1]);
  }
  switch (kinds[0]) {
    case 'user':
      return { kind: 'user', text: raw.user as string, attachments: photo };
    case 'photo':
      return { kind: 'user', text: '', attachments: photo };
    case 'button':
      return { kind: 'button', button: raw.button as string | number };
    case 'meanwhile':
      return { kind: 'meanwhile', event: 'take_chosen_slot' };
    default:
      if (!('crm' in raw)) {
        throw locate.error(path, `${where} has nothing for the guest to do and nothing to check`, 'start it with "user: …" or "button: …", or check the CRM with "crm: …"');
      }
      return { kind: 'none' };
  }
}

/** Every `{ regex: … }` inside an expectation must compile. */
function checkRegexes(value: unknown, path: DataPath, where: string, locate: Locator): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkRegexes(item, [...path, i], where, locate));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'regex' && typeof item === 'string') {
      try {
        new RegExp(item, 'u');
      } catch (error) {
        throw locate.error(path, `${where}: the regular expression /${item}/ is invalid (${(error as Error).message})`, 'fix it, or use { contains: <part> } instead', 'regex');
      }
    } else {
      checkRegexes(item, [...path, key], where, locate);
    }
  }
}

// ── Messages ─────────────────────────────────────────────────────────────────────────────────────

function labelOf(path: DataPath, raw: unknown): string {
  if (path[0] === 'defaults') return 'the defaults';
  if (path[0] !== 'cases' || typeof path[1] !== 'number') return 'the transcript';
  const name = (raw as RawFile | undefined)?.cases?.[path[1]]?.name;
  const label = typeof name === 'string' ? `case "${name}"` : `case #${path[1] + 1}`;
  return path[2] === 'steps' && typeof path[3] === 'number' ? `${label}, step ${path[3] + 1}` : label;
}

/**
 * The schema problem a person should fix first: the earliest line; an `anyOf` (several allowed forms)
 * is reported as itself, not as the first form it failed.
 */
function firstSchemaError(errors: ErrorObject[], data: unknown, locate: Locator): ContentError {
  const pathOf = (e: ErrorObject): DataPath => e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const alternatives = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const relevant = errors.filter((e) => e.keyword === 'anyOf' || !alternatives.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`)));
  const lineOf = (e: ErrorObject) => locate.line(pathOf(e), e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined) ?? 0;
  const first = Math.min(...relevant.map(lineOf));
  const atFirst = relevant.filter((e) => lineOf(e) === first);
  const choice = atFirst.find((e) => e.keyword === 'anyOf');
  if (choice) {
    const path = pathOf(choice);
    const what = `${locate.label(path, data)}${path.length > itemDepth(path) ? `, field "${formatPath(path.slice(itemDepth(path)))}"` : ''}`;
    const value = choice.data === undefined ? '' : ` (it is ${JSON.stringify(choice.data)})`;
    const description = (choice.parentSchema as { description?: string } | undefined)?.description;
    // `bot: Свободно: выберите` reads as a map: the usual cause is an unquoted ": " in a text.
    const items = Array.isArray(choice.data) ? choice.data : [choice.data];
    const colon = items.some((i) => i !== null && typeof i === 'object' && !Array.isArray(i) && Object.keys(i).some((k) => !['contains', 'regex', 'include', 'count'].includes(k)));
    const hint = `${description ? `write ${description}` : HINT_FORMAT}${colon ? '; a text with ": " in it must be in quotes: "Свободно: выберите время"' : ''}`;
    return locate.error(path, `${what} is not in the expected form${value}`, hint);
  }
  const path = pathOf(atFirst[0]);
  return schemaError(atFirst, data, locate, { problem: 'a transcript must be a map with "cases:"', hint: 'start the file with "cases:" and a list of cases, each with "name:" and "steps:"' }, itemDepth(path));
}

/** How many path segments name the item: `cases[0].steps[2]` for a step, `cases[0]` otherwise. */
function itemDepth(path: DataPath): number {
  if (path[0] === 'cases' && path[2] === 'steps' && typeof path[3] === 'number') return 4;
  return path[0] === 'cases' ? 2 : 1;
}
