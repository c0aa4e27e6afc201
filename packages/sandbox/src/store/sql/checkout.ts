/**
 * The payment gateway's records in SQL, shared by both backends: `SqlCheckoutTx` inside a unit of
 * work (next to the ledger), `SqlCheckoutStore` outside one.
 */
import type { CheckoutStore, CheckoutTx, PaymentLookup } from '../checkout-api.js';
import {
  type NewPayment,
  type NewRefund,
  PAYMENT_MODES,
  PAYMENT_STATES,
  type Payment,
  type PaymentFields,
  type PaymentPatch,
  type PaymentState,
  REFUND_RESULTS,
  type Refund,
} from '../checkout-records.js';
import {
  InvalidArgumentError,
  NotFoundError,
  StoreFaultError,
  UniqueViolationError,
} from '../errors.js';
import { type DigitSource, drawDigits, IDENTIFIER_ATTEMPTS } from '../identifiers.js';
import { isJsonObject } from '../json.js';
import type { ListQuery, Page } from '../records.js';
import {
  MAX_PAISE,
  optionalText,
  requireDate,
  requireInteger,
  requireOneOf,
  requireText,
} from '../validate.js';
import type { Dialect, Executor, SqlRow, SqlValue } from './backend.js';
import { merchantIdOf, selectPage } from './queries.js';
import { int, text, textOrNull } from './rows.js';

/** Digits of the identifiers the gateway issues. */
const MIHPAYID_DIGITS = 18;
const REQUEST_ID_DIGITS = 12;

const PAYMENT_COLUMNS = `
  p.id AS payment_ref, m.merchant_key, p.txnid, p.mihpayid, p.mode, p.amount, p.amount_paise,
  p.urn, p.customer_id, p.load_paise, p.state, p.unmapped_status, p.error_code, p.error_message,
  p.bank_ref_num, p.otp_failures, p.settles_at, p.fields, p.created_at, p.updated_at`;
const PAYMENT_FROM = 'payments p JOIN merchants m ON m.id = p.merchant_id';

const REFUND_COLUMNS = `
  m.merchant_key, p.mihpayid, p.txnid, r.request_id, r.token, r.amount, r.amount_paise, r.result,
  r.bank_ref_num, r.settles_at, r.created_at`;
const REFUND_FROM = `
  refunds r JOIN payments p ON p.id = r.payment_id JOIN merchants m ON m.id = r.merchant_id`;

const FIELD_NAMES: readonly (keyof PaymentFields)[] = [
  'productinfo',
  'firstname',
  'lastname',
  'email',
  'phone',
  'udf1',
  'udf2',
  'udf3',
  'udf4',
  'udf5',
  'surl',
  'furl',
  'bankcode',
];

function fault(column: string): StoreFaultError {
  return new StoreFaultError({ cause: new Error(`unexpected value in column ${column}`) });
}

function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw fault(column);
  return found;
}

function intOrNull(row: SqlRow, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : int(row, column);
}

function timeOrNull(row: SqlRow, column: string): Date | null {
  const value = intOrNull(row, column);
  return value === null ? null : new Date(value);
}

function toFields(row: SqlRow): PaymentFields {
  const parsed: unknown = JSON.parse(text(row, 'fields'));
  if (!isJsonObject(parsed)) throw fault('fields');
  const fields: Record<string, string> = {};
  for (const name of FIELD_NAMES) {
    const value = parsed[name];
    if (typeof value !== 'string') throw fault('fields');
    fields[name] = value;
  }
  return fields as unknown as PaymentFields;
}

