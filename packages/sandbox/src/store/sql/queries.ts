import { InvalidArgumentError } from '../errors.js';
import type {
  Account,
  AccountLookup,
  LedgerEntry,
  Merchant,
  Page,
  Statement,
  StatementQuery,
  StoredOutcome,
} from '../records.js';
import { requireDate, requireInteger, requireText } from '../validate.js';
import type { Dialect, Executor, SqlRow, SqlValue } from './backend.js';
import {
  ACCOUNT_COLUMNS,
  ACCOUNT_FROM,
  ENTRY_COLUMNS,
  ENTRY_FROM,
  int,
  MERCHANT_COLUMNS,
  OUTCOME_COLUMNS,
  OUTCOME_FROM,
  toAccount,
  toEntry,
  toMerchant,
  toStoredOutcome,
} from './rows.js';

/** Read queries shared by the store (outside transactions) and the transaction handle. */

export async function merchantIdOf(exec: Executor, merchantKey: string): Promise<number | null> {
  const rows = await exec.query('SELECT id FROM merchants WHERE merchant_key = $1', [merchantKey]);
  const row = rows[0];
  return row === undefined ? null : int(row, 'id');
}

export async function selectMerchant(
  exec: Executor,
  merchantKey: string,
): Promise<Merchant | null> {
  const rows = await exec.query(
    `SELECT ${MERCHANT_COLUMNS} FROM merchants WHERE merchant_key = $1`,
    [merchantKey],
  );
  const row = rows[0];
  return row === undefined ? null : toMerchant(row);
}

const LOOKUP_COLUMNS: Readonly<Record<keyof AccountLookup, string>> = {
  customerId: 'c.customer_id',
  mobile: 'c.mobile',
  email: 'c.email',
  urn: 'w.urn',
  accountNumber: 'w.account_number',
};

/**
 * The account lookup's SQL text for each set of lookup fields and lock clause, built once: the
 * backends find their prepared statement by its text, and a text built anew for every call is
 * hashed anew for that. At most 2^5 field sets for each dialect's lock clause.
 */
const accountLookupSql = new Map<string, string>();

function accountLookupText(columns: readonly string[], lockClause: string): string {
  const key = `${lockClause}|${columns.join(',')}`;
  let sql = accountLookupSql.get(key);
  if (sql === undefined) {
    const conditions = [
      'c.merchant_id = $1',
      ...columns.map((column, i) => `${column} = $${i + 2}`),
    ];
    sql = `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE ${conditions.join(' AND ')}
     ORDER BY c.id LIMIT 1${lockClause}`;
    accountLookupSql.set(key, sql);
  }
  return sql;
}

/** Finds one account of a merchant; with `lock`, locks its customer and wallet rows. */
export async function selectAccount(
  exec: Executor,
  dialect: Dialect,
  merchantId: number,
  lookup: AccountLookup,
  lock: boolean,
): Promise<Account | null> {
  const columns: string[] = [];
  const params: SqlValue[] = [merchantId];
  for (const key of Object.keys(LOOKUP_COLUMNS) as (keyof AccountLookup)[]) {
    const value = lookup[key];
    if (value === undefined) continue;
    params.push(requireText(value, `lookup.${key}`, 100));
    columns.push(LOOKUP_COLUMNS[key]);
  }
  if (params.length === 1) throw new InvalidArgumentError('lookup');
  const rows = await exec.query(
    accountLookupText(columns, lock ? dialect.lockRows('c, w') : ''),
    params,
  );
  const row = rows[0];
  return row === undefined ? null : toAccount(row);
}

/** The account that owns a wallet row, with its rows locked when `lock` is set. */
export async function selectAccountByWalletRef(
  exec: Executor,
  dialect: Dialect,
  walletRef: number,
  lock: boolean,
): Promise<Account> {
  const rows = await exec.query(
    `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} WHERE w.id = $1${lock ? dialect.lockRows('c, w') : ''}`,
    [walletRef],
  );
  const row = rows[0];
  if (row === undefined) throw new InvalidArgumentError('wallet');
  return toAccount(row);
}

/** Checks a statement query and returns its window in epoch milliseconds. */
function statementWindow(query: StatementQuery): { since: number; before: number } {
  const since = requireDate(query.since, 'query.since');
  const before = requireDate(query.before, 'query.before');
  if (before < since) throw new InvalidArgumentError('query.before');
  requireInteger(query.page, 'query.page', 1, 1_000_000);
  requireInteger(query.pageSize, 'query.pageSize', 1, 1000);
  return { since, before };
}

