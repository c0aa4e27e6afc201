import type { CheckoutStore, CheckoutTx } from './checkout-api.js';
import type { SqliteDriverName } from './errors.js';
import type { DigitSource } from './identifiers.js';
import type { NewTopUp, SettleResult, TopUp, TopUpSettlement } from './pg-load-records.js';
import type {
  Account,
  AccountLookup,
  CustomerPatch,
  EntryListQuery,
  LedgerEntry,
  ListQuery,
  Merchant,
  NewAccount,
  NewEntry,
  NewMerchant,
  Outcome,
  Page,
  PostedEntry,
  RefundState,
  Statement,
  StatementQuery,
  StoredOutcome,
  TransactRequest,
  TransactResult,
  Wallet,
  WalletStatusChange,
} from './records.js';

/**
 * The handle a `transact` work function acts through. Every call runs inside the one database
 * transaction that also stores the outcome, scoped to the request's merchant. Calls are applied one
 * at a time in call order. The handle is dead once the work settles.
 *
 * Business errors (UNIQUE_VIOLATION, INSUFFICIENT_BALANCE, BALANCE_CAP_EXCEEDED,
 * ORIGINAL_DEBIT_NOT_FOUND, REFUND_EXCEEDS_REMAINING, NOT_FOUND) leave the transaction usable, so
 * the work can catch them and return a `decline`. Any error the work lets escape rolls everything
 * back and stores nothing.
 */
export interface StoreTx {
  readonly merchantKey: string;
  /** The request's clientTxnId; `post` records its entry under it. */
  readonly clientTxnId: string;

  /**
   * Finds an account and locks it (customer and wallet rows) until the transaction ends, so checks
   * made on what it returns (status, balance, caps) still hold when you write.
   */
  findAccount(lookup: AccountLookup): Promise<Account | null>;

  /** Inserts a customer and their wallet. UNIQUE_VIOLATION (`customerId` or `mobile`) when taken. */
  createAccount(input: NewAccount): Promise<Account>;

  /** Changes profile fields. NOT_FOUND when absent; UNIQUE_VIOLATION (`mobile`) when taken. */
  updateCustomer(customerId: string, patch: CustomerPatch): Promise<Account>;

  /**
   * Credits or debits a wallet and records the ledger entry under the transaction's clientTxnId.
   * Refund credits (`originalClientTxnId`) are checked against what remains of their debit.
   * Errors: NOT_FOUND, INSUFFICIENT_BALANCE, BALANCE_CAP_EXCEEDED, ORIGINAL_DEBIT_NOT_FOUND,
   * REFUND_EXCEEDS_REMAINING, UNIQUE_VIOLATION (`clientTxnId`: a second post in one transaction).
   */
  post(urn: string, entry: NewEntry): Promise<PostedEntry>;

  /** The debit posted under `originalClientTxnId` and how much of it is refunded; locks it. */
  refundState(originalClientTxnId: string): Promise<RefundState | null>;

  /** Sets the wallet's status (transition rules are the engine's). NOT_FOUND when absent. */
  setWalletStatus(urn: string, change: WalletStatusChange): Promise<Wallet>;

  /** A statement of one of this merchant's wallets; null when the wallet is unknown. */
  statement(urn: string, query: StatementQuery): Promise<Statement | null>;

  /** The stored response to another clientTxnId of this merchant (Check Status). */
  getOutcome(clientTxnId: string): Promise<StoredOutcome | null>;

  /** The payment gateway's records, in this same transaction. */
  readonly checkout: CheckoutTx;
  /** Records a pending PG Load top-up under the transaction's clientTxnId. */
  createTopUp(input: NewTopUp): Promise<TopUp>;
}

/**
 * The business logic that settles a pending top-up: acts through `tx` (whose clientTxnId is the
 * PG Load's, so a credit's ledger entry carries it) and says how the top-up ended.
 */
export type SettleWork = (tx: StoreTx, topUp: TopUp) => Promise<TopUpSettlement>;

/** The business logic of one request: acts through `tx`, answers an outcome to store. */
export type TransactWork = (tx: StoreTx) => Promise<Outcome>;

/** Which database a store runs on. */
export type StoreBackendName = 'sqlite' | 'postgres';

/** The library a store talks to its database through: a SQLite driver, or node-postgres. */
export type StoreDriverName = SqliteDriverName | 'pg';

