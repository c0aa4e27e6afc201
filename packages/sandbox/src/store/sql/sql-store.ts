import { AsyncLocalStorage } from 'node:async_hooks';
import {
  InvalidArgumentError,
  NestedStoreCallError,
  StoreClosedError,
  StoreFaultError,
  UnknownMerchantError,
} from '../errors.js';
import { requestFingerprint } from '../fingerprint.js';
import { type DigitSource, randomDigits } from '../identifiers.js';
import { isJsonObject, type JsonObject } from '../json.js';
import type { SettleResult, TopUp } from '../pg-load-records.js';
import {
  type Account,
  type AccountLookup,
  type EntryListQuery,
  IV_MODES,
  type LedgerEntry,
  type ListQuery,
  type Merchant,
  type NewMerchant,
  type Outcome,
  type Page,
  type Statement,
  type StatementQuery,
  type StoredOutcome,
  type TransactRequest,
  type TransactResult,
} from '../records.js';
import type {
  SettleWork,
  Store,
  StoreBackendName,
  StoreDriverName,
  StoreOptions,
  TransactWork,
} from '../store-api.js';
import { requireInteger, requireOneOf, requireText } from '../validate.js';
import type { Backend, Executor, WriteOpening } from './backend.js';
import { SqlCheckoutStore } from './checkout.js';
import { migrate } from './migrate.js';
import { selectTopUp, selectTopUpByPayuTxnId, updateTopUpSettled } from './pg-load-queries.js';
import {
  LISTINGS,
  type ListFilter,
  type Listing,
  merchantIdOf,
  selectAccount,
  selectMerchant,
  selectMerchantOutcome,
  selectOutcome,
  selectPage,
  selectStatement,
} from './queries.js';
import { MERCHANT_COLUMNS, toMerchant } from './rows.js';
import { SqlStoreTx } from './transaction.js';

const WORK_SAVEPOINT = 'store_work';

/** Tables holding a merchant's data, children before parents. */
const DATA_TABLES = [
  'refunds',
  'payments',
  'pg_load_top_ups',
  'idempotency_records',
  'ledger_entries',
  'wallets',
  'customers',
] as const;

/** The `Store` implementation shared by both backends; the backend decides how transactions run. */
export class SqlStore implements Store {
  readonly backend: StoreBackendName;
  readonly checkout: SqlCheckoutStore;
  readonly driver: StoreDriverName;
  readonly #db: Backend;
  readonly #now: () => number;
  readonly #digits: DigitSource;
  /**
   * Set while a `transact` work function runs, to refuse store calls made from inside it;
   * undefined when `checkNestedCalls` is false.
   */
  readonly #inWork: AsyncLocalStorage<true> | undefined;
  readonly #running = new Set<Promise<unknown>>();
  #closed = false;

  private constructor(db: Backend, options: StoreOptions) {
    this.backend = db.name;
    this.driver = db.driver;
    this.#db = db;
    const clock = options.now ?? (() => new Date());
    this.#now = () => clock().getTime();
    this.#digits = options.digits ?? randomDigits;
    this.#inWork = options.checkNestedCalls === false ? undefined : new AsyncLocalStorage<true>();
    this.checkout = new SqlCheckoutStore({
      now: this.#now,
      digits: this.#digits,
      write: (fn) => this.#write(fn),
      read: (fn) => this.#read(fn),
    });
  }

