import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** The interrupted flow is active again; with `askAgain` its pending question is asked again. */
export async function resumeFlow(command: CommandOf<'resume_flow'>, { stack }: TurnContext): Promise<void> {
  stack.events.push({ type: 'flow_resumed', flow: command.flow });
  if (command.askAgain) await stack.send({ type: 'REPEAT' });
}
