/**
 * The JSON Schema (ajv) of a transcript file: the structure only. What it cannot say (one input per
 * step, a button before any turn) is checked by `parse.ts`. Each `description` is the form a person
 * should write, used in error messages ("write …").
 */
import { CRM_EXPECTATION_KINDS } from './types';

const ISO_WITH_OFFSET = '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?([+-]\\d\\d:\\d\\d|Z)$';
const E164 = '^\\+[1-9]\\d{7,14}$';
const NAME = '^[A-Za-z][A-Za-z0-9_]*$';

const instant = { type: 'string', pattern: ISO_WITH_OFFSET, description: 'an ISO time with its offset, e.g. 2026-11-24T12:00:00+03:00' };
const phone = { type: 'string', pattern: E164, description: 'a phone in E.164, e.g. "+79991234567" (in quotes)' };
const names = (what: string) => ({
  anyOf: [{ type: 'string', pattern: NAME }, { type: 'array', items: { type: 'string', pattern: NAME }, minItems: 1 }],
  description: `${what}: a name, or a list of names, e.g. [booking, upsell]`,
});

const textMatcher = {
  anyOf: [
    { type: 'string' },
    { type: 'object', required: ['contains'], additionalProperties: false, properties: { contains: { type: 'string' } } },
    { type: 'object', required: ['regex'], additionalProperties: false, properties: { regex: { type: 'string' } } },
  ],
  description: 'the exact text, or { contains: <part> }, or { regex: <regular expression> }',
};

const bookingFixture = {
  type: 'object',
  required: ['services', 'master', 'start', 'phone'],
  additionalProperties: false,
  properties: {
    services: { type: 'array', items: { type: 'string', pattern: NAME }, minItems: 1, description: 'a list of service ids, e.g. [manicure_gel]' },
    master: { type: 'string', pattern: NAME, description: 'a master id, e.g. olga' },
    branch: { type: 'string', pattern: NAME, description: 'a branch id, e.g. tverskaya' },
    start: instant,
    phone,
    guestName: { type: 'string', minLength: 1 },
    status: { enum: ['booked', 'completed', 'cancelled'] },
  },
};

// A visit is a completed booking: it has no status of its own.
const { status: _status, ...visitProperties } = bookingFixture.properties;

const crmFields = { type: 'object', minProperties: 1, description: 'the fields to match, e.g. { branch: tverskaya, services: [manicure_gel] }' };

const step = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // What the guest does
    // A number or a word YAML reads otherwise ("3", "22.11", "true") is taken as written.
    user: { type: ['string', 'number', 'boolean', 'null'], description: 'what the guest writes, e.g. запишите на маникюр' },
    button: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 1 }], description: 'a button title of the previous turn, its number (1 = the first) or a payload such as /slot branch=tverskaya' },
    photo: { type: 'string', minLength: 1, description: 'the file id of a photo the guest sends, e.g. photo-17' },
    meanwhile: { enum: ['take_chosen_slot'], description: 'take_chosen_slot (another guest books the chosen, else the first offered, time)' },
    // What the turn shows
    bot: { anyOf: [textMatcher, { type: 'array', items: textMatcher, minItems: 1 }], description: 'a reply: the exact text, { contains: <part> } or { regex: <expression> }, or a list of them' },
    responses: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], description: 'the response keys of the turn in order, e.g. [ask_branch]' },
    buttons: {
      anyOf: [
        { type: 'array', items: { type: 'string' } },
        {
          type: 'object', additionalProperties: false, minProperties: 1,
          properties: { include: { type: 'array', items: { type: 'string' }, minItems: 1 }, exclude: { type: 'array', items: { type: 'string' }, minItems: 1 }, count: { type: 'integer', minimum: 0 } },
        },
      ],
      description: 'the button titles in order, e.g. [«Тверская», «Сити»], or { include: [titles], exclude: [titles], count: <n> }',
    },
    silent: { type: 'boolean', description: 'true: the assistant says nothing' },
    intent: { type: 'string', description: 'an intent name, e.g. booking' },
    entities: { type: 'object', minProperties: 1, description: 'entity: value, e.g. { service: manicure_gel, branch: tverskaya }' },
    slot_was_set: {
      anyOf: [
        { type: 'object', minProperties: 1 },
        { type: 'array', items: { anyOf: [{ type: 'string', pattern: NAME }, { type: 'object', minProperties: 1, maxProperties: 1 }] }, minItems: 1 },
      ],
      description: 'slot: value, e.g. { branch: tverskaya }, or a list of slot names that must be filled',
    },
    slot_not_set: names('the slots that must be empty'),
    awaiting: { anyOf: [{ type: 'string', pattern: NAME }, { type: 'null' }], description: 'the slot asked for, or null' },
    flow: { anyOf: [{ type: 'string', pattern: NAME }, { type: 'null' }], description: 'the active flow after the turn, or null' },
    flow_started: names('flows'),
    flow_completed: names('flows'),
    flow_interrupted: names('flows'),
    flow_resumed: names('flows'),
    flow_stopped: names('flows'),
    action: names('actions'),
    action_failed: names('actions'),
    digression: { type: 'string', pattern: NAME, description: 'the intent answered in passing, e.g. faq' },
    fallback: { type: 'integer', minimum: 1, description: 'the fallback level: 1 (clarification) or 2' },
    handed_over: { type: 'boolean', description: 'true or false' },
    // What the CRM holds after it
    crm: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: Object.fromEntries(CRM_EXPECTATION_KINDS.map((kind) => [kind, { anyOf: [crmFields, { type: 'array', items: crmFields, minItems: 1 }], description: crmFields.description }])),
    },
  },
};

const guest = {
  type: 'object',
  additionalProperties: false,
  properties: {
    channel: { type: 'string', pattern: '^[a-z][a-z0-9_-]*$', description: 'a channel name, e.g. telegram' },
    user: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }], description: 'the guest id in the channel, e.g. "1001"' },
    name: { type: 'string', minLength: 1 },
    phone,
  },
};

const fixtures = {
  type: 'object',
  additionalProperties: false,
  properties: {
    clients: { type: 'array', items: { type: 'object', required: ['name', 'phone'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, phone } } },
    bookings: { type: 'array', items: bookingFixture },
    visits: { type: 'array', items: { ...bookingFixture, properties: visitProperties } },
    take_slot_after_step: { type: 'integer', minimum: 1, description: 'a step number (1 = the first step)' },
    crm_unavailable: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'CRM methods that fail, e.g. [createBooking]' },
    identity_code: { type: 'string', pattern: '^\\d{6}$', description: 'the six-digit code a typed phone\'s verified chat receives, e.g. "204816"' },
  },
};

const testCase = {
  type: 'object',
  required: ['name', 'steps'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' }, description: 'a list of tags, e.g. [booking, happy-path]' },
    now: instant,
    guest,
    fixtures,
    steps: { type: 'array', minItems: 1, items: step, description: 'a list of steps, each "- user: …" or "- button: …"' },
  },
};

/** The schema of a transcript file. */
export const TRANSCRIPT_FILE_SCHEMA = {
  type: 'object',
  required: ['cases'],
  additionalProperties: false,
  properties: {
    defaults: {
      type: 'object',
      additionalProperties: false,
      properties: { now: instant, guest, tags: testCase.properties.tags },
    },
    cases: { type: 'array', minItems: 1, items: testCase, description: 'a list of test cases, each with a name and steps' },
  },
};