  /** Applies pending migrations, then returns the store. Closes the backend if that fails. */
  static async open(db: Backend, options: StoreOptions = {}): Promise<SqlStore> {
    const store = new SqlStore(db, options);
    try {
      await migrate(db, store.#now());
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async ensureMerchant(input: NewMerchant): Promise<Merchant> {
    const merchantKey = requireText(input.merchantKey, 'merchantKey', 200);
    const salt = requireText(input.salt, 'salt', 1000);
    const aesKeyHex = requireHex(input.aesKeyHex, 48, 'aesKeyHex');
    const ivMode = requireOneOf(input.ivMode, IV_MODES, 'ivMode');
    const ivHex =
      ivMode === 'fixed' ? requireHex(input.ivHex, 32, 'ivHex') : absent(input.ivHex, 'ivHex');
    return this.#write(async (exec) => {
      await exec.execute(
        `INSERT INTO merchants (merchant_key, salt, aes_key_hex, iv_mode, iv_hex, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (merchant_key) DO NOTHING`,
        [merchantKey, salt, aesKeyHex, ivMode, ivHex, this.#now()],
      );
      const merchant = await selectMerchant(exec, merchantKey);
      if (merchant === null) throw new UnknownMerchantError();
      return merchant;
    });
  }

  async getMerchant(merchantKey: string): Promise<Merchant | null> {
    return this.#read((exec) => selectMerchant(exec, requireText(merchantKey, 'merchantKey', 200)));
  }

  async listMerchants(): Promise<Merchant[]> {
    return this.#read(async (exec) => {
      const rows = await exec.query(`SELECT ${MERCHANT_COLUMNS} FROM merchants ORDER BY id`);
      return rows.map(toMerchant);
    });
  }

