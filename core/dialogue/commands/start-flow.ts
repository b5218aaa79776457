import type { Entity } from '../../../nlu';
import { withBackReferences } from '../back-reference';
import { slotsOfFlow, slotValuesFor } from '../slot-values';
import { enumValue, tellingWords } from '../slots';
import type { CommandOf } from './command';
import type { TurnContext } from './turn-context';

/** Starts a flow (over the one it interrupts, which is offered again afterwards). */
export async function startFlowCommand(command: CommandOf<'start_flow'>, ctx: TurnContext): Promise<void> {
  if (command.interrupts) ctx.stack.events.push({ type: 'flow_interrupted', flow: command.interrupts, by: command.flow });
  else ctx.state.fallbacks = 0;
  await startFlow(command.flow, ctx, ctx.state.mentioned as Entity[] | undefined);
}

/**
 * Starts a flow on top of the stack with the slots the message already gives, and those it points back
 * at («запишите меня на него» after a question about a pedicure).
 */
export async function startFlow(flow: string, { deps, u, message, stack }: TurnContext, remembered?: Entity[]): Promise<void> {
  const definition = deps.flows.definitions.get(flow);
  if (!definition) return;
  const entities = withBackReferences(u.text, u.entities, remembered);
  const read = { ...u, entities, payload: u.payload?.kind === 'slot' ? u.payload : undefined };
  const values = slotValuesFor(definition, deps.flows.slots, read, { awaiting: null, attachments: message.attachments });
  // A first message that already tells the story fills the slot that asks for it; «запишите маму» says
  // the booking is not for the guest herself.
  for (const name of slotsOfFlow(definition)) {
    const definition = deps.flows.slots.get(name);
    if (!definition || values[name] !== undefined || u.payload) continue;
    const opening = definition.fromOpeningWords;
    if (opening && tellingWords(u.text, u.entities) >= opening) values[name] = u.text.trim();
    const said = definition.openingValues && enumValue(definition.openingValues, u.text);
    if (said) values[name] = said;
  }
  await stack.start(flow, values, entities);
}
