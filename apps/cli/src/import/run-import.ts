/**
 * Registers every row of a CSV file: streamed with csv-parse, sent by a bounded pool of workers,
 * each row's outcome appended to the result file as it arrives. Rows are numbered from 1 (the
 * first row after the header) and each gets the clientTxnId `importTxnId(sha256, row)`, so an
 * interrupted import resumed later sends in-flight rows again under the same id.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { InputError } from '../errors.js';
import { checkHeader, type ImportColumns, rowParams } from './columns.js';
import { type ProgressCounts, type ProgressStream, progressDisplay } from './progress.js';
import { ResultLog, type RowResult } from './result-log.js';
import { importTxnId, sha256Hex } from './txn-id.js';

/** What registering one row gave: the customer, or a failure classified by `classify`. */
export interface Registered {
  readonly urn: string;
  readonly customerId: string;
}

/**
 * How a failed row is recorded: `invalid` (a field broke a rule), `rejected` (the platform
 * refused the row), `failed` (network, timeout, server: retried by --resume). `abort` stops the
 * whole import, for failures every row would share (wrong salt or key).
 */
export type Classified =
  | { readonly kind: 'invalid'; readonly field: string; readonly rule: string }
  | {
      readonly kind: 'rejected' | 'failed';
      readonly error: string;
      readonly responseCode?: string;
      readonly message: string;
    }
  | { readonly kind: 'abort' };

export interface ImportOptions {
  readonly file: string;
  readonly results: string;
  readonly resume: boolean;
  readonly concurrency: number;
  readonly columns: ImportColumns;
  /** Values of the default flags (`product-id`, ...), by flag. */
  readonly defaults: ReadonlyMap<string, unknown>;
  readonly register: (params: Record<string, unknown>, clientTxnId: string) => Promise<Registered>;
  readonly classify: (error: unknown) => Classified;
  readonly progress: ProgressStream;
  readonly showProgress: boolean;
  /** Aborted by the first Ctrl-C: no new rows start, rows in flight finish. */
  readonly stop: AbortSignal;
}

export interface ImportSummary {
  readonly file: string;
  readonly results: string;
  readonly sha256: string;
  readonly rows: number;
  /** Rows finished by an earlier run and skipped (counted in the totals below). */
  readonly skipped: number;
  readonly registered: number;
  readonly invalid: number;
  readonly rejected: number;
  readonly failed: number;
  /** Rows neither finished nor failed: the run stopped before sending them. */
  readonly notSent: number;
  readonly interrupted: boolean;
  readonly seconds: number;
  /** The first rows that did not register, for the report. */
  readonly problems: readonly RowResult[];
}

const CSV_OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  relax_column_count: true,
  trim: true,
} as const;

const MAX_PROBLEMS_REPORTED = 20;

function csvError(file: string, error: unknown): InputError {
  const line = (error as { lines?: unknown }).lines;
  return new InputError(
    'INPUT_INVALID',
    `${file} is not valid CSV${typeof line === 'number' ? ` (near line ${line})` : ''}.`,
    { hint: 'Check the quoting around that line; the first row must name the columns.' },
  );
}

/** One pass over the file: its SHA-256, its header row and how many data rows follow. */
async function survey(file: string): Promise<{ sha256: string; header: string[]; rows: number }> {
  const hash = sha256Hex();
  const parser = parse(CSV_OPTIONS);
  const stream = createReadStream(file);
  stream.on('data', (chunk) => hash.update(chunk as Buffer));
  stream.on('error', (error) => parser.destroy(error));
  stream.pipe(parser);
  let header: string[] | undefined;
  let rows = 0;
  try {
    for await (const record of parser) {
      if (header === undefined) header = record as string[];
      else rows += 1;
    }
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'EISDIR'
    ) {
      throw new InputError('INPUT_UNREADABLE', `The file ${file} cannot be read.`, {
        hint: 'Check the path of the CSV file.',
      });
    }
    throw csvError(file, error);
  }
  if (header === undefined) {
    throw new InputError('INPUT_INVALID', `${file} is empty.`, {
      hint: 'The first row must name the columns, e.g. firstName,lastName,dateOfBirth,mobileNumber.',
    });
  }
  return { sha256: hash.digest(), header, rows };
}

