/**
 * Where a command's results and errors go: human text by default, JSON with `--json`. Results go
 * to stdout, errors to stderr; an error is its code, its message and a hint, and a stack trace only
 * with `--debug`.
 */
import type { CliError } from './errors.js';

export interface OutputOptions {
  readonly json: boolean;
  readonly debug: boolean;
}

export interface Writer {
  write(text: string): unknown;
}

export class Output {
  readonly json: boolean;
  readonly debug: boolean;
  readonly #stdout: Writer;
  readonly #stderr: Writer;

  constructor(
    options: OutputOptions,
    stdout: Writer = process.stdout,
    stderr: Writer = process.stderr,
  ) {
    this.json = options.json;
    this.debug = options.debug;
    this.#stdout = stdout;
    this.#stderr = stderr;
  }

  /** Prints a result: `human` as text, or `data` as one JSON document with `--json`. */
  result(data: unknown, human: string | (() => string)): void {
    if (this.json) this.#stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    else {
      const text = typeof human === 'function' ? human() : human;
      this.#stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  }

  /** A line of text on stdout in human mode (nothing with `--json`). */
  line(text: string): void {
    if (!this.json) this.#stdout.write(`${text}\n`);
  }

  /** A note for the person at the terminal, on stderr (kept out of stdout so pipes stay clean). */
  note(text: string): void {
    this.#stderr.write(`${text}\n`);
  }

  /** Prints an error: code, message, hint; the stack only with `--debug`. */
  error(error: CliError): void {
    if (this.json) {
      const body: Record<string, unknown> = {
        code: error.code,
        message: error.message,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...error.details,
        exitCode: error.exitCode,
      };
      this.#stderr.write(`${JSON.stringify({ error: body })}\n`);
    } else {
      const platformCode = error.details?.responseCode;
      const platform = typeof platformCode === 'string' ? ` (platform code ${platformCode})` : '';
      let text = `Error ${error.code}${platform}: ${error.message}\n`;
      const issues = error.details?.issues;
      if (Array.isArray(issues) && issues.length > 1) {
        // The message names the first field; the others follow.
        for (const issue of (issues as { path?: unknown; message?: unknown }[]).slice(1)) {
          text += `  ${String(issue.path) || 'request body'}: ${String(issue.message)}\n`;
        }
      }
      if (error.hint !== undefined) text += `Hint: ${error.hint}\n`;
      this.#stderr.write(text);
    }
    if (this.debug) this.#stderr.write(`${stackOf(error)}\n`);
  }
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    parts.push(current.stack ?? `${current.name}: ${current.message}`);
    current = current.cause;
    if (current !== undefined) parts.push('Caused by:');
  }
  return parts.join('\n');
}
