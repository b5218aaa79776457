/**
 * The JSON Schema of a flow file (stage 1 of validation, with ajv): the file's fields, and one schema
 * per step kind, chosen by the key that names the kind (`collect`, `action`, `say`, `if`, `call`,
 * `link`, `end`). Descriptions say what to write; they end up in error messages.
 */
const name = { type: 'string', pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$', description: 'a name of Latin letters, digits and _, e.g. find_slots' };
const stepRef = { ...name, description: 'the id of a step of this flow, e.g. ask_slot' };
const params = { type: 'object', description: 'a map of parameters, e.g. { max: 5 }' };
const common = { id: { ...name, description: 'a step id, e.g. find_slots' }, next: stepRef, description: { type: 'string' } };
const guardRef = {
  oneOf: [
    name,
    { type: 'object', required: ['guard'], additionalProperties: false, properties: { guard: name, params } },
  ],
  description: 'a guard name, or { guard: name, params: { … } }',
};
const condition = {
  oneOf: [
    name,
    { type: 'object', required: ['guard'], additionalProperties: false, properties: { guard: name, params } },
    { type: 'object', required: ['slot', 'equals'], additionalProperties: false, properties: { slot: name, equals: {} } },
    { type: 'object', required: ['slot', 'filled'], additionalProperties: false, properties: { slot: name, filled: { type: 'boolean' } } },
  ],
  description: 'a guard name, { guard: name, params: {…} }, { slot: name, equals: value } or { slot: name, filled: true }',
};

export const FLOW_FILE_SCHEMA = {
  type: 'object',
  required: ['flow', 'steps'],
  additionalProperties: false,
  properties: {
    flow: { ...name, description: 'the flow id, e.g. booking' },
    description: { type: 'string' },
    title: { type: 'string', description: 'a short name for the guest after «к» (dative), e.g. "записи", "отмене записи"' },
    start_on: { type: 'array', items: name, uniqueItems: true, description: 'a list of intents, e.g. [booking]' },
    resume_if: { ...name, description: 'a guard that must hold to offer the flow again after an interruption, e.g. bookingStillOpen' },
    takes: { type: 'array', items: name, uniqueItems: true, description: 'slots the flow takes from what the guest says besides those it asks, e.g. [branch, when]' },
    steps: { type: 'array', minItems: 1, description: 'a list of steps' },
  },
} as const;

export const STEP_SCHEMAS = {
  collect: {
    type: 'object', required: ['collect', 'ask'], additionalProperties: false,
    properties: {
      ...common,
      collect: { ...name, description: 'a slot name from flows/slots.yaml' },
      ask: { ...name, description: 'a response key from content/responses.yaml' },
      buttons: { ...name, description: 'a button provider name' },
      validate: guardRef,
      invalid: { ...name, description: 'a response key' },
      invalid_when: {
        type: 'object',
        propertyNames: name,
        additionalProperties: { ...name, description: 'a response key' },
        description: 'a map of guard → response said instead of invalid when the guard holds, e.g. { masterInOtherBranch: master_not_in_branch }',
      },
      max_attempts: { type: 'integer', minimum: 1, maximum: 10, description: 'a whole number from 1 to 10, e.g. 3' },
      on_max_attempts: stepRef,
      ask_before_filling: { type: 'boolean', description: 'true or false' },
    },
  },
  action: {
    type: 'object', required: ['action'], additionalProperties: false,
    properties: { ...common, action: { ...name, description: 'an action name' }, params, on_error: stepRef },
  },
  say: {
    type: 'object', required: ['say'], additionalProperties: false,
    properties: { ...common, say: { ...name, description: 'a response key from content/responses.yaml' } },
  },
  if: {
    type: 'object', required: ['if', 'then'], additionalProperties: false,
    properties: { ...common, if: condition, then: stepRef, else: stepRef },
  },
  call: {
    type: 'object', required: ['call'], additionalProperties: false,
    properties: { ...common, call: { ...name, description: 'a flow id' } },
  },
  link: {
    type: 'object', required: ['link'], additionalProperties: false,
    properties: { id: common.id, description: common.description, link: { ...name, description: 'a flow id' } },
  },
  end: {
    type: 'object', required: ['end'], additionalProperties: false,
    properties: { id: common.id, description: common.description, end: { const: true, description: 'end: true' } },
  },
} as const;

export const STEP_KINDS = Object.keys(STEP_SCHEMAS) as Array<keyof typeof STEP_SCHEMAS>;

export const SLOTS_FILE_SCHEMA = {
  type: 'object',
  required: ['slots'],
  additionalProperties: false,
  properties: {
    slots: {
      type: 'object',
      additionalProperties: {
        type: 'object', required: ['type'], additionalProperties: false,
        properties: {
          type: { enum: ['text', 'id', 'list', 'when', 'phone', 'boolean', 'enum', 'any'], description: 'one of text, id, list, when, phone, boolean, enum, any' },
          entity: { ...name, description: 'an NLU entity name, e.g. service' },
          from_text: { type: 'boolean', description: 'true or false' },
          from_attachment: { type: 'boolean', description: 'true or false' },
          from_opening_words: { type: 'integer', minimum: 1, description: 'the message that starts the flow fills it when it tells this many words besides what fills other slots, e.g. 5' },
          reset_on_rewind: { type: 'boolean', description: 'true or false' },
          person: { type: 'boolean', description: 'true or false' },
          computed: { type: 'boolean', description: 'true or false' },
          pattern: { type: 'string', minLength: 1, description: 'a regular expression the whole answer must match, e.g. "\\d{6}"' },
          picked_by: { ...name, description: 'a slot picker registered in the flow registry, e.g. namedBooking' },
          description: { type: 'string' },
          values: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            description: 'a map of value → words that mean it, e.g. { refund: [верните деньги, возврат] }',
          },
          values_anywhere: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            description: 'a map of value → phrases that mean it in any message of the flow, e.g. { any: [любой мастер] }',
          },
          opening_values: {
            type: 'object',
            additionalProperties: { type: 'array', items: { type: 'string' } },
            description: 'a map of value → phrases that mean it in the message that starts the flow, e.g. { someone_else: [запишите маму] }',
          },
        },
      },
    },
  },
} as const;
