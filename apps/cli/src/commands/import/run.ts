/** `wallet import`: the import runner wired to the client, the terminal and the exit codes. */
import { createWalletClient, type ParamsOf } from '@wallet/client';
import registerCustomerParams from '@wallet/schemas/json-schema/registerCustomer.params.json' with {
  type: 'json',
};
import type { CommandContext } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { importColumns } from '../../import/columns.js';
import { formatDuration } from '../../import/progress.js';
import type { RowResult } from '../../import/result-log.js';
import { type Classified, type ImportSummary, runImport } from '../../import/run-import.js';
import { walletClientConfig } from '../../wiring/client-config.js';

export interface ImportCommandOptions {
  readonly results?: string;
  readonly resume?: boolean;
  readonly concurrency: string;
  readonly progress: boolean;
  readonly [attribute: string]: unknown;
}

/** Failures every row would share: stop at once rather than mark the whole file. */
const ABORTING = new Set([
  'WALLET_AUTHENTICATION_FAILED',
  'WALLET_ENVELOPE_UNREADABLE',
  'WALLET_CONFIG_INVALID',
]);
/** Outcome classes of platform refusals that are about the configuration, not the row. */
const ABORTING_OUTCOMES = new Set(['envelope', 'wallet-identifier', 'message-code']);
/** Failures of the transport or the platform: the row is retried by --resume. */
const RETRIABLE = new Set([
  'WALLET_NETWORK_ERROR',
  'WALLET_TIMEOUT',
  'WALLET_ABORTED',
  'WALLET_SERVER_ERROR',
  'WALLET_RATE_LIMITED',
]);

interface ClientFailure {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly direction?: unknown;
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
  readonly outcome?: unknown;
  readonly responseCode?: unknown;
  readonly responseMessage?: unknown;
}

export function classify(error: unknown): Classified {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ClientFailure;
  const code = typeof failure.code === 'string' ? failure.code : '';
  if (code === 'WALLET_VALIDATION_FAILED' && failure.direction === 'request') {
    const first = failure.issues?.[0];
    return {
      kind: 'invalid',
      field: first === undefined || first.path === '' ? 'request body' : first.path,
      rule: first?.message ?? 'is invalid',
    };
  }
  if (ABORTING.has(code) || ABORTING_OUTCOMES.has(String(failure.outcome)))
    return { kind: 'abort' };
  if (!code.startsWith('WALLET_')) return { kind: 'abort' };
  const message =
    typeof failure.responseMessage === 'string' ? failure.responseMessage : String(failure.message);
  return {
    kind: RETRIABLE.has(code) ? 'failed' : 'rejected',
    error: code,
    ...(typeof failure.responseCode === 'string' ? { responseCode: failure.responseCode } : {}),
    message,
  };
}

function problemLine(result: RowResult): string {
  if (result.outcome === 'invalid') return `  row ${result.row}: ${result.field}: ${result.rule}`;
  const platform = result.responseCode === undefined ? '' : ` ${result.responseCode}`;
  return `  row ${result.row}: ${result.outcome} (${result.error}${platform}) ${result.message ?? ''}`;
}

function report(summary: ImportSummary): string {
  const lines = [
    `${summary.file}: ${summary.rows} rows in ${formatDuration(summary.seconds)}: ${summary.registered} registered, ${summary.invalid} invalid, ${summary.rejected} rejected, ${summary.failed} failed${summary.skipped > 0 ? ` (${summary.skipped} of them finished by an earlier run)` : ''}${summary.notSent > 0 ? `, ${summary.notSent} not sent` : ''}`,
    `results: ${summary.results}`,
  ];
  if (summary.problems.length > 0) {
    const shown = summary.invalid + summary.rejected + summary.failed;
    lines.push(
      shown > summary.problems.length
        ? `first ${summary.problems.length} rows not registered:`
        : 'rows not registered:',
      ...summary.problems.map(problemLine),
    );
  }
  if (summary.interrupted) lines.push('Interrupted: run the same command with --resume to finish.');
  else if (summary.failed > 0)
    lines.push('Run the same command with --resume to retry the failed rows.');
  return lines.join('\n');
}

function exitCodeOf(summary: ImportSummary): ExitCode {
  if (summary.interrupted) return ExitCode.Interrupted;
  if (summary.failed > 0) return ExitCode.Network;
  if (summary.rejected > 0) return ExitCode.ApiError;
  if (summary.invalid > 0) return ExitCode.Usage;
  return ExitCode.Success;
}

export async function importCustomers(
  context: CommandContext,
  file: string,
  options: ImportCommandOptions,
  defaults: ReadonlyMap<string, unknown>,
): Promise<ExitCode> {
  const concurrency = Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new UsageError('--concurrency must be a whole number from 1 to 256.');
  }
  const client = createWalletClient(walletClientConfig(context.config()));
  const stop = new AbortController();
  // The first Ctrl-C lets the rows in flight finish and records them; a second one exits at once.
  const onInterrupt = () => {
    if (stop.signal.aborted) process.exit(ExitCode.Interrupted);
    stop.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const summary = await runImport({
      file,
      results: options.results ?? `${file}.results.jsonl`,
      resume: options.resume === true,
      concurrency,
      columns: importColumns(registerCustomerParams),
      defaults,
      register: async (params, clientTxnId) => {
        const response = await client.registerCustomer(params as ParamsOf<'registerCustomer'>, {
          clientTxnId,
        });
        return { urn: response.urn, customerId: response.customerId };
      },
      classify,
      progress: process.stderr,
      showProgress: options.progress,
      stop: stop.signal,
    });
    const { problems, ...totals } = summary;
    context.output.result({ ...totals, problems }, () => report(summary));
    return exitCodeOf(summary);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
