/**
 * Errors raised by the sandbox's store. Every error carries a stable `code`; messages are fixed
 * text that never holds request data, credentials or connection strings. Driver details, when
 * kept, sit in `cause` for operators' logs only.
 */

/** Stable codes of every store error. */
export type StoreErrorCode =
  | 'STORE_UNAVAILABLE'
  | 'SQLITE_DRIVER_UNAVAILABLE'
  | 'STORE_FAULT'
  | 'STORE_CLOSED'
  | 'INVALID_STORE_URL'
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_MERCHANT'
  | 'NOT_FOUND'
  | 'UNIQUE_VIOLATION'
  | 'INSUFFICIENT_BALANCE'
  | 'BALANCE_CAP_EXCEEDED'
  | 'ORIGINAL_DEBIT_NOT_FOUND'
  | 'REFUND_EXCEEDS_REMAINING'
  | 'TRANSACTION_FINISHED'
  | 'NESTED_STORE_CALL';

/** Base class of every error the store raises; switch on `code`. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * The database cannot be reached (connection refused, dropped, timed out, restarting, or busy
 * beyond the configured wait). Retryable: the store reconnects by itself. An in-flight transaction
 * that fails this way was rolled back, unless the connection dropped during COMMIT, in which case
 * a retry with the same clientTxnId either replays the stored response or runs afresh.
 */
export class StoreUnavailableError extends StoreError {
  readonly retryable = true;

  constructor(options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', 'The database is unavailable; retry later', options);
  }
}

/** The SQLite drivers the store can run on (`sqliteDriver` option). */
export type SqliteDriverName = 'better-sqlite3' | 'node:sqlite' | 'bun:sqlite';

/** Why a SQLite driver cannot be used on this runtime. */
export type SqliteDriverProblem =
  /** The `better-sqlite3` package is not installed (it is an optional dependency). */
  | 'not-installed'
  /** Its native module was compiled for another Node version (another NODE_MODULE_VERSION). */
  | 'built-for-another-node'
  /** Its native module was never compiled (the install skipped or failed the build). */
  | 'not-built'
  /** Its native module exists but this process cannot load it (wrong platform, damaged file). */
  | 'load-failed'
  /**
   * This runtime lacks the driver: no usable `node:sqlite` (it needs Node 22.16 or newer), or no
   * `bun:sqlite` (it exists on Bun only).
   */
  | 'unsupported-runtime';

/**
 * The SQLite driver cannot run on this runtime, so no database can be opened with it. Not
 * retryable: the same process will fail the same way. The message says what failed and how to fix
 * it (rebuild the native module for this Node, or choose the other driver); the loader's own error
 * is kept in `cause`.
 */
export class SqliteDriverUnavailableError extends StoreError {
  readonly retryable = false;
  readonly driver: SqliteDriverName;
  readonly problem: SqliteDriverProblem;

  constructor(
    driver: SqliteDriverName,
    problem: SqliteDriverProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('SQLITE_DRIVER_UNAVAILABLE', message, options);
    this.driver = driver;
    this.problem = problem;
  }
}

/** The database answered with an error the store did not expect (a bug or a broken schema). */
export class StoreFaultError extends StoreError {
  constructor(options?: { cause?: unknown }) {
    super('STORE_FAULT', 'The database rejected an operation', options);
  }
}

/** The store was used after `close()`. */
export class StoreClosedError extends StoreError {
  constructor() {
    super('STORE_CLOSED', 'The store is closed');
  }
}

/** `openStore` was given a URL it cannot use. The URL itself is never echoed (it may hold a password). */
export class InvalidStoreUrlError extends StoreError {
  constructor() {
    super(
      'INVALID_STORE_URL',
      'The store URL must be a file path, ":memory:", "sqlite:<path>", "postgres://..." or "postgresql://..."',
    );
  }
}

/** A store method was called with a value outside its contract (a programming error upstream). */
export class InvalidArgumentError extends StoreError {
  /** The name of the offending argument or field. */
  readonly argument: string;

  constructor(argument: string) {
    super('INVALID_ARGUMENT', `Invalid value for ${argument}`);
    this.argument = argument;
  }
}

/** `transact` was called for a merchant key the store does not hold. */
export class UnknownMerchantError extends StoreError {
  constructor() {
    super('UNKNOWN_MERCHANT', 'No merchant with this key');
  }
}

/** What a NOT_FOUND error could not find. */
export type StoreEntity = 'customer' | 'wallet' | 'payment';

/** A transaction method named a customer or wallet this merchant does not have. */
export class NotFoundError extends StoreError {
  readonly entity: StoreEntity;

  constructor(entity: StoreEntity) {
    super('NOT_FOUND', `No such ${entity} for this merchant`);
    this.entity = entity;
  }
}

/** The unique fields a UNIQUE_VIOLATION can name. */
export type UniqueField = 'customerId' | 'mobile' | 'clientTxnId' | 'txnid' | 'token';

/**
 * Another record of the same merchant already holds this value: `customerId` or `mobile` (the
 * engine answers 1030), or `clientTxnId` (a second ledger entry posted in one transaction).
 * The transaction stays usable after this error.
 */
export class UniqueViolationError extends StoreError {
  readonly field: UniqueField;

  constructor(field: UniqueField) {
    super('UNIQUE_VIOLATION', `Another record already holds this ${field}`);
    this.field = field;
  }
}

/** A debit larger than the balance (the engine answers 3007). The transaction stays usable. */
export class InsufficientBalanceError extends StoreError {
  /** Balance in paise when the debit was attempted. */
  readonly balance: number;
  /** The debit in paise. */
  readonly amount: number;

  constructor(balance: number, amount: number) {
    super('INSUFFICIENT_BALANCE', 'The debit exceeds the available balance');
    this.balance = balance;
    this.amount = amount;
  }
}

/** A credit that would lift the balance above the `maxBalance` it was posted with (1050). */
export class BalanceCapExceededError extends StoreError {
  readonly balance: number;
  readonly amount: number;
  readonly maxBalance: number;

  constructor(balance: number, amount: number, maxBalance: number) {
    super('BALANCE_CAP_EXCEEDED', 'The credit would exceed the balance cap');
    this.balance = balance;
    this.amount = amount;
    this.maxBalance = maxBalance;
  }
}

/** A refund names an `originalClientTxnId` that is no debit of this merchant (1246). */
export class OriginalDebitNotFoundError extends StoreError {
  constructor() {
    super('ORIGINAL_DEBIT_NOT_FOUND', 'The refunded debit does not exist');
  }
}

/** A refund larger than what remains of its original debit (1135). */
export class RefundExceedsRemainingError extends StoreError {
  /** Paise of the original debit not yet refunded. */
  readonly remaining: number;

  constructor(remaining: number) {
    super('REFUND_EXCEEDS_REMAINING', 'The refund exceeds what remains of the original debit');
    this.remaining = remaining;
  }
}

/** A transaction handle was used after its `transact` call settled. */
export class TransactionFinishedError extends StoreError {
  constructor() {
    super('TRANSACTION_FINISHED', 'The transaction has already finished');
  }
}

/**
 * A store method was called from inside a `transact` work function. Inside the work, use only the
 * transaction handle: the store itself would read around the open transaction (PostgreSQL) or wait
 * for it forever (SQLite).
 */
export class NestedStoreCallError extends StoreError {
  constructor() {
    super('NESTED_STORE_CALL', 'Use the transaction handle inside transact, not the store');
  }
}

/** True when `error` is a store error, optionally with the given code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
