import { StoreFaultError } from '../errors.js';
import { isJsonObject, type JsonObject } from '../json.js';
import {
  type Account,
  type Customer,
  ENTRY_TYPES,
  GENDERS,
  IV_MODES,
  KYC_PROFILES,
  type LedgerEntry,
  type Merchant,
  type OutcomeKind,
  RISK_CATEGORIES,
  type StoredOutcome,
  WALLET_STATUSES,
  type Wallet,
} from '../records.js';
import type { SqlRow } from './backend.js';

/** The columns every account query selects (`c` customers, `w` wallets, `m` merchants). */
export const ACCOUNT_COLUMNS = `
  m.merchant_key, c.id AS customer_ref, c.customer_id, c.mobile, c.email, c.first_name,
  c.middle_name, c.last_name, c.gender, c.date_of_birth, c.kyc_profile, c.risk_category,
  c.product_id, c.address_line1, c.address_line2, c.address_city, c.address_state,
  c.address_country, c.address_pincode, c.created_at AS customer_created_at,
  c.updated_at AS customer_updated_at, w.id AS wallet_ref, w.urn, w.account_number,
  w.unique_number, w.status, w.status_reason, w.status_remarks, w.balance,
  w.created_at AS wallet_created_at, w.updated_at AS wallet_updated_at`;

/** FROM clause matching ACCOUNT_COLUMNS. */
export const ACCOUNT_FROM = `
  customers c JOIN wallets w ON w.customer_ref = c.id JOIN merchants m ON m.id = c.merchant_id`;

/**
 * What an INSERT into customers returns: the customer's half of ACCOUNT_COLUMNS, without the
 * merchant's key (the caller's to add).
 */
export const CUSTOMER_RETURNING = `
  id AS customer_ref, customer_id, mobile, email, first_name, middle_name, last_name, gender,
  date_of_birth, kyc_profile, risk_category, product_id, address_line1, address_line2,
  address_city, address_state, address_country, address_pincode,
  created_at AS customer_created_at, updated_at AS customer_updated_at`;

/** What an INSERT into or UPDATE of wallets returns: the wallet's half of ACCOUNT_COLUMNS. */
export const WALLET_RETURNING = `
  id AS wallet_ref, urn, account_number, unique_number, status, status_reason, status_remarks,
  balance, created_at AS wallet_created_at, updated_at AS wallet_updated_at`;

/** The columns every ledger query selects (`e` entries, `w` wallets, `m` merchants). */
export const ENTRY_COLUMNS = `
  e.id AS entry_ref, m.merchant_key, w.urn, e.entry_type, e.amount, e.fee, e.balance_after,
  e.client_txn_id, e.accosa_txn_id, e.reference_number, e.description, e.counterparty,
  e.original_client_txn_id, e.created_at`;

/**
 * What an INSERT into ledger_entries returns: ENTRY_COLUMNS without the merchant's key and the
 * wallet's urn (the caller's to add).
 */
export const ENTRY_RETURNING = `
  id AS entry_ref, entry_type, amount, fee, balance_after, client_txn_id, accosa_txn_id,
  reference_number, description, counterparty, original_client_txn_id, created_at`;

/** FROM clause matching ENTRY_COLUMNS. */
export const ENTRY_FROM = `
  ledger_entries e JOIN wallets w ON w.id = e.wallet_id JOIN merchants m ON m.id = e.merchant_id`;

/** The columns every stored-outcome query selects (`r` records, `m` merchants). */
export const OUTCOME_COLUMNS = `
  m.merchant_key, r.client_txn_id, r.api, r.fingerprint, r.request, r.outcome, r.http_status,
  r.response, r.created_at`;

export const OUTCOME_FROM = `idempotency_records r JOIN merchants m ON m.id = r.merchant_id`;

export const MERCHANT_COLUMNS = `merchant_key, salt, aes_key_hex, iv_mode, iv_hex, created_at`;

const OUTCOME_KINDS: readonly OutcomeKind[] = ['success', 'decline'];

function fault(column: string): StoreFaultError {
  return new StoreFaultError({ cause: new Error(`unexpected value in column ${column}`) });
}

/** A safe integer from an INTEGER/BIGINT column (drivers may hand back number, bigint or text). */
export function int(row: SqlRow, column: string): number {
  const value = row[column];
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'bigint' || typeof value === 'string'
        ? Number(value)
        : Number.NaN;
  if (!Number.isSafeInteger(n)) throw fault(column);
  return n;
}

