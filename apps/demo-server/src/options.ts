/** Command-line and environment options of `wallet-demo-server`. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: wallet-demo-server [--port 8080] [--host 127.0.0.1] [--database PATH|postgres://...]
                          [--merchants FILE] [--log-level info]

Runs the wallet sandbox as an HTTP server.

  --port N           port to listen on (default 8080; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1)
  --database URL     SQLite file path or postgres:// URL (default: DATABASE_URL, else
                     ./.wallet/sandbox.db)
  --merchants FILE   merchants file: {"merchants": [...]} (default: WALLET_* variables, else a
                     merchant created on first start and printed once)
  --log-level LEVEL  fatal, error, warn, info, debug, trace or silent (default info)
  -h, --help         show this help

Example:
  wallet-demo-server --port 8080 --database ./.wallet/sandbox.db
`;

export const DEFAULT_DATABASE = './.wallet/sandbox.db';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DemoServerOptions {
  readonly port: number;
  readonly host: string;
  readonly database: string;
  readonly merchantsFile: string | undefined;
  readonly logLevel: LogLevel;
}

/** A usage mistake: the message says which option and why. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    throw new UsageError('--port must be a whole number from 0 to 65535');
  return port;
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** Reads the options; `undefined` means `--help` was asked for. */
export function readOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DemoServerOptions | undefined {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help === true) return undefined;
  const logLevel = values['log-level'] ?? 'info';
  if (!isLogLevel(logLevel))
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const database = values.database ?? env.DATABASE_URL ?? DEFAULT_DATABASE;
  if (database === '') throw new UsageError('--database must not be empty');
  return {
    port: parsePort(values.port ?? '8080'),
    host: values.host ?? '127.0.0.1',
    database,
    merchantsFile: values.merchants,
    logLevel,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      merchants: { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
