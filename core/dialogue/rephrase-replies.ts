/**
 * The brand-voice pass over a turn's replies (Rasa's Contextual Response Rephraser, behind the LLM
 * layer's guard): each reply whose response is marked `rephrase: true` — or every response, when
 * `COCO_LLM_REPHRASE=all` — is reworded with the recent turns as context, within the turn's remaining
 * budget. The buttons are never touched; a wording the guard rejects, a failure or a timeout leaves the
 * template as it was. The guardrails' own replies are never reworded.
 */
import { GUARDRAIL_RESPONSES } from '../guardrails';
import type { RecentTurn } from '../llm';
import type { Responses } from '../responses';
import type { TurnLlm } from './turn-llm';
import type { TurnOutput } from './turn-output';
import type { Reply } from '../../common';

/** Replies said word for word whatever the settings: the guardrails' fixed texts. */
const FIXED: ReadonlySet<string> = new Set(Object.values(GUARDRAIL_RESPONSES));

/** What happened to one reply, for the log. */
export interface RephraseOutcome {
  key: string;
  source: 'llm' | 'template';
  reason?: string;
  missing?: string[];
  model?: string;
}

/**
 * Rewords the replies of the turn that the settings allow, all at once (they share the budget, so the
 * turn waits at most the budget's remainder). Replaces them in `turn` and notes each outcome in the
 * reply's log meta (`rephrase`).
 *
 * @param guestText  the guest's message of this turn, shown as the last turn of the context.
 */
export async function rephraseReplies(turn: TurnOutput, llm: TurnLlm, responses: Responses, guestText: string | undefined): Promise<RephraseOutcome[]> {
  const chosen = turn.replies.filter((reply) => rephrasable(reply, llm, responses));
  if (chosen.length === 0) return [];
  const recent: RecentTurn[] = [...llm.recent(), ...(guestText?.trim() ? [{ role: 'guest' as const, text: guestText }] : [])];
  const outcomes = await Promise.all(chosen.map(async (reply): Promise<RephraseOutcome> => {
    const key = reply.response!;
    const result = await llm.layer.rephrase(reply.text, { vars: turn.varsOf(reply), buttons: reply.buttons, recentTurns: recent, key }, llm.budget);
    const outcome: RephraseOutcome = {
      key,
      source: result.source,
      ...(result.reason ? { reason: result.reason } : {}),
      ...(result.missing?.length ? { missing: result.missing } : {}),
      ...(result.model ? { model: result.model } : {}),
    };
    if (result.source === 'llm') {
      // The buttons stay the very ones the flow built: the model only ever returns text.
      turn.replace(reply, { ...reply, text: result.text }, { rephrase: outcome });
    } else {
      turn.annotate(reply, { rephrase: outcome });
    }
    return outcome;
  }));
  return outcomes;
}

function rephrasable(reply: Reply, llm: TurnLlm, responses: Responses): boolean {
  const key = reply.response;
  if (!key || FIXED.has(key) || !responses.has(key)) return false;
  return llm.layer.shouldRephrase(responses.get(key).rephrase);
}