export function text(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw fault(column);
  return value;
}

export function textOrNull(row: SqlRow, column: string): string | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw fault(column);
  return value;
}

function time(row: SqlRow, column: string): Date {
  return new Date(int(row, column));
}

function json(row: SqlRow, column: string): JsonObject {
  const parsed: unknown = JSON.parse(text(row, column));
  if (!isJsonObject(parsed)) throw fault(column);
  return parsed;
}

function oneOf<T extends string | number>(
  allowed: readonly T[],
  value: string | number,
  column: string,
): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw fault(column);
  return found;
}

export function toMerchant(row: SqlRow): Merchant {
  return {
    merchantKey: text(row, 'merchant_key'),
    salt: text(row, 'salt'),
    aesKeyHex: text(row, 'aes_key_hex'),
    ivMode: oneOf(IV_MODES, text(row, 'iv_mode'), 'iv_mode'),
    ivHex: textOrNull(row, 'iv_hex'),
    createdAt: time(row, 'created_at'),
  };
}

export function toCustomer(row: SqlRow): Customer {
  const gender = textOrNull(row, 'gender');
  return {
    merchantKey: text(row, 'merchant_key'),
    customerId: text(row, 'customer_id'),
    mobile: text(row, 'mobile'),
    email: textOrNull(row, 'email'),
    firstName: text(row, 'first_name'),
    middleName: textOrNull(row, 'middle_name'),
    lastName: textOrNull(row, 'last_name'),
    gender: gender === null ? null : oneOf(GENDERS, gender, 'gender'),
    dateOfBirth: text(row, 'date_of_birth'),
    kycProfile: oneOf(KYC_PROFILES, int(row, 'kyc_profile'), 'kyc_profile'),
    riskCategory: oneOf(RISK_CATEGORIES, text(row, 'risk_category'), 'risk_category'),
    productId: int(row, 'product_id'),
    address: {
      line1: textOrNull(row, 'address_line1'),
      line2: textOrNull(row, 'address_line2'),
      city: textOrNull(row, 'address_city'),
      state: textOrNull(row, 'address_state'),
      country: textOrNull(row, 'address_country'),
      pincode: textOrNull(row, 'address_pincode'),
    },
    createdAt: time(row, 'customer_created_at'),
    updatedAt: time(row, 'customer_updated_at'),
  };
}

export function toWallet(row: SqlRow): Wallet {
  return {
    urn: text(row, 'urn'),
    accountNumber: text(row, 'account_number'),
    uniqueNumber: textOrNull(row, 'unique_number'),
    status: oneOf(WALLET_STATUSES, text(row, 'status'), 'status'),
    statusReason: textOrNull(row, 'status_reason'),
    statusRemarks: textOrNull(row, 'status_remarks'),
    balance: int(row, 'balance'),
    createdAt: time(row, 'wallet_created_at'),
    updatedAt: time(row, 'wallet_updated_at'),
  };
}

export function toAccount(row: SqlRow): Account {
  return { customer: toCustomer(row), wallet: toWallet(row) };
}

export function toEntry(row: SqlRow): LedgerEntry {
  return {
    merchantKey: text(row, 'merchant_key'),
    urn: text(row, 'urn'),
    type: oneOf(ENTRY_TYPES, text(row, 'entry_type'), 'entry_type'),
    amount: int(row, 'amount'),
    fee: int(row, 'fee'),
    balanceAfter: int(row, 'balance_after'),
    clientTxnId: text(row, 'client_txn_id'),
    accosaTransactionId: text(row, 'accosa_txn_id'),
    referenceNumber: text(row, 'reference_number'),
    description: textOrNull(row, 'description'),
    counterparty: textOrNull(row, 'counterparty'),
    originalClientTxnId: textOrNull(row, 'original_client_txn_id'),
    createdAt: time(row, 'created_at'),
  };
}

export function toStoredOutcome(row: SqlRow): StoredOutcome {
  return {
    merchantKey: text(row, 'merchant_key'),
    clientTxnId: text(row, 'client_txn_id'),
    api: text(row, 'api'),
    kind: oneOf(OUTCOME_KINDS, text(row, 'outcome'), 'outcome'),
    httpStatus: int(row, 'http_status'),
    response: json(row, 'response'),
    request: json(row, 'request'),
    fingerprint: text(row, 'fingerprint'),
    createdAt: time(row, 'created_at'),
  };
}
