/**
 * The better-sqlite3 driver: a native module, so it must be compiled for the Node that loads it.
 * Imported only when chosen, never at the package's load: on Node 24 a better-sqlite3 connection
 * can abort the process when it is destroyed during shutdown, so there the store does not touch it
 * unless asked to.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlRow, SqlValue } from '../sql/backend.js';
import type { SqliteConnection, SqliteStatement } from './connection.js';

type Database = BetterSqlite3.Database;
type DatabaseConstructor = new (path: string, options?: BetterSqlite3.Options) => Database;

/** Imports better-sqlite3's JavaScript; its native module loads with the first connection. */
export async function importBetterSqlite3(): Promise<DatabaseConstructor> {
  const module: { default: DatabaseConstructor } = await import('better-sqlite3');
  return module.default;
}

class BetterSqlite3Statement implements SqliteStatement {
  readonly #statement: BetterSqlite3.Statement<SqlValue[], SqlRow>;

  constructor(statement: BetterSqlite3.Statement<SqlValue[], SqlRow>) {
    this.#statement = statement;
  }

  all(args: readonly SqlValue[]): SqlRow[] {
    // better-sqlite3 refuses all() on a statement that returns no data.
    if (this.#statement.reader) return this.#statement.all(...args);
    this.#statement.run(...args);
    return [];
  }

  run(args: readonly SqlValue[]): number {
    return this.#statement.run(...args).changes;
  }
}

class BetterSqlite3Connection implements SqliteConnection {
  readonly driver = 'better-sqlite3' as const;
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  get isOpen(): boolean {
    return this.#db.open;
  }

  get inTransaction(): boolean {
    return this.#db.inTransaction;
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  prepare(sql: string): SqliteStatement {
    return new BetterSqlite3Statement(this.#db.prepare<SqlValue[], SqlRow>(sql));
  }

  close(): void {
    this.#db.close();
  }
}

/**
 * Opens (creating if needed) a database file, or a private in-memory database for `:memory:`.
 * `nativeBinding`: the path of the compiled module to load instead of the installed one.
 */
export function openBetterSqlite3(
  Database: DatabaseConstructor,
  path: string,
  nativeBinding?: string,
): SqliteConnection {
  return new BetterSqlite3Connection(
    new Database(path, nativeBinding === undefined ? {} : { nativeBinding }),
  );
}
