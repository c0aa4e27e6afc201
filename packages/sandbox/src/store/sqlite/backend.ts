import { setTimeout as sleep } from 'node:timers/promises';
import { type SqliteDriverName, type StoreError, StoreUnavailableError } from '../errors.js';
import { SerialQueue } from '../serial-queue.js';
import type { Backend, Dialect, Executor, SqlRow, SqlValue, WriteOpening } from '../sql/backend.js';
import type { SqliteConnection, SqliteStatement } from './connection.js';
import { type DriverSources, openSqliteConnection, type SqliteDriverChoice } from './driver.js';
import { isBusy, toStoreError } from './errors.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

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
};

interface Prepared {
  readonly statement: SqliteStatement;
  /** For each `?` in order, the index of the `$n` parameter it stands for. */
  readonly order: readonly number[];
}

/** A unit of work that finished inside the open group, waiting for the group's COMMIT. */
interface Finished {
  readonly settle: () => void;
  readonly fail: (error: StoreError) => void;
}

/** The savepoint that brackets one unit of work inside a group. */
const UNIT_SAVEPOINT = 'wallet_unit';

/**
 * SQLite through better-sqlite3 or node:sqlite (driver.ts picks): one connection, WAL journal,
 * `synchronous=FULL`, foreign keys on. Units of work run one at a time, queued in call order, so
 * an async unit never interleaves with another.
 *
 * Group commit: the units that queue up while the event loop handles one round of I/O share one
 * transaction. The first opens it with BEGIN IMMEDIATE (which also serializes against other
 * processes on the same file; waiting for their lock happens asynchronously, in short sleeps);
 * each unit runs inside its own savepoint, so a unit that throws is rolled back alone; once the
 * queue has drained, one COMMIT (one fsync, with `synchronous=FULL`) makes the whole group
 * durable. No unit's promise settles before that COMMIT: a caller never answers for a change that
 * a crash could still undo, and if the COMMIT fails every unit of the group rejects. The fsync is
 * shared by the group instead of paid by each request.
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
  /** Units of the open group that ran, waiting for its COMMIT. */
  #finished: Finished[] = [];
  #commitScheduled = false;

  private constructor(db: SqliteConnection, options: SqliteBackendOptions) {
    this.#db = db;
    this.driver = db.driver;
    this.#options = options;
    this.#exec = {
      query: async (sql, params = []) => this.#all(sql, params),
      execute: async (sql, params = []) => this.#run(sql, params),
      script: async (sql) => {
        this.#call(() => this.#db.exec(sql));
      },
    };
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
      // FULL: every commit is fsynced before its answer leaves, so an answered request survives a
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
        if (this.#db.isOpen && this.#db.inTransaction) return this.#unitInGroup(fn);
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
      this.#commitGroup();
      if (this.#db.isOpen) this.#db.close();
    });
  }

  /** Queues `fn` as a unit of the open group (opening one if needed); settles after its COMMIT. */
  #grouped<T>(fn: (exec: Executor) => Promise<T>): Promise<T> {
    return this.#queue.run(() => this.#unitInGroup(fn)).then((unit) => unit.settled);
  }

  /** Runs `fn` inside its savepoint of the group; resolves once it ran, with its COMMIT ahead. */
  async #unitInGroup<T>(fn: (exec: Executor) => Promise<T>): Promise<GroupedUnit<T>> {
    if (!this.#db.inTransaction) await this.#begin('BEGIN IMMEDIATE');
    this.#call(() => this.#control(`SAVEPOINT ${UNIT_SAVEPOINT}`));
    let value: T;
    try {
      value = await fn(this.#exec);
      this.#call(() => this.#control(`RELEASE ${UNIT_SAVEPOINT}`));
    } catch (error) {
      this.#undoUnit(error);
      throw error;
    }
    const unit = new GroupedUnit(value);
    this.#finished.push(unit);
    this.#scheduleCommit();
    return unit;
  }

  /** Rolls back the failed unit alone, or fails the whole group when SQLite already undid it. */
  #undoUnit(error: unknown): void {
    if (this.#db.isOpen && this.#db.inTransaction) {
      try {
        this.#control(`ROLLBACK TO ${UNIT_SAVEPOINT}`);
        this.#control(`RELEASE ${UNIT_SAVEPOINT}`);
        return;
      } catch {
        // The savepoint is unusable: give up the whole group below.
      }
    }
    // SQLite rolled the transaction back itself (I/O error, disk full): the units that finished
    // earlier in this group are undone too, so none of them may report success.
    this.#abandonGroup(toStoreError(error));
  }

  /** Commits the open group at the end of this round of the event loop, after queued units. */
  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    setImmediate(() => {
      this.#commitScheduled = false;
      void this.#queue.run(() => this.#commitGroup());
    });
  }

  /** COMMITs the open group, then settles its units; on failure, rejects them all. */
  #commitGroup(): void {
    if (!this.#db.isOpen || !this.#db.inTransaction) {
      this.#abandonGroup(new StoreUnavailableError());
      return;
    }
    const group = this.#finished;
    this.#finished = [];
    try {
      this.#control('COMMIT');
    } catch (error) {
      this.#finished = group;
      this.#abandonGroup(toStoreError(error));
      return;
    }
    for (const unit of group) unit.settle();
  }

  /** Rejects every unit of the open group: none of their changes were committed. */
  #abandonGroup(error: StoreError): void {
    const group = this.#finished;
    this.#finished = [];
    this.#rollbackQuietly();
    for (const unit of group) unit.fail(error);
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

/** A unit that ran inside a group: `settled` resolves with its value after the group's COMMIT. */
class GroupedUnit<T> implements Finished {
  readonly settled: Promise<T>;
  readonly settle: () => void;
  readonly fail: (error: StoreError) => void;

  constructor(value: T) {
    let settle!: () => void;
    let fail!: (error: StoreError) => void;
    this.settled = new Promise<T>((resolve, reject) => {
      settle = () => resolve(value);
      fail = reject;
    });
    this.settle = settle;
    this.fail = fail;
  }
}
