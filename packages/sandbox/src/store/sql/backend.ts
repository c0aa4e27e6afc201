import { StoreFaultError } from '../errors.js';
import type { StoreDriverName } from '../store-api.js';

/** Values bound to SQL parameters. Integers are JS numbers (always safe integers here). */
export type SqlValue = string | number | null;

/** A row as a driver returns it, before mapping. */
export type SqlRow = Record<string, unknown>;

/**
 * Runs SQL on one connection inside the current transaction. SQL uses `$1`-style placeholders on
 * both backends. Driver errors come out as store errors: STORE_UNAVAILABLE for connection trouble,
 * `ConstraintViolation` for constraint failures, STORE_FAULT for the rest.
 */
export interface Executor {
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement that returns no rows; resolves with the number of rows changed. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs a statement whose result nothing waits for, at the latest right before the next statement
   * or the COMMIT: PostgreSQL sends it together with that one (one round trip for both), SQLite
   * runs it at once. If it fails, the next statement or the write itself fails with its error.
   */
  defer(sql: string, params?: readonly SqlValue[]): void;
  /** Runs several parameterless statements separated by semicolons (migrations). */
  script(sql: string): Promise<void>;
}

/** The few places where the two SQL dialects differ in the shared queries. */
export interface Dialect {
  /** Row-lock clause for the named table aliases (PostgreSQL `FOR UPDATE OF ...`; SQLite none). */
  lockRows(aliases: string): string;
  /** The larger of two expressions. */
  greatest(a: string, b: string): string;
  /**
   * Whether a WITH clause may hold an INSERT ... RETURNING whose rows a following INSERT reads
   * (PostgreSQL; SQLite none), so that rows that depend on each other are inserted in one statement.
   */
  readonly insertsInWith: boolean;
}

/** One schema change. Applied in version order, each once, recorded in `schema_migrations`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** What a write transaction takes before its work runs. */
export interface WriteOpening {
  /** Serializes the transaction with the others naming this key, as `lockKey` does. */
  readonly lockKey?: string | undefined;
  /** A savepoint (a plain SQL name) set once the lock is held, for the work to roll back to. */
  readonly savepoint?: string | undefined;
}

/** A database connection strategy: how transactions begin, end, retry and serialize. */
export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** The library that talks to the database. */
  readonly driver: StoreDriverName;
  readonly dialect: Dialect;
  readonly migrations: readonly Migration[];
  /** Creates `schema_migrations (version, name, applied_at)` if it does not exist. */
  readonly migrationTableSql: string;
  /**
   * Runs `fn` in a read-write transaction and commits, or rolls back if it throws. May run `fn`
   * again when the database reports a transient conflict (deadlock, serialization failure).
   * `opening` is taken before `fn` runs, in as few round trips as the dialect allows.
   */
  write<T>(fn: (exec: Executor) => Promise<T>, opening?: WriteOpening): Promise<T>;
  /** Runs `fn` in a read-only transaction over one consistent snapshot. */
  read<T>(fn: (exec: Executor) => Promise<T>): Promise<T>;
  /** Serializes write transactions that name the same key until they end (no-op when all writes are serialized). */
  lockKey(exec: Executor, key: string): Promise<void>;
  /** Serializes concurrent migration runs (several processes starting at once). */
  lockMigrations(exec: Executor): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The kind of constraint a statement broke. */
export type ConstraintKind = 'unique' | 'check' | 'foreign_key' | 'not_null';

/**
 * A statement broke a constraint. Internal: the store turns the cases it expects into business
 * errors; anything else reaches callers as a plain STORE_FAULT.
 */
export class ConstraintViolation extends StoreFaultError {
  readonly constraint: ConstraintKind;

  constructor(constraint: ConstraintKind, cause: unknown) {
    super({ cause });
    this.constraint = constraint;
  }
}
