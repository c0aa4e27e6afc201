/**
 * A call from end to end, against a scripted platform that opens and verifies requests with the
 * real @wallet/crypto and @wallet/hmac (no socket: the integration tests use the real sandbox).
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { WalletClientConfig } from './config.js';
import {
  createWalletClient,
  WalletAbortError,
  WalletEnvelopeError,
  WalletInvalidRequestError,
  type WalletLogFields,
  WalletNotFoundError,
  WalletRateLimitError,
  WalletServerError,
  WalletTimeoutError,
  WalletValidationError,
} from './index.js';
import { createTestPlatform, type Received, type Script, TEST_SECRETS } from './test-platform.js';

const customer = {
  customerDetails: {
    firstName: 'Asha',
    lastName: 'Verma',
    dateOfBirth: '14-02-1991',
    mobileNumber: '919812345678',
    emailAddress: 'asha.verma@example.com',
  },
  productId: 35,
};

const registered = (received: Received) => ({ customerId: 'cust-1', urn: '12345678901', received });

function setup(script: Script, extra: Partial<WalletClientConfig> = {}) {
  const platform = createTestPlatform(script);
  const client = createWalletClient(platform.config({ maxRetryDelay: 5, ...extra }));
  return { platform, client };
}

/** A fetch response that never comes, until the request's signal aborts. */
function never(received: Received): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const { signal } = received;
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

