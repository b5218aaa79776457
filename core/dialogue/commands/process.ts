import { answerQuestion } from './answer-question';
import { cancelFlow } from './cancel-flow';
import { cannotHandle } from './cannot-handle';
import { carryToCaller } from './carry-to-caller';
import { chitChat } from './chit-chat';
import { clarify } from './clarify';
import type { Command, CommandKind, CommandOf } from './command';
import { confirmCancel } from './confirm-cancel';
import { handOver } from './hand-over';
import { refuseButton } from './refuse-button';
import { repeatQuestion } from './repeat-question';
import { resumeFlow } from './resume-flow';
import { setSlots } from './set-slots';
import { startFlowCommand } from './start-flow';
import type { TurnContext } from './turn-context';

type Apply<K extends CommandKind> = (command: CommandOf<K>, ctx: TurnContext) => Promise<void>;

/** Each command kind and what applies it. */
const APPLY: { [K in CommandKind]: Apply<K> } = {
  resume_flow: resumeFlow,
  cancel_flow: cancelFlow,
  confirm_cancel: confirmCancel,
  hand_over: handOver,
  start_flow: startFlowCommand,
  set_slots: setSlots,
  carry_to_caller: carryToCaller,
  answer_question: answerQuestion,
  chit_chat: chitChat,
  repeat_question: repeatQuestion,
  clarify,
  cannot_handle: cannotHandle,
  refuse_button: refuseButton,
};

/** Applies a message's commands in their order against the turn's flows and replies. */
export async function applyCommands(commands: readonly Command[], ctx: TurnContext): Promise<void> {
  for (const command of commands) await (APPLY[command.kind] as Apply<typeof command.kind>)(command, ctx);
}
