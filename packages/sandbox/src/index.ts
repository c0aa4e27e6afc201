/**
 * @wallet/sandbox: a stateful emulator of the PayU Closed-Loop Wallet platform, as an in-process
 * fetch handler or an HTTP server, on SQLite or PostgreSQL.
 * @packageDocumentation
 */

export { deriveHelperCredentials, GENERATED_MERCHANT_KEY } from './config/credentials.js';
export {
  HELPER_ENV,
  loadMerchantsFile,
  MERCHANT_ENV,
  merchantFromEnv,
} from './config/load-merchants.js';
export type {
  HelperCredentials,
  MerchantConfig,
  ResolvedMerchantConfig,
} from './config/merchant-config.js';
export {
  AlreadyListeningError,
  InvalidSandboxOptionError,
  MerchantConfigError,
  type MerchantConfigProblem,
  MerchantConfigUnreadableError,
  MerchantCredentialsMismatchError,
  SandboxClosedError,
  SandboxError,
  type SandboxErrorCode,
} from './errors.js';
export type {
  ExchangeFailure,
  ExchangeListener,
  HelperApiName,
  SandboxExchange,
} from './exchange.js';
export {
  AUTH_PROFILE_HEADER,
  REPLAYED_HEADER,
  type SandboxAnswer,
  sandboxAnswers,
} from './http/answers.js';
export type { SandboxAddress } from './http/server.js';
export type { LevelWithSilent, Logger } from './logging.js';
export type { MerchantSource, SandboxOutput } from './merchants/bootstrap.js';
export type { SandboxMerchant } from './merchants/registry.js';
export { DEFAULT_LIMITS, type SandboxLimits, type SandboxOptions } from './options.js';
export { createSandbox, type Sandbox } from './sandbox.js';
export * from './store/index.js';
export { DEFAULT_TOKEN_FAILURE_LIMIT, type TokenFailureLimit } from './wallet/rate-limit.js';
