/**
 * Picks the SQLite driver for this runtime and opens connections with it. `auto` takes Bun's own
 * `bun:sqlite` on Bun; elsewhere the built-in `node:sqlite` where it has what the backend needs
 * (Node 22.16+, Deno 2), and better-sqlite3 otherwise (Node 20). A driver that cannot load fails
 * with SQLITE_DRIVER_UNAVAILABLE, whose message says what failed and how to fix it.
 */
import {
  type SqliteDriverName,
  type SqliteDriverProblem,
  SqliteDriverUnavailableError,
  StoreUnavailableError,
} from '../errors.js';
import { importBetterSqlite3, openBetterSqlite3 } from './better-sqlite3.js';
import { bunSqliteModule, openBunSqlite } from './bun-sqlite.js';
import type { SqliteConnection } from './connection.js';
import { nodeSqliteModule, nodeSqliteUsable, openNodeSqlite } from './node-sqlite.js';

/** What the `sqliteDriver` option accepts. */
export type SqliteDriverChoice = 'auto' | SqliteDriverName;

export const SQLITE_DRIVER_CHOICES: readonly SqliteDriverChoice[] = [
  'auto',
  'better-sqlite3',
  'node:sqlite',
  'bun:sqlite',
];

/** The JavaScript runtimes the drivers tell apart. */
export type JsRuntime = 'node' | 'bun' | 'deno';

/** The runtime running this code: Bun and Deno both also report a Node version. */
export function currentRuntime(): JsRuntime {
  const versions: Partial<Record<string, string>> = process.versions;
  if (versions.bun !== undefined) return 'bun';
  if (versions.deno !== undefined) return 'deno';
  return 'node';
}

/** Where the drivers come from; tests replace them to stand for another runtime. */
export interface DriverSources {
  /** Default: the runtime running this code. */
  readonly runtime?: JsRuntime;
  /** Default: none (a test standing for Node or Deno leaves it out). */
  readonly bunSqlite?: typeof bunSqliteModule;
  readonly nodeSqlite: typeof nodeSqliteModule;
  readonly betterSqlite3: typeof importBetterSqlite3;
  /** better-sqlite3: the compiled module to load instead of the installed one. */
  readonly nativeBinding?: string | undefined;
}

const RUNTIME: DriverSources = {
  bunSqlite: bunSqliteModule,
  nodeSqlite: nodeSqliteModule,
  betterSqlite3: importBetterSqlite3,
};

/** The driver `auto` stands for on this runtime. */
export function autoSqliteDriver(sources: DriverSources = RUNTIME): SqliteDriverName {
  if ((sources.runtime ?? currentRuntime()) === 'bun') return 'bun:sqlite';
  const module = sources.nodeSqlite();
  return module !== undefined && nodeSqliteUsable(module) ? 'node:sqlite' : 'better-sqlite3';
}

/**
 * Opens a connection to the database at `path` (`:memory:` for a private in-memory one) with the
 * chosen driver. SQLITE_DRIVER_UNAVAILABLE when the driver cannot run here; STORE_UNAVAILABLE when
 * the file cannot be opened (missing directory, permissions, not a database).
 */
export async function openSqliteConnection(
  path: string,
  choice: SqliteDriverChoice = 'auto',
  sources: DriverSources = RUNTIME,
): Promise<SqliteConnection> {
  const driver = choice === 'auto' ? autoSqliteDriver(sources) : choice;
  switch (driver) {
    case 'bun:sqlite':
      return openWithBunSqlite(path, sources);
    case 'node:sqlite':
      return openWithNodeSqlite(path, sources);
    default:
      return openWithBetter(path, sources);
  }
}

function openWithBunSqlite(path: string, sources: DriverSources): SqliteConnection {
  const module = sources.bunSqlite?.();
  if (module === undefined) {
    throw new SqliteDriverUnavailableError(
      'bun:sqlite',
      'unsupported-runtime',
      'bun:sqlite exists on Bun only. Set sqliteDriver to "auto" (or to "node:sqlite" on ' +
        'Node 22.16+ and Deno, "better-sqlite3" on Node 20).',
    );
  }
  try {
    return openBunSqlite(module, path);
  } catch (error) {
    throw new StoreUnavailableError({ cause: error });
  }
}

