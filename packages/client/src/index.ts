/**
 * `@wallet/client`: a typed client for the PayU Closed-Loop Wallet API. Requests are checked,
 * sealed (AES-192-CBC), signed (HMAC-SHA512) and retried safely; responses are opened, checked and
 * mapped to one error tree.
 * @packageDocumentation
 */

export { isRetriableStatus, parseRetryAfter } from '@wallet/http';
export type { ApiName, ParamsOf, ResponseOf } from '@wallet/schemas';
export {
  changeWalletStatus,
  checkStatus,
  load,
  pgLoad,
  pgLoadEnquiry,
  registerCustomer,
  retrieveCustomer,
  statement,
  unload,
  updateProfile,
} from './apis.js';
export type { WalletCallOptions } from './call-options.js';
export { type CreateWalletClient, createWalletClient, type WalletClient } from './client.js';
export type {
  ResponseValidationMode,
  WalletClientConfig,
  WalletEnvironment,
  WalletFetch,
  WalletHelperConfig,
  WalletHooks,
  WalletRequestEvent,
  WalletResponseEvent,
} from './config.js';
export { createWalletCore, type WalletCore } from './core.js';
export { type WalletEnv, walletConfigFromEnv, walletEnvVariables } from './env.js';
export {
  type AuthenticationFailureReason,
  WalletAbortError,
  type WalletAnswerDetails,
  WalletApiError,
  type WalletApiErrorDetails,
  WalletAuthenticationError,
  type WalletCallContext,
  WalletCallError,
  WalletConfigError,
  WalletConflictError,
  WalletDuplicateRequestError,
  WalletEnvelopeError,
  WalletError,
  WalletErrorCode,
  WalletHelperError,
  WalletInvalidRequestError,
  WalletLimitError,
  WalletNetworkError,
  WalletNotFoundError,
  WalletRateLimitError,
  type WalletResponseDetails,
  WalletResponseTooLargeError,
  WalletServerError,
  WalletStateError,
  WalletTimeoutError,
  WalletValidationError,
} from './errors.js';
export { decryptViaApi, encryptViaApi, type HelperCallOptions } from './helper-api.js';
export type { WalletLogFields, WalletLogger, WalletLogLevel } from './logger.js';
export {
  type StatementEntryOf,
  type StatementPage,
  type StatementWalkOptions,
  statementEntries,
  statementPages,
} from './pagination.js';
export { WalletPromise, type WalletResponse } from './wallet-promise.js';
