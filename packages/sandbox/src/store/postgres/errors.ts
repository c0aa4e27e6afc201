import { StoreError, StoreFaultError, StoreUnavailableError } from '../errors.js';
import { ConstraintViolation } from '../sql/backend.js';

/**
 * PostgreSQL asked for the transaction to be retried (deadlock or serialization failure).
 * Retryable like any unavailability; the backend retries it a few times first.
 */
export class TransientConflict extends StoreUnavailableError {}

/** SQLSTATEs meaning the server cannot serve us right now. */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown (server stopping, or pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '57014', // query_canceled
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
]);

/** Socket-level failures from Node. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres raises these without a code when a connection breaks or cannot be made. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Connection ended',
  'terminating connection',
  'the database system is',
];

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** True when `error` means the connection or server is gone, not that the statement was wrong. */
export function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== null) {
    if (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || NETWORK_CODES.has(code)) {
      return true;
    }
  }
  const message = error instanceof Error ? error.message : '';
  return UNAVAILABLE_MESSAGES.some((fragment) => message.includes(fragment));
}

/** Maps a node-postgres error to the store's errors; store errors pass through. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  if (code === '40001' || code === '40P01') return new TransientConflict({ cause: error });
  if (code === '23505') return new ConstraintViolation('unique', error);
  if (code === '23514') return new ConstraintViolation('check', error);
  if (code === '23503') return new ConstraintViolation('foreign_key', error);
  if (code === '23502') return new ConstraintViolation('not_null', error);
  if (isConnectionFailure(error)) return new StoreUnavailableError({ cause: error });
  return new StoreFaultError({ cause: error });
}

/** A log-safe summary of an error: its code and class, never its message (which may hold data). */
export function describeError(error: unknown): Record<string, unknown> {
  return {
    code: errorCode(error),
    type: error instanceof Error ? error.constructor.name : typeof error,
  };
}
