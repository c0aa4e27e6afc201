/*
 * The field vocabularies come from @wallet/schemas, the one source of truth: the store only checks
 * that what it reads back from the database is still one of them.
 */
import {
  genderSchema,
  KYC_PROFILES,
  type KycProfile,
  RISK_CATEGORY_CODES,
  type RiskCategoryName,
  WALLET_STATUS_TYPES,
  type WalletStatusType,
} from '@wallet/schemas';
import type { JsonObject } from './json.js';

export { KYC_PROFILES, type KycProfile };

/** Risk categories in their canonical (word) form; the engine maps `100`/`500`/`200` to these. */
export const RISK_CATEGORIES = Object.keys(RISK_CATEGORY_CODES) as readonly RiskCategoryName[];
export type RiskCategory = RiskCategoryName;

export const GENDERS = genderSchema.options;
export type Gender = (typeof GENDERS)[number];

/** Wallet statuses as Change Wallet Status names them (`statusType`). New wallets are `Active`. */
export const WALLET_STATUSES = WALLET_STATUS_TYPES;
export type WalletStatus = WalletStatusType;

export const ENTRY_TYPES = ['CREDIT', 'DEBIT'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** How a merchant's AES IV travels: `prefix` (random IV before the ciphertext) or `fixed`. */
export const IV_MODES = ['prefix', 'fixed'] as const;
export type IvMode = (typeof IV_MODES)[number];

/**
 * A merchant's credentials. `salt`, `aesKeyHex` and `ivHex` are SECRETS: never log or echo them
 * outside a place meant to show a sandbox's own test credentials.
 */
export interface Merchant {
  /** The `username` of the Authorization header. */
  readonly merchantKey: string;
  /** SECRET: the HMAC key. */
  readonly salt: string;
  /** SECRET: the 24-byte AES-192 key as 48 lowercase hex characters. */
  readonly aesKeyHex: string;
  readonly ivMode: IvMode;
  /** SECRET: the 16-byte IV as 32 hex characters when `ivMode` is `fixed`, otherwise null. */
  readonly ivHex: string | null;
  readonly createdAt: Date;
}

export interface NewMerchant {
  merchantKey: string;
  salt: string;
  aesKeyHex: string;
  ivMode: IvMode;
  /** Required when `ivMode` is `fixed`, absent or null otherwise. */
  ivHex?: string | null | undefined;
}

/** A customer's postal address; every line may be absent. */
export interface Address {
  readonly line1: string | null;
  readonly line2: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly country: string | null;
  readonly pincode: string | null;
}

export interface Customer {
  readonly merchantKey: string;
  /** Unique per merchant. */
  readonly customerId: string;
  /** Unique per merchant; digits with the country code (`919988776655`). */
  readonly mobile: string;
  readonly email: string | null;
  readonly firstName: string;
  readonly middleName: string | null;
  readonly lastName: string | null;
  readonly gender: Gender | null;
  /** ISO date `YYYY-MM-DD` (the engine converts the wire's `DD-MM-YYYY`). */
  readonly dateOfBirth: string;
  readonly kycProfile: KycProfile;
  readonly riskCategory: RiskCategory;
  readonly productId: number;
  readonly address: Address;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface Wallet {
  /** 11 digits, unique across the whole store. */
  readonly urn: string;
  /** 12 digits, unique across the whole store. */
  readonly accountNumber: string;
  /** 16 digits when a form factor was issued at registration, otherwise null. */
  readonly uniqueNumber: string | null;
  readonly status: WalletStatus;
  readonly statusReason: string | null;
  readonly statusRemarks: string | null;
  /** Available balance in paise; never negative. */
  readonly balance: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A customer and their wallet (one wallet per customer). */
export interface Account {
  readonly customer: Customer;
  readonly wallet: Wallet;
}

/**
 * Identifies an account of the transaction's merchant. At least one field is required; when several
 * are given they must all name the same customer, otherwise nothing is found. Email is not unique:
 * by email alone the oldest matching customer is found.
 */
export interface AccountLookup {
  customerId?: string | undefined;
  mobile?: string | undefined;
  email?: string | undefined;
  urn?: string | undefined;
  accountNumber?: string | undefined;
}

export interface NewAccount {
  /** Generated (12 digits) when absent. */
  customerId?: string | undefined;
  mobile: string;
  email?: string | null | undefined;
  firstName: string;
  middleName?: string | null | undefined;
  lastName?: string | null | undefined;
  gender?: Gender | null | undefined;
  /** ISO date `YYYY-MM-DD`. */
  dateOfBirth: string;
  kycProfile: KycProfile;
  riskCategory: RiskCategory;
  productId: number;
  /** Issue a 16-digit unique number (Register Customer's `formFactorRequired`). */
  issueFormFactor: boolean;
}

/** Profile fields Update Profile may change. Absent fields stay; `null` clears an optional field. */
export interface CustomerPatch {
  mobile?: string | undefined;
  email?: string | null | undefined;
  firstName?: string | undefined;
  middleName?: string | null | undefined;
  lastName?: string | null | undefined;
  gender?: Gender | null | undefined;
  dateOfBirth?: string | undefined;
  kycProfile?: KycProfile | undefined;
  riskCategory?: RiskCategory | undefined;
  productId?: number | undefined;
  /** Only the lines given change. */
  address?: { [K in keyof Address]?: string | null | undefined } | undefined;
}

/** One successful credit or debit. Declined requests leave no entry. */
export interface LedgerEntry {
  readonly merchantKey: string;
  readonly urn: string;
  readonly type: EntryType;
  /** Paise moved, > 0. */
  readonly amount: number;
  /** Paise of fee recorded with the entry (informational; it does not move the balance). */
  readonly fee: number;
  /** The wallet's balance right after this entry. */
  readonly balanceAfter: number;
  /** The clientTxnId of the request that posted the entry (one entry per clientTxnId). */
  readonly clientTxnId: string;
  /** 10 digits, unique across the store. */
  readonly accosaTransactionId: string;
  /** 12 digits, unique across the store (the response's `accosaRefNo`). */
  readonly referenceNumber: string;
  readonly description: string | null;
  /** The Load's `sender` or the Unload's `receiver`. */
  readonly counterparty: string | null;
  /** For a refund credit: the clientTxnId of the debit it refunds. */
  readonly originalClientTxnId: string | null;
  /** Non-decreasing per wallet in ledger order. */
  readonly createdAt: Date;
}

export interface NewEntry {
  type: EntryType;
  /** Paise, a safe integer > 0. This is what moves the balance. */
  amount: number;
  /** Paise, a safe integer >= 0; default 0. Recorded only. */
  fee?: number | undefined;
  description?: string | null | undefined;
  counterparty?: string | null | undefined;
  /** CREDIT only: refund of this merchant's debit with that clientTxnId. Checked against what remains. */
  originalClientTxnId?: string | null | undefined;
  /** CREDIT only: fail with BALANCE_CAP_EXCEEDED when the balance would rise above this (paise). */
  maxBalance?: number | undefined;
}

export interface PostedEntry {
  readonly entry: LedgerEntry;
  /** The wallet after the entry. */
  readonly wallet: Wallet;
}

/** What remains refundable of a debit. */
export interface RefundState {
  readonly original: LedgerEntry;
  /** Paise already refunded by credits naming this debit. */
  readonly refunded: number;
  /** `original.amount - refunded`. */
  readonly remaining: number;
}

export interface WalletStatusChange {
  status: WalletStatus;
  reason?: string | null | undefined;
  remarks?: string | null | undefined;
}

/** A statement window: entries with `since <= createdAt < before`, one page of them. */
export interface StatementQuery {
  since: Date;
  before: Date;
  /** 1-based. */
  page: number;
  /** 1 to 1000. */
  pageSize: number;
}

export interface Statement {
  readonly urn: string;
  /** Balance before the first entry of the window (after the last entry before it, or 0). */
  readonly openingBalance: number;
  /** Balance after the last entry of the window (the opening balance when the window is empty). */
  readonly closingBalance: number;
  /** The wallet's balance now. */
  readonly availableBalance: number;
  /** Entries in the whole window, over all pages. */
  readonly totalEntries: number;
  readonly page: number;
  readonly pageSize: number;
  /** This page's entries in ledger order (time, then posting order). */
  readonly entries: readonly LedgerEntry[];
}

/** `success` keeps the work's effects; `decline` rolls them back and stores only the response. */
export type OutcomeKind = 'success' | 'decline';

/** What a unit of work answers; the store keeps it as the response to its clientTxnId. */
export interface Outcome {
  kind: OutcomeKind;
  /** 100-599. */
  httpStatus: number;
  /** The decrypted response body. */
  response: JsonObject;
}

/** A stored response to a clientTxnId. */
export interface StoredOutcome {
  readonly merchantKey: string;
  readonly clientTxnId: string;
  readonly api: string;
  readonly kind: OutcomeKind;
  readonly httpStatus: number;
  /** Parsed from the stored JSON text; key order as stored. */
  readonly response: JsonObject;
  /** The decrypted request as first received. */
  readonly request: JsonObject;
  /** See `requestFingerprint`. */
  readonly fingerprint: string;
  readonly createdAt: Date;
}

/** The idempotency key and content of one request. */
export interface TransactRequest {
  merchantKey: string;
  /** 1-100 characters. */
  clientTxnId: string;
  /** The API's name as the engine calls it (e.g. `load`); part of the fingerprint. */
  api: string;
  /** The decrypted request; `requestDateTime` is ignored when comparing retries. */
  request: JsonObject;
}

/**
 * - `committed`: the work ran and its outcome (with its effects, for `success`) is stored.
 * - `replayed`: the clientTxnId already holds a response to the same request; nothing ran. Answer
 *   it unchanged with `Idempotent-Replayed: true`.
 * - `conflict`: the clientTxnId holds a response to a different request; nothing ran (answer 5000).
 */
export type TransactResult =
  | { readonly status: 'committed'; readonly outcome: StoredOutcome }
  | { readonly status: 'replayed'; readonly outcome: StoredOutcome }
  | { readonly status: 'conflict'; readonly existing: StoredOutcome };

/** Paging of the listing methods. */
export interface ListQuery {
  /** Only this merchant's records; all merchants when absent. */
  merchantKey?: string | undefined;
  /** 1 to 1000; default 50. */
  limit?: number | undefined;
  /** Default 0. */
  offset?: number | undefined;
}

export interface EntryListQuery extends ListQuery {
  /** Only this wallet's entries. */
  urn?: string | undefined;
}

export interface Page<T> {
  /** Records matching the query over all pages. */
  readonly total: number;
  readonly items: readonly T[];
}
