import {
  BalanceCapExceededError,
  InsufficientBalanceError,
  InvalidArgumentError,
  NotFoundError,
  OriginalDebitNotFoundError,
  RefundExceedsRemainingError,
  StoreFaultError,
  TransactionFinishedError,
  UniqueViolationError,
} from '../errors.js';
import {
  type DigitSource,
  drawDigits,
  IDENTIFIER_ATTEMPTS,
  IDENTIFIER_LENGTHS,
} from '../identifiers.js';
import type { NewTopUp, TopUp } from '../pg-load-records.js';
import {
  type Account,
  type AccountLookup,
  type CustomerPatch,
  ENTRY_TYPES,
  GENDERS,
  KYC_PROFILES,
  type NewAccount,
  type NewEntry,
  type PostedEntry,
  type RefundState,
  RISK_CATEGORIES,
  type Statement,
  type StatementQuery,
  type StoredOutcome,
  WALLET_STATUSES,
  type Wallet,
  type WalletStatusChange,
} from '../records.js';
import { SerialQueue } from '../serial-queue.js';
import type { StoreTx } from '../store-api.js';
import {
  MAX_PAISE,
  optionalText,
  requireInteger,
  requireIsoDate,
  requireOneOf,
  requireText,
} from '../validate.js';
import {
  ConstraintViolation,
  type Dialect,
  type Executor,
  type SqlRow,
  type SqlValue,
} from './backend.js';
import { SqlCheckoutTx } from './checkout.js';
import { insertTopUp, selectTopUp } from './pg-load-queries.js';
import {
  selectAccount,
  selectAccountByWalletRef,
  selectOutcome,
  selectStatement,
} from './queries.js';
import {
  CUSTOMER_RETURNING,
  ENTRY_COLUMNS,
  ENTRY_FROM,
  ENTRY_RETURNING,
  int,
  toAccount,
  toEntry,
  toWallet,
  WALLET_RETURNING,
} from './rows.js';

/** What a transaction handle needs from the unit of work that opened it. */
export interface TxContext {
  readonly exec: Executor;
  readonly dialect: Dialect;
  readonly merchantId: number;
  readonly merchantKey: string;
  readonly clientTxnId: string;
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly digits: DigitSource;
}

/** Optional profile fields and the column each is stored in. */
const PATCH_COLUMNS = {
  mobile: 'mobile',
  email: 'email',
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  gender: 'gender',
  dateOfBirth: 'date_of_birth',
  kycProfile: 'kyc_profile',
  riskCategory: 'risk_category',
  productId: 'product_id',
} as const;

const ADDRESS_COLUMNS = {
  line1: 'address_line1',
  line2: 'address_line2',
  city: 'address_city',
  state: 'address_state',
  country: 'address_country',
  pincode: 'address_pincode',
} as const;

const SAVEPOINT = 'store_step';

/** A customer's row; parameters: merchant, customerId, the profile (10), the time. */
const INSERT_CUSTOMER = `INSERT INTO customers (merchant_id, customer_id, mobile, email, first_name,
    middle_name, last_name, gender, date_of_birth, kyc_profile, risk_category, product_id,
    created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
  ON CONFLICT DO NOTHING`;

const WALLET_INSERT_COLUMNS = `customer_ref, merchant_id, urn, account_number, unique_number,
    created_at, updated_at`;

/** A wallet's row; parameters: customer row, merchant, urn, account number, unique number, time. */
const INSERT_WALLET = `INSERT INTO wallets (${WALLET_INSERT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $6)
  ON CONFLICT DO NOTHING`;

/** SQLite: the customer's row id only (the account is read back once the wallet exists). */
const INSERT_CUSTOMER_REF = `${INSERT_CUSTOMER} RETURNING id AS customer_ref`;
const INSERT_WALLET_REF = `${INSERT_WALLET} RETURNING id AS wallet_ref`;
/** PostgreSQL: the wallet's half of the account, which is answered from what the INSERTs return. */
const INSERT_WALLET_RETURNING = `${INSERT_WALLET} RETURNING ${WALLET_RETURNING}`;

/**
 * INSERT_CUSTOMER's parameters, then the wallet's urn, account number and unique number: the
 * customer and their wallet in one statement. No row when the customer conflicts; the customer's
 * columns with null wallet columns when only the wallet does.
 */
