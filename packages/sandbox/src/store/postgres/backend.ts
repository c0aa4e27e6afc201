import { createHash } from 'node:crypto';
import pg from 'pg';
import { StoreFaultError, StoreUnavailableError } from '../errors.js';
import { POSTGRES_MIGRATIONS } from '../schema/migrations.js';
import type { Backend, Dialect, Executor, SqlValue, WriteOpening } from '../sql/backend.js';
import type { StoreLogger } from '../store-api.js';
import { describeError, TransientConflict, toStoreError } from './errors.js';

export interface PostgresBackendOptions {
  readonly poolSize: number;
  readonly connectTimeoutMs: number;
  readonly logger: StoreLogger | undefined;
}

const DIALECT: Dialect = {
  lockRows: (aliases) => ` FOR UPDATE OF ${aliases}`,
  greatest: (a, b) => `GREATEST(${a}, ${b})`,
  insertsInWith: true,
};

/** How many times a transaction is run when PostgreSQL reports a deadlock or serialization failure. */
const CONFLICT_ATTEMPTS = 3;

const INT8_OID = 20;

/** BIGINT columns come back as JS numbers (all our values are safe integers); others as usual. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') {
      return (value: string): number | string => {
        const parsed = Number(value);
        // Left as text when unsafe: the row mapper then rejects it instead of rounding it.
        return Number.isSafeInteger(parsed) ? parsed : value;
      };
    }
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * PostgreSQL through a node-postgres pool. Each transaction holds one pooled connection from BEGIN
 * to COMMIT; rows are locked with SELECT ... FOR UPDATE and same-key requests are serialized by a
 * transaction-scoped advisory lock, so several processes can share one database. A connection that
 * fails is discarded, never reused; idle connections that die (server restart,
 * pg_terminate_backend) are dropped and logged, and the next call connects afresh.
 */
export class PostgresBackend implements Backend {
  readonly name = 'postgres' as const;
  readonly driver = 'pg' as const;
  readonly dialect = DIALECT;
  readonly migrations = POSTGRES_MIGRATIONS;
  readonly migrationTableSql = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at BIGINT NOT NULL
  )`;

  readonly #pool: pg.Pool;
  readonly #poolSize: number;
  readonly #logger: StoreLogger | undefined;

  constructor(connectionString: string, options: PostgresBackendOptions) {
    this.#logger = options.logger;
    this.#poolSize = options.poolSize;
    this.#pool = new pg.Pool({
      connectionString,
      max: options.poolSize,
      connectionTimeoutMillis: options.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      allowExitOnIdle: true,
      application_name: 'wallet-sandbox',
      types: TYPES,
      // A query is written as soon as it is made, not after the one before it is answered, so a
      // transaction's statements that do not wait for each other share one round trip.
      pipeline: true,
    });
    // Without a listener, an idle connection dying would crash the process.
    this.#pool.on('error', (error) => {
      this.#logger?.warn(
        describeError(error),
        'An idle PostgreSQL connection failed; the pool will open a new one',
      );
    });
  }

  async write<T>(fn: (exec: Executor) => Promise<T>, opening?: WriteOpening): Promise<T> {
    // BEGIN, the lock and the savepoint in one round trip: several statements without parameters
    // go in one simple-protocol query, so the lock's key is an integer literal computed here.
    const begin = ['BEGIN'];
    if (opening?.lockKey !== undefined) {
      begin.push(`SELECT pg_advisory_xact_lock(${advisoryKey(opening.lockKey)})`);
    }
    if (opening?.savepoint !== undefined) begin.push(`SAVEPOINT ${opening.savepoint}`);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#transaction(begin.join('; '), fn);
      } catch (error) {
        if (!(error instanceof TransientConflict) || attempt >= CONFLICT_ATTEMPTS) throw error;
      }
    }
  }

  read<T>(fn: (exec: Executor) => Promise<T>): Promise<T> {
    return this.#transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn);
  }

  async lockKey(exec: Executor, key: string): Promise<void> {
    await exec.query(`SELECT pg_advisory_xact_lock(${advisoryKey(key)})`);
  }

  async lockMigrations(exec: Executor): Promise<void> {
    await exec.query(
      "SELECT pg_advisory_xact_lock(hashtextextended('@wallet/sandbox schema_migrations', 0))",
    );
  }

  async ping(): Promise<void> {
    await this.read((exec) => exec.query('SELECT 1 AS one'));
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  /**
   * Runs `fn` in a transaction on one pooled connection. A pooled connection may have died while
   * idle without the pool noticing yet (server restart); if BEGIN fails on such a connection nothing
   * has run, so another connection is tried, up to one more than the pool holds.
   */
  async #transaction<T>(begin: string, fn: (exec: Executor) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.#transactionOnce(begin, fn);
      } catch (error) {
        if (!(error instanceof BeginFailed)) throw error;
        if (attempt > this.#poolSize) throw error.failure;
      }
    }
  }

  #transactionOnce<T>(begin: string, fn: (exec: Executor) => Promise<T>): Promise<T> {
    return this.#withClient(async (client) => {
      const pipeline = new Pipeline(client);
      // BEGIN goes out with the transaction's first statement, in one write and one round trip.
      const begun = pipeline.send(begin, [], { holdForNext: true }).catch((error: unknown) => {
        // A deadlock while waiting for the lock is the caller's to retry, on a live connection.
        if (error instanceof StoreUnavailableError && !(error instanceof TransientConflict)) {
          throw new BeginFailed(error);
        }
        throw error;
      });
      pipeline.track(begun);
      try {
        const result = await fn(pipeline.executor);
        const committed = await pipeline.settle(pipeline.send('COMMIT', []));
        // COMMIT of a transaction a failed statement aborted rolls back instead, without an error.
        if (committed.command !== 'COMMIT') {
          throw new StoreFaultError({ cause: new Error(`COMMIT answered ${committed.command}`) });
        }
        return result;
      } catch (error) {
        pipeline.release();
        // If the connection is gone the server has rolled back already; the client is discarded.
        await client.query('ROLLBACK').catch(() => undefined);
        // When BEGIN failed, whatever followed it failed for that reason: report BEGIN's failure.
        throw await begun.then(
          () => error,
          (beginError: unknown) => beginError,
        );
      }
    });
  }

  /**
   * Lends `fn` a pooled connection. While lent, the connection has an 'error' listener (node-postgres
   * emits 'error' on a lent client whose socket dies, which would otherwise crash the process).
   * After any failure the connection is destroyed rather than returned to the pool.
   */
  async #withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    const onError = (error: Error): void => {
      this.#logger?.warn(describeError(error), 'A PostgreSQL connection in use failed');
    };
    client.on('error', onError);
    let failed = false;
    try {
      return await fn(client);
    } catch (error) {
      failed = true;
      // Driver errors were mapped where they arose; errors of the caller's work pass unchanged.
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(failed);
    }
  }
}

/**
 * The advisory lock's 64-bit key for `key`: the first 8 bytes of its SHA-256, as a signed integer
 * (the same in every process, so sandboxes sharing a database lock each other out).
 */
function advisoryKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest().readBigInt64BE(0).toString();
}

/** BEGIN failed on a lent connection: nothing ran, so the transaction may be tried again. */
class BeginFailed extends Error {
  readonly failure: StoreUnavailableError;

  constructor(failure: StoreUnavailableError) {
    super('BEGIN failed');
    this.failure = failure;
  }
}

/**
 * The name each parameterized statement is prepared under. node-postgres prepares a named
 * statement once per connection and afterwards only binds and executes it, so PostgreSQL does not
 * parse and plan the same text on every request. The texts are the store's own (a few dozen).
 */
const statementNames = new Map<string, string>();

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `wallet_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

