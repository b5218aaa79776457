/** Errors of running a conversation's flows. */
import { CocoError } from '../../common';

/** Why a persisted flow frame could not be taken up where it was. */
export type RestoreFailure =
  /** The flow is gone from flows/ (renamed or removed). */
  | 'flow_missing'
  /** XState could not restore the snapshot (a step it stood at no longer exists, a damaged snapshot). */
  | 'restore_failed'
  /** The flow changed since the snapshot, and the restored state no longer waits for the guest or a called flow. */
  | 'not_parked';

/**
 * A persisted flow frame cannot be taken up where it was, usually because `flows/*.yaml` changed
 * since it was saved. The flow stack restarts such a flow from its beginning with the slots it kept.
 */
export class FlowRestoreError extends CocoError {
  constructor(
    readonly flow: string,
    readonly reason: RestoreFailure,
    options: { cause?: unknown } = {},
  ) {
    const detail = options.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`the conversation's flow "${flow}" cannot be restored (${reason})${detail}`, {
      hint: 'the flow restarts from its beginning with the slots it kept',
      cause: options.cause,
    });
  }
}

/** A flow's actor failed while it ran (a guard or an action threw outside the flow's own error handling). */
export class FlowRunError extends CocoError {
  constructor(readonly flow: string, cause: unknown) {
    super(`the flow "${flow}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
