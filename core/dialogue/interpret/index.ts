/**
 * Reading a message in its context and interpreting it as typed commands: the dialogue policy.
 */
export { interpret } from './interpret';
export { readMessage, type Reading } from './reading';
export { chosenButton, withPressedButton } from './typed-choice';
