/**
 * Storms of loads and unloads over a few wallets, recording every request sent and what (if
 * anything) came back, then the checks that matter after a fault: every request answered with a
 * success is in the ledger exactly once, nothing else is, balances equal their ledgers, and
 * retrying every request with its clientTxnId applies each one exactly once.
 */
import { randomInt } from 'node:crypto';
import type { LedgerEntry, Store } from '@wallet/sandbox';
import type { WalletTestClient, WalletTestResponse } from '@wallet/sandbox/testing';
import { loadFields, registerFields, unloadFields } from '@wallet/sandbox/testing';
import { expect } from 'vitest';

export type Movement = 'load' | 'unload';

/** One request of a storm: what was sent, and the response if one arrived. */
export interface Sent {
  readonly api: Movement;
  readonly urn: string;
  readonly amount: number;
  readonly clientTxnId: string;
  readonly decrypted: Record<string, unknown>;
  /** undefined: no response (the connection failed). */
  response: WalletTestResponse | undefined;
}

/** A response the platform decided: an encrypted success or decline (not a fault, not a conflict). */
export function decided(response: WalletTestResponse | undefined): boolean {
  const code = response?.body?.responseCode;
  return response !== undefined && typeof code === 'string' && code !== '1052' && code !== '5000';
}

export function succeeded(response: WalletTestResponse | undefined): boolean {
  return response?.status === 200 && response.body?.responseCode === '00';
}

/** A server fault answered cleanly: 500 with exactly code 1052, or 503. */
export function cleanFault(response: WalletTestResponse): boolean {
  if (response.status === 503) return true;
  return response.status === 500 && response.json?.responseCode === '1052';
}

/** Registers a KYC 150 customer (a cap far above any storm); returns the wallet's URN. */
async function registerWallet(client: WalletTestClient): Promise<string> {
  const fields = registerFields({ kycProfile: 150 });
  const response = await client.call(
    'registerCustomer',
    client.request('registerCustomer', fields),
  );
  expect(succeeded(response), response.text).toBe(true);
  return String(response.body?.urn);
}

/** Funded wallets: their URNs, and the initial loads as records (they are in the ledger too). */
export interface Wallets {
  readonly urns: readonly string[];
  readonly funding: readonly Sent[];
}

/** Registers `count` wallets and loads `initial` into each. */
export async function walletsFor(
  client: WalletTestClient,
  count: number,
  initial: number,
): Promise<Wallets> {
  const urns: string[] = [];
  const funding: Sent[] = [];
  for (let i = 0; i < count; i++) {
    const urn = await registerWallet(client);
    const decrypted = client.request('load', loadFields(urn, initial));
    const response = await client.call('load', decrypted);
    expect(succeeded(response), response.text).toBe(true);
    urns.push(urn);
    funding.push({
      api: 'load',
      urn,
      amount: initial,
      clientTxnId: String(decrypted.clientTxnId),
      decrypted,
      response,
    });
  }
  return { urns, funding };
}

export interface StormOptions {
  /** The client of each worker (round-robin), e.g. one per server. */
  readonly clients: readonly WalletTestClient[];
  readonly urns: readonly string[];
  readonly workers: number;
  /** Each worker stops after this many requests. */
  readonly perWorker: number;
  /** Stop a worker at its first request that got no response (the server died). */
  readonly stopOnSilence: boolean;
}

/** A running storm: its records so far, and a promise of all of them once every worker stopped. */
export interface Storm {
  readonly sent: readonly Sent[];
  readonly done: Promise<readonly Sent[]>;
  /** Resolves once at least `count` requests have been answered. */
  answered(count: number): Promise<void>;
  /** Asks every worker to stop after its current request. */
  stop(): void;
}

