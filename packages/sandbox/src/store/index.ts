export type { CheckoutStore, CheckoutTx, PaymentLookup } from './checkout-api.js';
export * from './checkout-records.js';
export {
  BalanceCapExceededError,
  InsufficientBalanceError,
  InvalidArgumentError,
  InvalidStoreUrlError,
  isStoreError,
  NestedStoreCallError,
  NotFoundError,
  OriginalDebitNotFoundError,
  RefundExceedsRemainingError,
  type SqliteDriverName,
  type SqliteDriverProblem,
  SqliteDriverUnavailableError,
  StoreClosedError,
  type StoreEntity,
  StoreError,
  type StoreErrorCode,
  StoreFaultError,
  StoreUnavailableError,
  TransactionFinishedError,
  type UniqueField,
  UniqueViolationError,
  UnknownMerchantError,
} from './errors.js';
export { requestFingerprint } from './fingerprint.js';
export { type DigitSource, IDENTIFIER_LENGTHS, randomDigits } from './identifiers.js';
export { canonicalJson, type JsonObject, type JsonPrimitive, type JsonValue } from './json.js';
export { openStore, parseStoreUrl, type StoreLocation } from './open-store.js';
export * from './pg-load-records.js';
export * from './records.js';
export type { SqliteDriverChoice } from './sqlite/driver.js';
export type {
  SettleWork,
  Store,
  StoreBackendName,
  StoreDriverName,
  StoreLogger,
  StoreOptions,
  StoreTx,
  TransactWork,
} from './store-api.js';
