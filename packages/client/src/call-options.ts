/** The options every call accepts, their check, and the scope a call runs in. */
import { Deadline, MAX_RETRIES, MAX_TIMEOUT_MS, type RetryTimeoutPolicy } from '@wallet/http';
import type { ResolvedConfig } from './config.js';
import { WalletConfigError } from './errors.js';

/** Options of one call. Each overrides the client's setting for this call only. */
export interface WalletCallOptions {
  /** Aborts the call (with `WalletAbortError`), retries and waits included. */
  readonly signal?: AbortSignal;
  /** The `clientTxnId` to send; a fresh one by default. Reuse one only to repeat the same request. */
  readonly clientTxnId?: string;
  /** The `requestDateTime` to send (`YYYYMMDDHHMMSS`, or a `Date` printed in IST); now by default. */
  readonly requestDateTime?: string | Date;
  /** Milliseconds one attempt may take. */
  readonly timeout?: number;
  /** Milliseconds the whole call may take. */
  readonly totalTimeout?: number;
  /** Retries after a retriable failure. */
  readonly retries?: number;
}

function isWhole(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function optionError(option: string, rule: string): WalletConfigError {
  return new WalletConfigError(option, `Invalid call option ${option}: ${rule}.`);
}

/** Checks the numeric options and the signal of one call. */
export function checkCallOptions(options: WalletCallOptions): void {
  const { timeout, totalTimeout, retries, signal } = options;
  if (timeout !== undefined && !isWhole(timeout, 1, MAX_TIMEOUT_MS)) {
    throw optionError(
      'timeout',
      `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
    );
  }
  if (totalTimeout !== undefined && !isWhole(totalTimeout, 1, MAX_TIMEOUT_MS)) {
    throw optionError(
      'totalTimeout',
      `must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}`,
    );
  }
  if (retries !== undefined && !isWhole(retries, 0, MAX_RETRIES)) {
    throw optionError('retries', `must be a whole number from 0 to ${MAX_RETRIES}`);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw optionError('signal', 'must be an AbortSignal');
  }
}

/**
 * What every request of one call shares: one deadline (the helper API's nested Encrypt and Decrypt
 * run within the call's), the attempt timeout and the retries.
 */
export interface CallScope extends RetryTimeoutPolicy {
  readonly deadline: Deadline;
}

/**
 * Checks `options` and starts the call's deadline. End it with `scope.deadline.end()`.
 * @throws {WalletConfigError} for an option out of range.
 */
export function openCallScope(config: ResolvedConfig, options: WalletCallOptions): CallScope {
  checkCallOptions(options);
  return {
    deadline: new Deadline(options.totalTimeout ?? config.totalTimeout, options.signal),
    timeout: options.timeout ?? config.timeout,
    retries: options.retries ?? config.retries,
    maxRetryDelay: config.maxRetryDelay,
  };
}
