import type { Migration } from '../sql/backend.js';
import { SQLITE_CHECKOUT_MIGRATION } from './checkout-migrations.js';
import { SQLITE_PG_LOAD_MIGRATION } from './pg-load-migration.js';

const STATUSES = `'Active','Custom','Temporary','Permanent','Closed','Debit','Credit','CreditDebit','Dormant'`;

/** The column holds exactly `n` ASCII digits. */
const digits = (column: string, n: number): string =>
  `length(${column}) = ${n} AND ${column} NOT GLOB '*[^0-9]*'`;

/** The column holds exactly `n` lowercase hex characters. */
const hex = (column: string, n: number): string =>
  `length(${column}) = ${n} AND ${column} NOT GLOB '*[^0-9a-f]*'`;

/** The SQLite schema, oldest first. Timestamps are Unix epoch milliseconds, money integer paise. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'merchants, customers, wallets, ledger, idempotency records',
    sql: `
CREATE TABLE merchants (
  id INTEGER PRIMARY KEY,
  merchant_key TEXT NOT NULL UNIQUE CHECK (length(merchant_key) BETWEEN 1 AND 200),
  salt TEXT NOT NULL CHECK (length(salt) > 0),
  aes_key_hex TEXT NOT NULL CHECK (${hex('aes_key_hex', 48)}),
  iv_mode TEXT NOT NULL CHECK (iv_mode IN ('prefix', 'fixed')),
  iv_hex TEXT CHECK (iv_hex IS NULL OR (${hex('iv_hex', 32)})),
  created_at INTEGER NOT NULL,
  CHECK ((iv_mode = 'fixed') = (iv_hex IS NOT NULL))
) STRICT;

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  merchant_id INTEGER NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  customer_id TEXT NOT NULL CHECK (length(customer_id) BETWEEN 1 AND 50),
  mobile TEXT NOT NULL CHECK (length(mobile) BETWEEN 1 AND 20),
  email TEXT,
  first_name TEXT NOT NULL,
  middle_name TEXT,
  last_name TEXT,
  gender TEXT CHECK (gender IN ('M', 'F', 'O')),
  date_of_birth TEXT NOT NULL CHECK (date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kyc_profile INTEGER NOT NULL CHECK (kyc_profile IN (30, 150, 300)),
  risk_category TEXT NOT NULL CHECK (risk_category IN ('Low', 'Medium', 'High')),
  product_id INTEGER NOT NULL CHECK (product_id >= 0),
  address_line1 TEXT,
  address_line2 TEXT,
  address_city TEXT,
  address_state TEXT,
  address_country TEXT,
  address_pincode TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CONSTRAINT customers_customer_id_key UNIQUE (merchant_id, customer_id),
  CONSTRAINT customers_mobile_key UNIQUE (merchant_id, mobile)
) STRICT;
CREATE INDEX customers_email_idx ON customers (merchant_id, email);

CREATE TABLE wallets (
  id INTEGER PRIMARY KEY,
  customer_ref INTEGER NOT NULL UNIQUE REFERENCES customers (id) ON DELETE CASCADE,
  merchant_id INTEGER NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  urn TEXT NOT NULL UNIQUE CHECK (${digits('urn', 11)}),
  account_number TEXT NOT NULL UNIQUE CHECK (${digits('account_number', 12)}),
  unique_number TEXT UNIQUE CHECK (unique_number IS NULL OR (${digits('unique_number', 16)})),
  status TEXT NOT NULL DEFAULT 'Active' CHECK (status IN (${STATUSES})),
  status_reason TEXT,
  status_remarks TEXT,
  balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
  last_entry_at INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX wallets_merchant_idx ON wallets (merchant_id);

CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY,
  wallet_id INTEGER NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
  merchant_id INTEGER NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  entry_type TEXT NOT NULL CHECK (entry_type IN ('CREDIT', 'DEBIT')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  fee INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
  balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
  client_txn_id TEXT NOT NULL,
  accosa_txn_id TEXT NOT NULL UNIQUE CHECK (${digits('accosa_txn_id', 10)}),
  reference_number TEXT NOT NULL UNIQUE CHECK (${digits('reference_number', 12)}),
  description TEXT,
  counterparty TEXT,
  original_client_txn_id TEXT CHECK (original_client_txn_id IS NULL OR entry_type = 'CREDIT'),
  created_at INTEGER NOT NULL,
  CONSTRAINT ledger_entries_client_txn_key UNIQUE (merchant_id, client_txn_id)
) STRICT;
CREATE INDEX ledger_entries_wallet_time_idx ON ledger_entries (wallet_id, created_at, id);
CREATE INDEX ledger_entries_refund_idx ON ledger_entries (merchant_id, original_client_txn_id)
  WHERE original_client_txn_id IS NOT NULL;

CREATE TABLE idempotency_records (
  id INTEGER PRIMARY KEY,
  merchant_id INTEGER NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  client_txn_id TEXT NOT NULL CHECK (length(client_txn_id) BETWEEN 1 AND 100),
  api TEXT NOT NULL CHECK (length(api) BETWEEN 1 AND 100),
  fingerprint TEXT NOT NULL CHECK (${hex('fingerprint', 64)}),
  request TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'decline')),
  http_status INTEGER NOT NULL CHECK (http_status BETWEEN 100 AND 599),
  response TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  CONSTRAINT idempotency_records_client_txn_key UNIQUE (merchant_id, client_txn_id)
) STRICT;
`,
  },
  SQLITE_PG_LOAD_MIGRATION,
  SQLITE_CHECKOUT_MIGRATION,
];