const INSERT_ACCOUNT = `WITH c AS (${INSERT_CUSTOMER} RETURNING ${CUSTOMER_RETURNING}),
  w AS (INSERT INTO wallets (${WALLET_INSERT_COLUMNS})
    SELECT customer_ref, $1, $14, $15, $16, $13, $13 FROM c
    ON CONFLICT DO NOTHING RETURNING ${WALLET_RETURNING})
  SELECT * FROM c LEFT JOIN w ON TRUE`;

/**
 * The columns a ledger entry is inserted with: first those the caller knows, then the wallet, the
 * balance after the entry and its time, which the wallet's UPDATE decides.
 */
const ENTRY_INSERT_COLUMNS = `merchant_id, entry_type, amount, fee, client_txn_id, accosa_txn_id,
  reference_number, description, counterparty, original_client_txn_id, wallet_id, balance_after,
  created_at`;

/**
 * A ledger entry in ENTRY_INSERT_COLUMNS order. Built once: the backends find their prepared
 * statement by its text (see accountLookupText).
 */
const INSERT_ENTRY_SQL = `INSERT INTO ledger_entries (${ENTRY_INSERT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT DO NOTHING RETURNING ${ENTRY_RETURNING}`;

/** The statements of a ledger posting, in one dialect; `capped`: with the balance cap (`$4`). */
interface PostingStatements {
  /** The wallet, locked, and whether the clientTxnId already has an entry. */
  readonly wallet: string;
  /** The balance UPDATE, RETURNING the wallet and its last_entry_at. */
  readonly update: { readonly capped: string; readonly uncapped: string };
  /**
   * The UPDATE and the entry it records in one statement (dialects with `insertsInWith`): the
   * entry's parameters follow the UPDATE's, in ENTRY_INSERT_COLUMNS order. No row when the
   * UPDATE's guard refuses; the wallet's columns with null entry columns when only the entry's
   * identifiers were taken.
   */
  readonly updateWithEntry: { readonly capped: string; readonly uncapped: string };
}

/** Built once per dialect: the backends find their prepared statement by its text. */
const postingStatements = new WeakMap<Dialect, PostingStatements>();

function postingStatementsOf(dialect: Dialect): PostingStatements {
  let statements = postingStatements.get(dialect);
  if (statements !== undefined) return statements;
  const update = (capped: boolean): string => `UPDATE wallets SET balance = balance + $1,
         last_entry_at = ${dialect.greatest('last_entry_at', '$2')}, updated_at = $2
       WHERE id = $3 AND balance + $1 >= 0${capped ? ' AND balance + $1 <= $4' : ''}
       RETURNING ${WALLET_RETURNING}, last_entry_at`;
  const withEntry = (capped: boolean): string => {
    const p = (i: number): string => `$${(capped ? 4 : 3) + i}`;
    return `WITH u AS (${update(capped)}),
  e AS (INSERT INTO ledger_entries (${ENTRY_INSERT_COLUMNS})
    SELECT CAST(${p(1)} AS BIGINT), ${p(2)}, CAST(${p(3)} AS BIGINT), CAST(${p(4)} AS BIGINT),
      ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, wallet_ref, balance, last_entry_at
    FROM u
    ON CONFLICT DO NOTHING RETURNING ${ENTRY_RETURNING})
  SELECT * FROM u LEFT JOIN e ON TRUE`;
  };
  statements = {
    wallet: `SELECT w.id, w.balance,
         CAST(EXISTS (SELECT 1 FROM ledger_entries e
           WHERE e.merchant_id = $1 AND e.client_txn_id = $3) AS INTEGER) AS posted
       FROM wallets w WHERE w.merchant_id = $1 AND w.urn = $2${dialect.lockRows('w')}`,
    update: { capped: update(true), uncapped: update(false) },
    updateWithEntry: { capped: withEntry(true), uncapped: withEntry(false) },
  };
  postingStatements.set(dialect, statements);
  return statements;
}

/** The SQL implementation of `StoreTx`, shared by both backends. */
export class SqlStoreTx implements StoreTx {
  readonly merchantKey: string;
  readonly clientTxnId: string;
  readonly checkout: SqlCheckoutTx;
  readonly #ctx: TxContext;
  readonly #queue = new SerialQueue();
  #finished = false;