async function run(client: pg.PoolClient, sql: string, params: readonly SqlValue[]) {
  try {
    // Without parameters (BEGIN, COMMIT, SAVEPOINT, ...) the simple protocol: nothing to prepare.
    if (params.length === 0) return await client.query(sql);
    return await client.query({ name: statementName(sql), text: sql, values: [...params] });
  } catch (error) {
    throw toStoreError(error);
  }
}

/**
 * The statements of one transaction on a pipelined connection. Each is written at once; its answer
 * is taken only after the answers of everything written before it, so a failure is reported by the
 * statement that failed. Deferred statements are written with the next statement (or COMMIT).
 */
class Pipeline {
  readonly executor: Executor;
  readonly #client: pg.PoolClient;
  /** Written, not yet settled: what was deferred and BEGIN. */
  #inFlight: Promise<unknown>[] = [];
  #deferred: [sql: string, params: readonly SqlValue[]][] = [];
  /** Whether the connection's writes are held (corked) for the next statement. */
  #holding = false;

  constructor(client: pg.PoolClient) {
    this.#client = client;
    this.executor = {
      query: async (sql, params = []) => (await this.settle(this.send(sql, params))).rows,
      execute: async (sql, params = []) =>
        (await this.settle(this.send(sql, params))).rowCount ?? 0,
      defer: (sql, params = []) => {
        this.#deferred.push([sql, params]);
      },
      script: async (sql) => {
        // Without parameters node-postgres uses the simple protocol, which runs several statements.
        await this.settle(this.send(sql, []));
      },
    };
  }

  /**
   * Writes the deferred statements, then this one, in one write; resolves with this one's result.
   * With `holdForNext`, the write waits for the next `send` (or `release`) to go out with it.
   */
  send(
    sql: string,
    params: readonly SqlValue[],
    { holdForNext = false }: { holdForNext?: boolean } = {},
  ): Promise<pg.QueryResult> {
    if (!this.#holding) {
      this.#holding = true;
      this.#client.connection.stream.cork();
    }
    for (const [deferredSql, deferredParams] of this.#deferred) {
      this.track(run(this.#client, deferredSql, deferredParams));
    }
    this.#deferred = [];
    const result = run(this.#client, sql, params);
    if (!holdForNext) this.release();
    return result;
  }

  /** Lets a held write go out. */
  release(): void {
    if (!this.#holding) return;
    this.#holding = false;
    this.#client.connection.stream.uncork();
  }

  /** A written statement whose answer the next `settle` takes (and reports if it failed) first. */
  track(written: Promise<unknown>): void {
    // Handled here so that an answer nobody awaits yet never counts as an unhandled rejection.
    written.catch(() => undefined);
    this.#inFlight.push(written);
  }

  /** Waits for what was written before `result`, then for `result`. */
  async settle<R>(result: Promise<R>): Promise<R> {
    result.catch(() => undefined);
    const before = this.#inFlight;
    this.#inFlight = [];
    for (const written of before) await written;
    return await result;
  }
}
