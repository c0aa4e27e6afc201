/**
 * The `bun:sqlite` driver: Bun's own SQLite binding, built into Bun, so nothing to compile. Used by
 * `auto` on Bun, which cannot load better-sqlite3's native module. Undefined everywhere else.
 */
import type { SqlRow, SqlValue } from '../sql/backend.js';
import type { SqliteConnection, SqliteStatement } from './connection.js';

/** The part of `bun:sqlite` the store uses (Bun's types are not a dependency of this package). */
interface BunStatement {
  all(...args: SqlValue[]): SqlRow[];
  run(...args: SqlValue[]): { readonly changes: number };
}

interface BunDatabase {
  readonly inTransaction: boolean;
  exec(sql: string): void;
  prepare(sql: string): BunStatement;
  close(): void;
}

export interface BunSqliteModule {
  readonly Database: new (path: string) => BunDatabase;
}

/** `bun:sqlite` when this runtime is Bun; undefined on Node and Deno. */
export function bunSqliteModule(): BunSqliteModule | undefined {
  const module = process.getBuiltinModule?.('bun:sqlite');
  if (module === undefined || module === null || !('Database' in module)) return undefined;
  return module as BunSqliteModule;
}

class BunSqliteStatement implements SqliteStatement {
  readonly #statement: BunStatement;

  constructor(statement: BunStatement) {
    this.#statement = statement;
  }

  all(args: readonly SqlValue[]): SqlRow[] {
    return this.#statement.all(...args);
  }

  run(args: readonly SqlValue[]): number {
    return this.#statement.run(...args).changes;
  }
}

class BunSqliteConnection implements SqliteConnection {
  readonly driver = 'bun:sqlite' as const;
  readonly #db: BunDatabase;
  /** bun:sqlite has no "is open" property, and throws on any use once closed. */
  #open = true;

  constructor(db: BunDatabase) {
    this.#db = db;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  get inTransaction(): boolean {
    return this.#open && this.#db.inTransaction;
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  prepare(sql: string): SqliteStatement {
    return new BunSqliteStatement(this.#db.prepare(sql));
  }

  close(): void {
    this.#open = false;
    this.#db.close();
  }
}

/** Opens (creating if needed) a database file, or a private in-memory database for `:memory:`. */
export function openBunSqlite(module: BunSqliteModule, path: string): SqliteConnection {
  return new BunSqliteConnection(new module.Database(path));
}
