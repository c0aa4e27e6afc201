/**
 * Every table of the store, defined once for both dialects. Timestamps are Unix epoch
 * milliseconds, money integer paise. A table here belongs to an applied migration (migrations.ts):
 * change a table with a new migration, never by editing its definition.
 */
import {
  bigint,
  digits,
  hex,
  id,
  integer,
  nullOr,
  rowCheck,
  type Table,
  text,
  uniqueTogether,
} from './ddl.js';

const STATUSES = `'Active','Custom','Temporary','Permanent','Closed','Debit','Credit','CreditDebit','Dormant'`;

// Version 1: the wallet platform.

export const merchants: Table = {
  name: 'merchants',
  columns: [
    id(),
    text('merchant_key').notNull().unique().check('length(merchant_key) BETWEEN 1 AND 200'),
    text('salt').notNull().check('length(salt) > 0'),
    text('aes_key_hex').notNull().check(hex('aes_key_hex', 48)),
    text('iv_mode').notNull().check(`iv_mode IN ('prefix', 'fixed')`),
    text('iv_hex').check(nullOr('iv_hex', hex('iv_hex', 32))),
    bigint('created_at').notNull(),
  ],
  constraints: [rowCheck(`(iv_mode = 'fixed') = (iv_hex IS NOT NULL)`)],
};

export const customers: Table = {
  name: 'customers',
  columns: [
    id(),
    bigint('merchant_id').notNull().references('merchants'),
    text('customer_id').notNull().check('length(customer_id) BETWEEN 1 AND 50'),
    text('mobile').notNull().check('length(mobile) BETWEEN 1 AND 20'),
    text('email'),
    text('first_name').notNull(),
    text('middle_name'),
    text('last_name'),
    text('gender').check(`gender IN ('M', 'F', 'O')`),
    text('date_of_birth').notNull().check({
      sqlite: `date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`,
      postgres: `date_of_birth ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`,
    }),
    integer('kyc_profile').notNull().check('kyc_profile IN (30, 150, 300)'),
    text('risk_category').notNull().check(`risk_category IN ('Low', 'Medium', 'High')`),
    integer('product_id').notNull().check('product_id >= 0'),
    text('address_line1'),
    text('address_line2'),
    text('address_city'),
    text('address_state'),
    text('address_country'),
    text('address_pincode'),
    bigint('created_at').notNull(),
    bigint('updated_at').notNull(),
  ],
  constraints: [
    uniqueTogether('customers_customer_id_key', ['merchant_id', 'customer_id']),
    uniqueTogether('customers_mobile_key', ['merchant_id', 'mobile']),
  ],
  indexes: [{ name: 'customers_email_idx', columns: ['merchant_id', 'email'] }],
};

export const wallets: Table = {
  name: 'wallets',
  columns: [
    id(),
    bigint('customer_ref').notNull().unique().references('customers'),
    bigint('merchant_id').notNull().references('merchants'),
    text('urn').notNull().unique().check(digits('urn', 11)),
    text('account_number').notNull().unique().check(digits('account_number', 12)),
    text('unique_number')
      .unique()
      .check(nullOr('unique_number', digits('unique_number', 16))),
    text('status').notNull().default('Active').check(`status IN (${STATUSES})`),
    text('status_reason'),
    text('status_remarks'),
    bigint('balance').notNull().default(0).check('balance >= 0'),
    bigint('last_entry_at').notNull().default(0),
    bigint('created_at').notNull(),
    bigint('updated_at').notNull(),
  ],
  indexes: [{ name: 'wallets_merchant_idx', columns: ['merchant_id'] }],
};

export const ledgerEntries: Table = {
  name: 'ledger_entries',
  columns: [
    id(),
    bigint('wallet_id').notNull().references('wallets'),
    bigint('merchant_id').notNull().references('merchants'),
    text('entry_type').notNull().check(`entry_type IN ('CREDIT', 'DEBIT')`),
    bigint('amount').notNull().check('amount > 0'),
    bigint('fee').notNull().default(0).check('fee >= 0'),
    bigint('balance_after').notNull().check('balance_after >= 0'),
    text('client_txn_id').notNull(),
    text('accosa_txn_id').notNull().unique().check(digits('accosa_txn_id', 10)),
    text('reference_number').notNull().unique().check(digits('reference_number', 12)),
    text('description'),
    text('counterparty'),
    text('original_client_txn_id').check(`original_client_txn_id IS NULL OR entry_type = 'CREDIT'`),
    bigint('created_at').notNull(),
  ],
  constraints: [uniqueTogether('ledger_entries_client_txn_key', ['merchant_id', 'client_txn_id'])],
  indexes: [
    { name: 'ledger_entries_wallet_time_idx', columns: ['wallet_id', 'created_at', 'id'] },
    {
      name: 'ledger_entries_refund_idx',
      columns: ['merchant_id', 'original_client_txn_id'],
      where: 'original_client_txn_id IS NOT NULL',
    },
  ],
};