function outcomeOf(row: number, clientTxnId: string, classified: Classified): RowResult {
  switch (classified.kind) {
    case 'invalid':
      return {
        row,
        clientTxnId,
        outcome: 'invalid',
        field: classified.field,
        rule: classified.rule,
      };
    case 'rejected':
    case 'failed':
      return {
        row,
        clientTxnId,
        outcome: classified.kind,
        error: classified.error,
        ...(classified.responseCode === undefined ? {} : { responseCode: classified.responseCode }),
        message: classified.message,
      };
    case 'abort':
      throw new Error('an aborting failure has no row outcome');
  }
}

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { sha256, header, rows } = await survey(options.file);
  checkHeader(options.columns, header);
  const log = ResultLog.open(
    options.results,
    { type: 'wallet-import', file: options.file, sha256, rows },
    options.resume,
  );
  // Totals cover the whole file: rows finished by earlier runs count with their recorded outcome.
  const counts = { registered: 0, invalid: 0, rejected: 0, failed: 0 };
  const problems: RowResult[] = [];
  let skipped = 0;
  for (const result of log.done.values()) {
    if (result.row < 1 || result.row > rows) continue;
    skipped += 1;
    counts[result.outcome] += 1;
    if (result.outcome !== 'registered' && problems.length < MAX_PROBLEMS_REPORTED)
      problems.push(result);
  }
  let thisRun = 0;
  const progressCounts = (): ProgressCounts => ({
    done: skipped + thisRun,
    total: rows,
    thisRun,
    problems: counts.invalid + counts.rejected + counts.failed,
  });
  const display = progressDisplay(options.progress, progressCounts(), options.showProgress);

  let aborted: unknown;
  const stopped = () => options.stop.aborted || aborted !== undefined;
  const stream = createReadStream(options.file);
  const parser = stream.pipe(parse({ ...CSV_OPTIONS, columns: true }));

  async function* pending(): AsyncGenerator<{ row: number; record: Record<string, string> }> {
    let row = 0;
    for await (const record of parser) {
      row += 1;
      if (log.done.has(row)) continue;
      if (stopped()) return;
      yield { row, record: record as Record<string, string> };
    }
  }
  const source = pending();

  const handle = async (row: number, record: Record<string, string>): Promise<void> => {
    const clientTxnId = importTxnId(sha256, row);
    let result: RowResult;
    try {
      const registered = await options.register(
        rowParams(options.columns, record, options.defaults),
        clientTxnId,
      );
      result = {
        row,
        clientTxnId,
        outcome: 'registered',
        urn: registered.urn,
        customerId: registered.customerId,
      };
    } catch (error) {
      const classified = options.classify(error);
      if (classified.kind === 'abort') {
        aborted ??= error;
        return;
      }
      result = outcomeOf(row, clientTxnId, classified);
    }
    log.record(result);
    counts[result.outcome] += 1;
    thisRun += 1;
    if (result.outcome !== 'registered' && problems.length < MAX_PROBLEMS_REPORTED)
      problems.push(result);
    display.update(progressCounts());
  };

  const worker = async (): Promise<void> => {
    while (!stopped()) {
      const next = await source.next();
      if (next.done === true) return;
      await handle(next.value.row, next.value.record);
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw typeof code === 'string' && code.startsWith('CSV_')
      ? csvError(options.file, error)
      : error;
  } finally {
    await source.return(undefined);
    stream.destroy();
    display.stop(progressCounts());
    log.close();
  }
  if (aborted !== undefined) throw aborted;
  const finished = skipped + thisRun;
  return {
    file: options.file,
    results: options.results,
    sha256,
    rows,
    skipped,
    ...counts,
    notSent: rows - finished,
    interrupted: options.stop.aborted,
    seconds: (Date.now() - started) / 1000,
    problems: problems.sort((a, b) => a.row - b.row),
  };
}
