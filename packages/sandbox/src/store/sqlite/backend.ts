import { setTimeout as sleep } from 'node:timers/promises';
import type { SqliteDriverName } from '../errors.js';
import { SQLITE_MIGRATIONS } from '../schema/migrations.js';
import { SerialQueue } from '../serial-queue.js';
import type { Backend, Dialect, Executor, SqlRow, SqlValue, WriteOpening } from '../sql/backend.js';
import type { SqliteConnection, SqliteStatement } from './connection.js';
import { type DriverSources, openSqliteConnection, type SqliteDriverChoice } from './driver.js';
import { isBusy, toStoreError } from './errors.js';
import { GroupCommit } from './group-commit.js';

export interface SqliteBackendOptions {
  /** How long BEGIN IMMEDIATE waits for another connection's write lock, in ms. */
  readonly busyTimeoutMs: number;
  /** Which driver opens the database; default `auto` (node:sqlite on Node 22.16+, else better-sqlite3). */
  readonly driver?: SqliteDriverChoice | undefined;
}

const DIALECT: Dialect = {
  // BEGIN IMMEDIATE already holds the database's single write lock for the whole transaction.
  lockRows: () => '',
  greatest: (a, b) => `max(${a}, ${b})`,
  insertsInWith: false,
};

interface Prepared {
  readonly statement: SqliteStatement;
  /** For each `?` in order, the index of the `$n` parameter it stands for. */
  readonly order: readonly number[];
}

/**
 * SQLite through better-sqlite3 or node:sqlite (driver.ts picks): one connection, WAL journal,
 * `synchronous=FULL`, foreign keys on. Units of work run one at a time, queued in call order, so
 * an async unit never interleaves with another. Writes commit in groups (group-commit.ts); waiting
 * for another process's write lock happens asynchronously, in short sleeps.
 */
