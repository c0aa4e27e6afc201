/**
 * The result file of an import: JSON lines, first a header naming the imported file and its
 * SHA-256, then one line per row sent (`row`, `clientTxnId`, `outcome`, the URN or the error).
 * Lines are appended with one `write` each (a killed process loses none that were written) and
 * flushed to disk with `fsync` every second and at the end (a crash of the machine loses at most
 * the last second). `--resume` reads it back and skips the rows already done.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';

export type RowOutcome = 'registered' | 'invalid' | 'rejected' | 'failed';

/** Rows with these outcomes are finished; `failed` ones (network, timeout, 5xx) are retried. */
const FINAL: ReadonlySet<RowOutcome> = new Set(['registered', 'invalid', 'rejected']);

export interface RowResult {
  readonly row: number;
  readonly clientTxnId: string;
  readonly outcome: RowOutcome;
  readonly urn?: string;
  readonly customerId?: string;
  /** For `invalid`: the first offending field and its rule. */
  readonly field?: string;
  readonly rule?: string;
  /** For `rejected` and `failed`: the error code, the platform code and message. */
  readonly error?: string;
  readonly responseCode?: string;
  readonly message?: string;
}

export interface ResultHeader {
  readonly type: 'wallet-import';
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
}

const FSYNC_INTERVAL_MS = 1000;

function parseLines(text: string): unknown[] {
  const out: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // A line cut short by a kill: its row was in flight and is sent again.
    }
  }
  return out;
}

export class ResultLog {
  readonly path: string;
  /** Rows already finished (from a resumed file), with their last result. */
  readonly done: ReadonlyMap<number, RowResult>;
  #fd: number;
  #lastSync = Date.now();
  #unsynced = false;

  private constructor(path: string, fd: number, done: ReadonlyMap<number, RowResult>) {
    this.path = path;
    this.#fd = fd;
    this.done = done;
  }

  /**
   * Opens the result file. Without `resume`, an existing non-empty file is refused (it would mix
   * two runs); with it, the file must belong to the same input (same SHA-256).
   */
  static open(path: string, header: ResultHeader, resume: boolean): ResultLog {
    const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (existing.trim() !== '' && !resume) {
      throw new UsageError(`The result file ${path} already exists.`, {
        hint: 'Add --resume to finish that import, or --results <path> to start a new file.',
      });
    }
    const done = new Map<number, RowResult>();
    let needsHeader = true;
    if (existing.trim() !== '') {
      const [first, ...rows] = parseLines(existing);
      const previous = first as Partial<ResultHeader> | undefined;
      if (previous?.type !== 'wallet-import') {
        throw new InputError('INPUT_INVALID', `${path} is not a wallet import result file.`, {
          hint: 'Give another --results path.',
        });
      }
      if (previous.sha256 !== header.sha256) {
        throw new UsageError(
          `${path} records an import of a different file (its content changed).`,
          {
            hint: 'Resume only with the file as it was, or start a new result file with --results.',
          },
        );
      }
      needsHeader = false;
      for (const row of rows as RowResult[]) {
        if (typeof row.row !== 'number') continue;
        if (FINAL.has(row.outcome)) done.set(row.row, row);
        else done.delete(row.row);
      }
    }
    const fd = openSync(path, 'a', 0o600);
    const log = new ResultLog(path, fd, done);
    // A line cut short by a kill must not swallow the next one.
    if (existing !== '' && !existing.endsWith('\n')) writeSync(fd, '\n');
    if (needsHeader) log.#append(header);
    return log;
  }

  /** Appends one row's result. */
  record(result: RowResult): void {
    this.#append(result);
  }

  #append(value: unknown): void {
    writeSync(this.#fd, `${JSON.stringify(value)}\n`);
    this.#unsynced = true;
    if (Date.now() - this.#lastSync >= FSYNC_INTERVAL_MS) this.sync();
  }

  /** Flushes written lines to the disk. */
  sync(): void {
    if (!this.#unsynced) return;
    fsyncSync(this.#fd);
    this.#unsynced = false;
    this.#lastSync = Date.now();
  }

  close(): void {
    this.sync();
    closeSync(this.#fd);
  }
}
