/**
 * Logging. The client builds every log record itself from an allowlist of fields (API, method,
 * path, status, duration, clientTxnId, attempt, platform code), so nothing else can reach a log:
 * no Authorization header, key, salt, IV, token, API key, name, mobile number or email address.
 */

/** How much the client logs. Each level includes the ones after it. */
export type WalletLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** The values a log record holds: identifiers, numbers and fixed texts only. */
export type WalletLogFields = Readonly<
  Record<string, string | number | boolean | undefined | readonly string[]>
>;

/**
 * Where the client logs: any object with some of these methods (`console` fits as it is). For
 * pino, whose methods take the fields first: `{ debug: (msg, f) => pino.debug(f, msg), ... }`.
 */
export interface WalletLogger {
  debug?(message: string, fields: WalletLogFields): void;
  info?(message: string, fields: WalletLogFields): void;
  warn?(message: string, fields: WalletLogFields): void;
  error?(message: string, fields: WalletLogFields): void;
}

/** The log methods the client calls; each is a no-op below the configured level. */
export interface LogSink {
  readonly debugEnabled: boolean;
  debug(message: string, fields: WalletLogFields): void;
  warn(message: string, fields: WalletLogFields): void;
}

const RANK: Readonly<Record<WalletLogLevel, number>> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

const ignore = (): void => {};

/** Binds `logger` at `level`. A logger method that throws is not allowed to fail the call. */
export function createLogSink(logger: WalletLogger | undefined, level: WalletLogLevel): LogSink {
  const bind = (method: 'debug' | 'warn', rank: number): LogSink['debug'] => {
    const target = logger?.[method];
    if (target === undefined || RANK[level] > rank) return ignore;
    return (message, fields) => {
      try {
        target.call(logger, message, fields);
      } catch {
        // Logging must never turn a successful call into a failed one.
      }
    };
  };
  const debug = bind('debug', RANK.debug);
  return { debugEnabled: debug !== ignore, debug, warn: bind('warn', RANK.warn) };
}
