/**
 * The behaviour every Store implementation must show. Run by `sqlite/sqlite-store.test.ts` and
 * `postgres/postgres-store.test.ts` against their own databases; not part of the published build.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileSourcesForChild, PACKAGE_NODE_MODULES } from '../../testing/compile-for-child.js';
import {
  InsufficientBalanceError,
  isStoreError,
  RefundExceedsRemainingError,
  type StoreError,
  UniqueViolationError,
} from '../errors.js';
import type { DigitSource } from '../identifiers.js';
import type { JsonObject } from '../json.js';
import type { Account, EntryType, NewAccount, NewEntry, TransactResult } from '../records.js';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from '../schema/migrations.js';
import type { Store, StoreOptions, StoreTx } from '../store-api.js';

/** A database for the suite: each `open` is a separate Store instance (as another process would be). */
export interface StoreHarness {
  /** The URL `openStore` takes for this database (a child process opens it too). */
  readonly url: string;
  open(options?: StoreOptions): Promise<Store>;
  /** Runs SQL on a separate connection that bypasses the store. */
  rawQuery(sql: string): Promise<Record<string, unknown>[]>;
  /** Drops the database and closes raw connections. */
  dispose(): Promise<void>;
}

/** A clock the suite can stop and move. */
class TestClock {
  #fixed: Date | null = null;
  readonly now = (): Date => this.#fixed ?? new Date();
  set(date: Date | null): void {
    this.#fixed = date;
  }
}

