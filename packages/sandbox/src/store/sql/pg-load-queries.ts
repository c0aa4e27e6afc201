/** The SQL of PG Load top-ups (`pg_load_top_ups`), shared by both backends. */
import { InvalidArgumentError, StoreFaultError } from '../errors.js';
import type { NewTopUp, TopUp, TopUpSettlement, TopUpStatus } from '../pg-load-records.js';
import { requireInteger, requireText } from '../validate.js';
import type { Executor, SqlRow } from './backend.js';
import { int } from './rows.js';

const STATUSES: readonly TopUpStatus[] = ['PENDING', 'SUCCESS', 'FAILED'];

const TOP_UP_COLUMNS = `
  m.merchant_key, t.client_txn_id, t.payu_txn_id, t.reference_id, t.urn, t.amount, t.surl,
  t.furl, t.status, t.response_code, t.response_message, t.accosa_txn_id, t.accosa_ref_no,
  t.created_at, t.settled_at`;
const TOP_UP_FROM = 'pg_load_top_ups t JOIN merchants m ON m.id = t.merchant_id';

function text(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') {
    throw new StoreFaultError({ cause: new Error(`unexpected value in column ${column}`) });
  }
  return value;
}

function nullableText(row: SqlRow, column: string): string | null {
  return row[column] === null ? null : text(row, column);
}

function toTopUp(row: SqlRow): TopUp {
  const status = STATUSES.find((s) => s === row.status);
  if (status === undefined) {
    throw new StoreFaultError({ cause: new Error('unexpected value in column status') });
  }
  return {
    merchantKey: text(row, 'merchant_key'),
    clientTxnId: text(row, 'client_txn_id'),
    payuTxnId: text(row, 'payu_txn_id'),
    referenceId: text(row, 'reference_id'),
    urn: text(row, 'urn'),
    amount: int(row, 'amount'),
    surl: text(row, 'surl'),
    furl: text(row, 'furl'),
    status,
    responseCode: nullableText(row, 'response_code'),
    responseMessage: nullableText(row, 'response_message'),
    accosaTransactionId: nullableText(row, 'accosa_txn_id'),
    accosaRefNo: nullableText(row, 'accosa_ref_no'),
    createdAt: new Date(int(row, 'created_at')),
    settledAt: row.settled_at === null ? null : new Date(int(row, 'settled_at')),
  };
}

/** Records a pending top-up of the merchant `merchantId` under `clientTxnId`. */
export async function insertTopUp(
  exec: Executor,
  merchantId: number,
  clientTxnId: string,
  input: NewTopUp,
  now: number,
): Promise<void> {
  if (!/^\d{18}$/.test(input.payuTxnId)) throw new InvalidArgumentError('payuTxnId');
  if (!/^[0-9a-f]{32}$/.test(input.referenceId)) throw new InvalidArgumentError('referenceId');
  await exec.execute(
    `INSERT INTO pg_load_top_ups (merchant_id, client_txn_id, payu_txn_id, reference_id, urn,
       amount, surl, furl, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PENDING', $9)`,
    [
      merchantId,
      clientTxnId,
      input.payuTxnId,
      input.referenceId,
      requireText(input.urn, 'urn', 20),
      requireInteger(input.amount, 'amount', 1, Number.MAX_SAFE_INTEGER),
      requireText(input.surl, 'surl', 255),
      requireText(input.furl, 'furl', 255),
      now,
    ],
  );
}

/** The top-up a merchant recorded under `clientTxnId`. */
export async function selectTopUp(
  exec: Executor,
  merchantId: number,
  clientTxnId: string,
): Promise<TopUp | null> {
  const rows = await exec.query(
    `SELECT ${TOP_UP_COLUMNS} FROM ${TOP_UP_FROM}
     WHERE t.merchant_id = $1 AND t.client_txn_id = $2`,
    [merchantId, clientTxnId],
  );
  return rows[0] === undefined ? null : toTopUp(rows[0]);
}

/** The top-up whose payment gateway id is `payuTxnId`, with its merchant's id. */
export async function selectTopUpByPayuTxnId(
  exec: Executor,
  payuTxnId: string,
): Promise<{ topUp: TopUp; merchantId: number } | null> {
  const rows = await exec.query(
    `SELECT ${TOP_UP_COLUMNS}, t.merchant_id FROM ${TOP_UP_FROM} WHERE t.payu_txn_id = $1`,
    [payuTxnId],
  );
  const row = rows[0];
  return row === undefined ? null : { topUp: toTopUp(row), merchantId: int(row, 'merchant_id') };
}

/** Settles a pending top-up; changes nothing unless it is still pending. */
export async function updateTopUpSettled(
  exec: Executor,
  payuTxnId: string,
  settlement: TopUpSettlement,
  now: number,
): Promise<void> {
  const status = settlement.status === 'SUCCESS' ? 'SUCCESS' : 'FAILED';
  const credited = status === 'SUCCESS';
  await exec.execute(
    `UPDATE pg_load_top_ups SET status = $1, response_code = $2, response_message = $3,
       accosa_txn_id = $4, accosa_ref_no = $5, settled_at = $6
     WHERE payu_txn_id = $7 AND status = 'PENDING'`,
    [
      status,
      requireText(settlement.responseCode, 'responseCode', 10),
      requireText(settlement.responseMessage, 'responseMessage', 200),
      credited ? requireText(settlement.accosaTransactionId, 'accosaTransactionId', 20) : null,
      credited ? requireText(settlement.accosaRefNo, 'accosaRefNo', 20) : null,
      now,
      payuTxnId,
    ],
  );
}
