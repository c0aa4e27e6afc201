/** Command-line and environment options of `wallet-demo-server`. */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: wallet-demo-server [--port 8080] [--host 127.0.0.1] [--database PATH|postgres://...]
                          [--merchants FILE] [--seed FILE] [--faults FILE]
                          [--journal-size N] [--no-dashboard] [--log-level info]

Runs the wallet sandbox as an HTTP server, with its dashboard at /.

  --port N           port to listen on (default 8080; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1)
  --database URL     SQLite file path or postgres:// URL (default: DATABASE_URL, else
                     ./.wallet/sandbox.db)
  --merchants FILE   merchants file: {"merchants": [...]} (default: WALLET_* variables, else a
                     merchant created on first start and printed once)
  --seed FILE        customers, balances and statuses to put in at start and after a reset
                     ({"customers": [...]}; applying it again changes nothing)
  --faults FILE      faults to inject from the start ({"global": {...}, "routes": {...}})
  --journal-size N   requests the journal keeps for /__sandbox/requests and the dashboard
                     (default 10000)
  --no-dashboard     do not serve the dashboard at /
  --log-level LEVEL  fatal, error, warn, info, debug, trace or silent (default info)
  -h, --help         show this help

The dashboard and the admin routes (/__sandbox/*) are open on a loopback address. On any other
address they need WALLET_ADMIN_TOKEN (at least 16 characters) as a bearer token, and without it
they are off.

Example:
  wallet-demo-server --port 8080 --seed ./seed.json
`;

export const DEFAULT_DATABASE = './.wallet/sandbox.db';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DemoServerOptions {
  readonly port: number;
  readonly host: string;
  readonly database: string;
  readonly merchantsFile: string | undefined;
  readonly seedFile: string | undefined;
  readonly faultsFile: string | undefined;
  readonly journalSize: number;
  readonly dashboard: boolean;
  /** WALLET_ADMIN_TOKEN: opens the admin routes and the dashboard on non-loopback addresses. */
  readonly adminToken: string | undefined;
  readonly logLevel: LogLevel;
  /** The sandbox clock, for tests; the command line always runs on the system clock. */
  readonly now?: (() => Date) | undefined;
}

/** The journal size when none is given. */
export const DEFAULT_JOURNAL_SIZE = 10_000;

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

function parseJournalSize(value: string): number {
  const size = /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= 1_000_000)) {
    throw new UsageError('--journal-size must be a whole number from 1 to 1000000');
  }
  return size;
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
    seedFile: values.seed,
    faultsFile: values.faults,
    journalSize:
      values['journal-size'] === undefined
        ? DEFAULT_JOURNAL_SIZE
        : parseJournalSize(values['journal-size']),
    dashboard: values['no-dashboard'] !== true,
    adminToken: env.WALLET_ADMIN_TOKEN === '' ? undefined : env.WALLET_ADMIN_TOKEN,
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
      seed: { type: 'string' },
      faults: { type: 'string' },
      'journal-size': { type: 'string' },
      'no-dashboard': { type: 'boolean' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