/** Somewhere to report background problems (a pino logger fits). */
export interface StoreLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface StoreOptions {
  /** The clock that stamps records; default `() => new Date()`. */
  now?: (() => Date) | undefined;
  /** Source of the digits of generated identifiers; default `randomDigits` (CSPRNG). */
  digits?: DigitSource | undefined;
  /** Reports background problems such as a dropped idle PostgreSQL connection. */
  logger?: StoreLogger | undefined;
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number | undefined;
  /** PostgreSQL: how long to wait for a connection before STORE_UNAVAILABLE (default 5000 ms). */
  connectTimeoutMs?: number | undefined;
  /** SQLite: how long to wait for another process's write lock before STORE_UNAVAILABLE (default 5000 ms). */
  busyTimeoutMs?: number | undefined;
  /**
   * SQLite: the driver. `auto` (default) uses Node's built-in `node:sqlite` where it is complete
   * (Node 22.16 and newer) and better-sqlite3 elsewhere (Node 20). SQLITE_DRIVER_UNAVAILABLE when
   * the chosen driver cannot run on this runtime.
   */
  sqliteDriver?: 'auto' | SqliteDriverName | undefined;
  /**
   * Refuse store calls made from inside a `transact` work function with NESTED_STORE_CALL
   * (default true), instead of letting them hang (SQLite) or read around the open transaction
   * (PostgreSQL). The check needs AsyncLocalStorage, which on Node 20 turns on promise hooks for
   * every promise in the process, a cost the README's server benchmark measures. Turn it off only
   * where no work function can reach the store, as in a sandbox's own engine.
   */
  checkNestedCalls?: boolean | undefined;
}

/**
 * The sandbox's persistent state. Both implementations (SQLite, PostgreSQL) behave the same; the
 * conformance suite holds them to it. Read methods outside `transact` see committed data only, in
 * one consistent snapshot per call.
 */
export interface Store {
  readonly backend: StoreBackendName;
  /** The payment gateway's records (payments, refunds). */
  readonly checkout: CheckoutStore;
  /** The driver in use: `better-sqlite3` or `node:sqlite` for SQLite, `pg` for PostgreSQL. */
  readonly driver: StoreDriverName;

  /** Inserts the merchant unless its key exists; returns the stored one (first writer wins). */
  ensureMerchant(input: NewMerchant): Promise<Merchant>;
  getMerchant(merchantKey: string): Promise<Merchant | null>;
  listMerchants(): Promise<Merchant[]>;
  /** Deletes a merchant and all its data; false when it did not exist. */
  deleteMerchant(merchantKey: string): Promise<boolean>;

  /**
   * The idempotent unit of work. Claims (`merchantKey`, `clientTxnId`); when it already holds a
   * response, returns `replayed` (same fingerprint) or `conflict` (different) without running `work`.
   * Otherwise runs `work` in one transaction and stores its outcome in that same transaction: the
   * effects and the response commit together or not at all. A `decline` outcome's effects are rolled
   * back; only the response is stored. Concurrent calls with one key run `work` once; the others
   * replay its response. If the database asks for a retry (deadlock), `work` may run again, so it must
   * act only through `tx`. UNKNOWN_MERCHANT for a key the store does not hold.
   */
  transact(request: TransactRequest, work: TransactWork): Promise<TransactResult>;

  /** Reads an account without locking; null when absent or for an unknown merchant. */
  findAccount(merchantKey: string, lookup: AccountLookup): Promise<Account | null>;
  statement(merchantKey: string, urn: string, query: StatementQuery): Promise<Statement | null>;
  getOutcome(merchantKey: string, clientTxnId: string): Promise<StoredOutcome | null>;

  /** The PG Load top-up a merchant recorded under `clientTxnId`; null when there is none. */
  findTopUp(merchantKey: string, clientTxnId: string): Promise<TopUp | null>;
  /** The PG Load top-up with that payment gateway id, whatever its merchant; null when none. */
  findTopUpByPayuTxnId(payuTxnId: string): Promise<TopUp | null>;
  /**
   * Settles a pending top-up exactly once. In one transaction, serialized with every other unit of
   * work on the PG Load's clientTxnId: when the top-up is still `PENDING`, runs `work` and records
   * how it ended (a `FAILED` one rolls back the work's effects); otherwise runs nothing and answers
   * `already-settled`. Concurrent calls for one top-up run `work` once.
   */
  settleTopUp(payuTxnId: string, work: SettleWork): Promise<SettleResult>;

  /** Accounts in registration order. */
  listAccounts(query?: ListQuery): Promise<Page<Account>>;
  /** Ledger entries, newest first. */
  listEntries(query?: EntryListQuery): Promise<Page<LedgerEntry>>;
  /** Stored answers, newest first. */
  listOutcomes(query?: ListQuery): Promise<Page<StoredOutcome>>;

  /**
   * Deletes customers, wallets, ledger entries and stored responses of one merchant, or of all
   * merchants when no key is given. Merchants and their credentials stay.
   */
  reset(merchantKey?: string): Promise<void>;

  /** Resolves when the database answers; STORE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;

  /** Waits for running work, then releases connections. Later calls fail with STORE_CLOSED. */
  close(): Promise<void>;
}
