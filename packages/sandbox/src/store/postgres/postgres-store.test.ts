import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoreError } from '../errors.js';
import { openStore } from '../open-store.js';
import { POSTGRES_MIGRATIONS } from '../schema/migrations.js';
import type { Store, StoreLogger } from '../store-api.js';
import { describeStoreConformance, type StoreHarness, uid } from '../testing/store-conformance.js';
import { PostgresBackend } from './backend.js';

const ADMIN_URL = process.env.WALLET_TEST_PG_URL;
if (ADMIN_URL === undefined && process.env.CI === 'true') {
  throw new Error(
    'WALLET_TEST_PG_URL must be set in CI: scripts/test.sh starts PostgreSQL and sets it',
  );
}

/** The URL of another database on the same server as `url`. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A URL like `url` that connects through 127.0.0.1:`port` instead. */
function throughPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the test server, dropped (with its connections) by `dispose`. */
async function databaseHarness(): Promise<StoreHarness & { url: string; database: string }> {
  if (ADMIN_URL === undefined) throw new Error('WALLET_TEST_PG_URL is not set');
  const database = `wallet_store_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  const url = withDatabase(ADMIN_URL, database);
  let raw: pg.Client | undefined;
  return {
    url,
    database,
    // A generous wait for a pooled connection: these tests prove exact balances under concurrency,
    // not latency, and a busy CI machine can take more than the 5 s default to hand one out.
    open: (options) => openStore(url, { connectTimeoutMs: 30_000, ...options }),
    rawQuery: async (sql) => {
      if (raw === undefined) {
        raw = new pg.Client({ connectionString: url });
        raw.on('error', () => undefined);
        await raw.connect();
      }
      return (await raw.query(sql)).rows;
    },
    dispose: async () => {
      await raw?.end().catch(() => undefined);
      await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

/**
 * A TCP proxy in front of PostgreSQL. `stop` closes the listener and cuts every connection, which
 * is what clients see when the server goes down; `start` on the same port brings it "back".
 */
class TcpProxy {
  readonly #target: { host: string; port: number };
  readonly #sockets = new Set<net.Socket>();
  #server: net.Server | undefined;
  port = 0;

  constructor(targetUrl: string) {
    const parsed = new URL(targetUrl);
    this.#target = { host: parsed.hostname, port: Number(parsed.port || 5432) };
  }

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.#target);
      for (const socket of [client, upstream]) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    this.port = address.port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const socket of this.#sockets) socket.destroy();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A promise with its resolve function, to hold a transaction open until the test says so. */
function latch(): { promise: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

async function elapsed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T | unknown }> {
  const started = Date.now();
  const result = await fn().catch((error: unknown) => error);
  return { ms: Date.now() - started, result };
}

const AES_KEY_HEX = 'ab'.repeat(24);

// Without WALLET_TEST_PG_URL (a developer machine without PostgreSQL) these suites cannot run;
// scripts/test.sh always sets it, and in CI its absence fails the file above.
describe.skipIf(ADMIN_URL === undefined)('PostgreSQL', () => {
  describeStoreConformance('PostgreSQL', databaseHarness);

  describe('PostgreSQL store specifics', () => {
    let harness: Awaited<ReturnType<typeof databaseHarness>>;
    const warnings: string[] = [];
    const logger: StoreLogger = { warn: (_details, message) => warnings.push(message) };

    beforeAll(async () => {
      harness = await databaseHarness();
    });
    afterAll(async () => {
      await harness?.dispose();
    });

    async function withMerchant(store: Store): Promise<{ merchantKey: string; urn: string }> {
      const merchantKey = uid('pgm');
      await store.ensureMerchant({
        merchantKey,
        salt: 's',
        aesKeyHex: AES_KEY_HEX,
        ivMode: 'prefix',
      });
      let urn = '';
      await store.transact(
        { merchantKey, clientTxnId: uid('reg'), api: 'register', request: {} },
        async (tx) => {
          const account = await tx.createAccount({
            mobile: `91${Date.now().toString().slice(-10)}`,
            firstName: 'Ravi',
            dateOfBirth: '1985-01-31',
            kycProfile: 150,
            riskCategory: 'Medium',
            productId: 7,
            issueFormFactor: true,
          });
          urn = account.wallet.urn;
          return { kind: 'success', httpStatus: 200, response: { urn } };
        },
      );
      return { merchantKey, urn };
    }

    it('migrates once when three processes open a new database at the same time', async () => {
      const fresh = await databaseHarness();
      try {
        const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
        expect(stores.map((store) => store.backend)).toEqual(['postgres', 'postgres', 'postgres']);
        await Promise.all(stores.map((store) => store.close()));
        const rows = await fresh.rawQuery('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows).toEqual(POSTGRES_MIGRATIONS.map(({ version }) => ({ version })));
      } finally {
        await fresh.dispose();
      }
    }, 30_000);

    it('runs transactions on different wallets in parallel', async () => {
      const store = await harness.open({ poolSize: 4 });
      try {
        const a = await withMerchant(store);
        const b = await withMerchant(store);
        const gate = latch();
        // A holds its transaction open until B, running at the same time, opens the gate.
        const first = store.transact(
          { merchantKey: a.merchantKey, clientTxnId: uid('par'), api: 'load', request: {} },
          async (tx) => {
            await tx.post(a.urn, { type: 'CREDIT', amount: 1 });
            await gate.promise;
            return { kind: 'success', httpStatus: 200, response: {} };
          },
        );
        const second = store.transact(
          { merchantKey: b.merchantKey, clientTxnId: uid('par'), api: 'load', request: {} },
          async (tx) => {
            await tx.post(b.urn, { type: 'CREDIT', amount: 2 });
            gate.release();
            return { kind: 'success', httpStatus: 200, response: {} };
          },
        );
        const results = await Promise.all([first, second]);
        expect(results.map((result) => result.status)).toEqual(['committed', 'committed']);
      } finally {
        await store.close();
      }
    }, 30_000);

    it('sends a deferred statement with COMMIT and commits nothing when a statement failed', async () => {
      const backend = new PostgresBackend(harness.url, {
        poolSize: 2,
        connectTimeoutMs: 30_000,
        logger: undefined,
      });
      const ids = async () =>
        (await harness.rawQuery('SELECT id FROM deferred_probe ORDER BY id')).map((row) => row.id);
      try {
        await backend.write((exec) =>
          exec.execute('CREATE TABLE deferred_probe (id INTEGER PRIMARY KEY)'),
        );
        const sent = await backend.write(async (exec) => {
          exec.defer('INSERT INTO deferred_probe (id) VALUES ($1)', [1]);
          return 'committed';
        });
        expect(sent).toBe('committed');
        expect(await ids()).toEqual([1]);

        // The deferred duplicate fails with the COMMIT it went with: the write fails, nothing stays.
        const deferredFailure = await backend
          .write(async (exec) => {
            await exec.execute('INSERT INTO deferred_probe (id) VALUES ($1)', [2]);
            exec.defer('INSERT INTO deferred_probe (id) VALUES ($1)', [1]);
            return 'committed';
          })
          .catch((caught: unknown) => caught);
        expect(isStoreError(deferredFailure, 'STORE_FAULT')).toBe(true);
        expect(await ids()).toEqual([1]);

        // Work that swallows a failed statement cannot commit: PostgreSQL rolls the COMMIT back.
        const swallowed = await backend
          .write(async (exec) => {
            await exec.execute('INSERT INTO deferred_probe (id) VALUES ($1)', [3]);
            await exec
              .execute('INSERT INTO deferred_probe (id) VALUES ($1)', [1])
              .catch(() => undefined);
            return 'committed';
          })
          .catch((caught: unknown) => caught);
        expect(isStoreError(swallowed, 'STORE_FAULT')).toBe(true);
        expect(await ids()).toEqual([1]);
      } finally {
        await backend.close();
      }
    }, 30_000);

    it('survives pg_terminate_backend: idle connections are replaced, in-flight work fails cleanly', async () => {
      const store = await harness.open({ poolSize: 4, logger });
      try {
        const { merchantKey, urn } = await withMerchant(store);
        await Promise.all([store.ping(), store.ping(), store.ping()]);
        const terminate = () =>
          harness.rawQuery(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = '${harness.database}' AND pid <> pg_backend_pid()`,
          );

        // Idle pooled connections die; the process keeps running and the very next call reconnects
        // (a pooled connection found dead at BEGIN is replaced, since nothing ran on it).
        await terminate();
        await store.ping();
        expect((await store.findAccount(merchantKey, { urn }))?.wallet.balance).toBe(0);

        // A transaction whose connection dies mid-work: STORE_UNAVAILABLE and no effect.
        const gate = latch();
        const clientTxnId = uid('cut');
        const inFlight = store.transact(
          { merchantKey, clientTxnId, api: 'load', request: { urn } },
          async (tx) => {
            await tx.post(urn, { type: 'CREDIT', amount: 500 });
            await gate.promise;
            return { kind: 'success', httpStatus: 200, response: {} };
          },
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        await terminate();
        gate.release();
        const error = await inFlight.catch((caught: unknown) => caught);
        expect(isStoreError(error, 'STORE_UNAVAILABLE')).toBe(true);
        expect((await store.findAccount(merchantKey, { urn }))?.wallet.balance).toBe(0);
        expect(await store.getOutcome(merchantKey, clientTxnId)).toBeNull();

        // The client retries with the same clientTxnId and the effect happens once.
        const retried = await store.transact(
          { merchantKey, clientTxnId, api: 'load', request: { urn } },
          async (tx) => {
            await tx.post(urn, { type: 'CREDIT', amount: 500 });
            return { kind: 'success', httpStatus: 200, response: {} };
          },
        );
        expect(retried.status).toBe('committed');
        expect((await store.findAccount(merchantKey, { urn }))?.wallet.balance).toBe(500);
        expect(warnings.length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
    }, 30_000);

    it('fails fast with STORE_UNAVAILABLE while the server is down and recovers without a new store', async () => {
      const proxy = new TcpProxy(harness.url);
      await proxy.start();
      const store = await openStore(throughPort(harness.url, proxy.port), {
        poolSize: 4,
        connectTimeoutMs: 2000,
        logger,
      });
      try {
        const { merchantKey, urn } = await withMerchant(store);
        const gate = latch();
        const clientTxnId = uid('down');
        const inFlight = store.transact(
          { merchantKey, clientTxnId, api: 'load', request: { urn } },
          async (tx) => {
            await tx.post(urn, { type: 'CREDIT', amount: 300 });
            await gate.promise;
            return { kind: 'success', httpStatus: 200, response: {} };
          },
        );
        await new Promise((resolve) => setTimeout(resolve, 100));

        await proxy.stop();
        gate.release();
        expect(
          isStoreError(await inFlight.catch((caught: unknown) => caught), 'STORE_UNAVAILABLE'),
        ).toBe(true);

        const calls: (() => Promise<unknown>)[] = [
          () => store.ping(),
          () => store.findAccount(merchantKey, { urn }),
          () =>
            store.transact(
              { merchantKey, clientTxnId: uid('d'), api: 'load', request: {} },
              async () => ({
                kind: 'success',
                httpStatus: 200,
                response: {},
              }),
            ),
        ];
        for (const call of calls) {
          const { ms, result } = await elapsed(call);
          expect(isStoreError(result, 'STORE_UNAVAILABLE')).toBe(true);
          expect(ms).toBeLessThan(2500);
        }

        await proxy.start();
        await store.ping();
        expect((await store.findAccount(merchantKey, { urn }))?.wallet.balance).toBe(0);
        const retried = await store.transact(
          { merchantKey, clientTxnId, api: 'load', request: { urn } },
          async (tx) => {
            await tx.post(urn, { type: 'CREDIT', amount: 300 });
            return { kind: 'success', httpStatus: 200, response: {} };
          },
        );
        expect(retried.status).toBe('committed');
        expect((await store.findAccount(merchantKey, { urn }))?.wallet.balance).toBe(300);
      } finally {
        await store.close();
        await proxy.stop();
      }
    }, 30_000);

    it('fails to open with STORE_UNAVAILABLE when nothing listens', async () => {
      const proxy = new TcpProxy(harness.url);
      await proxy.start();
      const port = proxy.port;
      await proxy.stop();
      const { ms, result } = await elapsed(() =>
        openStore(throughPort(harness.url, port), { connectTimeoutMs: 1000 }),
      );
      expect(isStoreError(result, 'STORE_UNAVAILABLE')).toBe(true);
      expect(ms).toBeLessThan(2000);
    });
  });
});
