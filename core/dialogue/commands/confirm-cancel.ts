import { buttonTitle } from '../button-titles';
import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/**
 * A guess of «стоп» while the flow has progress is asked about instead of taken: «Отменить запись?».
 * «Да» ends the flow, «нет» asks its question again, anything else is read as usual.
 */
export async function confirmCancel(command: CommandOf<'confirm_cancel'>, { deps, state, turn }: TurnContext): Promise<void> {
  const definition = deps.flows.definitions.get(command.flow);
  state.pending = { kind: 'confirm_stop', flow: command.flow };
  await turn.respond('stop_confirm', { flow_title: definition?.title ?? command.flow }, [
    { title: buttonTitle(deps.responses, 'stop_yes', 'Да, отменить'), payload: '/stop yes' },
    { title: buttonTitle(deps.responses, 'stop_no', 'Нет, продолжим'), payload: '/stop no' },
  ]);
}
