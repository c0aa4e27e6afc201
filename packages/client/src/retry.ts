/**
 * `@wallet/client/retry`: the client's retry and timeout behaviour as ky options, for another
 * package that calls over ky and should behave as the client does.
 *
 *   const deadline = new Deadline(totalTimeout, signal);
 *   try {
 *     const response = await ky.post(url, {
 *       body,
 *       ...kyRetryTimeoutOptions({ timeout, retries, maxRetryDelay }, deadline),
 *     });
 *   } finally {
 *     deadline.end();
 *   }
 *
 * After a failure, `deadline.reason` tells the caller's abort (`'caller'`) and the total timeout
 * (`'total-timeout'`) from ky's own errors.
 * @packageDocumentation
 */
export { Deadline, type DeadlineReason } from './deadline.js';
export { readCappedBody } from './response-body.js';
export { parseRetryAfter, retryAfterOf } from './retry-after.js';
export {
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
  INITIAL_RETRY_DELAY_MS,
  isRetriableStatus,
  type KyRetryTimeoutOptions,
  kyRetryTimeoutOptions,
  RETRY_STATUS_CODES,
  type RetryHooks,
  type RetryNotice,
  type RetryTimeoutPolicy,
} from './retry-policy.js';
