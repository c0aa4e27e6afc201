import { StoreError, StoreFaultError, StoreUnavailableError } from '../errors.js';
import { ConstraintViolation } from '../sql/backend.js';

function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' && error.code.startsWith('SQLITE_') ? error.code : null;
}

/** Another connection holds the lock this statement needs. */
export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Codes meaning the database file cannot be used right now (locked, unreadable, disk full). */
const UNAVAILABLE_PREFIXES = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_PROTOCOL',
];

/** Maps a better-sqlite3 error to the store's errors; store errors pass through. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (code === null) return new StoreFaultError({ cause: error });
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new ConstraintViolation('unique', error);
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK') return new ConstraintViolation('check', error);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new ConstraintViolation('foreign_key', error);
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return new ConstraintViolation('not_null', error);
  if (UNAVAILABLE_PREFIXES.some((prefix) => code.startsWith(prefix))) {
    return new StoreUnavailableError({ cause: error });
  }
  return new StoreFaultError({ cause: error });
}
