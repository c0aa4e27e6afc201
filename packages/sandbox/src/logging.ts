/**
 * Structured logs (pino). One line per request with what an operator needs and nothing secret or
 * personal: no tokens, bodies, signatures, salts, keys, names, mobile numbers or query strings.
 */
import pino, { type LevelWithSilent, type Logger } from 'pino';
import type { SandboxExchange } from './exchange.js';

export type { LevelWithSilent, Logger } from 'pino';

/** The sandbox's logger: the given one, a silent one (`false`), or pino on stdout at `level`. */
export function resolveLogger(option: Logger | false | undefined, level: LevelWithSilent): Logger {
  if (option === false) return pino({ enabled: false });
  if (option !== undefined) return option;
  return pino({ name: '@wallet/sandbox', level });
}

/** Writes the request line of one exchange (error level for server faults). */
export function logExchange(logger: Logger, exchange: SandboxExchange): void {
  const line = {
    requestId: exchange.id,
    method: exchange.method,
    path: exchange.path,
    api: exchange.api,
    merchantKey: exchange.merchantKey,
    authProfile: exchange.authProfile,
    status: exchange.status,
    responseCode: exchange.responseCode,
    clientTxnId: exchange.clientTxnId,
    replayed: exchange.replayed,
    failure: exchange.failure,
    durationMs: Math.round(exchange.durationMs * 1000) / 1000,
  };
  if (exchange.status >= 500) logger.error(line, 'request');
  else logger.info(line, 'request');
}

/**
 * What the log may say about an error: its class, its `code`, and its stack frames without the
 * message line (a message may quote data). Causes are left out for the same reason.
 */
export function describeError(error: unknown): { name: string; code?: string; frames?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(frames === undefined || frames === '' ? {} : { frames }),
  };
}
