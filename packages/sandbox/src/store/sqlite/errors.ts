import { StoreError, StoreFaultError, StoreUnavailableError } from '../errors.js';
import { ConstraintViolation } from '../sql/backend.js';

/** SQLite's primary result codes, by number (the low byte of an extended code). */
const PRIMARY_CODES = [
  'OK',
  'ERROR',
  'INTERNAL',
  'PERM',
  'ABORT',
  'BUSY',
  'LOCKED',
  'NOMEM',
  'READONLY',
  'INTERRUPT',
  'IOERR',
  'CORRUPT',
  'NOTFOUND',
  'FULL',
  'CANTOPEN',
  'PROTOCOL',
  'EMPTY',
  'SCHEMA',
  'TOOBIG',
  'CONSTRAINT',
  'MISMATCH',
  'MISUSE',
  'NOLFS',
  'AUTH',
  'FORMAT',
  'RANGE',
  'NOTADB',
];

/** The extended result codes the store tells apart, by number. */
const EXTENDED_CODES: ReadonlyMap<number, string> = new Map([
  [275, 'SQLITE_CONSTRAINT_CHECK'],
  [787, 'SQLITE_CONSTRAINT_FOREIGNKEY'],
  [1299, 'SQLITE_CONSTRAINT_NOTNULL'],
  [1555, 'SQLITE_CONSTRAINT_PRIMARYKEY'],
  [2067, 'SQLITE_CONSTRAINT_UNIQUE'],
]);

/**
 * The SQLite result code of a driver error as a name (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_UNIQUE`):
 * better-sqlite3 gives the name in `code`; node:sqlite gives `code: 'ERR_SQLITE_ERROR'` and the
 * extended code's number in `errcode`.
 */
function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  if (typeof error.code === 'string' && error.code.startsWith('SQLITE_')) return error.code;
  if (error.code !== 'ERR_SQLITE_ERROR' || !('errcode' in error)) return null;
  const number = error.errcode;
  if (typeof number !== 'number') return null;
  const primary = PRIMARY_CODES[number & 0xff];
  return EXTENDED_CODES.get(number) ?? (primary === undefined ? null : `SQLITE_${primary}`);
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

/** Maps a better-sqlite3 or node:sqlite error to the store's errors; store errors pass through. */
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
