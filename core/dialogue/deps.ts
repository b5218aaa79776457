import type { Nlu, Clock } from '../../nlu';
import type { Logger } from '../../common';
import type { FaqBase } from '../faq';
import type { FlowRegistry, FlowSet } from '../flow-machines';
import type { LlmLayer } from '../llm';
import type { Responses } from '../responses';
import type { ConversationStore } from '../store';
import type { FlowInspector } from './flow-stack';
import type { VariableBuilder } from './turn-output';

/** What the dialogue engine is built from. */
export interface DialogueDeps {
  nlu: Nlu;
  flows: FlowSet;
  registry: FlowRegistry;
  responses: Responses;
  faq?: FaqBase;
  store: ConversationStore;
  clock: Clock;
  variables: VariableBuilder;
  /** Below this an intent does not switch flows or start one. Default: the NLU's fallback threshold. */
  switchThreshold?: number;
  /** Sees the XState inspection events of every flow (flow coverage of transcript tests). */
  inspect?: FlowInspector;
  /**
   * The LLM layer (grounded FAQ answers, brand-voice rephrasing). Absent or without a model: every
   * answer is deterministic and no request is ever made.
   */
  llm?: LlmLayer;
  /** Where FAQ grounding, rephrasing and guardrail flags are logged. Default: nowhere. */
  log?: Logger;
}
