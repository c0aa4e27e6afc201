/**
 * `kill -9` of the demo server in the middle of a storm of loads and unloads, again and again on
 * one database: after each restart, every request answered with a success is in the ledger exactly
 * once, balances equal the ledger, and retrying every request of the storm with its clientTxnId
 * applies each exactly once (a request that got no response may have applied before the kill; after
 * its retry it has, once). A second pass of retries changes nothing.
 */
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { openStore, type Store } from '@wallet/sandbox';
import {
  clientsFor,
  createTestDatabase,
  PG_ADMIN_URL,
  PREFIX_MERCHANT,
  requirePostgresInCi,
  type TestDatabase,
} from '@wallet/sandbox/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoProcess, type ProofDir, proofDir, startDemoProcess } from './demo-process.js';
import { sized } from './size.js';
import {
  expectLedgerAgrees,
  retryEach,
  type Sent,
  snapshot,
  startStorm,
  walletsFor,
} from './storm.js';

requirePostgresInCi();

const MERCHANT = PREFIX_MERCHANT.merchantKey;
const WORKERS = 16;
const WALLETS = 4;

/** Kill points per database: CI keeps the whole file to about a minute on two cores. */
const KILL_POINTS = sized({ ci: { sqlite: 6, postgres: 4 }, full: { sqlite: 20, postgres: 20 } });

/** Responses to wait for before the kill: spread over the storm, different at every point. */
const STORM_SPAN = sized({ ci: 150, full: 600 });
function killAfter(point: number): number {
  return 5 + ((point * 37) % STORM_SPAN) + randomInt(10);
}

async function killDuringStorms(dir: ProofDir, database: string, points: number): Promise<void> {
  let server: DemoProcess = await startDemoProcess(dir, database);
  const store: Store = await openStore(database);
  try {
    const [setupClient] = clientsFor([server.url], MERCHANT);
    if (setupClient === undefined) throw new Error('no client');
    const { urns, funding } = await walletsFor(setupClient, WALLETS, 200_000);
    const all: Sent[] = [...funding];

    for (let point = 0; point < points; point++) {
      const clients = clientsFor([server.url], MERCHANT);
      const storm = startStorm({
        clients,
        urns,
        workers: WORKERS,
        perWorker: Math.ceil((2 * STORM_SPAN) / WORKERS),
        stopOnSilence: true,
      });
      await storm.answered(killAfter(point));
      // Land at a random moment between two responses, not right after one.
      await new Promise((resolve) => setTimeout(resolve, randomInt(8)));
      const exit = await server.kill9();
      expect(exit.signal).toBe('SIGKILL');
      const sent = await storm.done;
      expect(server.faults()).toEqual([]);
      // The kill landed mid-storm: requests were in flight and got no response.
      expect(sent.filter((s) => s.response === undefined).length).toBeGreaterThan(0);
      all.push(...sent);

      server = await startDemoProcess(dir, database);
      await expectLedgerAgrees(store, MERCHANT, all, urns);

      const [client] = clientsFor([server.url], MERCHANT);
      if (client === undefined) throw new Error('no client');
      await retryEach(client, sent);
      await expectLedgerAgrees(store, MERCHANT, all, urns);
      const settled = await snapshot(store, MERCHANT, urns);
      await retryEach(client, sent);
      expect(await snapshot(store, MERCHANT, urns)).toEqual(settled);
    }
    expect(server.faults()).toEqual([]);
  } finally {
    await server.stop();
    await store.close();
  }
}

describe('kill -9 during a storm of loads and unloads', () => {
  let dir: ProofDir;
  beforeAll(() => {
    dir = proofDir('demo-crash');
  });
  afterAll(() => dir.remove());

  it(
    `SQLite file: ${KILL_POINTS.sqlite} kill points, each answered success once, retries apply each request once`,
    async () => {
      await killDuringStorms(dir, join(dir.path, 'wallet.db'), KILL_POINTS.sqlite);
    },
    sized({ ci: 120_000, full: 900_000 }),
  );
});

// Without WALLET_TEST_PG_URL (a developer machine without PostgreSQL) this suite cannot run;
// scripts/test.sh always sets it, and in CI its absence fails the file (requirePostgresInCi).
describe.skipIf(PG_ADMIN_URL === undefined)('kill -9 during a storm on PostgreSQL', () => {
  let dir: ProofDir;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = proofDir('demo-crash-pg');
    database = await createTestDatabase('demo_crash');
  });
  afterAll(async () => {
    await database?.drop();
    dir?.remove();
  });

  it(
    `${KILL_POINTS.postgres} kill points, each answered success once, retries apply each request once`,
    async () => {
      await killDuringStorms(dir, database.url, KILL_POINTS.postgres);
    },
    sized({ ci: 120_000, full: 900_000 }),
  );
});
