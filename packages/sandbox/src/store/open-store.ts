import { InvalidArgumentError, InvalidStoreUrlError } from './errors.js';
import { PostgresBackend } from './postgres/backend.js';
import { SqlStore } from './sql/sql-store.js';
import { SqliteBackend } from './sqlite/backend.js';
import { SQLITE_DRIVER_CHOICES, type SqliteDriverChoice } from './sqlite/driver.js';
import type { Store, StoreOptions } from './store-api.js';

/** Where a store URL points. */
export type StoreLocation =
  | { readonly backend: 'sqlite'; readonly path: string }
  | { readonly backend: 'postgres'; readonly connectionString: string };

/**
 * Reads a store URL:
 * - `postgres://...` or `postgresql://...`: PostgreSQL (node-postgres connection string);
 * - `:memory:` or `sqlite::memory:`: a private in-memory SQLite database;
 * - `sqlite:<path>` or `sqlite://<path>`: a SQLite file;
 * - anything else without a `scheme://`: a SQLite file path.
 */
export function parseStoreUrl(url: string): StoreLocation {
  if (typeof url !== 'string' || url.trim() === '') throw new InvalidStoreUrlError();
  if (/^postgres(ql)?:\/\//i.test(url)) return { backend: 'postgres', connectionString: url };
  if (/^sqlite:/i.test(url)) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new InvalidStoreUrlError();
    return { backend: 'sqlite', path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new InvalidStoreUrlError();
  return { backend: 'sqlite', path: url };
}

function positive(value: number | undefined, fallback: number, argument: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError(argument);
  return value;
}

function sqliteDriver(value: SqliteDriverChoice | undefined): SqliteDriverChoice {
  if (value === undefined) return 'auto';
  if (!SQLITE_DRIVER_CHOICES.includes(value)) throw new InvalidArgumentError('sqliteDriver');
  return value;
}

/**
 * Opens a store and brings its schema up to date (migrations run at every open; they are applied
 * once). Fails with STORE_UNAVAILABLE when the database cannot be reached, INVALID_STORE_URL when
 * the URL names neither backend, SQLITE_DRIVER_UNAVAILABLE when the SQLite driver cannot run on
 * this runtime (the message says how to fix it).
 */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const location = parseStoreUrl(url);
  const backend =
    location.backend === 'sqlite'
      ? await SqliteBackend.open(location.path, {
          busyTimeoutMs: positive(options.busyTimeoutMs, 5000, 'busyTimeoutMs'),
          driver: sqliteDriver(options.sqliteDriver),
        })
      : new PostgresBackend(location.connectionString, {
          poolSize: positive(options.poolSize, 10, 'poolSize'),
          connectTimeoutMs: positive(options.connectTimeoutMs, 5000, 'connectTimeoutMs'),
          logger: options.logger,
        });
  return SqlStore.open(backend, options);
}
