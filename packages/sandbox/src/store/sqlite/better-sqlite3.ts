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
  /** The names of the columns the statement returns, in order; undefined when it returns no data. */
  readonly #columns: readonly string[] | undefined;

  constructor(statement: BetterSqlite3.Statement<SqlValue[], SqlRow>) {
    this.#statement = statement;
    // Rows come back as arrays and are named here: better-sqlite3 builds a row object one
    // property at a time from C++, which costs more than building the same object in JavaScript.
    this.#columns = statement.reader
      ? statement
          .raw(true)
          .columns()
          .map((column) => column.name)
      : undefined;
  }

  all(args: readonly SqlValue[]): SqlRow[] {
    const columns = this.#columns;
    // better-sqlite3 refuses all() on a statement that returns no data.
    if (columns === undefined) {
      this.#statement.run(...args);
      return [];
    }
    const rows = this.#statement.all(...args) as unknown as readonly SqlValue[][];
    return rows.map((values) => {
      const row: SqlRow = {};
      for (let index = 0; index < columns.length; index += 1) {
        row[columns[index] as string] = values[index];
      }
      return row;
    });
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
