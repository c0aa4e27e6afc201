/**
 * Every error class, from the real sandbox over real sockets. Where the sandbox cannot be made to
 * misbehave (an unreadable or off-schema response, a hung or lost connection), a real HTTP proxy
 * between client and sandbox does it.
 */
import { createEnvelope } from '@wallet/crypto';
import { openStore } from '@wallet/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWalletClient,
  WalletAbortError,
  WalletApiError,
  WalletAuthenticationError,
  WalletConflictError,
  WalletDuplicateRequestError,
  WalletEnvelopeError,
  WalletError,
  WalletHelperError,
  WalletInvalidRequestError,
  WalletLimitError,
  WalletNetworkError,
  WalletNotFoundError,
  WalletRateLimitError,
  WalletServerError,
  WalletStateError,
  WalletTimeoutError,
  WalletValidationError,
} from './index.js';
import { startTestProxy } from './test-proxy.js';
import { credit, debit, type ListeningSandbox, newCustomer, startSandbox } from './test-sandbox.js';

let sandbox: ListeningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

/** The error a call rejects with; fails the test if the call succeeds. */
async function failureOf(call: PromiseLike<unknown>): Promise<WalletError> {
  try {
    await call;
  } catch (error) {
    expect(error).toBeInstanceOf(WalletError);
    return error as WalletError;
  }
  throw new Error('expected the call to fail');
}

