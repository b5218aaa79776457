/**
 * Response templates: every text the assistant says, from `content/responses.yaml` — loaded and
 * checked (structure, variables, brand voice) and rendered with variables. The display text those
 * variables hold (prices, times, names) comes from `salon/format`.
 */

// Loading and rendering
export { loadResponses, parseResponses } from './load';
export type { LoadResponsesOptions } from './load';
export { Responses } from './responses';
export type { ResponseButton, ResponseEntry, ResponseInfo } from './responses';
export type { MissingVariableHandler, RenderOptions } from './render';
export { UnknownResponseError } from './errors';

// What a template may contain
export { RESPONSE_VARIABLES, isResponseVariable } from './variables';
export type { ResponseVariable } from './variables';
export { BRAND_EMOJI, MAX_SENTENCES, brandProblems, emojiIn } from './brand';
export { PAYLOAD_PATTERN } from './schema';
