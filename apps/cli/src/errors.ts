/**
 * The CLI's errors and exit codes. Every failure the user sees is a `CliError`: a stable `code`, a
 * fixed secret-free message, a hint saying what to do, and the exit code it ends the process with.
 */

/** The process exit codes, the contract with scripts. */
export const ExitCode = {
  Success: 0,
  /** The API answered with an error (a platform code other than 00, or an authentication failure). */
  ApiError: 1,
  /** The command line, the configuration or the input was unusable, or failed validation. */
  Usage: 2,
  /** The API could not be reached, or did not answer in time. */
  Network: 3,
  /** Stopped by Ctrl-C (`wallet import`, which can be resumed). */
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliErrorOptions {
  readonly hint?: string | undefined;
  /** Machine-readable extras printed with `--json` (field issues, platform code, HTTP status). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  readonly cause?: unknown;
}

/** A failure reported to the user: printed as code, message and hint, never as a stack trace. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, exitCode: ExitCode, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.exitCode = exitCode;
    this.hint = options.hint;
    this.details = options.details;
  }
}

/** The command line is wrong: unknown option, missing argument, conflicting flags. Exit 2. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';

  constructor(message: string, options: CliErrorOptions = {}) {
    super('USAGE', message, ExitCode.Usage, options);
  }
}

/** A setting the command needs is missing or unusable. Exit 2. */
export class ConfigError extends CliError {
  override readonly name = 'ConfigError';

  constructor(
    code: 'CONFIG_MISSING' | 'CONFIG_INVALID' | 'CONFIG_FILE_UNREADABLE',
    message: string,
    options: CliErrorOptions = {},
  ) {
    super(code, message, ExitCode.Usage, options);
  }
}

/** Input given on the command line, in a file or on stdin is unusable. Exit 2. */
export class InputError extends CliError {
  override readonly name = 'InputError';

  constructor(
    code: 'INPUT_NOT_JSON' | 'INPUT_UNREADABLE' | 'INPUT_MISSING' | 'INPUT_INVALID',
    message: string,
    options: CliErrorOptions = {},
  ) {
    super(code, message, ExitCode.Usage, options);
  }
}
