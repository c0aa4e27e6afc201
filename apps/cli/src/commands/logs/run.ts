/**
 * `wallet logs tail`: prints the sandbox's latest requests (`GET /__sandbox/requests`), then
 * follows new ones over the journal's server-sent event stream, reconnecting without gaps or
 * repeats (by sequence number) when the connection drops.
 */
import type { CommandContext } from '../../context.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';
import { adminTarget, refused, unreachable } from '../../logs/admin-http.js';
import { formatEntry, type TailEntry } from '../../logs/format.js';
import { readJournalStream } from '../../logs/stream.js';

export interface TailOptions {
  readonly api?: string;
  readonly status?: string;
  readonly clientTxnId?: string;
  readonly merchant?: string;
  readonly lines: string;
  readonly follow: boolean;
}

/** Reconnection attempts in a row before the sandbox is declared gone. */
const MAX_RECONNECTS = 5;

function filters(options: TailOptions): URLSearchParams {
  const query = new URLSearchParams();
  if (options.api !== undefined) query.set('api', options.api);
  if (options.status !== undefined) query.set('status', options.status);
  if (options.clientTxnId !== undefined) query.set('clientTxnId', options.clientTxnId);
  if (options.merchant !== undefined) query.set('merchant', options.merchant);
  return query;
}

function lineCount(text: string): number {
  const lines = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(lines >= 0 && lines <= 1000)) {
    throw new UsageError('--lines must be a whole number from 0 to 1000.', {
      hint: 'For example: wallet logs tail --lines 50',
    });
  }
  return lines;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export async function tailLogs(context: CommandContext, options: TailOptions): Promise<ExitCode> {
  const target = adminTarget(context.config());
  const lines = lineCount(options.lines);
  const query = filters(options);
  const print = (entry: TailEntry): void => {
    if (context.output.json) process.stdout.write(`${JSON.stringify(entry)}\n`);
    else process.stdout.write(`${formatEntry(entry)}\n`);
  };

  let lastSeq: number | undefined;
  if (lines > 0) {
    const history = new URLSearchParams(query);
    history.set('limit', String(lines));
    let response: Response;
    try {
      response = await fetch(`${target.baseUrl}/__sandbox/requests?${history}`, {
        headers: target.headers,
      });
    } catch (error) {
      throw unreachable(target.baseUrl, error);
    }
    if (!response.ok) throw await refused(response);
    const { entries } = (await response.json()) as { entries: TailEntry[] };
    for (const entry of [...entries].reverse()) print(entry);
    lastSeq = entries[0]?.seq ?? 0;
  }
  if (!options.follow) return ExitCode.Success;

  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let announced = false;
  let failures = 0;
  try {
    while (!stop.signal.aborted) {
      const stream = new URLSearchParams(query);
      if (lastSeq !== undefined) stream.set('since', String(lastSeq));
      try {
        const response = await fetch(`${target.baseUrl}/__sandbox/requests/stream?${stream}`, {
          headers: { ...target.headers, accept: 'text/event-stream' },
          signal: stop.signal,
        });
        if (!response.ok) throw await refused(response);
        if (response.body === null) throw new Error('the stream has no body');
        await readJournalStream(response.body, {
          onReady: (nextSeq) => {
            failures = 0;
            lastSeq ??= nextSeq - 1;
            if (!announced) {
              announced = true;
              // On stderr, so that it never mixes with the entries (or the JSON lines) on stdout.
              context.output.note('Following new requests (Ctrl-C to stop).');
            }
          },
          onEntry: (entry) => {
            if (lastSeq !== undefined && entry.seq <= lastSeq) return;
            lastSeq = entry.seq;
            print(entry);
          },
        });
      } catch (error) {
        if (stop.signal.aborted) break;
        if (error instanceof CliError) throw error;
      }
      if (stop.signal.aborted) break;
      failures += 1;
      if (failures > MAX_RECONNECTS) throw unreachable(target.baseUrl, undefined);
      await pause(Math.min(250 * 2 ** (failures - 1), 4000), stop.signal);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return ExitCode.Success;
}
