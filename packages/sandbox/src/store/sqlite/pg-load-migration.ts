import type { Migration } from '../sql/backend.js';

/** PG Load top-ups (SQLite). A version of its own, so other tables' migrations merge beside it. */
export const SQLITE_PG_LOAD_MIGRATION: Migration = {
  version: 3,
  name: 'pg load top-ups',
  sql: `
CREATE TABLE pg_load_top_ups (
  id INTEGER PRIMARY KEY,
  merchant_id INTEGER NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
  client_txn_id TEXT NOT NULL CHECK (length(client_txn_id) BETWEEN 1 AND 100),
  payu_txn_id TEXT NOT NULL UNIQUE CHECK (length(payu_txn_id) = 18 AND payu_txn_id NOT GLOB '*[^0-9]*'),
  reference_id TEXT NOT NULL CHECK (length(reference_id) = 32 AND reference_id NOT GLOB '*[^0-9a-f]*'),
  urn TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  surl TEXT NOT NULL,
  furl TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'SUCCESS', 'FAILED')),
  response_code TEXT,
  response_message TEXT,
  accosa_txn_id TEXT,
  accosa_ref_no TEXT,
  created_at INTEGER NOT NULL,
  settled_at INTEGER,
  CHECK ((status = 'PENDING') = (settled_at IS NULL)),
  CHECK ((status = 'SUCCESS') = (accosa_ref_no IS NOT NULL)),
  CONSTRAINT pg_load_top_ups_client_txn_key UNIQUE (merchant_id, client_txn_id)
) STRICT;
`,
};
