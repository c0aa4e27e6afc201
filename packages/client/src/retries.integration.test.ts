/**
 * Retries over real sockets: a real HTTP proxy between the client and the real sandbox loses or
 * delays the first attempt, and the client's retry (same clientTxnId, same plaintext, a fresh
 * signature) must take effect exactly once.
 */
import { REPLAYED_HEADER } from '@wallet/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWalletClient, type WalletClient, WalletConflictError } from './index.js';
import { type ProxyAction, startTestProxy, type TestProxy } from './test-proxy.js';
import { credit, type ListeningSandbox, newCustomer, startSandbox, today } from './test-sandbox.js';

let sandbox: ListeningSandbox;
/** A client straight to the sandbox, to set up and to check effects. */
let direct: WalletClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  direct = createWalletClient(sandbox.config());
});
afterAll(async () => {
  await sandbox.close();
});

/** Runs `body` with a client behind a proxy that applies `first` to the first wallet call only. */
async function throughProxy(
  first: ProxyAction,
  body: (client: WalletClient, proxy: TestProxy) => Promise<void>,
  extra: Parameters<ListeningSandbox['config']>[1] = {},
): Promise<void> {
  const proxy = await startTestProxy(sandbox.url, (index) =>
    index === 0 ? first : { kind: 'forward' },
  );
  try {
    await body(
      createWalletClient(
        sandbox.config(undefined, { baseUrl: proxy.url, maxRetryDelay: 20, ...extra }),
      ),
      proxy,
    );
  } finally {
    await proxy.close();
  }
}

/** How many ledger entries `urn` has today, and its balance. */
async function effects(urn: string): Promise<{ entries: number; balance: number }> {
  let entries = 0;
  for await (const _ of direct.statementEntries({ urn, fromDate: today(), toDate: today() }))
    entries += 1;
  return { entries, balance: (await direct.retrieveCustomer({ urn })).availableBalance };
}

describe('a retried write takes effect once', () => {
  it('when the response to the first attempt is lost after the sandbox acted', async () => {
    const { urn } = await direct.registerCustomer(newCustomer());
    await throughProxy({ kind: 'drop-after-forward' }, async (client, proxy) => {
      const { data, response, attempts } = await client.load(credit(urn, 1_250)).withResponse();
      expect(attempts).toBe(2);
      expect(data.availableBalance).toBe(1_250);
      expect(response.headers.get(REPLAYED_HEADER)).toBe('true');
      const [lost, retried] = proxy.requests;
      expect(retried?.body).toBe(lost?.body);
      expect(retried?.headers.authorization).toMatch(/^hmac username="merchant-prefix"/);
    });
    expect(await effects(urn)).toEqual({ entries: 1, balance: 1_250 });
  });

  it('when the first attempt is lost before it reached the sandbox', async () => {
    const { urn } = await direct.registerCustomer(newCustomer());
    await throughProxy({ kind: 'drop' }, async (client) => {
      const { attempts, response } = await client.load(credit(urn, 300)).withResponse();
      expect(attempts).toBe(2);
      expect(response.headers.get(REPLAYED_HEADER)).toBeNull();
    });
    expect(await effects(urn)).toEqual({ entries: 1, balance: 300 });
  });

  it('when the first attempt times out after the sandbox acted', async () => {
    const { urn } = await direct.registerCustomer(newCustomer());
    await throughProxy(
      { kind: 'delay-response', ms: 500 },
      async (client) => {
        const { attempts, data } = await client.load(credit(urn, 800)).withResponse();
        expect(attempts).toBe(2);
        expect(data.availableBalance).toBe(800);
      },
      { timeout: 150 },
    );
    expect(await effects(urn)).toEqual({ entries: 1, balance: 800 });
  });

  it('when a registration is retried: one customer, not a conflict', async () => {
    const params = newCustomer();
    await throughProxy({ kind: 'drop-after-forward' }, async (client) => {
      const registered = await client.registerCustomer(params);
      const record = await direct.retrieveCustomer({
        customerMobile: params.customerDetails.mobileNumber,
      });
      expect(record.customerId).toBe(registered.customerId);
    });
    // A new request (a fresh clientTxnId) for the same mobile is a conflict: the first one landed.
    await expect(direct.registerCustomer(params)).rejects.toBeInstanceOf(WalletConflictError);
  });
});

describe('what is retried over a socket', () => {
  it('a 503 with Retry-After, after the wait it asks for', async () => {
    const { urn } = await direct.registerCustomer(newCustomer());
    await throughProxy(
      {
        kind: 'respond',
        status: 503,
        body: '{"responseCode":"1052","responseMessage":"SYSTEM ERROR"}',
        headers: { 'retry-after': '1' },
      },
      async (client, proxy) => {
        const started = performance.now();
        const { attempts } = await client.load(credit(urn, 50)).withResponse();
        expect(attempts).toBe(2);
        expect(performance.now() - started).toBeGreaterThanOrEqual(950);
        expect(proxy.requests).toHaveLength(2);
      },
      { maxRetryDelay: 5_000 },
    );
    expect(await effects(urn)).toEqual({ entries: 1, balance: 50 });
  });

  it('a 429 from the sandbox itself, honouring its Retry-After', async () => {
    const locked = await startSandbox({ tokenFailureLimit: { maxFailures: 0, lockoutSeconds: 1 } });
    try {
      // The lock-out counts per signature and refuses only tokens that do not open: a client with
      // the wrong key and a stopped clock signs every call alike, so its second call is locked.
      const signedAt = new Date();
      const wrongKey = createWalletClient(
        locked.config(undefined, {
          encryptionKey: 'dd'.repeat(24),
          now: () => signedAt,
          maxRetryDelay: 5_000,
        }),
      );
      await wrongKey.registerCustomer(newCustomer()).catch(() => undefined);
      const started = performance.now();
      const error = await wrongKey.registerCustomer(newCustomer()).catch((e: unknown) => e);
      // Locked (429, Retry-After 1), retried after the wait, then unreadable again (1055).
      expect(error).toMatchObject({ status: 400, attempts: 2 });
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    } finally {
      await locked.close();
    }
  });

  it('never a business response: one attempt for a 404', async () => {
    await throughProxy({ kind: 'forward' }, async (client, proxy) => {
      await expect(
        client.retrieveCustomer({ customerMobile: '919000000009' }),
      ).rejects.toMatchObject({
        status: 404,
        attempts: 1,
      });
      expect(proxy.requests).toHaveLength(1);
    });
  });
});
