/**
 * The `node:sqlite` driver (Node's built-in SQLite, `DatabaseSync`): no native module to build or
 * to match to the Node version. Used where it has everything the backend needs, Node 22.16+.
 */
import type { SqlRow, SqlValue } from '../sql/backend.js';
import type { SqliteConnection, SqliteStatement } from './connection.js';

/** The part of `node:sqlite` the store uses (its types are not in @types/node 20). */
interface StatementSync {
  all(...args: SqlValue[]): SqlRow[];
  run(...args: SqlValue[]): { readonly changes: number | bigint };
}

interface DatabaseSync {
  readonly isOpen: boolean;
  /** Node 22.16+ and 24. */
  readonly isTransaction?: boolean;
  exec(sql: string): void;
  prepare(sql: string): StatementSync;
  close(): void;
}

interface NodeSqliteModule {
  readonly DatabaseSync: new (path: string) => DatabaseSync;
}

/** `node:sqlite` when this runtime has it; undefined on Node 20 (and where it is flagged off). */
export function nodeSqliteModule(): NodeSqliteModule | undefined {
  const module = process.getBuiltinModule?.('node:sqlite');
  if (module === undefined || !('DatabaseSync' in module)) return undefined;
  return module as NodeSqliteModule;
}

/**
 * True when this runtime's `node:sqlite` reports whether a transaction is open
 * (`DatabaseSync#isTransaction`, Node 22.16+): the backend needs it to notice a transaction that
 * SQLite rolled back by itself.
 */
export function nodeSqliteUsable(module: NodeSqliteModule): boolean {
  let usable = usableModules.get(module);
  if (usable === undefined) {
    const probe = new module.DatabaseSync(':memory:');
    try {
      usable = typeof probe.isTransaction === 'boolean';
    } finally {
      probe.close();
    }
    usableModules.set(module, usable);
  }
  return usable;
}

const usableModules = new WeakMap<NodeSqliteModule, boolean>();

class NodeSqliteStatement implements SqliteStatement {
  readonly #statement: StatementSync;

  constructor(statement: StatementSync) {
    this.#statement = statement;
  }

  all(args: readonly SqlValue[]): SqlRow[] {
    return this.#statement.all(...args);
  }

  run(args: readonly SqlValue[]): number {
    return Number(this.#statement.run(...args).changes);
  }
}

class NodeSqliteConnection implements SqliteConnection {
  readonly driver = 'node:sqlite' as const;
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  get inTransaction(): boolean {
    return this.#db.isTransaction === true;
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  prepare(sql: string): SqliteStatement {
    return new NodeSqliteStatement(this.#db.prepare(sql));
  }

  close(): void {
    this.#db.close();
  }
}

/** Opens (creating if needed) a database file, or a private in-memory database for `:memory:`. */
export function openNodeSqlite(module: NodeSqliteModule, path: string): SqliteConnection {
  return new NodeSqliteConnection(new module.DatabaseSync(path));
}
