/**
 * The LLM layer's events, sent to the assistant's logger at a level that fits them: failures and cache
 * errors as warnings, the rest as debug lines (the dialogue engine logs one info line per answer, with
 * the conversation it belongs to). The logger masks personal data and keeps the API key out.
 */
import type { LlmLogEvent, LlmLogger } from '../llm';
import type { Logger } from '../../common';

/**
 * An `LlmLogger` writing to `log`.
 *
 * @example createLlmLayer({ settings, brand, catalog, render, db, log: llmEventsTo(logger) })
 */
export function llmEventsTo(log: Logger): LlmLogger {
  return (event: LlmLogEvent) => {
    const { event: name, ...fields } = event;
    if (name === 'llm.failure' || name === 'llm.cache-error') log.warn(name, fields);
    else log.debug(name, fields);
  };
}