  constructor(ctx: TxContext) {
    this.#ctx = ctx;
    this.merchantKey = ctx.merchantKey;
    this.clientTxnId = ctx.clientTxnId;
    this.checkout = new SqlCheckoutTx(ctx, (operation) => this.#run(operation));
  }

  /** Refuses further calls, then waits for the calls already made to settle. */
  async finish(): Promise<void> {
    this.#finished = true;
    await this.#queue.idle();
  }

  findAccount(lookup: AccountLookup): Promise<Account | null> {
    return this.#run(() =>
      selectAccount(this.#ctx.exec, this.#ctx.dialect, this.#ctx.merchantId, lookup, true),
    );
  }

  createAccount(input: NewAccount): Promise<Account> {
    return this.#run(() => this.#createAccount(input));
  }

  updateCustomer(customerId: string, patch: CustomerPatch): Promise<Account> {
    return this.#run(() => this.#updateCustomer(customerId, patch));
  }

  post(urn: string, entry: NewEntry): Promise<PostedEntry> {
    return this.#run(() => this.#post(urn, entry));
  }

  refundState(originalClientTxnId: string): Promise<RefundState | null> {
    return this.#run(() => this.#refundState(originalClientTxnId));
  }

  setWalletStatus(urn: string, change: WalletStatusChange): Promise<Wallet> {
    return this.#run(() => this.#setWalletStatus(urn, change));
  }

  statement(urn: string, query: StatementQuery): Promise<Statement | null> {
    return this.#run(() => selectStatement(this.#ctx.exec, this.#ctx.merchantId, urn, query));
  }

  getOutcome(clientTxnId: string): Promise<StoredOutcome | null> {
    return this.#run(() => selectOutcome(this.#ctx.exec, this.#ctx.merchantId, clientTxnId));
  }

  createTopUp(input: NewTopUp): Promise<TopUp> {
    return this.#run(async () => {
      const { exec, merchantId, clientTxnId } = this.#ctx;
      await insertTopUp(exec, merchantId, clientTxnId, input, this.#ctx.now());
      const created = await selectTopUp(exec, merchantId, clientTxnId);
      if (created === null) throw new StoreFaultError();
      return created;
    });
  }

