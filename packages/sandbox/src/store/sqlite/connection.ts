import type { SqliteDriverName } from '../errors.js';
import type { SqlRow, SqlValue } from '../sql/backend.js';

/** A prepared statement on one SQLite connection. Parameters are positional (`?`). */
export interface SqliteStatement {
  /** Runs the statement and returns its rows (none for a statement that returns no data). */
  all(args: readonly SqlValue[]): SqlRow[];
  /** Runs the statement and returns how many rows it changed. */
  run(args: readonly SqlValue[]): number;
}

/**
 * One SQLite connection, whichever driver opened it: the few operations the backend needs.
 * Methods throw the driver's own errors; `toStoreError` maps both drivers' errors.
 */
export interface SqliteConnection {
  readonly driver: SqliteDriverName;
  /** False once closed. */
  readonly isOpen: boolean;
  /** True while a transaction is open (SQLite's autocommit is off). */
  readonly inTransaction: boolean;
  /** Runs one or more statements without parameters. */
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  close(): void;
}