/** The balance after the wallet's last entry stamped before `instant` (0 when none). */
async function balanceBefore(exec: Executor, walletRef: number, instant: number): Promise<number> {
  const rows = await exec.query(
    `SELECT balance_after FROM ledger_entries WHERE wallet_id = $1 AND created_at < $2
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [walletRef, instant],
  );
  const row = rows[0];
  return row === undefined ? 0 : int(row, 'balance_after');
}

export async function selectStatement(
  exec: Executor,
  merchantId: number,
  urn: string,
  query: StatementQuery,
): Promise<Statement | null> {
  const { since, before } = statementWindow(query);
  const wallets = await exec.query(
    'SELECT id, balance FROM wallets WHERE merchant_id = $1 AND urn = $2',
    [merchantId, requireText(urn, 'urn', 100)],
  );
  const wallet = wallets[0];
  if (wallet === undefined) return null;
  const walletRef = int(wallet, 'id');
  const openingBalance = await balanceBefore(exec, walletRef, since);
  const closingBalance = await balanceBefore(exec, walletRef, before);
  const counted = await exec.query(
    `SELECT COUNT(*) AS n FROM ledger_entries
     WHERE wallet_id = $1 AND created_at >= $2 AND created_at < $3`,
    [walletRef, since, before],
  );
  const rows = await exec.query(
    `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM}
     WHERE e.wallet_id = $1 AND e.created_at >= $2 AND e.created_at < $3
     ORDER BY e.created_at, e.id LIMIT $4 OFFSET $5`,
    [walletRef, since, before, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return {
    urn,
    openingBalance,
    closingBalance,
    availableBalance: int(wallet, 'balance'),
    totalEntries: counted[0] === undefined ? 0 : int(counted[0], 'n'),
    page: query.page,
    pageSize: query.pageSize,
    entries: rows.map(toEntry),
  };
}

export async function selectOutcome(
  exec: Executor,
  merchantId: number,
  clientTxnId: string,
): Promise<StoredOutcome | null> {
  const rows = await exec.query(
    `SELECT ${OUTCOME_COLUMNS} FROM ${OUTCOME_FROM} WHERE r.merchant_id = $1 AND r.client_txn_id = $2`,
    [merchantId, requireText(clientTxnId, 'clientTxnId', 100)],
  );
  const row = rows[0];
  return row === undefined ? null : toStoredOutcome(row);
}

const MERCHANT_OUTCOME_SQL = `SELECT m.id AS merchant_id, ${OUTCOME_COLUMNS}
     FROM merchants m LEFT JOIN idempotency_records r
       ON r.merchant_id = m.id AND r.client_txn_id = $2
     WHERE m.merchant_key = $1`;

/**
 * A merchant's id and the response stored for one of its `clientTxnId`s, in one statement: null when
 * the merchant is unknown, `existing` null when nothing is stored for the `clientTxnId`.
 */
export async function selectMerchantOutcome(
  exec: Executor,
  merchantKey: string,
  clientTxnId: string,
): Promise<{ merchantId: number; existing: StoredOutcome | null } | null> {
  const rows = await exec.query(MERCHANT_OUTCOME_SQL, [merchantKey, clientTxnId]);
  const row = rows[0];
  if (row === undefined) return null;
  const existing = row.client_txn_id === null ? null : toStoredOutcome(row);
  return { merchantId: int(row, 'merchant_id'), existing };
}

/** A listing's filters as SQL: conditions over the aliased table and their parameters. */
export interface ListFilter {
  readonly conditions: string[];
  readonly params: SqlValue[];
}

/** Runs a count and one page of a listing. */
export async function selectPage<T>(
  exec: Executor,
  spec: {
    countSql: string;
    pageSql: string;
    filter: ListFilter;
    limit: number | undefined;
    offset: number | undefined;
    map: (row: SqlRow) => T;
  },
): Promise<Page<T>> {
  const limit = requireInteger(spec.limit ?? 50, 'query.limit', 1, 1000);
  const offset = requireInteger(spec.offset ?? 0, 'query.offset', 0, Number.MAX_SAFE_INTEGER);
  const where =
    spec.filter.conditions.length === 0 ? '' : `WHERE ${spec.filter.conditions.join(' AND ')}`;
  const counted = await exec.query(`${spec.countSql} ${where}`, spec.filter.params);
  const n = spec.filter.params.length;
  const rows = await exec.query(
    `${spec.pageSql.replace('%WHERE%', where)} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...spec.filter.params, limit, offset],
  );
  return { total: counted[0] === undefined ? 0 : int(counted[0], 'n'), items: rows.map(spec.map) };
}

/** A listing: how to count and page one kind of record, and how to scope it to a merchant. */
export interface Listing<T> {
  readonly countSql: string;
  /** `%WHERE%` marks where the filter goes. */
  readonly pageSql: string;
  readonly merchantColumn: string;
  readonly map: (row: SqlRow) => T;
}

export const LISTINGS: {
  readonly accounts: Listing<Account>;
  readonly entries: Listing<LedgerEntry>;
  readonly outcomes: Listing<StoredOutcome>;
} = {
  accounts: {
    countSql: 'SELECT COUNT(*) AS n FROM customers c',
    pageSql: `SELECT ${ACCOUNT_COLUMNS} FROM ${ACCOUNT_FROM} %WHERE% ORDER BY c.id`,
    merchantColumn: 'c.merchant_id',
    map: toAccount,
  },
  entries: {
    countSql: 'SELECT COUNT(*) AS n FROM ledger_entries e JOIN wallets w ON w.id = e.wallet_id',
    pageSql: `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} %WHERE% ORDER BY e.id DESC`,
    merchantColumn: 'e.merchant_id',
    map: toEntry,
  },
  outcomes: {
    countSql: 'SELECT COUNT(*) AS n FROM idempotency_records r',
    pageSql: `SELECT ${OUTCOME_COLUMNS} FROM ${OUTCOME_FROM} %WHERE% ORDER BY r.id DESC`,
    merchantColumn: 'r.merchant_id',
    map: toStoredOutcome,
  },
};
