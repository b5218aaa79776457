/**
 * Errors of rendering responses. A problem in `content/responses.yaml` itself is a `ContentError`
 * (salon/errors) with the file and line; this is a mistake in code or flows asking for a
 * response that does not exist.
 */
import { CocoError } from '../../common';

/** A response key that `content/responses.yaml` does not define. */
export class UnknownResponseError extends CocoError {
  readonly key: string;

  constructor(key: string, suggestion?: string) {
    super(`unknown response "${key}"`, {
      hint: `${suggestion ? `did you mean "${suggestion}"? ` : ''}add "${key}:" with a text to content/responses.yaml, or fix the key`,
    });
    this.key = key;
  }
}