function toPayment(row: SqlRow): Payment {
  return {
    merchantKey: text(row, 'merchant_key'),
    txnid: text(row, 'txnid'),
    mihpayid: text(row, 'mihpayid'),
    mode: oneOf(PAYMENT_MODES, text(row, 'mode'), 'mode'),
    amount: text(row, 'amount'),
    amountPaise: int(row, 'amount_paise'),
    urn: textOrNull(row, 'urn'),
    customerId: textOrNull(row, 'customer_id'),
    loadPaise: intOrNull(row, 'load_paise'),
    state: oneOf(PAYMENT_STATES, text(row, 'state'), 'state'),
    unmappedStatus: textOrNull(row, 'unmapped_status'),
    errorCode: textOrNull(row, 'error_code'),
    errorMessage: textOrNull(row, 'error_message'),
    bankRefNum: textOrNull(row, 'bank_ref_num'),
    otpFailures: int(row, 'otp_failures'),
    settlesAt: timeOrNull(row, 'settles_at'),
    fields: toFields(row),
    createdAt: new Date(int(row, 'created_at')),
    updatedAt: new Date(int(row, 'updated_at')),
  };
}

function toRefund(row: SqlRow): Refund {
  return {
    merchantKey: text(row, 'merchant_key'),
    mihpayid: text(row, 'mihpayid'),
    txnid: text(row, 'txnid'),
    requestId: text(row, 'request_id'),
    token: text(row, 'token'),
    amount: text(row, 'amount'),
    amountPaise: int(row, 'amount_paise'),
    result: oneOf(REFUND_RESULTS, text(row, 'result'), 'result'),
    bankRefNum: textOrNull(row, 'bank_ref_num'),
    settlesAt: new Date(int(row, 'settles_at')),
    createdAt: new Date(int(row, 'created_at')),
  };
}

/** The fields, checked and as stored (a JSON object of strings). */
function fieldsText(fields: PaymentFields): string {
  const kept: Record<string, string> = {};
  for (const name of FIELD_NAMES) {
    const value = fields[name];
    if (typeof value !== 'string' || value.length > 1000) {
      throw new InvalidArgumentError(`fields.${name}`);
    }
    kept[name] = value;
  }
  return JSON.stringify(kept);
}

/** A lookup as a condition on `p` and its parameter. */
function lookupCondition(lookup: PaymentLookup): [condition: string, value: string] {
  if ('txnid' in lookup) return ['p.txnid', requireText(lookup.txnid, 'lookup.txnid', 25)];
  return ['p.mihpayid', requireText(lookup.mihpayid, 'lookup.mihpayid', 100)];
}

async function selectPayment(
  exec: Executor,
  merchantId: number,
  lookup: PaymentLookup,
  lock: string,
): Promise<Payment | null> {
  const [column, value] = lookupCondition(lookup);
  const rows = await exec.query(
    `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} WHERE p.merchant_id = $1 AND ${column} = $2${lock}`,
    [merchantId, value],
  );
  const row = rows[0];
  return row === undefined ? null : toPayment(row);
}

/** The SET clause of a patch; `updated_at` always changes. */
function patchAssignments(
  patch: PaymentPatch,
  now: number,
): { sets: string[]; params: SqlValue[] } {
  const sets: string[] = [];
  const params: SqlValue[] = [];
  const assign = (column: string, value: SqlValue): void => {
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  };
  if (patch.urn !== undefined) assign('urn', requireText(patch.urn, 'patch.urn', 100));
  if (patch.state !== undefined)
    assign('state', requireOneOf(patch.state, PAYMENT_STATES, 'patch.state'));
  if (patch.unmappedStatus !== undefined) {
    assign('unmapped_status', requireText(patch.unmappedStatus, 'patch.unmappedStatus', 50));
  }
  if (patch.errorCode !== undefined)
    assign('error_code', requireText(patch.errorCode, 'patch.errorCode', 50));
  if (patch.errorMessage !== undefined) {
    assign('error_message', requireText(patch.errorMessage, 'patch.errorMessage', 255));
  }
  if (patch.bankRefNum !== undefined) {
    assign('bank_ref_num', requireText(patch.bankRefNum, 'patch.bankRefNum', 100));
  }
  if (patch.otpFailures !== undefined) {
    assign('otp_failures', requireInteger(patch.otpFailures, 'patch.otpFailures', 0, 1000));
  }
  if (patch.settlesAt !== undefined) {
    assign(
      'settles_at',
      patch.settlesAt === null ? null : requireDate(patch.settlesAt, 'patch.settlesAt'),
    );
  }
  assign('updated_at', now);
  return { sets, params };
}

