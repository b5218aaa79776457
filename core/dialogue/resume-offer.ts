/**
 * Coming back to an interrupted flow: when a flow finished (or was stopped) over one it interrupted, the
 * guest is asked whether to go on with it («Вернёмся к записи?»), unless it no longer makes sense.
 */
import { buttonTitle } from './button-titles';
import type { TurnContext } from './commands';

/** Asks «вернёмся к …?» about the flow now on top, after dropping those whose `resume_if` no longer holds. */
export function offerResume(ctx: TurnContext): void {
  const { stack, state, turn, deps } = ctx;
  // A flow whose `resume_if` no longer holds (the booking it was moving got cancelled) is over, not offered.
  while (stack.top && !resumable(ctx)) stack.stopTop();
  const flow = stack.top;
  if (!flow) return;
  // Named by the flow the guest was in: the cancellation, not the identification it called.
  const definition = deps.flows.definitions.get(stack.topCaller ?? flow);
  state.pending = { kind: 'resume', flow };
  turn.respondSync('resume_offer', { flow_title: definition?.title ?? definition?.description ?? flow }, [
    { title: buttonTitle(deps.responses, 'yes', 'Да'), payload: '/resume yes' },
    { title: buttonTitle(deps.responses, 'no', 'Нет'), payload: '/resume no' },
  ]);
}

/** The interrupted flow's `resume_if` guard holds on its slots and what the conversation has learnt since. */
function resumable({ stack, deps }: TurnContext): boolean {
  const flow = stack.topCaller ?? stack.top;
  const guard = flow ? deps.flows.definitions.get(flow)?.resumeIf?.guard : undefined;
  if (!flow || !guard) return true;
  return deps.registry.guards[guard]({ flow, slots: stack.slots(), params: {}, conversation: stack.conversationInfo });
}
