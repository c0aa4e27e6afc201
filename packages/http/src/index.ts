/**
 * `@wallet/http`: how the wallet packages call over HTTP, in one place. `@wallet/client` and
 * `@wallet/checkout` both send with ky and take from here what must not differ between them: the
 * retry policy as ky options (which methods and statuses are retried, the backoff, the one reader
 * of a named wait), the one deadline per call, the capped body reader, and the transport settings
 * with their defaults and rules.
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
export { readCappedBody, readCappedStream } from './response-body.js';
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
export {
  baseUrlOf,
  DEFAULT_MAX_RESPONSE_BYTES,
  isServiceUrl,
  MAX_RETRIES,
  MAX_TIMEOUT_MS,
  orRequired,
  type ResolvedTransportSettings,
  resolveTransportSettings,
  serviceUrlRule,
  serviceUrlSchema,
  type TransportSettings,
  transportSettingsShape,
} from './settings.js';