/** Updates a payment by txnid (in state `onlyIn` when given); the updated row or null. */
async function updatePaymentRow(
  exec: Executor,
  merchantId: number,
  txnid: string,
  patch: PaymentPatch,
  now: number,
  onlyIn: PaymentState | undefined,
): Promise<Payment | null> {
  const { sets, params } = patchAssignments(patch, now);
  params.push(merchantId, requireText(txnid, 'txnid', 25));
  let where = `merchant_id = $${params.length - 1} AND txnid = $${params.length}`;
  if (onlyIn !== undefined) {
    params.push(requireOneOf(onlyIn, PAYMENT_STATES, 'onlyIn'));
    where += ` AND state = $${params.length}`;
  }
  const updated = await exec.execute(
    `UPDATE payments SET ${sets.join(', ')} WHERE ${where}`,
    params,
  );
  if (updated === 0) return null;
  return selectPayment(exec, merchantId, { txnid }, '');
}

async function selectRefundsWhere(
  exec: Executor,
  condition: string,
  params: SqlValue[],
): Promise<Refund[]> {
  const rows = await exec.query(
    `SELECT ${REFUND_COLUMNS} FROM ${REFUND_FROM} WHERE ${condition} ORDER BY r.id`,
    params,
  );
  return rows.map(toRefund);
}

/** Runs an operation of the unit of work, in call order with its other calls. */
export type TxRunner = <T>(operation: () => Promise<T>) => Promise<T>;

/** What the transaction handle shares with its checkout part. */
export interface CheckoutTxContext {
  readonly exec: Executor;
  readonly dialect: Dialect;
  readonly merchantId: number;
  readonly now: () => number;
  readonly digits: DigitSource;
}

export class SqlCheckoutTx implements CheckoutTx {
  readonly #ctx: CheckoutTxContext;
  readonly #run: TxRunner;

  constructor(ctx: CheckoutTxContext, run: TxRunner) {
    this.#ctx = ctx;
    this.#run = run;
  }

  findPayment(lookup: PaymentLookup): Promise<Payment | null> {
    const { exec, merchantId, dialect } = this.#ctx;
    return this.#run(() => selectPayment(exec, merchantId, lookup, dialect.lockRows('p')));
  }

  updatePayment(txnid: string, patch: PaymentPatch): Promise<Payment> {
    const { exec, merchantId, now } = this.#ctx;
    return this.#run(async () => {
      const updated = await updatePaymentRow(exec, merchantId, txnid, patch, now(), undefined);
      if (updated === null) throw new NotFoundError('payment');
      return updated;
    });
  }

  createRefund(input: NewRefund): Promise<Refund> {
    return this.#run(() => this.#createRefund(input));
  }

  refundsOf(mihpayid: string): Promise<Refund[]> {
    const { exec, merchantId } = this.#ctx;
    return this.#run(() =>
      selectRefundsWhere(exec, 'r.merchant_id = $1 AND p.mihpayid = $2', [
        merchantId,
        requireText(mihpayid, 'mihpayid', 100),
      ]),
    );
  }

  async #createRefund(input: NewRefund): Promise<Refund> {
    const { exec, merchantId, digits } = this.#ctx;
    const token = requireText(input.token, 'token', 23);
    const values: SqlValue[] = [
      token,
      requireText(input.amount, 'amount', 20),
      requireInteger(input.amountPaise, 'amountPaise', 1, MAX_PAISE),
      requireOneOf(input.result, REFUND_RESULTS, 'result'),
      optionalText(input.bankRefNum, 'bankRefNum', 100),
      requireDate(input.settlesAt, 'settlesAt'),
    ];
    const payments = await exec.query(
      'SELECT id FROM payments WHERE merchant_id = $1 AND mihpayid = $2',
      [merchantId, requireText(input.mihpayid, 'mihpayid', 100)],
    );
    const payment = payments[0];
    if (payment === undefined) throw new NotFoundError('payment');
    const taken = await exec.query(
      'SELECT 1 AS found FROM refunds WHERE merchant_id = $1 AND token = $2',
      [merchantId, token],
    );
    if (taken.length > 0) throw new UniqueViolationError('token');
    for (let attempt = 0; attempt < IDENTIFIER_ATTEMPTS; attempt += 1) {
      const requestId = drawDigits(digits, REQUEST_ID_DIGITS);
      const inserted = await exec.query(
        `INSERT INTO refunds (merchant_id, payment_id, request_id, token, amount, amount_paise,
           result, bank_ref_num, settles_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (request_id) DO NOTHING RETURNING id`,
        [merchantId, int(payment, 'id'), requestId, ...values, this.#ctx.now()],
      );
      if (inserted[0] !== undefined) {
        const [refund] = await selectRefundsWhere(exec, 'r.request_id = $1', [requestId]);
        if (refund === undefined) throw fault('request_id');
        return refund;
      }
    }
    throw new StoreFaultError({ cause: new Error('no free request_id after repeated draws') });
  }
}

