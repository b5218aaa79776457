/**
 * Answering a question from the salon's FAQ within a turn. Without an LLM: the best entry when
 * retrieval is confident (a handover entry hands over), exactly as the FAQ alone answers. With one: the
 * LLM layer's grounded answer over the retrieved entries (the NLU's service and branch entities steer
 * retrieval), with the recent turns and within the turn's budget — the model's text when the fact guard
 * accepts it, else the extractive answer, else none. Either way the reply's log meta, and an info line,
 * name the entries that grounded it.
 */
import type { FaqBase } from '../faq';
import type { FaqLlmAnswer } from '../llm';
import type { Logger } from '../../common';
import type { TurnOutput } from './turn-output';
import type { Understanding } from './understand';

/** What the log says about an FAQ answer: where it came from and which entries grounded it. */
export type FaqNote = Pick<FaqLlmAnswer, 'source' | 'grounding'> & Partial<Pick<FaqLlmAnswer, 'reason' | 'handover' | 'model' | 'failure' | 'unsupported' | 'claims'>>;

export interface AnswerFaqDeps {
  faq?: FaqBase;
  log?: Logger;
}

/**
 * Answers `u.text` from the FAQ into `turn`: a reply `faq:<entry id>`, or a handover (`turn.handover`),
 * or — when `offerHuman` — the honest `faq_not_found_offer_human`. Resolves true when it answered or
 * handed over.
 */
export async function answerFaq(u: Understanding, turn: TurnOutput, offerHuman: boolean, deps: AnswerFaqDeps): Promise<boolean> {
  const { faq } = deps;
  const entities = {
    services: u.entities.filter((e) => e.entity === 'service').map((e) => String(e.value)),
    branches: u.entities.filter((e) => e.entity === 'branch').map((e) => String(e.value)),
  };
  if (turn.llm && faq) return answerWithLlm(u, entities, turn, offerHuman, faq, deps.log);
  const sensitive = faq?.handover(u.text, entities);
  if (sensitive) {
    // A medical question is never answered by the assistant: an administrator takes it.
    turn.handover = sensitive.reason;
    logFaq(deps.log, turn, { source: 'none', grounding: [sensitive.entry.id], handover: sensitive.reason });
    return true;
  }
  const answer = faq?.answer(u.text, entities);
  if (answer) {
    const note: FaqNote = { source: 'extractive', grounding: [answer.entry.id] };
    turn.raw(answer.text, [], `faq:${answer.entry.id}`, { faq: note });
    logFaq(deps.log, turn, note);
    return true;
  }
  if (offerHuman) await turn.respond('faq_not_found_offer_human');
  return false;
}

async function answerWithLlm(
  u: Understanding,
  entities: { services: string[]; branches: string[] },
  turn: TurnOutput,
  offerHuman: boolean,
  faq: FaqBase,
  log: Logger | undefined,
): Promise<boolean> {
  const llm = turn.llm!;
  const answer = await llm.layer.answerFromFaq(u.text, faq.search(u.text, entities), llm.recent(), llm.budget);
  const note = faqNote(answer);
  logFaq(log, turn, note);
  if (answer.handover) {
    turn.handover = answer.handover;
    return true;
  }
  if (answer.source !== 'none' && answer.text.trim() !== '') {
    turn.raw(answer.text, [], `faq:${answer.grounding[0]}`, { faq: note });
    return true;
  }
  if (offerHuman) {
    await turn.respond('faq_not_found_offer_human');
    turn.annotate(turn.replies.at(-1)!, { faq: note });
  }
  return false;
}

/** The answer's log note, without empty fields. */
export function faqNote(answer: FaqLlmAnswer): FaqNote {
  const { source, grounding, reason, handover, model, failure, unsupported, claims } = answer;
  return {
    source,
    grounding,
    ...(reason ? { reason } : {}),
    ...(handover ? { handover } : {}),
    ...(model ? { model } : {}),
    ...(failure ? { failure } : {}),
    ...(unsupported?.length ? { unsupported } : {}),
    ...(claims?.length ? { claims } : {}),
  };
}

function logFaq(log: Logger | undefined, turn: TurnOutput, note: FaqNote): void {
  const { unsupported, ...fields } = note;
  // The unsupported facts are the model's words; their number says enough in a log line.
  log?.info('faq.answer', { conversation: turn.conversationId, ...fields, ...(unsupported ? { unsupported: unsupported.length } : {}) });
}
