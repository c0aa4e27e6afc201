import type { Migration } from '../sql/backend.js';
import { POSTGRES_CHECKOUT_MIGRATION } from './checkout-migrations.js';
import { POSTGRES_PG_LOAD_MIGRATION } from './pg-load-migration.js';

const STATUSES = `'Active','Custom','Temporary','Permanent','Closed','Debit','Credit','CreditDebit','Dormant'`;

/** The PostgreSQL schema, oldest first. Timestamps are Unix epoch milliseconds, money BIGINT paise. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'merchants, customers, wallets, ledger, idempotency records',
    sql: `
CREATE TABLE merchants (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_key TEXT NOT NULL UNIQUE CHECK (length(merchant_key) BETWEEN 1 AND 200),
  salt TEXT NOT NULL CHECK (length(salt) > 0),
  aes_key_hex TEXT NOT NULL CHECK (aes_key_hex ~ '^[0-9a-f]{48}$'),
  iv_mode TEXT NOT NULL CHECK (iv_mode IN ('prefix', 'fixed')),
  iv_hex TEXT CHECK (iv_hex ~ '^[0-9a-f]{32}$'),
  created_at BIGINT NOT NULL,
  CHECK ((iv_mode = 'fixed') = (iv_hex IS NOT NULL))
);

CREATE TABLE customers (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  customer_id TEXT NOT NULL CHECK (length(customer_id) BETWEEN 1 AND 50),
  mobile TEXT NOT NULL CHECK (length(mobile) BETWEEN 1 AND 20),
  email TEXT,
  first_name TEXT NOT NULL,
  middle_name TEXT,
  last_name TEXT,
  gender TEXT CHECK (gender IN ('M', 'F', 'O')),
  date_of_birth TEXT NOT NULL CHECK (date_of_birth ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  kyc_profile INTEGER NOT NULL CHECK (kyc_profile IN (30, 150, 300)),
  risk_category TEXT NOT NULL CHECK (risk_category IN ('Low', 'Medium', 'High')),
  product_id INTEGER NOT NULL CHECK (product_id >= 0),
  address_line1 TEXT,
  address_line2 TEXT,
  address_city TEXT,
  address_state TEXT,
  address_country TEXT,
  address_pincode TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT customers_customer_id_key UNIQUE (merchant_id, customer_id),
  CONSTRAINT customers_mobile_key UNIQUE (merchant_id, mobile)
);
CREATE INDEX customers_email_idx ON customers (merchant_id, email);

CREATE TABLE wallets (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_ref BIGINT NOT NULL UNIQUE REFERENCES customers (id) ON DELETE CASCADE,
  merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  urn TEXT NOT NULL UNIQUE CHECK (urn ~ '^[0-9]{11}$'),
  account_number TEXT NOT NULL UNIQUE CHECK (account_number ~ '^[0-9]{12}$'),
  unique_number TEXT UNIQUE CHECK (unique_number ~ '^[0-9]{16}$'),
  status TEXT NOT NULL DEFAULT 'Active' CHECK (status IN (${STATUSES})),
  status_reason TEXT,
  status_remarks TEXT,
  balance BIGINT NOT NULL DEFAULT 0 CHECK (balance >= 0),
  last_entry_at BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX wallets_merchant_idx ON wallets (merchant_id);

CREATE TABLE ledger_entries (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  wallet_id BIGINT NOT NULL REFERENCES wallets (id) ON DELETE CASCADE,
  merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  entry_type TEXT NOT NULL CHECK (entry_type IN ('CREDIT', 'DEBIT')),
  amount BIGINT NOT NULL CHECK (amount > 0),
  fee BIGINT NOT NULL DEFAULT 0 CHECK (fee >= 0),
  balance_after BIGINT NOT NULL CHECK (balance_after >= 0),
  client_txn_id TEXT NOT NULL,
  accosa_txn_id TEXT NOT NULL UNIQUE CHECK (accosa_txn_id ~ '^[0-9]{10}$'),
  reference_number TEXT NOT NULL UNIQUE CHECK (reference_number ~ '^[0-9]{12}$'),
  description TEXT,
  counterparty TEXT,
  original_client_txn_id TEXT CHECK (original_client_txn_id IS NULL OR entry_type = 'CREDIT'),
  created_at BIGINT NOT NULL,
  CONSTRAINT ledger_entries_client_txn_key UNIQUE (merchant_id, client_txn_id)
);
CREATE INDEX ledger_entries_wallet_time_idx ON ledger_entries (wallet_id, created_at, id);
CREATE INDEX ledger_entries_refund_idx ON ledger_entries (merchant_id, original_client_txn_id)
  WHERE original_client_txn_id IS NOT NULL;

CREATE TABLE idempotency_records (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  client_txn_id TEXT NOT NULL CHECK (length(client_txn_id) BETWEEN 1 AND 100),
  api TEXT NOT NULL CHECK (length(api) BETWEEN 1 AND 100),
  fingerprint TEXT NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  request TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'decline')),
  http_status INTEGER NOT NULL CHECK (http_status BETWEEN 100 AND 599),
  response TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT idempotency_records_client_txn_key UNIQUE (merchant_id, client_txn_id)
);
`,
  },
  POSTGRES_PG_LOAD_MIGRATION,
  POSTGRES_CHECKOUT_MIGRATION,
];
