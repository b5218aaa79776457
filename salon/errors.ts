/**
 * Errors of the content files staff edit (`content/*.yaml`). This module imports only the project's
 * error base (`common/errors`), nothing else.
 */
import { FileLocatedError } from '../common';

/** Where a content problem is and what it is; `hint` says how to fix it. */
export interface ContentProblem {
  /** The file as given to the loader, e.g. `content/catalog.yaml`. */
  file: string;
  /** 1-based line of the offending node, when the file could be read. */
  line?: number;
  /** The data path of the offending value, e.g. `masters[2].services[1]`; empty for the whole file. */
  path?: string;
  /** What is wrong, in one sentence. */
  problem: string;
  /** How to fix it. */
  hint?: string;
  cause?: unknown;
}

/**
 * A content file is malformed (bad YAML), breaks the schema (missing or wrong field) or refers to
 * something that does not exist. The message reads `file:line: path: problem` and then `→ hint`.
 *
 * @example
 * throw new ContentError({ file: 'content/catalog.yaml', line: 12, path: 'masters[0].branch',
 *   problem: 'unknown branch "tver"', hint: 'use one of: tverskaya, patriki, city' });
 */
export class ContentError extends FileLocatedError {
  /** The data path of the offending value (`masters[2].services[1]`), or '' for the whole file. */
  readonly path: string;

  constructor(problem: ContentProblem) {
    const where = problem.path ? `${problem.path}: ` : '';
    super(problem.file, problem.line, `${where}${problem.problem}`, { hint: problem.hint, cause: problem.cause });
    this.path = problem.path ?? '';
  }
}
