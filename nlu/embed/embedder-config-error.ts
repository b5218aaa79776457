/**
 * The error for an embedder that cannot be built: invalid options, or a saved state (training cache) that
 * is corrupt or from an incompatible version.
 */
import { CocoError } from '../../common';

export class EmbedderConfigError extends CocoError {
  /** The option or state field at fault, e.g. "charNgrams" or "df.indices". */
  readonly field: string;

  constructor(field: string, problem: string, options: { hint?: string; cause?: unknown } = {}) {
    super(`Embedder ${field}: ${problem}`, options);
    this.field = field;
  }
}