describe('a call', () => {
  it('sends the request validated, sealed, signed and filled in, and returns the parsed response', async () => {
    const { platform, client } = setup((r) =>
      platform.success(r, { customerId: 'cust-1', urn: 12345678901 }),
    );
    const data = await client.registerCustomer(customer);
    expect(data.customerId).toBe('cust-1');
    // The schema reads a numeric urn as a string.
    expect(data.urn).toBe('12345678901');
    const [sent] = platform.received;
    expect(sent?.signatureOk).toBe(true);
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/loyalty-points/v1/wallet/enroll');
    expect(sent?.headers.get('walletidentifier')).toBe('CLW');
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.plaintext).toMatchObject({
      messageCode: 3510,
      kycProfile: 30,
      riskCategory: 'Low',
      formFactorRequired: false,
      customerDetails: customer.customerDetails,
    });
    expect(sent?.plaintext.clientTxnId).toMatch(/^[0-9a-f]{32}$/);
    expect(sent?.plaintext.requestDateTime).toMatch(/^\d{14}$/);
  });

  it('takes clientTxnId and requestDateTime from the call options', async () => {
    const { platform, client } = setup((r) => platform.success(r, { customerId: 'c', urn: '1' }));
    await client.registerCustomer(customer, {
      clientTxnId: 'order-2024-0001',
      requestDateTime: '20240409153000',
    });
    await client.registerCustomer(customer, {
      clientTxnId: 'order-2024-0002',
      requestDateTime: new Date('2024-04-09T10:00:00Z'),
    });
    expect(platform.received[0]?.plaintext).toMatchObject({
      clientTxnId: 'order-2024-0001',
      requestDateTime: '20240409153000',
    });
    // A Date is printed on the platform's clock, IST.
    expect(platform.received[1]?.plaintext.requestDateTime).toBe('20240409153000');
  });

  it('refuses an invalid request before sending anything, naming the field but not the value', async () => {
    const { platform, client } = setup((r) => platform.success(r, {}));
    const bad = {
      ...customer,
      customerDetails: { ...customer.customerDetails, mobileNumber: '12-34' },
    };
    const error = await client.registerCustomer(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletValidationError);
    const validation = error as WalletValidationError;
    expect(validation.direction).toBe('request');
    expect(validation.field).toBe('customerDetails.mobileNumber');
    expect(validation.message).toBe(
      'Register Customer request: customerDetails.mobileNumber: must be 10 to 15 digits starting with the country calling code',
    );
    expect(validation.message).not.toContain('12-34');
    const badId = await client
      .registerCustomer(customer, { clientTxnId: 'not valid!' })
      .catch((e: unknown) => e);
    expect((badId as WalletValidationError).field).toBe('clientTxnId');
    const badTime = await client
      .registerCustomer(customer, { requestDateTime: '20241340000000' })
      .catch((e: unknown) => e);
    expect((badTime as WalletValidationError).field).toBe('requestDateTime');
    expect(platform.received).toHaveLength(0);
  });

  it('exposes the raw Response next to the parsed response', async () => {
    const { platform, client } = setup((r) => platform.success(r, { customerId: 'c', urn: '1' }));
    const { data, response, rawBody, clientTxnId, attempts } = await client
      .registerCustomer(customer, { clientTxnId: 'with-response-1' })
      .withResponse();
    expect(data.customerId).toBe('c');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(rawBody)).toHaveProperty('result');
    expect(clientTxnId).toBe('with-response-1');
    expect(attempts).toBe(1);
  });

  it('maps a failure response to its error, with the call attached', async () => {
    const { platform, client } = setup((r) =>
      platform.sealed(
        {
          responseCode: '1040',
          messageCode: 1931,
          clientTxnId: r.plaintext.clientTxnId,
          responseMessage: 'CUSTOMER NOT FOUND',
        },
        404,
      ),
    );
    const error = await client
      .retrieveCustomer({ customerMobile: '919812345678' }, { clientTxnId: 'lookup-1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletNotFoundError);
    expect(error).toMatchObject({
      status: 404,
      responseCode: '1040',
      messageCode: 1931,
      clientTxnId: 'lookup-1',
      api: 'retrieveCustomer',
      attempts: 1,
    });
    expect((error as WalletNotFoundError).body).toMatchObject({ responseCode: '1040' });
  });

  it('treats a failure code inside an HTTP 200 as the failure it is', async () => {
    const { platform, client } = setup((r) =>
      platform.sealed({
        responseCode: '1020',
        messageCode: 3511,
        clientTxnId: r.plaintext.clientTxnId,
        responseMessage: 'productId: is required',
      }),
    );
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletInvalidRequestError);
    expect((error as WalletInvalidRequestError).message).toContain('(field productId)');
  });

  it('reports a response it cannot read as an envelope error', async () => {
    const bodies = [
      'not json',
      JSON.stringify({ result: 'AAAAAAAAAAAAAAAAAAAAAA==' }),
      JSON.stringify({ unexpected: true }),
    ];
    for (const body of bodies) {
      const { platform, client } = setup(() => platform.plain(body));
      const error = await client.registerCustomer(customer).catch((e: unknown) => e);
      expect(error, body).toBeInstanceOf(WalletEnvelopeError);
      expect((error as WalletEnvelopeError).rawBody).toBe(body);
      expect((error as WalletEnvelopeError).status).toBe(200);
    }
  });

  it('refuses a response body that names its envelope twice, rather than pick one', async () => {
    // JSON.parse would keep the last `result`; the strict parser of @wallet/crypto refuses both,
    // as the platform refuses such a request.
    const { platform, client } = setup(async (r) => {
      const sealed = (await platform.success(r, { customerId: 'c', urn: '1' }).json()) as {
        result: string;
      };
      return platform.plain(`{"result":"AAAAAAAAAAAAAAAAAAAAAA==","result":"${sealed.result}"}`);
    });
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletEnvelopeError);
  });
});

describe('response validation', () => {
  it('fails on a response that breaks its schema in strict mode', async () => {
    const { platform, client } = setup((r) => platform.success(r, { customerId: 'c' }));
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletValidationError);
    expect((error as WalletValidationError).direction).toBe('response');
    expect((error as WalletValidationError).field).toBe('urn');
  });

  it('fails on a response that does not echo the clientTxnId in strict mode', async () => {
    const { platform, client } = setup((r) =>
      platform.success(
        { ...r, plaintext: { ...r.plaintext, clientTxnId: 'someone-else' } },
        { customerId: 'c', urn: '1' },
      ),
    );
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect((error as WalletValidationError).field).toBe('clientTxnId');
  });

  it('logs and returns the response as it came in warn mode', async () => {
    const warnings: [string, WalletLogFields][] = [];
    const { platform, client } = setup((r) => platform.success(r, { customerId: 'c' }), {
      responseValidation: 'warn',
      logger: { warn: (message, fields) => warnings.push([message, fields]) },
    });
    const data = await client.registerCustomer(customer);
    expect(data.customerId).toBe('c');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[0]).toBe('wallet response failed validation');
    expect(warnings[0]?.[1].issues).toEqual(['urn: Invalid input']);
  });

  it('returns the response unchecked when off', async () => {
    const { platform, client } = setup((r) => platform.success(r, { urn: 7 }), {
      responseValidation: 'off',
    });
    expect((await client.registerCustomer(customer)).urn).toBe(7);
  });
});

