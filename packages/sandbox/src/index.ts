/**
 * @wallet/sandbox: a stateful emulator of the PayU Closed-Loop Wallet platform, as an in-process
 * fetch handler or an HTTP server, on SQLite or PostgreSQL.
 * @packageDocumentation
 */

export {
  type AccessDecision,
  adminAccess,
  isLoopbackAddress,
  isLoopbackHost,
  type RequestOrigin,
} from './admin/access.js';
export { ADMIN_PREFIX, type ResetResult } from './admin/routes.js';
export {
  CHECKOUT_MAGIC_VALUES,
  type CheckoutMagicValue,
  PENDING_SETTLE_MS,
  REFUND_SETTLE_MS,
} from './checkout/magic.js';
export { SANDBOX_OTP, TEST_CARD } from './checkout/page-routes.js';
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
export type { DashboardLink } from './dashboard/layout.js';
export { type SandboxAnswer, sandboxAnswers } from './deprecated-names.js';
export {
  AlreadyListeningError,
  FaultConfigError,
  InvalidSandboxOptionError,
  MerchantConfigError,
  type MerchantConfigProblem,
  MerchantConfigUnreadableError,
  MerchantCredentialsMismatchError,
  SandboxClosedError,
  SandboxError,
  type SandboxErrorCode,
  type SandboxProblem,
  SeedError,
  SeedRejectedError,
  SeedUnreadableError,
} from './errors.js';
export {
  CHECKOUT_API_NAMES,
  type CheckoutApiName,
  type ExchangeFailure,
  type ExchangeListener,
  type HelperApiName,
  type SandboxExchange,
} from './exchange.js';
export { FAULT_HEADER, parseFaultHeader } from './faults/header.js';
export { type FaultDisposition, FaultInjector, parseFaultConfig } from './faults/injector.js';
export { MAGIC_VALUES, type MagicEffect, type MagicValue } from './faults/magic.js';
export type { FaultConfig, FaultPhase, FaultRule } from './faults/rules.js';
export type { SeededCustomer, SeedResult } from './fixtures/apply-seed.js';
export { loadSeedFile } from './fixtures/load-seed.js';
export { parseSeed, type Seed, type SeedCustomer, type SeedInput } from './fixtures/seed-schema.js';
export {
  AUTH_PROFILE_HEADER,
  REPLAYED_HEADER,
  type SandboxResponse,
  sandboxResponses,
} from './http/responses.js';
export type { SandboxAddress } from './http/server.js';
export type { JournalEntry } from './journal/entry.js';
export type { JournalFilter } from './journal/filter.js';
export {
  DEFAULT_JOURNAL_SIZE,
  type JournalOptions,
  type JournalSubscriber,
  RequestJournal,
} from './journal/journal.js';
export { maskPersonal, type PersonalKind } from './journal/mask.js';
export type { LevelWithSilent, Logger } from './logging.js';
export type { MerchantSource, SandboxOutput } from './merchants/bootstrap.js';
export type { SandboxMerchant } from './merchants/registry.js';
export {
  ADMIN_TOKEN_ENV,
  DEFAULT_DASHBOARD_PATH,
  DEFAULT_LIMITS,
  type SandboxLimits,
  type SandboxMount,
  type SandboxOptions,
} from './options.js';
export { createSandbox, type Sandbox } from './sandbox.js';
export * from './store/index.js';
export { DEFAULT_TOKEN_FAILURE_LIMIT, type TokenFailureLimit } from './wallet/rate-limit.js';