export const idempotencyRecords: Table = {
  name: 'idempotency_records',
  columns: [
    id(),
    bigint('merchant_id').notNull().references('merchants'),
    text('client_txn_id').notNull().check('length(client_txn_id) BETWEEN 1 AND 100'),
    text('api').notNull().check('length(api) BETWEEN 1 AND 100'),
    text('fingerprint').notNull().check(hex('fingerprint', 64)),
    text('request').notNull(),
    text('outcome').notNull().check(`outcome IN ('success', 'decline')`),
    integer('http_status').notNull().check('http_status BETWEEN 100 AND 599'),
    text('response').notNull(),
    bigint('created_at').notNull(),
  ],
  constraints: [
    uniqueTogether('idempotency_records_client_txn_key', ['merchant_id', 'client_txn_id']),
  ],
};

// Version 3: PG Load top-ups.

export const pgLoadTopUps: Table = {
  name: 'pg_load_top_ups',
  columns: [
    id(),
    bigint('merchant_id').notNull().references('merchants'),
    text('client_txn_id').notNull().check('length(client_txn_id) BETWEEN 1 AND 100'),
    text('payu_txn_id').notNull().unique().check(digits('payu_txn_id', 18)),
    text('reference_id').notNull().check(hex('reference_id', 32)),
    text('urn').notNull(),
    bigint('amount').notNull().check('amount > 0'),
    text('surl').notNull(),
    text('furl').notNull(),
    text('status').notNull().check(`status IN ('PENDING', 'SUCCESS', 'FAILED')`),
    text('response_code'),
    text('response_message'),
    text('accosa_txn_id'),
    text('accosa_ref_no'),
    bigint('created_at').notNull(),
    bigint('settled_at'),
  ],
  constraints: [
    rowCheck(`(status = 'PENDING') = (settled_at IS NULL)`),
    rowCheck(`(status = 'SUCCESS') = (accosa_ref_no IS NOT NULL)`),
    uniqueTogether('pg_load_top_ups_client_txn_key', ['merchant_id', 'client_txn_id']),
  ],
};

// Version 16: the payment gateway (checkout.md), payments and their refunds.

export const payments: Table = {
  name: 'payments',
  columns: [
    id(),
    bigint('merchant_id').notNull().references('merchants'),
    text('txnid').notNull().check('length(txnid) BETWEEN 1 AND 25'),
    text('mihpayid').notNull().unique().check(digits('mihpayid', 18)),
    text('mode')
      .notNull()
      .check(`mode IN ('hosted', 'merchant-hosted', 'seamless', 'load-and-pay')`),
    text('amount').notNull(),
    bigint('amount_paise').notNull().check('amount_paise > 0'),
    text('urn'),
    text('customer_id'),
    bigint('load_paise').check({
      sqlite: 'load_paise IS NULL OR load_paise > 0',
      postgres: 'load_paise > 0',
    }),
    text('state')
      .notNull()
      .default('initiated')
      .check(`state IN ('initiated', 'success', 'failure')`),
    text('unmapped_status'),
    text('error_code'),
    text('error_message'),
    text('bank_ref_num'),
    integer('otp_failures').notNull().default(0).check('otp_failures >= 0'),
    bigint('settles_at'),
    text('fields').notNull(),
    bigint('created_at').notNull(),
    bigint('updated_at').notNull(),
  ],
  constraints: [uniqueTogether('payments_txnid_key', ['merchant_id', 'txnid'])],
};

export const refunds: Table = {
  name: 'refunds',
  columns: [
    id(),
    bigint('merchant_id').notNull().references('merchants'),
    bigint('payment_id').notNull().references('payments'),
    text('request_id').notNull().unique().check(digits('request_id', 12)),
    text('token').notNull().check('length(token) BETWEEN 1 AND 23'),
    text('amount').notNull(),
    bigint('amount_paise').notNull().check('amount_paise > 0'),
    text('result').notNull().check(`result IN ('success', 'failure')`),
    text('bank_ref_num'),
    bigint('settles_at').notNull(),
    bigint('created_at').notNull(),
  ],
  constraints: [uniqueTogether('refunds_token_key', ['merchant_id', 'token'])],
  indexes: [{ name: 'refunds_payment_idx', columns: ['payment_id', 'id'] }],
};