  #run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#finished) return Promise.reject(new TransactionFinishedError());
    return this.#queue.run(operation);
  }

  async #exists(table: 'customers', column: string, value: string) {
    const rows = await this.#ctx.exec.query(
      `SELECT 1 AS found FROM ${table} WHERE merchant_id = $1 AND ${column} = $2`,
      [this.#ctx.merchantId, value],
    );
    return rows.length > 0;
  }

  /** Runs `step` so that if it fails, only its own changes are undone and the transaction lives on. */
  async #step<T>(step: () => Promise<T>): Promise<T> {
    const { exec } = this.#ctx;
    await exec.execute(`SAVEPOINT ${SAVEPOINT}`);
    try {
      const result = await step();
      await exec.execute(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      return result;
    } catch (error) {
      await exec.execute(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      await exec.execute(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      throw error;
    }
  }

  async #createAccount(input: NewAccount): Promise<Account> {
    const { exec, merchantId, dialect, digits } = this.#ctx;
    const given =
      input.customerId === undefined ? null : requireText(input.customerId, 'customerId', 50);
    const mobile = requireText(input.mobile, 'mobile', 20);
    const profile: SqlValue[] = [
      mobile,
      optionalText(input.email, 'email', 100),
      requireText(input.firstName, 'firstName', 100),
      optionalText(input.middleName, 'middleName', 100),
      optionalText(input.lastName, 'lastName', 100),
      input.gender === undefined || input.gender === null
        ? null
        : requireOneOf(input.gender, GENDERS, 'gender'),
      requireIsoDate(input.dateOfBirth, 'dateOfBirth'),
      requireOneOf(input.kycProfile, KYC_PROFILES, 'kycProfile'),
      requireOneOf(input.riskCategory, RISK_CATEGORIES, 'riskCategory'),
      requireInteger(input.productId, 'productId', 0, 2_147_483_647),
    ];
    if (typeof input.issueFormFactor !== 'boolean')
      throw new InvalidArgumentError('issueFormFactor');
    const now = this.#ctx.now();

    const walletIdentifiers = (): SqlValue[] => [
      drawDigits(digits, IDENTIFIER_LENGTHS.urn),
      drawDigits(digits, IDENTIFIER_LENGTHS.accountNumber),
      input.issueFormFactor ? drawDigits(digits, IDENTIFIER_LENGTHS.uniqueNumber) : null,
    ];

    let customerRow: SqlRow | undefined;
    let walletRow: SqlRow | undefined;
    for (let attempt = 0; customerRow === undefined; attempt += 1) {
      if (attempt === IDENTIFIER_ATTEMPTS) throw exhausted('customerId');
      const customerId = given ?? drawDigits(digits, IDENTIFIER_LENGTHS.customerId);
      const customer = [merchantId, customerId, ...profile, now];
      // Where the dialect allows, the wallet goes in the same statement as its customer.
      const inserted = dialect.insertsInWith
        ? await exec.query(INSERT_ACCOUNT, [...customer, ...walletIdentifiers()])
        : await exec.query(INSERT_CUSTOMER_REF, customer);
      customerRow = inserted[0];
      if (customerRow !== undefined) {
        // Without a wallet when its identifiers were taken: the loop below draws others.
        if (customerRow.wallet_ref !== undefined && customerRow.wallet_ref !== null) {
          walletRow = customerRow;
        }
        break;
      }
      if (await this.#exists('customers', 'customer_id', customerId)) {
        if (given !== null) throw new UniqueViolationError('customerId');
      } else if (await this.#exists('customers', 'mobile', mobile)) {
        throw new UniqueViolationError('mobile');
      }
      // Otherwise the conflicting row's transaction rolled back meanwhile: try again.
    }

    const customerRef = int(customerRow, 'customer_ref');
    const insertWallet = dialect.insertsInWith ? INSERT_WALLET_RETURNING : INSERT_WALLET_REF;
    for (let attempt = 0; walletRow === undefined; attempt += 1) {
      if (attempt === IDENTIFIER_ATTEMPTS) throw exhausted('urn');
      const inserted = await exec.query(insertWallet, [
        customerRef,
        merchantId,
        ...walletIdentifiers(),
        now,
      ]);
      walletRow = inserted[0];
    }
    if (!dialect.insertsInWith) {
      // SQLite: no round trip to save, and RETURNING every column costs it more than this read.
      return selectAccountByWalletRef(exec, dialect, int(walletRow, 'wallet_ref'), true);
    }
    // The rows as the statement returned them: no query reads them back, and no other transaction
    // sees them before this one commits.
    return toAccount({ ...customerRow, ...walletRow, merchant_key: this.#ctx.merchantKey });
  }

  async #updateCustomer(customerId: string, patch: CustomerPatch): Promise<Account> {
    const { exec, merchantId, dialect } = this.#ctx;
    const assignments: string[] = [];
    const params: SqlValue[] = [];
    const assign = (column: string, value: SqlValue): void => {
      params.push(value);
      assignments.push(`${column} = $${params.length}`);
    };
    const mobile = patch.mobile === undefined ? undefined : requireText(patch.mobile, 'mobile', 20);
    for (const key of Object.keys(PATCH_COLUMNS) as (keyof typeof PATCH_COLUMNS)[]) {
      if (patch[key] === undefined) continue;
      assign(PATCH_COLUMNS[key], patchValue(key, patch[key]));
    }
    if (patch.address !== undefined) {
      for (const key of Object.keys(ADDRESS_COLUMNS) as (keyof typeof ADDRESS_COLUMNS)[]) {
        const value = patch.address[key];
        if (value === undefined) continue;
        assign(ADDRESS_COLUMNS[key], optionalText(value, `address.${key}`, 100));
      }
    }

    const found = await exec.query(
      `SELECT c.id FROM customers c WHERE c.merchant_id = $1 AND c.customer_id = $2${dialect.lockRows('c')}`,
      [merchantId, requireText(customerId, 'customerId', 50)],
    );
    const row = found[0];
    if (row === undefined) throw new NotFoundError('customer');
    const customerRef = int(row, 'id');
    if (mobile !== undefined) {
      const taken = await exec.query(
        'SELECT 1 AS found FROM customers WHERE merchant_id = $1 AND mobile = $2 AND id <> $3',
        [merchantId, mobile, customerRef],
      );
      if (taken.length > 0) throw new UniqueViolationError('mobile');
    }
    if (assignments.length > 0) {
      assign('updated_at', this.#ctx.now());
      params.push(customerRef);
      const update = `UPDATE customers SET ${assignments.join(', ')} WHERE id = $${params.length}`;
      try {
        // A concurrent transaction may take the mobile between the check and the update.
        await this.#step(() => exec.execute(update, params));
      } catch (error) {
        if (error instanceof ConstraintViolation && error.constraint === 'unique') {
          throw new UniqueViolationError('mobile');
        }
        throw error;
      }
    }
    const account = await selectAccount(exec, dialect, merchantId, { customerId }, true);
    if (account === null) throw new NotFoundError('customer');
    return account;
  }

  async #post(urn: string, entry: NewEntry): Promise<PostedEntry> {
    const { exec, merchantId, dialect, digits, clientTxnId } = this.#ctx;
    const type = requireOneOf(entry.type, ENTRY_TYPES, 'entry.type');
    const amount = requireInteger(entry.amount, 'entry.amount', 1, MAX_PAISE);
    const fee = requireInteger(entry.fee ?? 0, 'entry.fee', 0, MAX_PAISE);
    const description = optionalText(entry.description, 'entry.description', 1000);
    const counterparty = optionalText(entry.counterparty, 'entry.counterparty', 100);
    const original = optionalText(entry.originalClientTxnId, 'entry.originalClientTxnId', 100);
    const maxBalance =
      entry.maxBalance === undefined
        ? null
        : requireInteger(entry.maxBalance, 'entry.maxBalance', 0, MAX_PAISE);
    if (type === 'DEBIT' && (original !== null || maxBalance !== null)) {
      throw new InvalidArgumentError(
        original !== null ? 'entry.originalClientTxnId' : 'entry.maxBalance',
      );
    }

    // The wallet, and whether this clientTxnId already has an entry, in one statement. Entries of
    // one clientTxnId are only written under its idempotency lock, which this transaction holds.
    const statements = postingStatementsOf(dialect);
    const wallets = await exec.query(statements.wallet, [
      merchantId,
      requireText(urn, 'urn', 100),
      clientTxnId,
    ]);
    const wallet = wallets[0];
    if (wallet === undefined) throw new NotFoundError('wallet');
    if (int(wallet, 'posted') !== 0) throw new UniqueViolationError('clientTxnId');
    if (original !== null) {
      const state = await this.#refundState(original);
      if (state === null) throw new OriginalDebitNotFoundError();
      if (amount > state.remaining) throw new RefundExceedsRemainingError(state.remaining);
    }

    // The balance rule in code; the UPDATE's WHERE clause and the CHECK constraint repeat it in SQL.
    const walletRef = int(wallet, 'id');
    const balance = int(wallet, 'balance');
    const delta = type === 'CREDIT' ? amount : -amount;
    if (balance + delta < 0) throw new InsufficientBalanceError(balance, amount);
    if (maxBalance !== null && balance + delta > maxBalance) {
      throw new BalanceCapExceededError(balance, amount, maxBalance);
    }
    const now = this.#ctx.now();
    const capped = maxBalance === null ? 'uncapped' : 'capped';
    const updateParams: SqlValue[] =
      maxBalance === null ? [delta, now, walletRef] : [delta, now, walletRef, maxBalance];
    /** The entry's columns that the UPDATE does not decide, in ENTRY_INSERT_COLUMNS order. */
    const entryFields = (): SqlValue[] => [
      merchantId,
      type,
      amount,
      fee,
      clientTxnId,
      drawDigits(digits, IDENTIFIER_LENGTHS.accosaTransactionId),
      drawDigits(digits, IDENTIFIER_LENGTHS.referenceNumber),
      description,
      counterparty,
      original,
    ];

    let after: SqlRow | undefined;
    let entryRow: SqlRow | undefined;
    if (dialect.insertsInWith) {
      // The balance change and its entry in one statement, the entry reading the UPDATE's row.
      const rows = await exec.query(statements.updateWithEntry[capped], [
        ...updateParams,
        ...entryFields(),
      ]);
      after = rows[0];
      // Without an entry when its identifiers were taken: the loop below draws others.
      if (after !== undefined && after.entry_ref !== null) entryRow = after;
    } else {
      after = (await exec.query(statements.update[capped], updateParams))[0];
    }
    if (after === undefined) {
      if (delta < 0) throw new InsufficientBalanceError(balance, amount);
      throw new BalanceCapExceededError(balance, amount, maxBalance ?? MAX_PAISE);
    }
    const balanceAfter = int(after, 'balance');
    if (balanceAfter !== balance + delta) {
      throw new StoreFaultError({ cause: new Error('wallet balance changed under a row lock') });
    }
    // Stamps never go backwards within a wallet, so time order is ledger order.
    const stampedAt = int(after, 'last_entry_at');

    for (let attempt = 0; entryRow === undefined; attempt += 1) {
      if (attempt === IDENTIFIER_ATTEMPTS) throw exhausted('accosaTransactionId');
      const inserted = await exec.query(INSERT_ENTRY_SQL, [
        ...entryFields(),
        walletRef,
        balanceAfter,
        stampedAt,
      ]);
      entryRow = inserted[0];
    }
    // The entry and the wallet as the statements above returned them: no query reads them back.
    const walletAfter = toWallet(after);
    const merchantKey = this.#ctx.merchantKey;
    const posted = toEntry({ ...entryRow, merchant_key: merchantKey, urn: walletAfter.urn });
    return { entry: posted, wallet: walletAfter };
  }

  async #refundState(originalClientTxnId: string): Promise<RefundState | null> {
    const { exec, merchantId, dialect } = this.#ctx;
    const clientTxnId = requireText(originalClientTxnId, 'originalClientTxnId', 100);
    const rows = await exec.query(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM}
       WHERE e.merchant_id = $1 AND e.client_txn_id = $2 AND e.entry_type = 'DEBIT'${dialect.lockRows('e')}`,
      [merchantId, clientTxnId],
    );
    const row = rows[0];
    if (row === undefined) return null;
    const original = toEntry(row);
    const sums = await exec.query(
      `SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS refunded FROM ledger_entries
       WHERE merchant_id = $1 AND original_client_txn_id = $2`,
      [merchantId, clientTxnId],
    );
    const refunded = sums[0] === undefined ? 0 : int(sums[0], 'refunded');
    return { original, refunded, remaining: original.amount - refunded };
  }

  async #setWalletStatus(urn: string, change: WalletStatusChange): Promise<Wallet> {
    const { exec, merchantId, dialect } = this.#ctx;
    const updated = await exec.query(
      `UPDATE wallets SET status = $1, status_reason = $2, status_remarks = $3, updated_at = $4
       WHERE merchant_id = $5 AND urn = $6 RETURNING id`,
      [
        requireOneOf(change.status, WALLET_STATUSES, 'status'),
        optionalText(change.reason, 'reason', 100),
        optionalText(change.remarks, 'remarks', 255),
        this.#ctx.now(),
        merchantId,
        requireText(urn, 'urn', 100),
      ],
    );
    const row = updated[0];
    if (row === undefined) throw new NotFoundError('wallet');
    return (await selectAccountByWalletRef(exec, dialect, int(row, 'id'), true)).wallet;
  }
}

function exhausted(identifier: string): StoreFaultError {
  return new StoreFaultError({ cause: new Error(`no free ${identifier} after repeated draws`) });
}

/** Checks one profile field of a patch and returns the value to store. */
function patchValue(key: keyof typeof PATCH_COLUMNS, value: unknown): SqlValue {
  switch (key) {
    case 'mobile':
      return requireText(value, key, 20);
    case 'firstName':
      return requireText(value, key, 100);
    case 'email':
    case 'middleName':
    case 'lastName':
      return optionalText(value, key, 100);
    case 'gender':
      return value === null ? null : requireOneOf(value, GENDERS, key);
    case 'dateOfBirth':
      return requireIsoDate(value, key);
    case 'kycProfile':
      return requireOneOf(value, KYC_PROFILES, key);
    case 'riskCategory':
      return requireOneOf(value, RISK_CATEGORIES, key);
    case 'productId':
      return requireInteger(value, key, 0, 2_147_483_647);
  }
}
