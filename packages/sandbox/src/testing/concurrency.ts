/** Test-only: the concurrency scenarios, run against one or several sandbox URLs sharing a store. */
import { randomInt } from 'node:crypto';
import { kycLimits } from '@wallet/schemas';
import { expect } from 'vitest';
import type { Store } from '../store/store-api.js';
import { clientsFor } from './clients.js';
import { loadFields, register, unloadFields } from './fixtures.js';
import type { WalletTestResponse } from './wallet-test-client.js';

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('no items');
  return item;
}

/**
 * 50 identical requests with one clientTxnId at once: one ledger entry, identical responses, 49 of
 * them replays.
 */
export async function fiftyIdenticalRequests(
  urls: readonly string[],
  merchantKey: string,
  store: Store,
): Promise<void> {
  const clients = clientsFor(urls, merchantKey);
  const first = pick(clients, 0);
  const customer = await register(first);
  const request = first.request('load', loadFields(customer.urn, 1_234));
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, i) => pick(clients, i).call('load', request)),
  );
  expect(new Set(responses.map((a) => a.status))).toEqual(new Set([200]));
  const bodies = new Set(responses.map((a) => JSON.stringify(a.body)));
  expect(bodies.size).toBe(1);
  const replays = responses.filter((a) => a.headers.get('idempotent-replayed') === 'true');
  expect(replays).toHaveLength(49);
  const entries = await store.listEntries({ merchantKey, urn: customer.urn });
  expect(entries.total).toBe(1);
  expect(entries.items[0]?.amount).toBe(1_234);
}

/**
 * 200 random loads and unloads on one wallet at once: every response is a success or a limit decline,
 * the final balance is the sum of the successful effects, and the ledger never went negative.
 */
export async function twoHundredRandomMovements(
  urls: readonly string[],
  merchantKey: string,
  store: Store,
): Promise<void> {
  const clients = clientsFor(urls, merchantKey);
  const customer = await register(pick(clients, 0));
  const cap = kycLimits[30].balanceCapPaise;
  const initial = 400_000;
  expect(
    (
      await pick(clients, 0).call(
        'load',
        pick(clients, 0).request('load', loadFields(customer.urn, initial)),
      )
    ).status,
  ).toBe(200);

  const operations = Array.from({ length: 200 }, () => ({
    kind: randomInt(2) === 0 ? ('load' as const) : ('unload' as const),
    amount: randomInt(1, 150_001),
  }));
  const responses: WalletTestResponse[] = await Promise.all(
    operations.map(({ kind, amount }, i) => {
      const client = pick(clients, i);
      const fields =
        kind === 'load' ? loadFields(customer.urn, amount) : unloadFields(customer.urn, amount);
      return client.call(kind, client.request(kind, fields));
    }),
  );

  let expected = initial;
  let successes = 0;
  responses.forEach((response, i) => {
    const operation = operations[i];
    if (operation === undefined) throw new Error('missing operation');
    const code = response.body?.responseCode;
    if (code === '00') {
      successes++;
      expected += operation.kind === 'load' ? operation.amount : -operation.amount;
      const balance = Number(response.body?.availableBalance);
      expect(balance).toBeGreaterThanOrEqual(0);
      expect(balance).toBeLessThanOrEqual(cap);
    } else {
      expect([response.status, code]).toEqual(
        operation.kind === 'load' ? [422, '1050'] : [422, '3007'],
      );
    }
  });

  const retrieved = await pick(clients, 1).call(
    'retrieveCustomer',
    pick(clients, 1).request('retrieveCustomer', { urn: customer.urn }),
  );
  expect(retrieved.body?.availableBalance).toBe(expected);

  // The ledger: one entry per success, each balance the previous one plus or minus its amount.
  const entries = await store.listEntries({ merchantKey, urn: customer.urn, limit: 1000 });
  expect(entries.total).toBe(successes + 1);
  const inOrder = [...entries.items].reverse();
  let running = 0;
  for (const entry of inOrder) {
    running += entry.type === 'CREDIT' ? entry.amount : -entry.amount;
    expect(entry.balanceAfter).toBe(running);
    expect(running).toBeGreaterThanOrEqual(0);
  }
  expect(running).toBe(expected);
}
