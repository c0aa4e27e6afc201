/**
 * Two and four demo server processes on one PostgreSQL database, under concurrent loads and
 * unloads to the same three wallets, a third of them sent to two processes at once with one
 * clientTxnId: every copy gets the same response and only one takes effect, balances are exact (the
 * sum of the successes), and the ledger holds each success once.
 */
import { randomInt } from 'node:crypto';
import { openStore } from '@wallet/sandbox';
import type { WalletTestResponse } from '@wallet/sandbox/testing';
import {
  callApi,
  clientsFor,
  createTestDatabase,
  loadFields,
  PG_ADMIN_URL,
  PREFIX_MERCHANT,
  requirePostgresInCi,
  unloadFields,
} from '@wallet/sandbox/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoProcess, type ProofDir, proofDir, startDemoProcess } from './demo-process.js';
import { sized } from './size.js';
import {
  decided,
  expectLedgerAgrees,
  type Movement,
  type Sent,
  succeeded,
  walletsFor,
} from './storm.js';

requirePostgresInCi();

const MERCHANT = PREFIX_MERCHANT.merchantKey;
const MOVEMENTS = sized({ ci: 240, full: 3000 });
const IN_FLIGHT = 32;
const INITIAL = 100_000;

// Without WALLET_TEST_PG_URL (a developer machine without PostgreSQL) this suite cannot run;
// scripts/test.sh always sets it, and in CI its absence fails the file (requirePostgresInCi).
describe.skipIf(PG_ADMIN_URL === undefined)('several demo servers on one PostgreSQL', () => {
  let dir: ProofDir;
  beforeAll(() => {
    dir = proofDir('demo-multi');
  });
  afterAll(() => dir?.remove());

  it.each([2, 4])(
    `%i processes: ${MOVEMENTS} concurrent movements on 3 wallets, duplicates across processes take effect once`,
    async (count) => {
      const database = await createTestDatabase(`demo_multi_${count}`);
      // Started together on an empty database: they race to migrate and store the merchants.
      const servers: DemoProcess[] = await Promise.all(
        Array.from({ length: count }, () => startDemoProcess(dir, database.url)),
      );
      const store = await openStore(database.url);
      try {
        const clients = clientsFor(
          servers.map((s) => s.url),
          MERCHANT,
        );
        const first = clients[0];
        if (first === undefined) throw new Error('no client');
        const { urns, funding } = await walletsFor(first, 3, INITIAL);

        const sent: Sent[] = [];
        const copies: WalletTestResponse[][] = [];
        let next = 0;
        const worker = async (): Promise<void> => {
          for (let i = next++; i < MOVEMENTS; i = next++) {
            const api: Movement = randomInt(4) < 3 ? 'load' : 'unload';
            const urn = urns[randomInt(urns.length)] ?? '';
            const amount = randomInt(1, 20_001);
            const home = i % count;
            const client = clients[home];
            if (client === undefined) throw new Error('no client');
            const decrypted = client.request(
              api,
              api === 'load' ? loadFields(urn, amount) : unloadFields(urn, amount),
            );
            // Every third request also goes, at the same moment, to the next process.
            const targets = i % 3 === 0 ? [home, (home + 1) % count] : [home];
            const responses = await Promise.all(
              targets.map((t) => clients[t]?.call(api, decrypted) as Promise<WalletTestResponse>),
            );
            copies.push(responses);
            sent.push({
              api,
              urn,
              amount,
              clientTxnId: String(decrypted.clientTxnId),
              decrypted,
              response: responses[0],
            });
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

        for (const responses of copies) {
          for (const received of responses) expect(decided(received), received.text).toBe(true);
          const bodies = new Set(responses.map((a) => JSON.stringify(a.body)));
          expect(bodies.size, 'every copy gets the same response').toBe(1);
          const fresh = responses.filter((a) => a.headers.get('idempotent-replayed') !== 'true');
          expect(fresh, 'one copy ran, the others replayed it').toHaveLength(1);
        }
        expect(sent.filter((s) => s.api === 'load').every((s) => succeeded(s.response))).toBe(true);

        await expectLedgerAgrees(store, MERCHANT, [...funding, ...sent], urns);
        for (const urn of urns) {
          const expected = sent
            .filter((s) => s.urn === urn && succeeded(s.response))
            .reduce((sum, s) => sum + (s.api === 'load' ? s.amount : -s.amount), INITIAL);
          for (const client of clients) {
            const retrieved = await callApi(client, 'retrieveCustomer', { urn });
            expect(retrieved.body?.availableBalance, `balance of ${urn}`).toBe(expected);
          }
        }
        for (const server of servers) expect(server.faults()).toEqual([]);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
        await store.close();
        await database.drop();
      }
    },
    sized({ ci: 120_000, full: 600_000 }),
  );
});