/** How the store runs work outside a unit of work. */
export interface CheckoutStoreContext {
  readonly now: () => number;
  readonly digits: DigitSource;
  /** A write transaction. */
  write<T>(fn: (exec: Executor) => Promise<T>): Promise<T>;
  /** A read over one snapshot. */
  read<T>(fn: (exec: Executor) => Promise<T>): Promise<T>;
}

export class SqlCheckoutStore implements CheckoutStore {
  readonly #ctx: CheckoutStoreContext;

  constructor(ctx: CheckoutStoreContext) {
    this.#ctx = ctx;
  }

  async createPayment(merchantKey: string, input: NewPayment): Promise<Payment> {
    const key = requireText(merchantKey, 'merchantKey', 200);
    const txnid = requireText(input.txnid, 'txnid', 25);
    const values: SqlValue[] = [
      txnid,
      requireOneOf(input.mode, PAYMENT_MODES, 'mode'),
      requireText(input.amount, 'amount', 20),
      requireInteger(input.amountPaise, 'amountPaise', 1, MAX_PAISE),
      optionalText(input.urn, 'urn', 100),
      optionalText(input.customerId, 'customerId', 100),
      input.loadPaise === undefined || input.loadPaise === null
        ? null
        : requireInteger(input.loadPaise, 'loadPaise', 1, MAX_PAISE),
      fieldsText(input.fields),
    ];
    return this.#ctx.write(async (exec) => {
      const merchantId = await merchantIdOf(exec, key);
      if (merchantId === null) throw new InvalidArgumentError('merchantKey');
      const now = this.#ctx.now();
      for (let attempt = 0; attempt < IDENTIFIER_ATTEMPTS; attempt += 1) {
        const taken = await exec.query(
          'SELECT 1 AS found FROM payments WHERE merchant_id = $1 AND txnid = $2',
          [merchantId, txnid],
        );
        if (taken.length > 0) throw new UniqueViolationError('txnid');
        const inserted = await exec.query(
          `INSERT INTO payments (merchant_id, mihpayid, txnid, mode, amount, amount_paise, urn,
             customer_id, load_paise, fields, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
           ON CONFLICT DO NOTHING RETURNING id`,
          [merchantId, drawDigits(this.#ctx.digits, MIHPAYID_DIGITS), ...values, now],
        );
        if (inserted[0] !== undefined) {
          const payment = await selectPayment(exec, merchantId, { txnid }, '');
          if (payment === null) throw fault('txnid');
          return payment;
        }
        // Either the mihpayid was taken (draw again) or a concurrent insert took the txnid.
      }
      throw new StoreFaultError({ cause: new Error('no free mihpayid after repeated draws') });
    });
  }

