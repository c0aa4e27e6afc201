import type { Migration } from '../sql/backend.js';

/**
 * The payment gateway's tables (checkout.md): payments and their refunds. Version 16 (the issue
 * that brought them) leaves the small numbers to the wallet schema's own steps.
 */
export const POSTGRES_CHECKOUT_MIGRATION: Migration = {
  version: 16,
  name: 'payment gateway: payments, refunds',
  sql: `
CREATE TABLE payments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  txnid TEXT NOT NULL CHECK (length(txnid) BETWEEN 1 AND 25),
  mihpayid TEXT NOT NULL UNIQUE CHECK (mihpayid ~ '^[0-9]{18}$'),
  mode TEXT NOT NULL CHECK (mode IN ('hosted', 'merchant-hosted', 'seamless', 'load-and-pay')),
  amount TEXT NOT NULL,
  amount_paise BIGINT NOT NULL CHECK (amount_paise > 0),
  urn TEXT,
  customer_id TEXT,
  load_paise BIGINT CHECK (load_paise > 0),
  state TEXT NOT NULL DEFAULT 'initiated' CHECK (state IN ('initiated', 'success', 'failure')),
  unmapped_status TEXT,
  error_code TEXT,
  error_message TEXT,
  bank_ref_num TEXT,
  otp_failures INTEGER NOT NULL DEFAULT 0 CHECK (otp_failures >= 0),
  settles_at BIGINT,
  fields TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CONSTRAINT payments_txnid_key UNIQUE (merchant_id, txnid)
);

CREATE TABLE refunds (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id BIGINT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  payment_id BIGINT NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  request_id TEXT NOT NULL UNIQUE CHECK (request_id ~ '^[0-9]{12}$'),
  token TEXT NOT NULL CHECK (length(token) BETWEEN 1 AND 23),
  amount TEXT NOT NULL,
  amount_paise BIGINT NOT NULL CHECK (amount_paise > 0),
  result TEXT NOT NULL CHECK (result IN ('success', 'failure')),
  bank_ref_num TEXT,
  settles_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT refunds_token_key UNIQUE (merchant_id, token)
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id, id);
`,
};