describe('authentication failures', () => {
  it('names a wrong salt as a refused signature', async () => {
    const client = createWalletClient(sandbox.config(undefined, { merchantSalt: 'not-the-salt' }));
    const error = await failureOf(client.registerCustomer(newCustomer()));
    expect(error).toBeInstanceOf(WalletAuthenticationError);
    expect(error).toMatchObject({ status: 401, reason: 'bad-signature', attempts: 1 });
    expect(error.message).toMatch(/Check merchantKey, merchantSalt and authProfile/);
    expect(error.message).not.toContain('not-the-salt');
  });

  it('suggests checking the clock when the client clock is 10 minutes off', async () => {
    for (const offset of [10, -10]) {
      const client = createWalletClient(
        sandbox.config(undefined, { now: () => new Date(Date.now() + offset * 60_000) }),
      );
      const error = await failureOf(client.registerCustomer(newCustomer()));
      expect(error).toBeInstanceOf(WalletAuthenticationError);
      expect((error as WalletAuthenticationError).reason).toBe('clock-skew');
      expect(error.message).toMatch(/Check this machine's clock/);
    }
  });

  it('names a wrong helper API key', async () => {
    const config = sandbox.config();
    const client = createWalletClient({
      ...config,
      helper: { ...(config.helper ?? ({} as never)), apiKey: 'wrong-api-key' },
    });
    const error = await failureOf(client.encryptViaApi({ a: 1 }));
    expect(error).toBeInstanceOf(WalletAuthenticationError);
    expect(error.message).not.toContain('wrong-api-key');
  });
});

describe('refused requests', () => {
  const client = () => createWalletClient(sandbox.config());

  it('reports an invalid request the platform found (unknown original transaction, 1246)', async () => {
    const { urn } = await client().registerCustomer(newCustomer());
    const error = await failureOf(
      client().load(credit(urn, 100, { originalClientTxnId: 'never-seen-1' })),
    );
    expect(error).toBeInstanceOf(WalletInvalidRequestError);
    expect(error).toMatchObject({ responseCode: '1246', outcome: 'validation', status: 400 });
  });

  it('reports a wrong walletIdentifier (1058) and a wrong encryption key (1055)', async () => {
    const wrongProgram = createWalletClient(sandbox.config(undefined, { walletIdentifier: 'XYZ' }));
    const program = await failureOf(wrongProgram.registerCustomer(newCustomer()));
    expect(program).toBeInstanceOf(WalletInvalidRequestError);
    expect(program).toMatchObject({ responseCode: '1058', outcome: 'wallet-identifier' });

    const wrongKey = createWalletClient(
      sandbox.config(undefined, { encryptionKey: 'ff'.repeat(24), retries: 0 }),
    );
    const envelope = await failureOf(wrongKey.registerCustomer(newCustomer()));
    expect(envelope).toBeInstanceOf(WalletInvalidRequestError);
    expect(envelope).toMatchObject({ responseCode: '1055', outcome: 'envelope' });
    expect(envelope.message).toMatch(/check encryptionKey/);
  });

  it('reports a clientTxnId reused for a different request (5000)', async () => {
    const { urn } = await client().registerCustomer(newCustomer());
    await client().load(credit(urn, 100), { clientTxnId: 'reused-txn-1' });
    const error = await failureOf(client().load(credit(urn, 200), { clientTxnId: 'reused-txn-1' }));
    expect(error).toBeInstanceOf(WalletDuplicateRequestError);
    expect(error).toMatchObject({ responseCode: '5000', status: 409, clientTxnId: 'reused-txn-1' });
  });

  it('reports an existing customer (1030)', async () => {
    const params = newCustomer();
    await client().registerCustomer(params);
    const error = await failureOf(client().registerCustomer(params));
    expect(error).toBeInstanceOf(WalletConflictError);
    expect(error).toMatchObject({ responseCode: '1030', status: 409 });
  });

  it('reports what does not exist (1040, 29201)', async () => {
    const customer = await failureOf(client().retrieveCustomer({ customerMobile: '919000000000' }));
    expect(customer).toBeInstanceOf(WalletNotFoundError);
    expect(customer).toMatchObject({ responseCode: '1040', status: 404, messageCode: 1931 });
    const stored = await failureOf(client().checkStatus({ verifyclientTxnId: 'no-such-call' }));
    expect(stored).toBeInstanceOf(WalletNotFoundError);
    expect(stored).toMatchObject({ responseCode: '29201' });
  });

  it('reports limits: a debit beyond the balance (3007), a credit beyond the cap (1050)', async () => {
    const { urn } = await client().registerCustomer(newCustomer());
    await client().load(credit(urn, 900_000));
    const balance = await failureOf(client().unload(debit(urn, 900_001)));
    expect(balance).toBeInstanceOf(WalletLimitError);
    expect(balance).toMatchObject({ responseCode: '3007', status: 422 });
    const cap = await failureOf(client().load(credit(urn, 200_000)));
    expect(cap).toBeInstanceOf(WalletLimitError);
    expect(cap).toMatchObject({ responseCode: '1050' });
  });

  it('reports a wallet state that forbids the operation (1117)', async () => {
    const { urn, formFactor } = await client().registerCustomer(
      newCustomer({ formFactorRequired: true }),
    );
    await client().load(credit(urn, 500));
    await client().changeWalletStatus({
      accountNumber: formFactor?.accountNumber ?? '',
      statusType: 'Debit',
    });
    const error = await failureOf(client().unload(debit(urn, 100)));
    expect(error).toBeInstanceOf(WalletStateError);
    expect(error).toMatchObject({ responseCode: '1117', status: 422 });
  });

  it('reports helper API refusals (1031, 1049)', async () => {
    const config = sandbox.config();
    const helper = config.helper ?? ({} as never);
    const bank = await failureOf(
      createWalletClient({ ...config, helper: { ...helper, bankId: 'other-bank' } }).encryptViaApi({
        a: 1,
      }),
    );
    expect(bank).toBeInstanceOf(WalletHelperError);
    expect(bank).toMatchObject({ responseCode: '1031' });
    const code = await failureOf(
      createWalletClient({ ...config, helper: { ...helper, secureCode: 'other' } }).encryptViaApi({
        a: 1,
      }),
    );
    expect(code).toBeInstanceOf(WalletHelperError);
    expect(code).toMatchObject({ responseCode: '1049' });
  });

  it('refuses an invalid request before it reaches the sandbox', async () => {
    const exchanges: unknown[] = [];
    const watched = await startSandbox({
      onExchange: (exchange) => {
        exchanges.push(exchange);
      },
    });
    try {
      const error = await failureOf(
        createWalletClient(watched.config()).load({ urn: '1', transactionAmount: 0 } as never),
      );
      expect(error).toBeInstanceOf(WalletValidationError);
      expect(error).toMatchObject({ direction: 'request' });
      expect(exchanges).toHaveLength(0);
    } finally {
      await watched.close();
    }
  });
});

describe('platform and network failures', () => {
  it('reports a server fault (HTTP 500, 1052) after retrying it', async () => {
    const store = await openStore(':memory:');
    const broken = await startSandbox({ store });
    try {
      const client = createWalletClient(broken.config(undefined, { maxRetryDelay: 10 }));
      await client.registerCustomer(newCustomer());
      await store.close();
      const error = await failureOf(client.registerCustomer(newCustomer()));
      expect(error).toBeInstanceOf(WalletServerError);
      expect(error).toMatchObject({ status: 500, responseCode: '1052', attempts: 3 });
    } finally {
      await broken.close();
    }
  });

  it('reports a rate limit (HTTP 429) whose Retry-After outlasts the call', async () => {
    const locked = await startSandbox({
      tokenFailureLimit: { maxFailures: 0, lockoutSeconds: 30 },
    });
    try {
      // The lock-out counts per signature and refuses only tokens that do not open: a client with
      // the wrong key and a stopped clock signs every call alike, so its second call is locked.
      const signedAt = new Date();
      const wrongKey = createWalletClient(
        locked.config(undefined, {
          encryptionKey: 'ee'.repeat(24),
          now: () => signedAt,
          totalTimeout: 5_000,
        }),
      );
      await failureOf(wrongKey.registerCustomer(newCustomer()));
      const error = await failureOf(wrongKey.registerCustomer(newCustomer()));
      expect(error).toBeInstanceOf(WalletRateLimitError);
      expect(error).toMatchObject({ status: 429, retryAfterMs: 30_000, attempts: 1 });
    } finally {
      await locked.close();
    }
  });

  it('reports a network failure when nothing listens', async () => {
    const gone = await startSandbox();
    const config = gone.config(undefined, { maxRetryDelay: 10 });
    await gone.close();
    const error = await failureOf(createWalletClient(config).registerCustomer(newCustomer()));
    expect(error).toBeInstanceOf(WalletNetworkError);
    expect(error).toMatchObject({ attempts: 3, code: 'WALLET_NETWORK_ERROR' });
    expect(error.cause).toBeDefined();
  });

  it('reports a response that does not open as an envelope error', async () => {
    const proxy = await startTestProxy(sandbox.url, () => ({
      kind: 'rewrite',
      rewrite: () => JSON.stringify({ result: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }),
    }));
    try {
      const client = createWalletClient(sandbox.config(undefined, { baseUrl: proxy.url }));
      const error = await failureOf(client.registerCustomer(newCustomer()));
      expect(error).toBeInstanceOf(WalletEnvelopeError);
      expect(error).toMatchObject({ status: 200 });
    } finally {
      await proxy.close();
    }
  });

  it('reports a response that breaks its schema as a validation error', async () => {
    const merchant = sandbox.merchant();
    const envelope = createEnvelope({ key: merchant.encryptionKey });
    const proxy = await startTestProxy(sandbox.url, () => ({
      kind: 'rewrite',
      rewrite: (body) => {
        const opened = envelope.open(JSON.parse(body).result) as Record<string, unknown>;
        return JSON.stringify({ result: envelope.seal({ ...opened, urn: undefined }) });
      },
    }));
    try {
      const client = createWalletClient(sandbox.config(undefined, { baseUrl: proxy.url }));
      const error = await failureOf(client.registerCustomer(newCustomer()));
      expect(error).toBeInstanceOf(WalletValidationError);
      expect(error).toMatchObject({ direction: 'response', field: 'urn' });
    } finally {
      await proxy.close();
    }
  });

  it('reports the attempt timeout and the total timeout', async () => {
    const proxy = await startTestProxy(sandbox.url, () => ({ kind: 'delay-response', ms: 400 }));
    try {
      const perAttempt = createWalletClient(
        sandbox.config(undefined, {
          baseUrl: proxy.url,
          timeout: 100,
          retries: 1,
          maxRetryDelay: 10,
        }),
      );
      const attempt = await failureOf(
        perAttempt.retrieveCustomer({ customerMobile: '919000000001' }),
      );
      expect(attempt).toBeInstanceOf(WalletTimeoutError);
      expect(attempt).toMatchObject({ kind: 'attempt', timeoutMs: 100, attempts: 2 });

      const overall = createWalletClient(
        sandbox.config(undefined, { baseUrl: proxy.url, timeout: 5_000, totalTimeout: 150 }),
      );
      const total = await failureOf(overall.retrieveCustomer({ customerMobile: '919000000001' }));
      expect(total).toBeInstanceOf(WalletTimeoutError);
      expect(total).toMatchObject({ kind: 'total', timeoutMs: 150, attempts: 1 });
    } finally {
      await proxy.close();
    }
  });

  it("reports the caller's abort", async () => {
    const proxy = await startTestProxy(sandbox.url, () => ({ kind: 'delay-response', ms: 1_000 }));
    try {
      const client = createWalletClient(sandbox.config(undefined, { baseUrl: proxy.url }));
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await failureOf(
        client.retrieveCustomer({ customerMobile: '919000000001' }, { signal: controller.signal }),
      );
      expect(error).toBeInstanceOf(WalletAbortError);
      expect(error).toMatchObject({ code: 'WALLET_ABORTED', attempts: 1 });
    } finally {
      await proxy.close();
    }
  });

  it('keeps every API error a WalletApiError with the call attached', async () => {
    const error = await failureOf(
      createWalletClient(sandbox.config()).retrieveCustomer(
        { customerMobile: '919000000002' },
        {
          clientTxnId: 'attached-1',
        },
      ),
    );
    expect(error).toBeInstanceOf(WalletApiError);
    expect(error).toMatchObject({
      api: 'retrieveCustomer',
      method: 'POST',
      path: '/loyalty-points/v1/wallet/retrieveCustRecord',
      clientTxnId: 'attached-1',
    });
  });
});