  findPayment(merchantKey: string, lookup: PaymentLookup): Promise<Payment | null> {
    return this.#scoped('read', merchantKey, (exec, merchantId) =>
      selectPayment(exec, merchantId, lookup, ''),
    );
  }

  updatePayment(
    merchantKey: string,
    txnid: string,
    patch: PaymentPatch,
    onlyIn: PaymentState,
  ): Promise<Payment | null> {
    return this.#scoped('write', merchantKey, (exec, merchantId) =>
      updatePaymentRow(exec, merchantId, txnid, patch, this.#ctx.now(), onlyIn),
    );
  }

  addOtpFailure(merchantKey: string, txnid: string): Promise<Payment | null> {
    return this.#scoped('write', merchantKey, async (exec, merchantId) => {
      const updated = await exec.execute(
        `UPDATE payments SET otp_failures = otp_failures + 1, updated_at = $1
         WHERE merchant_id = $2 AND txnid = $3 AND state = 'initiated'`,
        [this.#ctx.now(), merchantId, requireText(txnid, 'txnid', 25)],
      );
      return updated === 0 ? null : selectPayment(exec, merchantId, { txnid }, '');
    });
  }

  findRefund(merchantKey: string, requestId: string): Promise<Refund | null> {
    return this.#scoped('read', merchantKey, async (exec, merchantId) => {
      const [refund] = await selectRefundsWhere(exec, 'r.merchant_id = $1 AND r.request_id = $2', [
        merchantId,
        requireText(requestId, 'requestId', 100),
      ]);
      return refund ?? null;
    });
  }

  refundsOfTxnids(merchantKey: string, txnids: readonly string[]): Promise<Refund[]> {
    const wanted = txnids.map((txnid, i) => requireText(txnid, `txnids.${i}`, 25));
    if (wanted.length === 0) return Promise.resolve([]);
    const placeholders = wanted.map((_, i) => `$${i + 2}`).join(', ');
    const found = this.#scoped('read', merchantKey, (exec, merchantId) =>
      selectRefundsWhere(exec, `r.merchant_id = $1 AND p.txnid IN (${placeholders})`, [
        merchantId,
        ...wanted,
      ]),
    );
    return found.then((refunds) => refunds ?? []);
  }

  listPayments(query: ListQuery = {}): Promise<Page<Payment>> {
    return this.#list(query, {
      countSql: 'SELECT COUNT(*) AS n FROM payments p',
      pageSql: `SELECT ${PAYMENT_COLUMNS} FROM ${PAYMENT_FROM} %WHERE% ORDER BY p.id DESC`,
      merchantColumn: 'p.merchant_id',
      map: toPayment,
    });
  }

  listRefunds(query: ListQuery = {}): Promise<Page<Refund>> {
    return this.#list(query, {
      countSql: 'SELECT COUNT(*) AS n FROM refunds r',
      pageSql: `SELECT ${REFUND_COLUMNS} FROM ${REFUND_FROM} %WHERE% ORDER BY r.id DESC`,
      merchantColumn: 'r.merchant_id',
      map: toRefund,
    });
  }

  /** Work scoped to one merchant; an unknown merchant reads as null. */
  #scoped<T>(
    kind: 'read' | 'write',
    merchantKey: string,
    fn: (exec: Executor, merchantId: number) => Promise<T | null>,
  ): Promise<T | null> {
    const key = requireText(merchantKey, 'merchantKey', 200);
    const run = kind === 'read' ? this.#ctx.read.bind(this.#ctx) : this.#ctx.write.bind(this.#ctx);
    return run(async (exec) => {
      const merchantId = await merchantIdOf(exec, key);
      return merchantId === null ? null : fn(exec, merchantId);
    });
  }

  #list<T>(
    query: ListQuery,
    listing: { countSql: string; pageSql: string; merchantColumn: string; map: (row: SqlRow) => T },
  ): Promise<Page<T>> {
    const key =
      query.merchantKey === undefined ? null : requireText(query.merchantKey, 'merchantKey', 200);
    return this.#ctx.read(async (exec) => {
      const filter = { conditions: [] as string[], params: [] as SqlValue[] };
      if (key !== null) {
        const merchantId = await merchantIdOf(exec, key);
        if (merchantId === null) return { total: 0, items: [] };
        filter.params.push(merchantId);
        filter.conditions.push(`${listing.merchantColumn} = $1`);
      }
      return selectPage(exec, {
        countSql: listing.countSql,
        pageSql: listing.pageSql,
        filter,
        limit: query.limit,
        offset: query.offset,
        map: listing.map,
      });
    });
  }
}
