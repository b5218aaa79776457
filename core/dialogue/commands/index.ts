/**
 * The typed commands a message is interpreted as, and the processor that applies them to the flows.
 */
export type { Command, CommandKind, CommandOf } from './command';
export { applyCommands } from './process';
export { logTurn, type Pending, type TurnContext } from './turn-context';