let sequence = 0;
/** A fresh identifier for merchants and clientTxnIds, unique across runs and processes. */
export function uid(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${sequence}`;
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AES_KEY_HEX = '000102030405060708090a0b0c0d0e0f1011121314151617';

function customer(overrides: Partial<NewAccount> = {}): NewAccount {
  sequence += 1;
  return {
    mobile: `9198${String(sequence).padStart(8, '0')}`,
    firstName: 'Asha',
    lastName: 'Rao',
    email: `asha${sequence}@example.com`,
    dateOfBirth: '1990-04-12',
    kycProfile: 30,
    riskCategory: 'Low',
    productId: 1,
    issueFormFactor: false,
    ...overrides,
  };
}

function success(response: JsonObject = { responseCode: '00' }) {
  return { kind: 'success' as const, httpStatus: 200, response };
}

function decline(code: string, httpStatus = 422) {
  return { kind: 'decline' as const, httpStatus, response: { responseCode: code } };
}

/** Runs `fn` and returns the store error it rejects with (fails the test if it resolves). */
async function storeError(fn: () => Promise<unknown>): Promise<StoreError> {
  try {
    await fn();
  } catch (error) {
    if (isStoreError(error)) return error;
    throw error;
  }
  throw new Error('expected a store error');
}

/**
 * Runs the crash child against `url` until it reports `holding` (a transaction open with a posted
 * credit), then kills it with SIGKILL and waits for it to die.
 */
async function crashChildMidTransaction(
  url: string,
  merchantKey: string,
  urn: string,
  id: string,
): Promise<void> {
  const dir = compileSourcesForChild();
  const child = spawn(
    process.execPath,
    [join(dir, 'store', 'testing', 'crash-child.js'), url, merchantKey, urn, id],
    { env: { ...process.env, NODE_PATH: PACKAGE_NODE_MODULES }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error('crash child timed out')), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('holding\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`crash child exited early (${code}): ${stderr}`));
    });
  });
  child.kill('SIGKILL');
  await exited;
  rmSync(dir, { recursive: true, force: true });
}

function committed(result: TransactResult) {
  if (result.status !== 'committed') throw new Error(`expected committed, got ${result.status}`);
  return result.outcome;
}

export function describeStoreConformance(
  name: string,
  createHarness: () => Promise<StoreHarness>,
): void {
  describe(`${name}: store conformance`, () => {
    let harness: StoreHarness;
    let store: Store;
    const clock = new TestClock();
    let merchantKey: string;

    beforeAll(async () => {
      harness = await createHarness();
      store = await harness.open({ now: clock.now, poolSize: 8 });
    });

    afterAll(async () => {
      await store?.close();
      await harness?.dispose();
    });

    beforeEach(async () => {
      clock.set(null);
      merchantKey = uid('m');
      await store.ensureMerchant({
        merchantKey,
        salt: 'test-salt',
        aesKeyHex: AES_KEY_HEX,
        ivMode: 'prefix',
      });
    });

    /** Registers a customer through transact, as Register Customer would. */
    async function register(
      overrides: Partial<NewAccount> = {},
      target: Store = store,
      key = merchantKey,
    ): Promise<Account> {
      let account: Account | undefined;
      const result = await target.transact(
        { merchantKey: key, clientTxnId: uid('reg'), api: 'register', request: { n: uid('r') } },
        async (tx) => {
          account = await tx.createAccount(customer(overrides));
          return success({ responseCode: '00', urn: account.wallet.urn });
        },
      );
      committed(result);
      if (account === undefined) throw new Error('work did not run');
      return account;
    }

    /** A Load or Unload: declines with 3007/1050 when the store refuses, as the engine would. */
    function move(
      urn: string,
      type: EntryType,
      amount: number,
      options: { clientTxnId?: string; target?: Store; entry?: Partial<NewEntry> } = {},
    ): Promise<TransactResult> {
      return (options.target ?? store).transact(
        {
          merchantKey,
          clientTxnId: options.clientTxnId ?? uid('mv'),
          api: type === 'CREDIT' ? 'load' : 'unload',
          request: { urn, transactionAmount: amount },
        },
        async (tx) => {
          try {
            const posted = await tx.post(urn, { type, amount, ...options.entry });
            return success({ responseCode: '00', availableBalance: posted.wallet.balance });
          } catch (error) {
            if (isStoreError(error, 'INSUFFICIENT_BALANCE')) return decline('3007');
            if (isStoreError(error, 'BALANCE_CAP_EXCEEDED')) return decline('1050');
            throw error;
          }
        },
      );
    }

    async function balanceOf(urn: string): Promise<number> {
      const account = await store.findAccount(merchantKey, { urn });
      if (account === null) throw new Error('no such wallet');
      return account.wallet.balance;
    }

    describe('schema', () => {
      it('applies each migration once, keeps data across reopen, and reopening changes nothing', async () => {
        const account = await register();
        const before = await harness.rawQuery(
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        const again = await harness.open();
        const third = await harness.open();
        await again.close();
        await third.close();
        const after = await harness.rawQuery(
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        expect(after).toEqual(before);
        const migrations = store.backend === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS;
        expect(after.map((row) => Number(row.version))).toEqual(migrations.map((m) => m.version));
        expect(
          (await store.findAccount(merchantKey, { urn: account.wallet.urn }))?.customer,
        ).toEqual(account.customer);
      });

      it('rejects a negative balance written straight to the table (CHECK constraint)', async () => {
        const { wallet } = await register();
        await expect(
          harness.rawQuery(`UPDATE wallets SET balance = -1 WHERE urn = '${wallet.urn}'`),
        ).rejects.toThrow(/check/i);
        await expect(
          harness.rawQuery(
            `UPDATE wallets SET balance = balance - (balance + 1) WHERE urn = '${wallet.urn}'`,
          ),
        ).rejects.toThrow(/check/i);
        await expect(
          harness.rawQuery(
            `INSERT INTO ledger_entries (wallet_id, merchant_id, entry_type, amount, fee, balance_after,
               client_txn_id, accosa_txn_id, reference_number, created_at)
             SELECT id, merchant_id, 'DEBIT', 5, 0, -5, 'raw', '1000000000', '100000000000', 0
             FROM wallets WHERE urn = '${wallet.urn}'`,
          ),
        ).rejects.toThrow(/check/i);
        expect(await balanceOf(wallet.urn)).toBe(0);
      });
    });

    describe('merchants', () => {
      it('keeps the first credentials when two writers ensure the same key', async () => {
        const key = uid('first');
        const [a, b] = await Promise.all([
          store.ensureMerchant({
            merchantKey: key,
            salt: 'one',
            aesKeyHex: AES_KEY_HEX,
            ivMode: 'prefix',
          }),
          store.ensureMerchant({
            merchantKey: key,
            salt: 'two',
            aesKeyHex: 'ff'.repeat(24),
            ivMode: 'fixed',
            ivHex: 'ab'.repeat(16),
          }),
        ]);
        expect(a).toEqual(b);
        expect(await store.getMerchant(key)).toEqual(a);
        expect((await store.listMerchants()).filter((m) => m.merchantKey === key)).toHaveLength(1);
      });

      it('stores a fixed IV and normalizes hex to lower case', async () => {
        const key = uid('fixed');
        const merchant = await store.ensureMerchant({
          merchantKey: key,
          salt: 's',
          aesKeyHex: AES_KEY_HEX.toUpperCase(),
          ivMode: 'fixed',
          ivHex: 'AB'.repeat(16),
        });
        expect(merchant).toMatchObject({
          aesKeyHex: AES_KEY_HEX,
          ivMode: 'fixed',
          ivHex: 'ab'.repeat(16),
        });
      });

      it('rejects malformed credentials', async () => {
        const base = {
          merchantKey: uid('bad'),
          salt: 's',
          aesKeyHex: AES_KEY_HEX,
          ivMode: 'prefix' as const,
        };
        expect(
          (await storeError(() => store.ensureMerchant({ ...base, aesKeyHex: 'abc' }))).code,
        ).toBe('INVALID_ARGUMENT');
        expect(
          (await storeError(() => store.ensureMerchant({ ...base, ivMode: 'fixed' }))).code,
        ).toBe('INVALID_ARGUMENT');
        expect(await store.getMerchant(base.merchantKey)).toBeNull();
      });

      it('deletes a merchant with all its data', async () => {
        const { wallet } = await register();
        await move(wallet.urn, 'CREDIT', 100);
        expect(await store.deleteMerchant(merchantKey)).toBe(true);
        expect(await store.deleteMerchant(merchantKey)).toBe(false);
        const rows = await harness.rawQuery(`SELECT id FROM wallets WHERE urn = '${wallet.urn}'`);
        expect(rows).toHaveLength(0);
        expect(await store.findAccount(merchantKey, { urn: wallet.urn })).toBeNull();
      });

      it('refuses work for an unknown merchant', async () => {
        const error = await storeError(() =>
          store.transact(
            { merchantKey: uid('ghost'), clientTxnId: 'x', api: 'load', request: {} },
            async () => success(),
          ),
        );
        expect(error.code).toBe('UNKNOWN_MERCHANT');
      });
    });

    describe('customers and wallets', () => {
      it('issues identifiers of the documented shapes', async () => {
        const plain = await register();
        const withCard = await register({ issueFormFactor: true, customerId: 'cust-1' });
        expect(plain.customer.customerId).toMatch(/^[1-9][0-9]{11}$/);
        expect(plain.wallet.urn).toMatch(/^[1-9][0-9]{10}$/);
        expect(plain.wallet.accountNumber).toMatch(/^[0-9]{12}$/);
        expect(plain.wallet.uniqueNumber).toBeNull();
        expect(withCard.customer.customerId).toBe('cust-1');
        expect(withCard.wallet.uniqueNumber).toMatch(/^[0-9]{16}$/);
        expect(plain.wallet).toMatchObject({ status: 'Active', balance: 0 });
        expect(plain.customer).toMatchObject({
          merchantKey,
          firstName: 'Asha',
          middleName: null,
          lastName: 'Rao',
          gender: null,
          dateOfBirth: '1990-04-12',
          kycProfile: 30,
          riskCategory: 'Low',
          productId: 1,
          address: {
            line1: null,
            line2: null,
            city: null,
            state: null,
            country: null,
            pincode: null,
          },
        });
      });

      it('finds an account by any identifier, only when all given identifiers agree', async () => {
        const account = await register({ customerId: 'find-me' });
        const other = await register();
        const { customer: c, wallet: w } = account;
        for (const lookup of [
          { customerId: c.customerId },
          { mobile: c.mobile },
          { email: c.email ?? '' },
          { urn: w.urn },
          { accountNumber: w.accountNumber },
          { customerId: c.customerId, urn: w.urn, mobile: c.mobile },
        ]) {
          expect(await store.findAccount(merchantKey, lookup)).toEqual(account);
        }
        expect(
          await store.findAccount(merchantKey, { customerId: c.customerId, urn: other.wallet.urn }),
        ).toBeNull();
        expect(await store.findAccount(merchantKey, { urn: '99999999999' })).toBeNull();
        expect((await storeError(() => store.findAccount(merchantKey, {}))).code).toBe(
          'INVALID_ARGUMENT',
        );
      });

      it('finds the oldest customer when several share an email', async () => {
        const first = await register({ email: 'shared@example.com' });
        await register({ email: 'shared@example.com' });
        expect(await store.findAccount(merchantKey, { email: 'shared@example.com' })).toEqual(
          first,
        );
      });

      it('keeps customers of different merchants apart', async () => {
        const account = await register({ customerId: 'same', mobile: '919900000001' });
        const otherKey = uid('m2');
        await store.ensureMerchant({
          merchantKey: otherKey,
          salt: 's',
          aesKeyHex: AES_KEY_HEX,
          ivMode: 'prefix',
        });
        const twin = await register(
          { customerId: 'same', mobile: '919900000001' },
          store,
          otherKey,
        );
        expect(twin.wallet.urn).not.toBe(account.wallet.urn);
        expect(await store.findAccount(otherKey, { urn: account.wallet.urn })).toBeNull();
        expect(await store.findAccount(merchantKey, { urn: twin.wallet.urn })).toBeNull();
      });

      it('reports which unique field is taken, keeps the transaction usable, and stores the decline', async () => {
        const existing = await register({ customerId: 'taken-id', mobile: '919911111111' });
        for (const [input, field] of [
          [{ customerId: 'taken-id' }, 'customerId'],
          [{ mobile: '919911111111' }, 'mobile'],
        ] as const) {
          const clientTxnId = uid('dup');
          const result = await store.transact(
            { merchantKey, clientTxnId, api: 'register', request: { field } },
            async (tx) => {
              try {
                await tx.createAccount(customer(input));
                return success();
              } catch (error) {
                expect(error).toBeInstanceOf(UniqueViolationError);
                expect((error as UniqueViolationError).field).toBe(field);
                // The transaction still works after the violation.
                expect(await tx.findAccount({ urn: existing.wallet.urn })).not.toBeNull();
                return decline('1030', 409);
              }
            },
          );
          expect(committed(result)).toMatchObject({ kind: 'decline', httpStatus: 409 });
          expect((await store.getOutcome(merchantKey, clientTxnId))?.response).toEqual({
            responseCode: '1030',
          });
        }
        expect((await store.listAccounts({ merchantKey })).total).toBe(1);
      });

      it('updates profile fields, merges address lines, and guards the mobile', async () => {
        const account = await register({ customerId: 'upd' });
        const other = await register();
        const result = await store.transact(
          { merchantKey, clientTxnId: uid('upd'), api: 'updateProfile', request: {} },
          async (tx) => {
            await tx.updateCustomer('upd', { address: { line1: 'MG Road', city: 'Pune' } });
            const updated = await tx.updateCustomer('upd', {
              firstName: 'Meera',
              email: null,
              kycProfile: 150,
              riskCategory: 'High',
              gender: 'F',
              address: { city: 'Mumbai', pincode: '400001' },
            });
            expect(updated.customer).toMatchObject({
              firstName: 'Meera',
              lastName: 'Rao',
              email: null,
              kycProfile: 150,
              riskCategory: 'High',
              gender: 'F',
              address: {
                line1: 'MG Road',
                line2: null,
                city: 'Mumbai',
                state: null,
                country: null,
                pincode: '400001',
              },
            });
            const taken = await storeError(() =>
              tx.updateCustomer('upd', { mobile: other.customer.mobile }),
            );
            expect(taken).toMatchObject({ code: 'UNIQUE_VIOLATION', field: 'mobile' });
            expect(
              (await storeError(() => tx.updateCustomer('nobody', { firstName: 'X' }))).code,
            ).toBe('NOT_FOUND');
            await tx.updateCustomer('upd', { mobile: '919922222222' });
            return success();
          },
        );
        committed(result);
        const after = await store.findAccount(merchantKey, { customerId: 'upd' });
        expect(after?.customer).toMatchObject({ mobile: '919922222222', firstName: 'Meera' });
        expect(after?.customer.updatedAt.getTime()).toBeGreaterThanOrEqual(
          account.customer.updatedAt.getTime(),
        );
      });

      it('sets wallet status with reason and remarks', async () => {
        const { wallet } = await register();
        await store.transact(
          { merchantKey, clientTxnId: uid('st'), api: 'walletStatus', request: {} },
          async (tx) => {
            const updated = await tx.setWalletStatus(wallet.urn, {
              status: 'Debit',
              reason: 'fraud check',
              remarks: 'r',
            });
            expect(updated).toMatchObject({
              status: 'Debit',
              statusReason: 'fraud check',
              statusRemarks: 'r',
            });
            expect(
              (await storeError(() => tx.setWalletStatus('12345678901', { status: 'Active' })))
                .code,
            ).toBe('NOT_FOUND');
            return success();
          },
        );
        expect((await store.findAccount(merchantKey, { urn: wallet.urn }))?.wallet.status).toBe(
          'Debit',
        );
      });

      it('retries identifiers that are already taken, and gives up with STORE_FAULT when none is free', async () => {
        const constant: DigitSource = (length) => '7'.repeat(length);
        // Collides with `constant`'s values on the first draw of each length, then draws fresh ones.
        const collidingOnce = (): DigitSource => {
          const draws = new Map<number, number>();
          return (length) => {
            const n = (draws.get(length) ?? 0) + 1;
            draws.set(length, n);
            return n === 1 ? '7'.repeat(length) : String(n).padStart(length, '2');
          };
        };
        const stuck = await harness.open({ digits: constant });
        const lucky = await harness.open({ digits: collidingOnce() });
        // A given customerId: only the wallet's identifiers collide, once.
        const luckyWallet = await harness.open({ digits: collidingOnce() });
        try {
          const first = await register({}, stuck);
          expect(first.wallet.urn).toBe('77777777777');
          await move(first.wallet.urn, 'CREDIT', 10, { target: stuck });
          const second = await register({}, lucky);
          expect(second.wallet.urn).not.toBe(first.wallet.urn);
          await move(second.wallet.urn, 'CREDIT', 10, { target: lucky });
          const givenId = uid('given');
          const third = await register({ customerId: givenId }, luckyWallet);
          expect(third.customer.customerId).toBe(givenId);
          expect(third.wallet.urn).not.toBe(first.wallet.urn);
          expect((await store.findAccount(merchantKey, { customerId: givenId }))?.wallet.urn).toBe(
            third.wallet.urn,
          );
          const entries = await store.listEntries({ merchantKey });
          expect(new Set(entries.items.map((e) => e.accosaTransactionId)).size).toBe(2);
          expect((await storeError(() => register({ customerId: 'no-room' }, stuck))).code).toBe(
            'STORE_FAULT',
          );
        } finally {
          await stuck.close();
          await lucky.close();
          await luckyWallet.close();
        }
      });
    });

    describe('credits and debits', () => {
      it('moves the balance, records the entry, and never lets it go negative', async () => {
        const { wallet } = await register();
        const load = committed(
          await move(wallet.urn, 'CREDIT', 500, {
            entry: { fee: 5, counterparty: 'bank', description: 'top-up' },
          }),
        );
        expect(load.response).toEqual({ responseCode: '00', availableBalance: 500 });
        const over = committed(await move(wallet.urn, 'DEBIT', 501));
        expect(over).toMatchObject({ kind: 'decline', response: { responseCode: '3007' } });
        committed(await move(wallet.urn, 'DEBIT', 500));
        expect(await balanceOf(wallet.urn)).toBe(0);
        const page = await store.listEntries({ merchantKey, urn: wallet.urn });
        expect(page.total).toBe(2);
        const [debit, credit] = page.items;
        expect(credit).toMatchObject({
          type: 'CREDIT',
          amount: 500,
          fee: 5,
          balanceAfter: 500,
          counterparty: 'bank',
          description: 'top-up',
          urn: wallet.urn,
          merchantKey,
          originalClientTxnId: null,
        });
        expect(credit?.accosaTransactionId).toMatch(/^[1-9][0-9]{9}$/);
        expect(credit?.referenceNumber).toMatch(/^[0-9]{12}$/);
        expect(debit).toMatchObject({ type: 'DEBIT', amount: 500, balanceAfter: 0 });
      });

      it('throws typed errors that leave the transaction usable', async () => {
        const { wallet } = await register();
        await move(wallet.urn, 'CREDIT', 100);
        const result = await store.transact(
          { merchantKey, clientTxnId: uid('typed'), api: 'unload', request: {} },
          async (tx) => {
            const short = await storeError(() =>
              tx.post(wallet.urn, { type: 'DEBIT', amount: 101 }),
            );
            expect(short).toBeInstanceOf(InsufficientBalanceError);
            expect(short).toMatchObject({ balance: 100, amount: 101 });
            const capped = await storeError(() =>
              tx.post(wallet.urn, { type: 'CREDIT', amount: 50, maxBalance: 120 }),
            );
            expect(capped).toMatchObject({ code: 'BALANCE_CAP_EXCEEDED', maxBalance: 120 });
            expect(
              (await storeError(() => tx.post('10000000000', { type: 'CREDIT', amount: 1 }))).code,
            ).toBe('NOT_FOUND');
            for (const amount of [0, -1, 1.5, Number.NaN, 2 ** 53]) {
              expect(
                (await storeError(() => tx.post(wallet.urn, { type: 'CREDIT', amount }))).code,
              ).toBe('INVALID_ARGUMENT');
            }
            const posted = await tx.post(wallet.urn, { type: 'DEBIT', amount: 100 });
            expect(posted.wallet.balance).toBe(0);
            const twice = await storeError(() =>
              tx.post(wallet.urn, { type: 'CREDIT', amount: 1 }),
            );
            expect(twice).toMatchObject({ code: 'UNIQUE_VIOLATION', field: 'clientTxnId' });
            return success();
          },
        );
        committed(result);
        expect(await balanceOf(wallet.urn)).toBe(0);
        expect((await store.listEntries({ merchantKey, urn: wallet.urn })).total).toBe(2);
      });

      it('applies the balance cap given with a credit', async () => {
        const { wallet } = await register();
        committed(
          await move(wallet.urn, 'CREDIT', 1_000_000, { entry: { maxBalance: 1_000_000 } }),
        );
        const over = committed(
          await move(wallet.urn, 'CREDIT', 1, { entry: { maxBalance: 1_000_000 } }),
        );
        expect(over.response).toEqual({ responseCode: '1050' });
        expect(await balanceOf(wallet.urn)).toBe(1_000_000);
      });

      it('round-trips balances and amounts above 2^31 and 2^32 exactly', async () => {
        const { wallet } = await register();
        const big = 999_999_999_999;
        for (let i = 0; i < 3; i += 1) committed(await move(wallet.urn, 'CREDIT', big));
        committed(await move(wallet.urn, 'DEBIT', 2_147_483_649));
        const expected = 3 * big - 2_147_483_649;
        expect(expected).toBeGreaterThan(2 ** 32);
        expect(await balanceOf(wallet.urn)).toBe(expected);
        const entries = await store.listEntries({ merchantKey, urn: wallet.urn });
        expect(entries.items[0]).toMatchObject({ amount: 2_147_483_649, balanceAfter: expected });
        const raw = await harness.rawQuery(
          `SELECT balance FROM wallets WHERE urn = '${wallet.urn}'`,
        );
        expect(String(raw[0]?.balance)).toBe(String(expected));
        const statement = await store.statement(merchantKey, wallet.urn, {
          since: new Date(0),
          before: new Date(Date.now() + 60_000),
          page: 1,
          pageSize: 10,
        });
        expect(statement).toMatchObject({
          openingBalance: 0,
          closingBalance: expected,
          availableBalance: expected,
        });
      });

      it('limits refunds to what remains of the original debit', async () => {
        const { wallet } = await register();
        committed(await move(wallet.urn, 'CREDIT', 1000));
        const debitId = uid('debit');
        committed(await move(wallet.urn, 'DEBIT', 600, { clientTxnId: debitId }));
        const creditId = uid('credit');
        committed(await move(wallet.urn, 'CREDIT', 10, { clientTxnId: creditId }));

        const refund = (amount: number, original: string) =>
          store.transact(
            { merchantKey, clientTxnId: uid('refund'), api: 'load', request: { amount, original } },
            async (tx) => {
              try {
                const { entry } = await tx.post(wallet.urn, {
                  type: 'CREDIT',
                  amount,
                  originalClientTxnId: original,
                });
                return success({ responseCode: '00', refunded: entry.amount });
              } catch (error) {
                if (error instanceof RefundExceedsRemainingError) {
                  return decline('1135', 422);
                }
                if (isStoreError(error, 'ORIGINAL_DEBIT_NOT_FOUND')) return decline('1246', 404);
                throw error;
              }
            },
          );

        expect(committed(await refund(400, debitId)).kind).toBe('success');
        expect(committed(await refund(201, debitId)).response).toEqual({ responseCode: '1135' });
        expect(committed(await refund(200, debitId)).kind).toBe('success');
        expect(committed(await refund(1, debitId)).response).toEqual({ responseCode: '1135' });
        expect(committed(await refund(1, creditId)).response).toEqual({ responseCode: '1246' });
        expect(committed(await refund(1, 'never-sent')).response).toEqual({ responseCode: '1246' });
        expect(await balanceOf(wallet.urn)).toBe(1000 - 600 + 10 + 600);

        await store.transact(
          { merchantKey, clientTxnId: uid('rs'), api: 'inspect', request: {} },
          async (tx) => {
            const state = await tx.refundState(debitId);
            expect(state).toMatchObject({
              refunded: 600,
              remaining: 0,
              original: { amount: 600, type: 'DEBIT' },
            });
            expect(await tx.refundState(creditId)).toBeNull();
            return success();
          },
        );
      });

      it('keeps the balance equal to a model over random sequences (property)', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(
              fc.record({ credit: fc.boolean(), amount: fc.integer({ min: 1, max: 5_000 }) }),
              {
                minLength: 1,
                maxLength: 12,
              },
            ),
            async (ops) => {
              const { wallet } = await register();
              let model = 0;
              for (const op of ops) {
                const result = committed(
                  await move(wallet.urn, op.credit ? 'CREDIT' : 'DEBIT', op.amount),
                );
                const applies = op.credit || model >= op.amount;
                expect(result.kind).toBe(applies ? 'success' : 'decline');
                if (applies) model += op.credit ? op.amount : -op.amount;
              }
              expect(await balanceOf(wallet.urn)).toBe(model);
            },
          ),
          { numRuns: 12 },
        );
      }, 60_000);
    });

    describe('idempotency', () => {
      it('replays the stored response for the same request, ignoring requestDateTime, with no new effect', async () => {
        const { wallet } = await register();
        const clientTxnId = uid('idem');
        let runs = 0;
        const send = (requestDateTime: string, amount = 250) =>
          store.transact(
            {
              merchantKey,
              clientTxnId,
              api: 'load',
              request: {
                messageCode: 1080,
                clientTxnId,
                requestDateTime,
                urn: wallet.urn,
                transactionAmount: amount,
                nested: { b: 1, a: 2 },
              },
            },
            async (tx) => {
              runs += 1;
              const posted = await tx.post(wallet.urn, { type: 'CREDIT', amount });
              return success({ zeta: 'z', responseCode: '00', alpha: posted.wallet.balance });
            },
          );
        const first = await send('20240101101010');
        const again = await store.transact(
          {
            merchantKey,
            clientTxnId,
            api: 'load',
            // Same content in another key order, another requestDateTime.
            request: {
              nested: { a: 2, b: 1 },
              transactionAmount: 250,
              urn: wallet.urn,
              requestDateTime: '20240101101500',
              clientTxnId,
              messageCode: 1080,
            },
          },
          async () => {
            runs += 1;
            return success();
          },
        );
        expect(first.status).toBe('committed');
        expect(again.status).toBe('replayed');
        if (again.status !== 'replayed') return;
        expect(again.outcome).toEqual(committed(first));
        expect(JSON.stringify(again.outcome.response)).toBe(
          '{"zeta":"z","responseCode":"00","alpha":250}',
        );
        expect(runs).toBe(1);
        expect(await balanceOf(wallet.urn)).toBe(250);

        const different = await send('20240101101010', 251);
        expect(different.status).toBe('conflict');
        if (different.status === 'conflict')
          expect(different.existing.response).toEqual(committed(first).response);
        expect(runs).toBe(1);
        expect(await balanceOf(wallet.urn)).toBe(250);
      });

      it('treats the same clientTxnId on another API as a different request', async () => {
        const clientTxnId = uid('api');
        const request = { clientTxnId };
        committed(
          await store.transact({ merchantKey, clientTxnId, api: 'retrieve', request }, async () =>
            success(),
          ),
        );
        const other = await store.transact(
          { merchantKey, clientTxnId, api: 'load', request },
          async () => success(),
        );
        expect(other.status).toBe('conflict');
      });

      it('stores declines, rolls back what a declining work wrote, and replays the decline', async () => {
        const { wallet } = await register();
        const clientTxnId = uid('decl');
        const request = { urn: wallet.urn };
        const first = await store.transact(
          { merchantKey, clientTxnId, api: 'load', request },
          async (tx) => {
            await tx.post(wallet.urn, { type: 'CREDIT', amount: 999 });
            await tx.setWalletStatus(wallet.urn, { status: 'Closed' });
            return decline('1118');
          },
        );
        expect(committed(first)).toMatchObject({ kind: 'decline', httpStatus: 422 });
        const account = await store.findAccount(merchantKey, { urn: wallet.urn });
        expect(account?.wallet).toMatchObject({ balance: 0, status: 'Active' });
        expect((await store.listEntries({ merchantKey, urn: wallet.urn })).total).toBe(0);
        const replay = await store.transact(
          { merchantKey, clientTxnId, api: 'load', request },
          async () => success(),
        );
        expect(replay.status).toBe('replayed');
        if (replay.status === 'replayed')
          expect(replay.outcome.response).toEqual({ responseCode: '1118' });
      });

      it('stores nothing when the work throws, so the same clientTxnId can run again', async () => {
        const { wallet } = await register();
        const clientTxnId = uid('boom');
        const request = { urn: wallet.urn };
        await expect(
          store.transact({ merchantKey, clientTxnId, api: 'load', request }, async (tx) => {
            await tx.post(wallet.urn, { type: 'CREDIT', amount: 70 });
            throw new Error('engine bug');
          }),
        ).rejects.toThrow('engine bug');
        expect(await balanceOf(wallet.urn)).toBe(0);
        expect(await store.getOutcome(merchantKey, clientTxnId)).toBeNull();
        const retry = await store.transact(
          { merchantKey, clientTxnId, api: 'load', request },
          async (tx) => {
            await tx.post(wallet.urn, { type: 'CREDIT', amount: 70 });
            return success();
          },
        );
        expect(retry.status).toBe('committed');
        expect(await balanceOf(wallet.urn)).toBe(70);
      });

      it('rejects a malformed outcome and stores nothing', async () => {
        const clientTxnId = uid('bad-outcome');
        for (const outcome of [
          { kind: 'maybe', httpStatus: 200, response: {} },
          { kind: 'success', httpStatus: 99, response: {} },
          { kind: 'success', httpStatus: 200, response: [] },
        ]) {
          const error = await storeError(() =>
            store.transact(
              { merchantKey, clientTxnId, api: 'x', request: {} },
              async () => outcome as never,
            ),
          );
          expect(error.code).toBe('INVALID_ARGUMENT');
        }
        expect(await store.getOutcome(merchantKey, clientTxnId)).toBeNull();
      });

      it('scopes clientTxnId to the merchant', async () => {
        const otherKey = uid('m3');
        await store.ensureMerchant({
          merchantKey: otherKey,
          salt: 's',
          aesKeyHex: AES_KEY_HEX,
          ivMode: 'prefix',
        });
        const clientTxnId = uid('shared');
        committed(
          await store.transact(
            { merchantKey, clientTxnId, api: 'a', request: { v: 1 } },
            async () => success(),
          ),
        );
        committed(
          await store.transact(
            { merchantKey: otherKey, clientTxnId, api: 'a', request: { v: 2 } },
            async () => success(),
          ),
        );
        expect((await store.getOutcome(otherKey, clientTxnId))?.request).toEqual({ v: 2 });
      });

      it('kills the transaction handle after the work and refuses store calls inside it', async () => {
        let leaked: StoreTx | undefined;
        await store.transact(
          { merchantKey, clientTxnId: uid('leak'), api: 'a', request: {} },
          async (tx) => {
            leaked = tx;
            const nested = await storeError(() =>
              store.findAccount(merchantKey, { urn: '12345678901' }),
            );
            expect(nested.code).toBe('NESTED_STORE_CALL');
            return success();
          },
        );
        if (leaked === undefined) throw new Error('work did not run');
        const handle = leaked;
        expect((await storeError(() => handle.findAccount({ urn: '12345678901' }))).code).toBe(
          'TRANSACTION_FINISHED',
        );
      });

      it('runs the work once for 50 concurrent identical requests', async () => {
        const { wallet } = await register();
        const clientTxnId = uid('burst');
        let runs = 0;
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.transact(
              {
                merchantKey,
                clientTxnId,
                api: 'load',
                request: { urn: wallet.urn, amount: 40, requestDateTime: String(i) },
              },
              async (tx) => {
                runs += 1;
                await tx.post(wallet.urn, { type: 'CREDIT', amount: 40 });
                return success();
              },
            ),
          ),
        );
        expect(runs).toBe(1);
        expect(results.filter((r) => r.status === 'committed')).toHaveLength(1);
        expect(results.filter((r) => r.status === 'replayed')).toHaveLength(49);
        expect(await balanceOf(wallet.urn)).toBe(40);
        expect((await store.listEntries({ merchantKey, urn: wallet.urn })).total).toBe(1);
      }, 60_000);

      it('runs the work once when two store instances (two processes) race on one clientTxnId', async () => {
        const { wallet } = await register();
        const second = await harness.open({ poolSize: 8 });
        try {
          const clientTxnId = uid('race');
          let runs = 0;
          const results = await Promise.all(
            Array.from({ length: 40 }, (_, i) =>
              (i % 2 === 0 ? store : second).transact(
                { merchantKey, clientTxnId, api: 'unload', request: { urn: wallet.urn } },
                async (tx) => {
                  runs += 1;
                  await tx.post(wallet.urn, { type: 'CREDIT', amount: 13 });
                  return success();
                },
              ),
            ),
          );
          expect(runs).toBe(1);
          expect(results.filter((r) => r.status === 'committed')).toHaveLength(1);
          expect(await balanceOf(wallet.urn)).toBe(13);
        } finally {
          await second.close();
        }
      }, 60_000);

      it('keeps the balance exact under 200 concurrent random credits and debits from two instances', async () => {
        const { wallet } = await register();
        committed(await move(wallet.urn, 'CREDIT', 5_000));
        const second = await harness.open({ poolSize: 8 });
        try {
          const random = seeded(20240611);
          const ops = Array.from({ length: 200 }, () => ({
            type: (random() < 0.4 ? 'CREDIT' : 'DEBIT') as EntryType,
            amount: 1 + Math.floor(random() * 900),
          }));
          const total = (type: EntryType) =>
            ops.filter((op) => op.type === type).reduce((sum, op) => sum + op.amount, 0);
          // More is debited than could ever be there, so some debits must be declined.
          expect(total('DEBIT')).toBeGreaterThan(5_000 + total('CREDIT'));
          const results = await Promise.all(
            ops.map((op, i) =>
              move(wallet.urn, op.type, op.amount, { target: i % 2 === 0 ? store : second }),
            ),
          );
          let expected = 5_000;
          let applied = 1;
          results.forEach((result, i) => {
            const op = ops[i];
            if (op === undefined) throw new Error('missing op');
            const outcome = committed(result);
            if (outcome.kind === 'success') {
              applied += 1;
              expected += op.type === 'CREDIT' ? op.amount : -op.amount;
            } else {
              expect(op.type).toBe('DEBIT');
            }
          });
          expect(results.some((r) => committed(r).kind === 'decline')).toBe(true);
          expect(await balanceOf(wallet.urn)).toBe(expected);

          const entries = [
            ...(await store.listEntries({ merchantKey, urn: wallet.urn, limit: 1000 })).items,
          ].reverse();
          expect(entries).toHaveLength(applied);
          let running = 0;
          let previous = 0;
          for (const entry of entries) {
            running += entry.type === 'CREDIT' ? entry.amount : -entry.amount;
            expect(entry.balanceAfter).toBe(running);
            expect(entry.balanceAfter).toBeGreaterThanOrEqual(0);
            expect(entry.createdAt.getTime()).toBeGreaterThanOrEqual(previous);
            previous = entry.createdAt.getTime();
          }
          expect(running).toBe(expected);
        } finally {
          await second.close();
        }
      }, 120_000);
    });

    describe('crash safety', () => {
      it('keeps committed effects and none of an open transaction when its process is killed (kill -9)', async () => {
        const { wallet } = await register();
        const id = uid('crash');
        await crashChildMidTransaction(harness.url, merchantKey, wallet.urn, id);
        expect(await balanceOf(wallet.urn)).toBe(100);
        expect((await store.getOutcome(merchantKey, `${id}-done`))?.kind).toBe('success');
        expect(await store.getOutcome(merchantKey, `${id}-held`)).toBeNull();
        expect((await store.listEntries({ merchantKey, urn: wallet.urn })).total).toBe(1);
        // The killed request's clientTxnId is free, and its retry applies once.
        committed(await move(wallet.urn, 'CREDIT', 50, { clientTxnId: `${id}-held` }));
        expect(await balanceOf(wallet.urn)).toBe(150);
      }, 60_000);
    });

    describe('statements', () => {
      const day = (d: number, h = 12) => new Date(Date.UTC(2024, 0, d, h, 0, 0));

      it('pages the entries of a window in time order with opening and closing balances', async () => {
        const { wallet } = await register();
        const at = async (date: Date, type: EntryType, amount: number) => {
          clock.set(date);
          committed(
            await move(wallet.urn, type, amount, { clientTxnId: uid(`s${date.getTime()}`) }),
          );
        };
        await at(day(1), 'CREDIT', 1000); // before the window
        await at(day(2, 0), 'DEBIT', 100); // first instant of the window
        await at(day(2, 9), 'CREDIT', 50);
        await at(day(3), 'DEBIT', 200);
        await at(day(3), 'CREDIT', 5); // same instant: posting order decides
        await at(day(4, 0), 'CREDIT', 7); // first instant after the window
        clock.set(null);

        const window = { since: day(2, 0), before: day(4, 0) };
        const first = await store.statement(merchantKey, wallet.urn, {
          ...window,
          page: 1,
          pageSize: 3,
        });
        expect(first).toMatchObject({
          urn: wallet.urn,
          openingBalance: 1000,
          closingBalance: 755,
          availableBalance: 762,
          totalEntries: 4,
          page: 1,
          pageSize: 3,
        });
        expect(first?.entries.map((e) => [e.type, e.amount, e.balanceAfter])).toEqual([
          ['DEBIT', 100, 900],
          ['CREDIT', 50, 950],
          ['DEBIT', 200, 750],
        ]);
        const second = await store.statement(merchantKey, wallet.urn, {
          ...window,
          page: 2,
          pageSize: 3,
        });
        expect(second?.entries.map((e) => e.balanceAfter)).toEqual([755]);
        const beyond = await store.statement(merchantKey, wallet.urn, {
          ...window,
          page: 3,
          pageSize: 3,
        });
        expect(beyond).toMatchObject({ totalEntries: 4, entries: [] });

        const empty = await store.statement(merchantKey, wallet.urn, {
          since: day(10),
          before: day(11),
          page: 1,
          pageSize: 20,
        });
        expect(empty).toMatchObject({
          openingBalance: 762,
          closingBalance: 762,
          totalEntries: 0,
          entries: [],
        });
        const early = await store.statement(merchantKey, wallet.urn, {
          since: day(1, 0),
          before: day(1, 1),
          page: 1,
          pageSize: 20,
        });
        expect(early).toMatchObject({ openingBalance: 0, closingBalance: 0 });

        await store.transact(
          { merchantKey, clientTxnId: uid('stx'), api: 'statement', request: {} },
          async (tx) => {
            expect(await tx.statement(wallet.urn, { ...window, page: 1, pageSize: 3 })).toEqual(
              first,
            );
            return success();
          },
        );
        expect(
          await store.statement(uid('nobody'), wallet.urn, { ...window, page: 1, pageSize: 3 }),
        ).toBeNull();
        expect(
          await store.statement(merchantKey, '12345678901', { ...window, page: 1, pageSize: 3 }),
        ).toBeNull();
        expect(
          (
            await storeError(() =>
              store.statement(merchantKey, wallet.urn, {
                since: day(3),
                before: day(2),
                page: 1,
                pageSize: 3,
              }),
            )
          ).code,
        ).toBe('INVALID_ARGUMENT');
      });

      it('keeps entry stamps non-decreasing even when the clock goes back', async () => {
        const { wallet } = await register();
        clock.set(day(5));
        committed(await move(wallet.urn, 'CREDIT', 10));
        clock.set(day(4));
        committed(await move(wallet.urn, 'CREDIT', 20));
        clock.set(null);
        const entries = (await store.listEntries({ merchantKey, urn: wallet.urn })).items;
        expect(entries.map((e) => e.createdAt.getTime())).toEqual([
          day(5).getTime(),
          day(5).getTime(),
        ]);
      });
    });

    describe('check status and listings', () => {
      it('returns the stored response of a clientTxnId, also from inside a transaction', async () => {
        const clientTxnId = uid('cs');
        committed(
          await store.transact(
            {
              merchantKey,
              clientTxnId,
              api: 'load',
              request: { requestDateTime: '20240101000000', a: 1 },
            },
            async () => success({ responseCode: '00', note: 'kept' }),
          ),
        );
        const stored = await store.getOutcome(merchantKey, clientTxnId);
        expect(stored).toMatchObject({
          merchantKey,
          clientTxnId,
          api: 'load',
          kind: 'success',
          httpStatus: 200,
          response: { responseCode: '00', note: 'kept' },
          request: { requestDateTime: '20240101000000', a: 1 },
        });
        expect(stored?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
        await store.transact(
          { merchantKey, clientTxnId: uid('cs2'), api: 'checkStatus', request: {} },
          async (tx) => {
            expect(await tx.getOutcome(clientTxnId)).toEqual(stored);
            expect(await tx.getOutcome(tx.clientTxnId)).toBeNull();
            return success();
          },
        );
        expect(await store.getOutcome(merchantKey, uid('none'))).toBeNull();
      });

      it('lists accounts, entries and outcomes per merchant with paging', async () => {
        const a = await register();
        const b = await register();
        await move(b.wallet.urn, 'CREDIT', 5);
        await move(a.wallet.urn, 'CREDIT', 6);
        const accounts = await store.listAccounts({ merchantKey, limit: 1 });
        expect(accounts.total).toBe(2);
        expect(accounts.items.map((account) => account.customer)).toEqual([a.customer]);
        expect(
          (await store.listAccounts({ merchantKey, limit: 1, offset: 1 })).items[0]?.wallet.urn,
        ).toBe(b.wallet.urn);
        const entries = await store.listEntries({ merchantKey });
        expect(entries.items.map((e) => e.amount)).toEqual([6, 5]);
        expect((await store.listEntries({ merchantKey, urn: a.wallet.urn })).total).toBe(1);
        const outcomes = await store.listOutcomes({ merchantKey });
        expect(outcomes.total).toBe(4);
        expect(outcomes.items[0]?.api).toBe('load');
        expect((await store.listAccounts({ merchantKey: uid('none') })).total).toBe(0);
        expect((await store.listAccounts()).total).toBeGreaterThanOrEqual(2);
        expect((await storeError(() => store.listAccounts({ limit: 0 }))).code).toBe(
          'INVALID_ARGUMENT',
        );
      });
    });

    describe('reset and close', () => {
      it('resets one merchant, then all, keeping merchants', async () => {
        const mine = await register();
        await move(mine.wallet.urn, 'CREDIT', 5);
        const otherKey = uid('m4');
        await store.ensureMerchant({
          merchantKey: otherKey,
          salt: 's',
          aesKeyHex: AES_KEY_HEX,
          ivMode: 'prefix',
        });
        const theirs = await register({}, store, otherKey);

        await store.reset(merchantKey);
        expect(await store.findAccount(merchantKey, { urn: mine.wallet.urn })).toBeNull();
        expect((await store.listOutcomes({ merchantKey })).total).toBe(0);
        expect((await store.listEntries({ merchantKey })).total).toBe(0);
        expect(await store.findAccount(otherKey, { urn: theirs.wallet.urn })).not.toBeNull();
        expect(await store.getMerchant(merchantKey)).not.toBeNull();

        await store.reset();
        expect((await store.listAccounts()).total).toBe(0);
        expect((await store.listOutcomes()).total).toBe(0);
        expect(await store.getMerchant(otherKey)).not.toBeNull();
        // A reset merchant starts afresh: the old clientTxnIds are free again.
        await register({ mobile: mine.customer.mobile, customerId: mine.customer.customerId });
      });

      it('answers ping, waits for running work on close, then refuses calls', async () => {
        const own = await harness.open();
        await own.ping();
        const { wallet } = await register({}, own);
        const pending = move(wallet.urn, 'CREDIT', 9, { target: own });
        await own.close();
        expect(committed(await pending).kind).toBe('success');
        expect((await storeError(() => own.ping())).code).toBe('STORE_CLOSED');
        expect(
          (await storeError(() => own.findAccount(merchantKey, { urn: wallet.urn }))).code,
        ).toBe('STORE_CLOSED');
        await own.close();
        expect(await balanceOf(wallet.urn)).toBe(9);
      });
    });
  });
}