  async deleteMerchant(merchantKey: string): Promise<boolean> {
    return this.#write(async (exec) => {
      const deleted = await exec.execute('DELETE FROM merchants WHERE merchant_key = $1', [
        requireText(merchantKey, 'merchantKey', 200),
      ]);
      return deleted > 0;
    });
  }

  async transact(request: TransactRequest, work: TransactWork): Promise<TransactResult> {
    const merchantKey = requireText(request.merchantKey, 'merchantKey', 200);
    const clientTxnId = requireText(request.clientTxnId, 'clientTxnId', 100);
    const api = requireText(request.api, 'api', 100);
    if (!isJsonObject(request.request)) throw new InvalidArgumentError('request');
    const requestText = JSON.stringify(request.request);
    const fingerprint = requestFingerprint(api, request.request);

    // Same-key transactions queue on the lock; each then sees what the one before it committed.
    // The work's savepoint is set with the lock: nothing is written before the work runs.
    const opening = {
      lockKey: idempotencyLockKey(merchantKey, clientTxnId),
      savepoint: WORK_SAVEPOINT,
    };
    return this.#write(async (exec): Promise<TransactResult> => {
      const found = await selectMerchantOutcome(exec, merchantKey, clientTxnId);
      if (found === null) throw new UnknownMerchantError();
      const { merchantId, existing } = found;
      if (existing !== null) {
        return existing.fingerprint === fingerprint
          ? { status: 'replayed', outcome: existing }
          : { status: 'conflict', existing };
      }

      const tx = new SqlStoreTx({
        exec,
        dialect: this.#db.dialect,
        merchantId,
        merchantKey,
        clientTxnId,
        now: this.#now,
        digits: this.#digits,
      });
      let outcome: Outcome;
      try {
        const inWork = this.#inWork;
        outcome = await (inWork === undefined ? work(tx) : inWork.run(true, () => work(tx)));
      } finally {
        await tx.finish();
      }
      const checked = checkOutcome(outcome);
      if (checked.kind === 'decline') exec.defer(`ROLLBACK TO SAVEPOINT ${WORK_SAVEPOINT}`);
      // The savepoint is left open: the end of the write (COMMIT, or the backend's own RELEASE of
      // the savepoint around it) releases it with everything inside, one statement fewer.

      const createdAt = this.#now();
      // Nothing reads it back in this transaction: it goes with the COMMIT.
      exec.defer(
        `INSERT INTO idempotency_records (merchant_id, client_txn_id, api, fingerprint, request,
           outcome, http_status, response, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          merchantId,
          clientTxnId,
          api,
          fingerprint,
          requestText,
          checked.kind,
          checked.httpStatus,
          checked.responseText,
          createdAt,
        ],
      );
      return {
        status: 'committed',
        outcome: {
          merchantKey,
          clientTxnId,
          api,
          kind: checked.kind,
          httpStatus: checked.httpStatus,
          response: JSON.parse(checked.responseText) as JsonObject,
          request: JSON.parse(requestText) as JsonObject,
          fingerprint,
          createdAt: new Date(createdAt),
        },
      };
    }, opening);
  }

  async findAccount(merchantKey: string, lookup: AccountLookup): Promise<Account | null> {
    return this.#readScoped(merchantKey, null, (exec, merchantId) =>
      selectAccount(exec, this.#db.dialect, merchantId, lookup, false),
    );
  }

  async statement(
    merchantKey: string,
    urn: string,
    query: StatementQuery,
  ): Promise<Statement | null> {
    return this.#readScoped(merchantKey, null, (exec, merchantId) =>
      selectStatement(exec, merchantId, urn, query),
    );
  }

  async getOutcome(merchantKey: string, clientTxnId: string): Promise<StoredOutcome | null> {
    return this.#readScoped(merchantKey, null, (exec, merchantId) =>
      selectOutcome(exec, merchantId, clientTxnId),
    );
  }

  async findTopUp(merchantKey: string, clientTxnId: string): Promise<TopUp | null> {
    const id = requireText(clientTxnId, 'clientTxnId', 100);
    return this.#readScoped(merchantKey, null, (exec, merchantId) =>
      selectTopUp(exec, merchantId, id),
    );
  }

  async findTopUpByPayuTxnId(payuTxnId: string): Promise<TopUp | null> {
    const id = requireText(payuTxnId, 'payuTxnId', 18);
    return this.#read(async (exec) => (await selectTopUpByPayuTxnId(exec, id))?.topUp ?? null);
  }

  async settleTopUp(payuTxnId: string, work: SettleWork): Promise<SettleResult> {
    const id = requireText(payuTxnId, 'payuTxnId', 18);
    return this.#write(async (exec): Promise<SettleResult> => {
      const found = await selectTopUpByPayuTxnId(exec, id);
      if (found === null) return { status: 'not-found' };
      const { merchantId } = found;
      const { merchantKey, clientTxnId } = found.topUp;
      // The key transact uses for the PG Load's clientTxnId: settlements of one top-up queue
      // here, and each then reads what the one before it committed.
      await this.#db.lockKey(exec, idempotencyLockKey(merchantKey, clientTxnId));
      const current = await selectTopUp(exec, merchantId, clientTxnId);
      if (current === null) return { status: 'not-found' };
      if (current.status !== 'PENDING') return { status: 'already-settled', topUp: current };

      await exec.execute(`SAVEPOINT ${WORK_SAVEPOINT}`);
      const tx = new SqlStoreTx({
        exec,
        dialect: this.#db.dialect,
        merchantId,
        merchantKey,
        clientTxnId,
        now: this.#now,
        digits: this.#digits,
      });
      let settlement: Awaited<ReturnType<SettleWork>>;
      try {
        const inWork = this.#inWork;
        settlement = await (inWork === undefined
          ? work(tx, current)
          : inWork.run(true, () => work(tx, current)));
      } finally {
        await tx.finish();
      }
      if (settlement.status !== 'SUCCESS') {
        await exec.execute(`ROLLBACK TO SAVEPOINT ${WORK_SAVEPOINT}`);
      }
      await exec.execute(`RELEASE SAVEPOINT ${WORK_SAVEPOINT}`);
      await updateTopUpSettled(exec, id, settlement, this.#now());
      const settled = await selectTopUp(exec, merchantId, clientTxnId);
      if (settled === null) throw new StoreFaultError();
      return { status: 'settled', topUp: settled };
    });
  }

  async listAccounts(query: ListQuery = {}): Promise<Page<Account>> {
    return this.#list(LISTINGS.accounts, query, []);
  }

  async listEntries(query: EntryListQuery = {}): Promise<Page<LedgerEntry>> {
    const urn = query.urn === undefined ? undefined : requireText(query.urn, 'query.urn', 100);
    return this.#list(LISTINGS.entries, query, urn === undefined ? [] : [['w.urn', urn]]);
  }

  async listOutcomes(query: ListQuery = {}): Promise<Page<StoredOutcome>> {
    return this.#list(LISTINGS.outcomes, query, []);
  }

  async reset(merchantKey?: string): Promise<void> {
    const key = merchantKey === undefined ? null : requireText(merchantKey, 'merchantKey', 200);
    return this.#write(async (exec) => {
      if (key === null) {
        for (const table of DATA_TABLES) await exec.execute(`DELETE FROM ${table}`);
        return;
      }
      const merchantId = await merchantIdOf(exec, key);
      if (merchantId === null) return;
      for (const table of DATA_TABLES) {
        await exec.execute(`DELETE FROM ${table} WHERE merchant_id = $1`, [merchantId]);
      }
    });
  }

  async ping(): Promise<void> {
    return this.#track(() => this.#db.ping());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.allSettled([...this.#running]);
    await this.#db.close();
  }

  #track<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new StoreClosedError());
    if (this.#inWork?.getStore() === true) return Promise.reject(new NestedStoreCallError());
    const running = operation();
    this.#running.add(running);
    const forget = (): void => {
      this.#running.delete(running);
    };
    running.then(forget, forget);
    return running;
  }

  #write<T>(fn: (exec: Executor) => Promise<T>, opening?: WriteOpening): Promise<T> {
    return this.#track(() => this.#db.write(fn, opening));
  }

  #read<T>(fn: (exec: Executor) => Promise<T>): Promise<T> {
    return this.#track(() => this.#db.read(fn));
  }

  /** A read scoped to one merchant; an unknown merchant reads as `empty`. */
  #readScoped<T, E>(
    merchantKey: string,
    empty: E,
    fn: (exec: Executor, merchantId: number) => Promise<T>,
  ): Promise<T | E> {
    const key = requireText(merchantKey, 'merchantKey', 200);
    return this.#read(async (exec) => {
      const merchantId = await merchantIdOf(exec, key);
      return merchantId === null ? empty : fn(exec, merchantId);
    });
  }

  #list<T>(
    listing: Listing<T>,
    query: ListQuery,
    filters: [column: string, value: string][],
  ): Promise<Page<T>> {
    const key =
      query.merchantKey === undefined ? null : requireText(query.merchantKey, 'merchantKey', 200);
    requireInteger(query.limit ?? 50, 'query.limit', 1, 1000);
    requireInteger(query.offset ?? 0, 'query.offset', 0, Number.MAX_SAFE_INTEGER);
    return this.#read(async (exec) => {
      const filter: ListFilter = { conditions: [], params: [] };
      if (key !== null) {
        const merchantId = await merchantIdOf(exec, key);
        if (merchantId === null) return { total: 0, items: [] };
        filter.params.push(merchantId);
        filter.conditions.push(`${listing.merchantColumn} = $${filter.params.length}`);
      }
      for (const [column, value] of filters) {
        filter.params.push(value);
        filter.conditions.push(`${column} = $${filter.params.length}`);
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

/**
 * The key that serializes writes under one `clientTxnId` of a merchant (`Backend.lockKey`): named
 * by the merchant's key, so that the lock can be taken before the merchant's row is read.
 */
function idempotencyLockKey(merchantKey: string, clientTxnId: string): string {
  return `${merchantKey}:${clientTxnId}`;
}

function requireHex(value: unknown, length: number, argument: string): string {
  if (typeof value !== 'string' || value.length !== length || !/^[0-9a-fA-F]+$/.test(value)) {
    throw new InvalidArgumentError(argument);
  }
  return value.toLowerCase();
}

function absent(value: unknown, argument: string): null {
  if (value !== undefined && value !== null) throw new InvalidArgumentError(argument);
  return null;
}

/** Checks what a work function answered and serializes its response. */
function checkOutcome(outcome: unknown): {
  kind: Outcome['kind'];
  httpStatus: number;
  responseText: string;
} {
  if (!isJsonObject(outcome)) throw new InvalidArgumentError('outcome');
  const kind = requireOneOf(outcome.kind, ['success', 'decline'] as const, 'outcome.kind');
  const httpStatus = requireInteger(outcome.httpStatus, 'outcome.httpStatus', 100, 599);
  if (!isJsonObject(outcome.response)) throw new InvalidArgumentError('outcome.response');
  return { kind, httpStatus, responseText: JSON.stringify(outcome.response) };
}
