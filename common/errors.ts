/**
 * The project's error base. This module imports nothing else of the project.
 *
 * Every error the product raises says what is wrong, where, and how to fix it; the structured fields let
 * tools (validate, the HTTP error handler, logs) show them without parsing the message.
 */
export class CocoError extends Error {
  /** A short hint on how to fix the problem, also included in the message. */
  readonly hint?: string;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(options.hint ? `${message}\n  → ${options.hint}` : message, { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** A problem in a file staff edit (content, flows, training data), located by file and line. */
export class FileLocatedError extends CocoError {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string, options: { hint?: string; cause?: unknown } = {}) {
    super(`${line ? `${file}:${line}` : file}: ${problem}`, options);
    this.file = file;
    this.line = line;
  }
}

/** A setting in the environment that cannot be used; says which variable and what to put there. */
export class ConfigError extends CocoError {
  constructor(readonly variable: string, problem: string, hint: string) {
    super(`${variable}: ${problem}`, { hint });
  }
}
