/**
 * Every fault type against @wallet/client's retries, over a real socket: the client recovers where
 * it should, gives up where it should, and a retried write takes effect once.
 */
import { WalletServerError, WalletTimeoutError } from '@wallet/client';
import type { FaultConfig, JournalEntry } from '@wallet/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { type DevServer, loadParams, newCustomer, startDevServer } from './support.js';

const servers: DevServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function started(): Promise<DevServer> {
  const server = await startDevServer();
  servers.push(server);
  return server;
}

async function putFaults(server: DevServer, config: FaultConfig): Promise<void> {
  const response = await fetch(`${server.url}/__sandbox/faults`, {
    method: 'PUT',
    body: JSON.stringify(config),
  });
  expect(response.status).toBe(200);
}

async function ledgerEntries(server: DevServer, urn: string): Promise<number> {
  return (await server.sandbox.store.listEntries({ urn })).total;
}

function journalFor(server: DevServer, clientTxnId: string): JournalEntry[] {
  return server.sandbox.journal?.list({ clientTxnId }) ?? [];
}

/** A wallet with nothing on it, registered without faults. */
async function wallet(server: DevServer): Promise<string> {
  const { urn } = await server.client().registerCustomer(newCustomer());
  return urn;
}

describe('faults against the client', () => {
  it('status=503: the client retries and succeeds, and the load happens once', async () => {
    const server = await started();
    const urn = await wallet(server);
    await putFaults(server, { routes: { load: { status: 503, times: 1 } } });
    const client = server.client({ maxRetryDelay: 50 });
    const result = await client.load(loadParams(urn, 1000)).withResponse();
    expect(result.attempts).toBe(2);
    expect(result.data.availableBalance).toBe(1000);
    expect(await ledgerEntries(server, urn)).toBe(1);
    const statuses = journalFor(server, result.clientTxnId ?? '').map((e) => e.status);
    expect(statuses).toEqual([200]);
  });

  it('latency within the timeout succeeds at once; beyond it the attempt times out and is retried', async () => {
    const server = await started();
    const urn = await wallet(server);
    await putFaults(server, { routes: { load: { latencyMs: 100 } } });
    const patient = await server
      .client({ timeout: 2000 })
      .load(loadParams(urn, 100))
      .withResponse();
    expect(patient.attempts).toBe(1);

    await putFaults(server, { routes: { load: { latencyMs: 800, times: 1 } } });
    const hasty = await server
      .client({ timeout: 300, maxRetryDelay: 50 })
      .load(loadParams(urn, 200))
      .withResponse();
    expect(hasty.attempts).toBe(2);
    expect(hasty.data.availableBalance).toBe(300);
    expect(await ledgerEntries(server, urn)).toBe(2);
  });

  it('drop: the retry with the same clientTxnId takes effect once', async () => {
    const server = await started();
    const urn = await wallet(server);
    await putFaults(server, { routes: { load: { drop: 'before', times: 1 } } });
    const result = await server
      .client({ maxRetryDelay: 50 })
      .load(loadParams(urn, 700))
      .withResponse();
    expect(result.attempts).toBe(2);
    expect(result.response.headers.get('idempotent-replayed')).toBeNull();
    expect(await ledgerEntries(server, urn)).toBe(1);
    const faults = journalFor(server, result.clientTxnId ?? '').map((e) => e.fault);
    expect(faults).toEqual([null]);
  });

  it('drop=after: the effect commits, the response is lost, and the retry replays it', async () => {
    const server = await started();
    const urn = await wallet(server);
    await putFaults(server, { routes: { load: { drop: 'after', times: 1 } } });
    const result = await server
      .client({ maxRetryDelay: 50 })
      .load(loadParams(urn, 900))
      .withResponse();
    expect(result.attempts).toBe(2);
    expect(result.response.headers.get('idempotent-replayed')).toBe('true');
    expect(result.data.availableBalance).toBe(900);
    expect(await ledgerEntries(server, urn)).toBe(1);
    const entries = journalFor(server, result.clientTxnId ?? '');
    expect(entries.map((e) => [e.replayed, e.fault])).toEqual([
      [true, null],
      [false, 'drop=after'],
    ]);
  });

  it('timeout: the client gives up with WalletTimeoutError after its retries, and nothing happens', async () => {
    const server = await started();
    const urn = await wallet(server);
    await putFaults(server, { routes: { load: { timeout: 'before' } } });
    const error = await server
      .client({ timeout: 250, retries: 2, maxRetryDelay: 20 })
      .load(loadParams(urn, 500))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WalletTimeoutError);
    expect((error as WalletTimeoutError).attempts).toBe(3);
    expect(await ledgerEntries(server, urn)).toBe(0);
    // Each held attempt is filed when the client gives up on it; a fault before the engine leaves
    // no decrypted body, so they are found by API.
    await expect.poll(() => server.sandbox.journal?.list({ api: 'load' }).length).toBe(3);
    const held = server.sandbox.journal?.list({ api: 'load' }) ?? [];
    expect(held.map((e) => [e.status, e.fault])).toEqual([
      [0, 'timeout=before'],
      [0, 'timeout=before'],
      [0, 'timeout=before'],
    ]);
  });

  it('429 with Retry-After: the client waits that long before it retries', async () => {
    const server = await started();
    const urn = await wallet(server);
    await putFaults(server, {
      routes: { retrieveCustomer: { status: 429, retryAfterSeconds: 1, times: 1 } },
    });
    const sent: number[] = [];
    const client = server.client({
      maxRetryDelay: 5000,
      hooks: { onRequest: () => void sent.push(performance.now()) },
    });
    const found = await client.retrieveCustomer({ urn });
    expect(found.urn).toBe(urn);
    expect(sent).toHaveLength(2);
    expect((sent[1] ?? 0) - (sent[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('magic values: 99998 drops after the effect (the retry replays), 99999 is a server fault', async () => {
    const server = await started();
    const urn = await wallet(server);
    const dropped = await server
      .client({ maxRetryDelay: 50 })
      .load(loadParams(urn, 99_998))
      .withResponse();
    expect(dropped.attempts).toBe(2);
    expect(dropped.response.headers.get('idempotent-replayed')).toBe('true');
    expect(await ledgerEntries(server, urn)).toBe(1);
    // The journal shows the fault on the attempt it hit, not on the replay.
    const attempts = journalFor(server, dropped.clientTxnId ?? '');
    expect(attempts.map((e) => [e.replayed, e.fault])).toEqual([
      [true, null],
      [false, 'magic=amount-99998'],
    ]);

    const failing = await server
      .client({ maxRetryDelay: 20 })
      .load(loadParams(urn, 99_999))
      .catch((caught: unknown) => caught);
    expect(failing).toBeInstanceOf(WalletServerError);
    expect(await ledgerEntries(server, urn)).toBe(1);
  });
});
