/**
 * Errors of the conversation store. A version conflict is expected now and then (a retry fixes it); the
 * others mean a bug or a damaged database.
 */
import { CocoError } from '../../common';

/** The base of every conversation store error. */
export class StoreError extends CocoError {}

/**
 * The conversation changed since the turn loaded it: another turn or staff wrote first. Nothing of this
 * turn was saved; load the conversation again and rerun the turn.
 */
export class ConcurrentUpdateError extends StoreError {
  constructor(
    readonly conversationId: string,
    readonly expectedVersion: number | null,
    readonly actualVersion: number | null,
  ) {
    super(
      `conversation "${conversationId}" is at version ${actualVersion ?? '(none)'}, but the turn expected ${expectedVersion ?? '(a new conversation)'}`,
      { hint: 'run turns of one conversation through KeyedMutex, and on this error load the conversation and run the turn again' },
    );
  }
}

/** No conversation has this key (e.g. staff hand over a guest who never wrote). */
export class ConversationNotFoundError extends StoreError {
  constructor(readonly conversationId: string) {
    super(`no conversation "${conversationId}"`, { hint: 'take the id from the store\'s list()' });
  }
}

/** A conversation key that cannot make an id: an empty part, or a colon in the channel name. */
export class InvalidConversationKeyError extends StoreError {
  constructor(readonly key: unknown, problem: string) {
    super(`invalid conversation key ${JSON.stringify(key)}: ${problem}`, {
      hint: 'a key is { channel, userId }: both non-empty, the channel without ":" (e.g. { channel: "telegram", userId: "12345" })',
    });
  }
}

/** A state or message the store cannot write as JSON (a cycle, a BigInt). Nothing was saved. */
export class UnserializableValueError extends StoreError {
  constructor(readonly conversationId: string, readonly what: string, cause: unknown) {
    super(`conversation "${conversationId}": ${what} cannot be stored as JSON: ${cause instanceof Error ? cause.message : String(cause)}`, {
      hint: 'keep the state and messages plain JSON data (XState persisted snapshots are); no cycles, BigInts or class instances',
      cause,
    });
  }
}

/** A stored row that does not read back (damaged JSON), named by conversation and column. */
export class CorruptRowError extends StoreError {
  constructor(readonly conversationId: string, readonly column: string, cause: unknown) {
    super(`conversation "${conversationId}": the stored ${column} is not valid JSON`, {
      hint: 'the database was edited by hand or damaged; restore it from a backup or delete the conversation',
      cause,
    });
  }
}
