import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../errors.js';
import { SerialQueue } from '../serial-queue.js';
import type { Backend, Dialect, Executor, SqlRow, SqlValue } from '../sql/backend.js';
import { isBusy, toStoreError } from './errors.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

export interface SqliteBackendOptions {
  /** How long BEGIN IMMEDIATE waits for another connection's write lock, in ms. */
  readonly busyTimeoutMs: number;
}

const DIALECT: Dialect = {
  // BEGIN IMMEDIATE already holds the database's single write lock for the whole transaction.
  lockRows: () => '',
  greatest: (a, b) => `max(${a}, ${b})`,
};

interface Prepared {
  readonly statement: Database.Statement<unknown[], SqlRow>;
  /** For each `?` in order, the index of the `$n` parameter it stands for. */
  readonly order: readonly number[];
}

/**
 * SQLite through better-sqlite3: one connection, WAL journal, `synchronous=FULL`, foreign keys on.
 * Every transaction (read or write) runs alone on the connection, queued in call order, so an
 * async unit of work never interleaves with another. Write transactions start with BEGIN
 * IMMEDIATE, which also serializes them against other processes using the same file; waiting for
 * another process's lock happens asynchronously (short sleeps), never by blocking the event loop.
 */
export class SqliteBackend implements Backend {
  readonly name = 'sqlite' as const;
  readonly dialect = DIALECT;
  readonly migrations = SQLITE_MIGRATIONS;
  readonly migrationTableSql = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`;

  readonly #db: Database.Database;
  readonly #options: SqliteBackendOptions;
  readonly #queue = new SerialQueue();
  readonly #prepared = new Map<string, Prepared>();
  readonly #exec: Executor;

  private constructor(db: Database.Database, options: SqliteBackendOptions) {
    this.#db = db;
    this.#options = options;
    this.#exec = {
      query: async (sql, params = []) => this.#all(sql, params),
      execute: async (sql, params = []) => this.#run(sql, params),
      script: async (sql) => {
        this.#call(() => this.#db.exec(sql));
      },
    };
  }

  /** Opens (creating if needed) the database file, or an in-memory database for `:memory:`. */
  static open(path: string, options: SqliteBackendOptions): SqliteBackend {
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (error) {
      // Missing directory, permissions, not a database: the file cannot be used.
      throw new StoreUnavailableError({ cause: error });
    }
    try {
      db.pragma('journal_mode = WAL');
      // FULL: every commit is fsynced before its answer leaves, so an answered request survives a
      // power loss or OS crash too, not only a killed process. It costs write throughput (see the
      // README's server benchmark); durability of money comes first.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Lock waits are handled asynchronously in #begin.
      db.pragma('busy_timeout = 0');
    } catch (error) {
      db.close();
      throw toStoreError(error);
    }
    return new SqliteBackend(db, options);
  }

  write<T>(fn: (exec: Executor) => Promise<T>): Promise<T> {
    return this.#queue.run(() => this.#transaction('BEGIN IMMEDIATE', fn));
  }

  read<T>(fn: (exec: Executor) => Promise<T>): Promise<T> {
    // A deferred transaction reads one WAL snapshot from its first statement to COMMIT.
    return this.#queue.run(() => this.#transaction('BEGIN', fn));
  }

  async lockKey(): Promise<void> {
    // Write transactions never overlap: the queue and BEGIN IMMEDIATE serialize them all.
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
      if (this.#db.open) this.#db.close();
    });
  }

  async #transaction<T>(begin: string, fn: (exec: Executor) => Promise<T>): Promise<T> {
    await this.#begin(begin);
    try {
      const result = await fn(this.#exec);
      this.#call(() => this.#db.exec('COMMIT'));
      return result;
    } catch (error) {
      if (this.#db.open && this.#db.inTransaction) {
        try {
          this.#db.exec('ROLLBACK');
        } catch {
          // SQLite already rolled back (e.g. after an I/O error); nothing is left to undo.
        }
      }
      // Driver errors were mapped where they arose; errors of the caller's work pass unchanged.
      throw error;
    }
  }

  async #begin(begin: string): Promise<void> {
    const deadline = Date.now() + this.#options.busyTimeoutMs;
    let pause = 1;
    for (;;) {
      try {
        this.#db.exec(begin);
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw toStoreError(error);
      }
      await sleep(pause);
      pause = Math.min(pause * 2, 25);
    }
  }

  #prepare(sql: string): Prepared {
    let prepared = this.#prepared.get(sql);
    if (prepared === undefined) {
      const order: number[] = [];
      const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
        order.push(Number(index) - 1);
        return '?';
      });
      prepared = { statement: this.#db.prepare<unknown[], SqlRow>(text), order };
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
      const args = this.#bind(prepared, params);
      if (prepared.statement.reader) return prepared.statement.all(...args);
      prepared.statement.run(...args);
      return [];
    });
  }

  #run(sql: string, params: readonly SqlValue[]): number {
    return this.#call(() => {
      const prepared = this.#prepare(sql);
      return prepared.statement.run(...this.#bind(prepared, params)).changes;
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