export function startStorm(options: StormOptions): Storm {
  const sent: Sent[] = [];
  let stopped = false;
  let respondedCount = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const notify = (): void => {
    for (const waiter of waiters.filter((w) => w.count <= respondedCount)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const worker = async (index: number): Promise<void> => {
    const client = options.clients[index % options.clients.length];
    if (client === undefined) throw new Error('no client');
    for (let i = 0; i < options.perWorker && !stopped; i++) {
      const api: Movement = randomInt(3) < 2 ? 'load' : 'unload';
      const urn = options.urns[randomInt(options.urns.length)] ?? '';
      const amount = randomInt(1, 60_001);
      const decrypted = client.request(
        api,
        api === 'load' ? loadFields(urn, amount) : unloadFields(urn, amount),
      );
      const record: Sent = {
        api,
        urn,
        amount,
        clientTxnId: String(decrypted.clientTxnId),
        decrypted,
        response: undefined,
      };
      sent.push(record);
      try {
        record.response = await client.call(api, decrypted);
        respondedCount++;
        notify();
      } catch {
        if (options.stopOnSilence) return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i))).then(
    () => {
      for (const waiter of waiters.splice(0)) waiter.resolve();
      return sent;
    },
  );
  return {
    sent,
    done,
    answered: (count) =>
      count <= respondedCount
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    stop: () => {
      stopped = true;
    },
  };
}

/** Every ledger entry of `merchantKey`, by clientTxnId (a list, so duplicates show). */
export async function ledgerOf(
  store: Store,
  merchantKey: string,
): Promise<Map<string, LedgerEntry[]>> {
  const byId = new Map<string, LedgerEntry[]>();
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listEntries({ merchantKey, limit: 1000, offset });
    for (const entry of page.items) {
      byId.set(entry.clientTxnId, [...(byId.get(entry.clientTxnId) ?? []), entry]);
    }
    if (offset + page.items.length >= page.total) return byId;
  }
}

/**
 * The ledger agrees with the responses: each success once, with its type, amount and wallet; each
 * decline never; a request without a response at most once; no entry that no request in `sent`
 * asked for; every wallet's balance is the sum of its entries, each entry's balanceAfter the
 * running sum and never negative.
 */
export async function expectLedgerAgrees(
  store: Store,
  merchantKey: string,
  sent: readonly Sent[],
  urns: readonly string[],
): Promise<void> {
  const ledger = await ledgerOf(store, merchantKey);
  for (const request of sent) {
    const entries = ledger.get(request.clientTxnId) ?? [];
    if (succeeded(request.response)) {
      expect(entries, `a success is in the ledger once: ${request.clientTxnId}`).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        urn: request.urn,
        amount: request.amount,
        type: request.api === 'load' ? 'CREDIT' : 'DEBIT',
      });
    } else if (decided(request.response)) {
      expect(entries, `a decline is never in the ledger: ${request.clientTxnId}`).toHaveLength(0);
    } else {
      expect(entries.length, `at most once: ${request.clientTxnId}`).toBeLessThanOrEqual(1);
    }
  }
  const sentIds = new Set(sent.map((s) => s.clientTxnId));
  for (const [clientTxnId, entries] of ledger) {
    expect(sentIds.has(clientTxnId), `an entry nobody asked for: ${clientTxnId}`).toBe(true);
    expect(entries, `one entry per clientTxnId: ${clientTxnId}`).toHaveLength(1);
  }
  for (const urn of urns) {
    let running = 0;
    for (const entry of await entriesInLedgerOrder(store, merchantKey, urn)) {
      running += entry.type === 'CREDIT' ? entry.amount : -entry.amount;
      expect(running).toBeGreaterThanOrEqual(0);
      expect(entry.balanceAfter, `balanceAfter of ${entry.clientTxnId}`).toBe(running);
    }
    const account = await store.findAccount(merchantKey, { urn });
    expect(account?.wallet.balance, `the balance of ${urn} equals its ledger`).toBe(running);
  }
}

/** One wallet's entries, oldest first. */
async function entriesInLedgerOrder(
  store: Store,
  merchantKey: string,
  urn: string,
): Promise<LedgerEntry[]> {
  const all: LedgerEntry[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listEntries({ merchantKey, urn, limit: 1000, offset });
    all.push(...page.items);
    if (offset + page.items.length >= page.total) return all.reverse();
  }
}

/**
 * Sends every request of `sent` again with its clientTxnId and content (a fresh date and
 * signature), `concurrency` at a time. A request that had a response must get the same decrypted
 * response, marked replayed; one that had none must now be decided. Each record's `response` becomes
 * the retry's response.
 */
export async function retryEach(
  client: WalletTestClient,
  sent: readonly Sent[],
  concurrency = 16,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let request = sent[next++]; request !== undefined; request = sent[next++]) {
      const before = request.response;
      const response = await client.call(request.api, request.decrypted);
      expect(decided(response), `retry of ${request.clientTxnId}: ${response.text}`).toBe(true);
      if (decided(before)) {
        expect(response.status).toBe(before?.status);
        expect(response.body).toEqual(before?.body);
        expect(response.headers.get('idempotent-replayed')).toBe('true');
      }
      request.response = response;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The balances and ledger size, to show that a pass of retries changed nothing. */
export async function snapshot(
  store: Store,
  merchantKey: string,
  urns: readonly string[],
): Promise<{ entries: number; balances: (number | undefined)[] }> {
  const entries = (await store.listEntries({ merchantKey, limit: 1 })).total;
  const balances = await Promise.all(
    urns.map(async (urn) => (await store.findAccount(merchantKey, { urn }))?.wallet.balance),
  );
  return { entries, balances };
}