export class SqliteBackend implements Backend {
  readonly name = 'sqlite' as const;
  readonly driver: SqliteDriverName;
  readonly dialect = DIALECT;
  readonly migrations = SQLITE_MIGRATIONS;
  readonly migrationTableSql = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`;

  readonly #db: SqliteConnection;
  readonly #options: SqliteBackendOptions;
  readonly #queue = new SerialQueue();
  readonly #prepared = new Map<string, Prepared>();
  readonly #controls = new Map<string, SqliteStatement>();
  readonly #exec: Executor;
  readonly #group: GroupCommit;

  private constructor(db: SqliteConnection, options: SqliteBackendOptions) {
    this.#db = db;
    this.driver = db.driver;
    this.#options = options;
    this.#exec = {
      query: async (sql, params = []) => this.#all(sql, params),
      execute: async (sql, params = []) => this.#run(sql, params),
      // No round trips to save: run at once, failing the caller's work where it stands.
      defer: (sql, params = []) => {
        this.#run(sql, params);
      },
      script: async (sql) => {
        this.#call(() => this.#db.exec(sql));
      },
    };
    this.#group = new GroupCommit(
      {
        get isOpen() {
          return db.isOpen;
        },
        get inTransaction() {
          return db.inTransaction;
        },
        beginImmediate: () => this.#begin('BEGIN IMMEDIATE'),
        control: (sql) => this.#control(sql),
        rollbackQuietly: () => this.#rollbackQuietly(),
      },
      this.#queue,
    );
  }

  /**
   * Opens (creating if needed) the database file, or an in-memory database for `:memory:`.
   * SQLITE_DRIVER_UNAVAILABLE when the driver cannot run here, STORE_UNAVAILABLE when the file
   * cannot be used. `sources` is for tests standing in for another runtime.
   */
  static async open(
    path: string,
    options: SqliteBackendOptions,
    sources?: DriverSources,
  ): Promise<SqliteBackend> {
    const db = await openSqliteConnection(path, options.driver, sources);
    try {
      db.exec('PRAGMA journal_mode = WAL');
      // FULL: every commit is fsynced before its response leaves, so an answered request survives a
      // power loss or OS crash too, not only a killed process. It costs write throughput (see the
      // README's server benchmark); durability of money comes first.
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA foreign_keys = ON');
      // Savepoints' statement journals and temporary B-trees in memory, not in temp files: they
      // never need to survive the connection, and the WAL alone carries durability.
      db.exec('PRAGMA temp_store = MEMORY');
      // Lock waits are handled asynchronously in #begin.
      db.exec('PRAGMA busy_timeout = 0');
    } catch (error) {
      db.close();
      throw toStoreError(error);
    }
    return new SqliteBackend(db, options);
  }

  write<T>(fn: (exec: Executor) => Promise<T>, opening?: WriteOpening): Promise<T> {
    // No lock to take: units never overlap. The savepoint goes inside the unit's own.
    const savepoint = opening?.savepoint;
    if (savepoint === undefined) return this.#grouped(fn);
    return this.#grouped((exec) => {
      this.#call(() => this.#control(`SAVEPOINT ${savepoint}`));
      return fn(exec);
    });
  }

  read<T>(fn: (exec: Executor) => Promise<T>): Promise<T> {
    return this.#queue
      .run(async (): Promise<{ readonly settled: Promise<T> }> => {
        // Inside an open group a read sees the group's changes, so it settles with the group.
        if (this.#db.isOpen && this.#db.inTransaction)
          return this.#group.unit(() => fn(this.#exec));
        // Otherwise a deferred transaction reads one committed WAL snapshot; nothing to fsync.
        return { settled: Promise.resolve(await this.#transaction('BEGIN', fn)) };
      })
      .then((unit) => unit.settled);
  }

  async lockKey(): Promise<void> {
    // Units never overlap: the queue and BEGIN IMMEDIATE serialize them all.
  }

  async lockMigrations(): Promise<void> {
    // BEGIN IMMEDIATE serializes concurrent migration runs.
  }

  ping(): Promise<void> {
    return this.#queue.run(async () => {
      this.#all('SELECT 1 AS one', []);
    });
  }

  close(): Promise<void> {
    return this.#queue.run(async () => {
      this.#group.commit();
      if (this.#db.isOpen) this.#db.close();
    });
  }

  /** Queues `fn` as a unit of the open group (opening one if needed); settles after its COMMIT. */
  #grouped<T>(fn: (exec: Executor) => Promise<T>): Promise<T> {
    return this.#queue
      .run(() => this.#group.unit(() => fn(this.#exec)))
      .then((unit) => unit.settled);
  }

  #rollbackQuietly(): void {
    if (this.#db.isOpen && this.#db.inTransaction) {
      try {
        this.#db.exec('ROLLBACK');
      } catch {
        // SQLite already rolled back (e.g. after an I/O error); nothing is left to undo.
      }
    }
  }

  /** A transaction of its own (reads outside a group, and nothing else), committed at once. */
  async #transaction<T>(begin: string, fn: (exec: Executor) => Promise<T>): Promise<T> {
    await this.#begin(begin);
    try {
      const result = await fn(this.#exec);
      this.#call(() => this.#control('COMMIT'));
      return result;
    } catch (error) {
      this.#rollbackQuietly();
      // Driver errors were mapped where they arose; errors of the caller's work pass unchanged.
      throw error;
    }
  }

  async #begin(begin: string): Promise<void> {
    const deadline = Date.now() + this.#options.busyTimeoutMs;
    let pause = 1;
    for (;;) {
      try {
        this.#control(begin);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw toStoreError(error);
      }
      await sleep(pause);
      pause = Math.min(pause * 2, 25);
    }
  }

  /** Runs a transaction-control statement (BEGIN, SAVEPOINT, COMMIT, ...), prepared once. */
  #control(sql: string): void {
    let statement = this.#controls.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#controls.set(sql, statement);
    }
    statement.run([]);
  }

  #prepare(sql: string): Prepared {
    let prepared = this.#prepared.get(sql);
    if (prepared === undefined) {
      const order: number[] = [];
      const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
        order.push(Number(index) - 1);
        return '?';
      });
      prepared = { statement: this.#db.prepare(text), order };
      this.#prepared.set(sql, prepared);
    }
    return prepared;
  }

  #bind(prepared: Prepared, params: readonly SqlValue[]): SqlValue[] {
    return prepared.order.map((index) => {
      const value = params[index];
      if (value === undefined) throw new RangeError('missing SQL parameter');
      return value;
    });
  }

  #all(sql: string, params: readonly SqlValue[]): SqlRow[] {
    return this.#call(() => {
      const prepared = this.#prepare(sql);
      return prepared.statement.all(this.#bind(prepared, params));
    });
  }

  #run(sql: string, params: readonly SqlValue[]): number {
    return this.#call(() => {
      const prepared = this.#prepare(sql);
      return prepared.statement.run(this.#bind(prepared, params));
    });
  }

  #call<T>(operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      throw toStoreError(error);
    }
  }
}