function openWithNodeSqlite(path: string, sources: DriverSources): SqliteConnection {
  const module = sources.nodeSqlite();
  if (module === undefined || !nodeSqliteUsable(module)) {
    throw new SqliteDriverUnavailableError(
      'node:sqlite',
      'unsupported-runtime',
      `node:sqlite is not usable on Node ${process.version}: the store needs Node 22.16 or newer ` +
        'for it. Set sqliteDriver to "better-sqlite3" (or "auto"), or run on a newer Node.',
    );
  }
  try {
    return openNodeSqlite(module, path);
  } catch (error) {
    throw new StoreUnavailableError({ cause: error });
  }
}

async function openWithBetter(path: string, sources: DriverSources): Promise<SqliteConnection> {
  const runtime = sources.runtime ?? currentRuntime();
  if (runtime !== 'node') throw betterSqlite3Elsewhere(runtime);
  let Database: Awaited<ReturnType<DriverSources['betterSqlite3']>>;
  try {
    Database = await sources.betterSqlite3();
  } catch (error) {
    throw betterSqlite3Unavailable(
      isModuleNotFound(error) ? 'not-installed' : 'load-failed',
      error,
      sources,
    );
  }
  try {
    return openBetterSqlite3(Database, path, sources.nativeBinding);
  } catch (error) {
    const problem = nativeModuleProblem(error);
    if (problem !== undefined) throw betterSqlite3Unavailable(problem, error, sources);
    // Missing directory, permissions, not a database: the file cannot be used.
    throw new StoreUnavailableError({ cause: error });
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isModuleNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** Why better-sqlite3's native module did not load, or undefined when `error` is not about that. */
function nativeModuleProblem(error: unknown): SqliteDriverProblem | undefined {
  if (errorCode(error) === 'ERR_DLOPEN_FAILED') {
    return /NODE_MODULE_VERSION \d+/.test(errorMessage(error))
      ? 'built-for-another-node'
      : 'load-failed';
  }
  // The `bindings` package's error when no build of the module exists at all.
  if (errorMessage(error).startsWith('Could not locate the bindings file')) return 'not-built';
  return undefined;
}

/** better-sqlite3 is a Node addon built on V8's and Node's own C++ API (NAN), not on Node-API. */
function betterSqlite3Elsewhere(runtime: 'bun' | 'deno'): SqliteDriverUnavailableError {
  const what =
    runtime === 'bun'
      ? 'better-sqlite3 does not run on Bun (Bun cannot load its native module). Set ' +
        'sqliteDriver to "bun:sqlite" (or "auto").'
      : 'better-sqlite3 does not run on Deno (Deno loads only Node-API addons, and ' +
        'better-sqlite3 is not one). Set sqliteDriver to "node:sqlite" (or "auto").';
  return new SqliteDriverUnavailableError('better-sqlite3', 'unsupported-runtime', what);
}

const REBUILD =
  'Rebuild it with this Node: `npm rebuild better-sqlite3` (pnpm: `pnpm rebuild better-sqlite3`; ' +
  "it compiles from source when no prebuilt binary fits, so set npm_config_nodedir if Node's " +
  'headers are not found)';

function betterSqlite3Unavailable(
  problem: SqliteDriverProblem,
  cause: unknown,
  sources: DriverSources,
): SqliteDriverUnavailableError {
  const node = `Node ${process.version}`;
  const module = sources.nodeSqlite();
  const otherwise =
    module !== undefined && nodeSqliteUsable(module)
      ? ', or set sqliteDriver to "node:sqlite" (or "auto") to use Node\'s built-in SQLite instead.'
      : ", or run on Node 22.16 or newer, where the store uses Node's built-in SQLite instead.";
  let what: string;
  switch (problem) {
    case 'not-installed':
      what = `better-sqlite3 is not installed. Install it (\`npm install better-sqlite3\`)${otherwise}`;
      return new SqliteDriverUnavailableError('better-sqlite3', problem, what, { cause });
    case 'built-for-another-node': {
      const built = /NODE_MODULE_VERSION (\d+)/.exec(errorMessage(cause))?.[1] ?? 'unknown';
      what =
        `better-sqlite3's native module was compiled for another Node version ` +
        `(NODE_MODULE_VERSION ${built}); ${node} needs NODE_MODULE_VERSION ` +
        `${process.versions.modules}. ${REBUILD}${otherwise}`;
      break;
    }
    case 'not-built':
      what = `better-sqlite3 is installed but its native module was never compiled. ${REBUILD}${otherwise}`;
      break;
    default:
      what =
        `better-sqlite3's native module cannot be loaded by ${node} on ` +
        `${process.platform}-${process.arch} (see the cause). ${REBUILD}${otherwise}`;
  }
  return new SqliteDriverUnavailableError('better-sqlite3', problem, what, { cause });
}