describe('retries', () => {
  it('retries a 5xx with the same clientTxnId and body, re-signed with a fresh date', async () => {
    let tick = 0;
    const base = Date.now();
    const { platform, client } = setup(
      (r, i) =>
        i < 2
          ? platform.plain({ responseMessage: 'SYSTEM ERROR' }, 503)
          : platform.success(r, registered(r)),
      { now: () => new Date(base + 1000 * tick++), responseValidation: 'off' },
    );
    const { attempts } = await client.registerCustomer(customer).withResponse();
    expect(attempts).toBe(3);
    const [first, second, third] = platform.received;
    expect(new Set(platform.received.map((r) => r.rawBody)).size).toBe(1);
    expect(new Set(platform.received.map((r) => r.plaintext.clientTxnId)).size).toBe(1);
    const dates = [first, second, third].map((r) => r?.headers.get('date'));
    expect(new Set(dates).size).toBe(3);
    expect(platform.received.every((r) => r.signatureOk)).toBe(true);
  });

  it('retries network failures and 429', async () => {
    const { platform, client } = setup((r, i) => {
      if (i === 0) throw new TypeError('fetch failed');
      if (i === 1) return platform.plain('', 429);
      return platform.success(r, { customerId: 'c', urn: '1' });
    });
    expect((await client.registerCustomer(customer).withResponse()).attempts).toBe(3);
  });

  it('never retries a 4xx business response', async () => {
    const { platform, client } = setup((r) =>
      platform.sealed(
        {
          responseCode: '1030',
          clientTxnId: r.plaintext.clientTxnId,
          responseMessage: 'CUSTOMER ALREADY EXISTS',
        },
        409,
      ),
    );
    await expect(client.registerCustomer(customer)).rejects.toMatchObject({ responseCode: '1030' });
    expect(platform.received).toHaveLength(1);
  });

  it('reports the last response once the retries are used up', async () => {
    const { platform, client } = setup(
      () => platform.plain({ responseCode: '1052', responseMessage: 'SYSTEM ERROR' }, 500),
      { retries: 1 },
    );
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletServerError);
    expect((error as WalletServerError).attempts).toBe(2);
    expect(platform.received).toHaveLength(2);
  });

  it('honours Retry-After, up to maxRetryDelay', async () => {
    const times: number[] = [];
    const { platform, client } = setup(
      (r, i) => {
        times.push(performance.now());
        return i === 0
          ? platform.plain('', 429, { 'retry-after': '1' })
          : platform.success(r, { customerId: 'c', urn: '1' });
      },
      { maxRetryDelay: 5_000 },
    );
    await client.registerCustomer(customer);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After would outlast the total timeout', async () => {
    const { platform, client } = setup(() => platform.plain('', 429, { 'retry-after': '30' }), {
      maxRetryDelay: 60_000,
      totalTimeout: 2_000,
    });
    const started = performance.now();
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletRateLimitError);
    expect((error as WalletRateLimitError).retryAfterMs).toBe(30_000);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(platform.received).toHaveLength(1);
  });

  it('backs off on other retriable responses, whatever wait they name', async () => {
    const times: number[] = [];
    const { platform, client } = setup(
      (r, i) => {
        times.push(performance.now());
        return i === 0
          ? platform.plain('', 500, { 'retry-after': '3' })
          : platform.success(r, { customerId: 'c', urn: '1' });
      },
      { maxRetryDelay: 5_000 },
    );
    await client.registerCustomer(customer);
    // The first backoff waits 250 to 500 ms; Retry-After would have waited 3 s.
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeLessThan(1_500);
  });

  it('gives up at once when a rate-limit header names a wait past the total timeout', async () => {
    const { platform, client } = setup(() => platform.plain('', 429, { 'ratelimit-reset': '30' }), {
      maxRetryDelay: 30_000,
      totalTimeout: 2_000,
    });
    const started = performance.now();
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletRateLimitError);
    expect((error as WalletRateLimitError).retryAfterMs).toBe(30_000);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(platform.received).toHaveLength(1);
  });

  it("reads Retry-After '1.5' one way: no named wait, so it backs off as usual and reports none", async () => {
    for (const retryAfter of ['1.5', 'soon']) {
      const times: number[] = [];
      const { platform, client } = setup(
        () => {
          times.push(performance.now());
          return platform.plain('', 429, { 'retry-after': retryAfter });
        },
        { maxRetryDelay: 5_000, retries: 1 },
      );
      const error = await client.registerCustomer(customer).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WalletRateLimitError);
      expect((error as WalletRateLimitError).retryAfterMs).toBeUndefined();
      // The first backoff waits 250 to 500 ms; read as seconds, '1.5' would have waited 1.5 s.
      const waited = (times[1] ?? 0) - (times[0] ?? 0);
      expect(waited).toBeGreaterThanOrEqual(240);
      expect(waited).toBeLessThan(1_400);
    }
  });

  it('can be turned off per call', async () => {
    const { platform, client } = setup(() => platform.plain('', 503));
    await expect(client.registerCustomer(customer, { retries: 0 })).rejects.toBeInstanceOf(
      WalletServerError,
    );
    expect(platform.received).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times an attempt out, retries, and reports the attempt timeout', async () => {
    const { platform, client } = setup((r) => never(r), { timeout: 50, retries: 1 });
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletTimeoutError);
    expect(error).toMatchObject({ kind: 'attempt', timeoutMs: 50, attempts: 2 });
    expect(platform.received).toHaveLength(2);
  });

  it('bounds the whole call by totalTimeout', async () => {
    const { client } = setup((r) => never(r), {
      timeout: 10_000,
      totalTimeout: 80,
    });
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 80, code: 'WALLET_TIMEOUT' });
  });

  it('times out an attempt whose response body stalls, and retries it', async () => {
    const { platform, client } = setup(
      (r, i) =>
        i === 0
          ? new Response(
              new ReadableStream({
                start(controller) {
                  controller.enqueue(new TextEncoder().encode('{"result":'));
                  r.signal.addEventListener('abort', () => controller.error(r.signal.reason));
                },
              }),
              { status: 200, headers: { 'content-type': 'application/json' } },
            )
          : platform.success(r, { customerId: 'c', urn: '1' }),
      { timeout: 100, retries: 1 },
    );
    const { data, attempts } = await client.registerCustomer(customer).withResponse();
    expect(data.customerId).toBe('c');
    expect(attempts).toBe(2);
  });

  it("aborts with the caller's signal while waiting to retry", async () => {
    const { platform, client } = setup(() => platform.plain('', 503, { 'retry-after': '5' }), {
      maxRetryDelay: 10_000,
    });
    const controller = new AbortController();
    const pending = client.registerCustomer(customer, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 50);
    const started = performance.now();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletAbortError);
    expect(error).toMatchObject({ attempts: 1 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(platform.received).toHaveLength(1);
  });

  it("leaves no listener on the caller's signal after a call", async () => {
    const { platform, client } = setup((r, i) =>
      i % 2 === 0 ? platform.plain('', 503) : platform.success(r, { customerId: 'c', urn: '1' }),
    );
    const signal = new AbortController().signal;
    for (let i = 0; i < 5; i += 1) await client.registerCustomer(customer, { signal });
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it("aborts with the caller's signal, during an attempt or before it", async () => {
    const { client } = setup((r) => never(r));
    const controller = new AbortController();
    const pending = client.registerCustomer(customer, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 20);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletAbortError);
    expect((error as WalletAbortError).cause).toEqual(new Error('user left'));
    const early = await client
      .registerCustomer(customer, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(WalletAbortError);
  });
});

describe('hooks and logging', () => {
  it('calls onRequest and onResponse around every attempt', async () => {
    const events: string[] = [];
    const { platform, client } = setup(
      (r, i) =>
        i === 0 ? platform.plain('', 503) : platform.success(r, { customerId: 'c', urn: '1' }),
      {
        hooks: {
          onRequest: (e) => {
            events.push(`request ${e.api} ${e.attempt} ${e.method} ${e.path}`);
          },
          onResponse: async (e) => {
            events.push(
              `response ${e.status} ${e.attempt} ${(await e.response.text()).length > 0}`,
            );
          },
        },
      },
    );
    await client.registerCustomer(customer);
    expect(events).toEqual([
      'request registerCustomer 1 POST /loyalty-points/v1/wallet/enroll',
      'response 503 1 false',
      'request registerCustomer 2 POST /loyalty-points/v1/wallet/enroll',
      'response 200 2 true',
    ]);
  });

  it('fails the call, unretried, with the error onResponse throws', async () => {
    const { platform, client } = setup(() => platform.plain('', 503), {
      hooks: {
        onResponse: () => {
          throw new RangeError('hook says no');
        },
      },
    });
    await expect(client.registerCustomer(customer)).rejects.toThrow(new RangeError('hook says no'));
    expect(platform.received).toHaveLength(1);
  });

  it('fails the call, unretried, with the error a hook throws', async () => {
    const { platform, client } = setup((r) => platform.success(r, {}), {
      hooks: {
        onRequest: () => {
          throw new RangeError('hook says no');
        },
      },
    });
    await expect(client.registerCustomer(customer)).rejects.toThrow(new RangeError('hook says no'));
    expect(platform.received).toHaveLength(0);
  });

  it('logs method, path, status, duration and clientTxnId at debug, and no secret or personal data', async () => {
    const lines: string[] = [];
    const record = (level: string) => (message: string, fields: WalletLogFields) => {
      lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
    };
    const { platform, client } = setup(
      (r, i) =>
        i === 0
          ? platform.plain('', 503)
          : platform.success(r, { customerId: 'c', urn: '12345678901', firstName: 'Asha' }),
      {
        logLevel: 'debug',
        responseValidation: 'warn',
        logger: {
          debug: record('debug'),
          info: record('info'),
          warn: record('warn'),
          error: record('error'),
        },
      },
    );
    await client.registerCustomer(customer, { clientTxnId: 'log-test-1' });
    // A failing response and a failed validation log too.
    const failing = setup(() => platform.plain('', 400), {
      logLevel: 'debug',
      logger: { debug: record('debug'), warn: record('warn') },
    });
    await failing.client.registerCustomer(customer).catch(() => undefined);

    const output = lines.join('\n');
    expect(output).toMatch(
      /debug wallet response \{"api":"registerCustomer","method":"POST","path":"\/loyalty-points\/v1\/wallet\/enroll","status":200,"durationMs":\d+,"clientTxnId":"log-test-1","attempt":2\}/,
    );
    expect(output).toContain('debug wallet retry');
    const sent = platform.received[0];
    const secrets = [
      TEST_SECRETS.merchantSalt,
      TEST_SECRETS.encryptionKey,
      TEST_SECRETS.merchantKey,
      sent?.headers.get('authorization') ?? 'authorization',
      'signature=',
      JSON.parse(sent?.rawBody ?? '{}').token,
      'Asha',
      'Verma',
      '919812345678',
      '14-02-1991',
      'asha.verma@example.com',
      'example.com',
    ];
    for (const secret of secrets) expect(output).not.toContain(secret);
  });

  it('logs nothing below the configured level, and survives a logger that throws', async () => {
    const lines: string[] = [];
    const { platform, client } = setup((r) => platform.success(r, { customerId: 'c', urn: '1' }), {
      logger: {
        debug: (message) => {
          lines.push(message);
          throw new Error('broken logger');
        },
      },
    });
    await client.registerCustomer(customer);
    expect(lines).toEqual([]);
    const verbose = setup((r) => verbose.platform.success(r, { customerId: 'c', urn: '1' }), {
      logLevel: 'debug',
      logger: {
        debug: (message) => {
          lines.push(message);
          throw new Error('broken logger');
        },
      },
    });
    await expect(verbose.client.registerCustomer(customer)).resolves.toMatchObject({
      customerId: 'c',
    });
    expect(lines).toContain('wallet response');
  });
});
