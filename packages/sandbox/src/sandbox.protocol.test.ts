import {
  DOCUMENTED_PROFILES,
  KONG_HMAC,
  PAYU_HMAC,
  PAYU_HMAC_DIGEST,
  profileName,
} from '@wallet/hmac';
import { routes } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox.js';
import { openStore } from './store/open-store.js';
import {
  callApi,
  codeOf,
  FIXED_MERCHANT,
  loadFields,
  merchantOf,
  PREFIX_MERCHANT,
  type RunningSandbox,
  register,
  startSandbox,
  TestClock,
} from './testing/fixtures.js';
import { WalletTestClient } from './testing/wallet-test-client.js';

// Whole seconds, so that HTTP dates (second resolution) sit exactly at the skew boundaries.
const clock = new TestClock(Math.floor(Date.now() / 1000) * 1000);
let running: RunningSandbox;
let client: WalletTestClient;

beforeAll(async () => {
  running = await startSandbox({ now: clock.now });
  client = running.client(undefined, clock.now);
});
afterAll(() => running.close());

const MALFORMED = { responseCode: '1055', responseMessage: 'MALFORMED REQUEST' };
const retrieve = () => client.request('retrieveCustomer', { urn: '1' });

describe('the order of the checks', () => {
  it('checks the body size before anything else (413)', async () => {
    const response = await client.call('retrieveCustomer', retrieve(), {
      rawBody: 'x'.repeat(64 * 1024 + 1),
      headers: { walletidentifier: 'nope', authorization: undefined },
    });
    expect(response.status).toBe(413);
    expect(response.json).toEqual({ responseMessage: 'REQUEST BODY TOO LARGE' });
  });

  it('checks walletIdentifier before the signature (1058, plain)', async () => {
    for (const walletidentifier of ['CLX', undefined, 'clw', 'CLW, CLW']) {
      const response = await client.call('retrieveCustomer', retrieve(), {
        headers: { walletidentifier, authorization: undefined },
      });
      expect(response.status, String(walletidentifier)).toBe(400);
      expect(response.json).toEqual({ responseCode: '1058', responseMessage: 'INVALID WALLETS' });
    }
  });

  it('checks the signature before the envelope (401 before 1055)', async () => {
    const response = await client.call('retrieveCustomer', retrieve(), {
      rawBody: '{"token":"not base64!"}',
      headers: { authorization: 'hmac username="merchant-prefix"' },
    });
    expect(response.status).toBe(401);
  });

  it('checks the message code before the fields (1010, encrypted, before 1020)', async () => {
    const response = await client.call('load', {
      messageCode: routes.unload.requestMessageCode,
      clientTxnId: 'txn-1010',
      urn: 'not digits',
    });
    expect(response.status).toBe(400);
    expect(response.envelopeField).toBe('result');
    expect(response.body).toEqual({
      responseCode: '1010',
      messageCode: routes.load.responseMessageCode,
      clientTxnId: 'txn-1010',
      responseMessage: `messageCode: must be ${routes.load.requestMessageCode} for this API`,
    });
  });

  it('answers 1020 encrypted, naming the first offending field and its rule', async () => {
    const response = await client.call('retrieveCustomer', {
      ...retrieve(),
      customerMobile: '0012',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      responseCode: '1020',
      messageCode: routes.retrieveCustomer.responseMessageCode,
      responseMessage:
        'customerMobile: must be 10 to 15 digits starting with the country calling code',
    });
  });
});

describe('authentication failures (401, plain, naming the class)', () => {
  const failures: [string, Parameters<WalletTestClient['call']>[2], string][] = [
    [
      'no Authorization header',
      { headers: { authorization: undefined } },
      'AUTHORIZATION HEADER MISSING',
    ],
    ['no date header', { headers: { date: undefined } }, 'AUTHORIZATION HEADER MISSING'],
    [
      'another scheme',
      { headers: { authorization: 'Basic bWVyY2hhbnQ6c2VjcmV0' } },
      'AUTHORIZATION HEADER MALFORMED',
    ],
    [
      'a date that is not IMF-fixdate',
      { headers: { date: '2024-01-01T00:00:00Z' } },
      'AUTHORIZATION HEADER MALFORMED',
    ],
    [
      'a date 301 s behind',
      { date: new Date(clock.now().getTime() - 301_000) },
      'DATE HEADER OUTSIDE ALLOWED CLOCK SKEW',
    ],
    [
      'a date 301 s ahead',
      { date: new Date(clock.now().getTime() + 301_000) },
      'DATE HEADER OUTSIDE ALLOWED CLOCK SKEW',
    ],
  ];
  it.each(failures)('%s', async (_name, options, message) => {
    const response = await client.call('retrieveCustomer', retrieve(), options);
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ responseMessage: message });
  });

  it('accepts dates exactly 300 s away in either direction', async () => {
    for (const offset of [-300_000, 300_000]) {
      const response = await client.call('retrieveCustomer', retrieve(), {
        date: new Date(clock.now().getTime() + offset),
      });
      expect(response.status).toBe(404);
    }
  });

  it('counts the skew in whole seconds: 300 s passes and 301 s fails at any millisecond', async () => {
    const start = clock.now();
    try {
      for (const ms of [30, 999]) {
        clock.set(new Date(start.getTime() + ms));
        for (const [offset, status] of [
          [-300_000, 404],
          [300_000, 404],
          [-301_000, 401],
          [301_000, 401],
        ] as const) {
          const response = await client.call('retrieveCustomer', retrieve(), {
            date: new Date(start.getTime() + offset),
          });
          expect([ms, offset, response.status]).toEqual([ms, offset, status]);
        }
      }
    } finally {
      clock.set(start);
    }
  });

  it('answers a wrong salt and an unknown merchant alike, echoing neither', async () => {
    const wrongSalt = new WalletTestClient({
      target: running.url,
      merchant: { ...merchantOf(running.sandbox), salt: 'not-the-salt' },
      now: clock.now,
    });
    const unknown = new WalletTestClient({
      target: running.url,
      merchant: { ...merchantOf(running.sandbox), merchantKey: 'nobody' },
      now: clock.now,
    });
    const a = await wrongSalt.call('retrieveCustomer', retrieve());
    const b = await unknown.call('retrieveCustomer', retrieve());
    expect([a.status, a.text]).toEqual([
      401,
      '{"responseMessage":"SIGNATURE VERIFICATION FAILED"}',
    ]);
    expect([b.status, b.text]).toEqual([a.status, a.text]);
  });

  it('answers a body that does not match the signed digest', async () => {
    const body = JSON.stringify({ token: client.envelope.seal(retrieve()) });
    const signedFor = await client.call('retrieveCustomer', retrieve(), {
      profile: PAYU_HMAC_DIGEST,
      rawBody: body,
    });
    expect(signedFor.status).toBe(404);
    // Sign one body, send another with the first body's digest and signature.
    const other = JSON.stringify({ token: client.envelope.seal(retrieve()) });
    const { signRequest } = await import('@wallet/hmac');
    const headers = signRequest({
      merchantKey: PREFIX_MERCHANT.merchantKey,
      merchantSalt: PREFIX_MERCHANT.salt,
      profile: PAYU_HMAC_DIGEST,
      date: clock.now(),
      body,
    });
    const response = await client.send(routes.retrieveCustomer.path, 'POST', other, {
      headers: { ...headers },
    });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ responseMessage: 'DIGEST DOES NOT MATCH THE BODY' });
  });
});

describe('auth profiles', () => {
  it.each(DOCUMENTED_PROFILES.map((p) => [profileName(p), p]))(
    'accepts %s by default and reports it',
    async (name, profile) => {
      const response = await client.call('retrieveCustomer', retrieve(), { profile });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-sandbox-auth-profile')).toBe(name);
    },
  );

  it('accepts only the configured profiles', async () => {
    const strict = await startSandbox({ now: clock.now, profiles: ['payu-hmac'] });
    try {
      const strictClient = strict.client(undefined, clock.now);
      const kong = await strictClient.call('retrieveCustomer', retrieve(), { profile: KONG_HMAC });
      expect(kong.status).toBe(401);
      const payu = await strictClient.call('retrieveCustomer', retrieve(), { profile: PAYU_HMAC });
      expect(payu.headers.get('x-sandbox-auth-profile')).toBe('payu-hmac');
    } finally {
      await strict.close();
    }
  });
});

describe('the envelope', () => {
  it('answers every unreadable body with one plain 400 1055 body', async () => {
    const bodies = [
      '',
      'null',
      '[]',
      '{}',
      '{"token":""}',
      '{"token":"AAAA"}',
      '{"token":1}',
      'nope',
    ];
    for (const rawBody of bodies) {
      const response = await client.call('retrieveCustomer', retrieve(), { rawBody });
      expect(response.status, rawBody).toBe(400);
      expect(response.json, rawBody).toEqual(MALFORMED);
    }
  });

  it('answers in result or token as each merchant is configured', async () => {
    const prefix = await callApi(client, 'retrieveCustomer', { urn: '1' });
    expect(prefix.envelopeField).toBe('result');
    const fixed = await callApi(
      running.client(FIXED_MERCHANT.merchantKey, clock.now),
      'retrieveCustomer',
      {
        urn: '1',
      },
    );
    expect(fixed.envelopeField).toBe('token');
  });

  it('uses the responseField option for merchants that do not choose', async () => {
    const tokenSandbox = await startSandbox({ responseField: 'token' });
    try {
      const response = await callApi(tokenSandbox.client(), 'retrieveCustomer', { urn: '1' });
      expect(response.envelopeField).toBe('token');
    } finally {
      await tokenSandbox.close();
    }
  });
});

describe('in-process fetch', () => {
  it('answers exactly like the socket server, without one', async () => {
    const sandbox = await createSandbox({
      logger: false,
      env: {},
      merchants: [PREFIX_MERCHANT],
      now: clock.now,
    });
    try {
      const inProcess = new WalletTestClient({
        target: (request) => sandbox.fetch(request),
        merchant: merchantOf(sandbox),
        now: clock.now,
      });
      const customer = await register(inProcess);
      const load = await callApi(inProcess, 'load', loadFields(customer.urn, 100));
      expect(codeOf(load)).toEqual({ status: 200, code: '00' });
      expect(sandbox.address).toBeUndefined();
    } finally {
      await sandbox.close();
    }
  });
});

describe('paths, methods and headers', () => {
  it('answers 404 for unknown paths and 405 with Allow for other methods', async () => {
    const notFound = await client.send('/loyalty-points/v1/wallet/nothing', 'POST', '{}');
    expect([notFound.status, notFound.json]).toEqual([404, { responseMessage: 'NO SUCH API' }]);
    const wrongMethod = await client.send(routes.load.path, 'POST', '{}');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('PATCH');
    const get = await client.raw(routes.retrieveCustomer.path, { method: 'GET', headers: {} });
    expect(get.status).toBe(405);
  });

  it('accepts a trailing slash and ignores a query string', async () => {
    const response = await client.call('retrieveCustomer', retrieve(), {
      path: `${routes.retrieveCustomer.path}/?x=1`,
    });
    expect(response.status).toBe(404);
    expect(response.body?.responseCode).toBe('1040');
  });

  it('answers 431 to a header section over the limit, in-process and over sockets', async () => {
    const big = { 'x-padding': 'p'.repeat(20 * 1024) };
    const viaSocket = await client.call('retrieveCustomer', retrieve(), { headers: big });
    expect([viaSocket.status, viaSocket.json]).toEqual([
      431,
      { responseMessage: 'REQUEST HEADERS TOO LARGE' },
    ]);
    const inProcess = await running.sandbox.fetch(
      new Request(`http://sandbox.test${routes.retrieveCustomer.path}`, {
        method: 'POST',
        headers: big,
        body: '{}',
      }),
    );
    expect(inProcess.status).toBe(431);
  });
});

describe('server faults', () => {
  it('answers 500 with the plain 1052 body and no internals when the store fails', async () => {
    const store = await openStore(':memory:');
    const sandbox = await createSandbox({
      logger: false,
      env: {},
      merchants: [PREFIX_MERCHANT],
      store,
    });
    try {
      const { url } = await sandbox.listen(0);
      const faulty = new WalletTestClient({ target: url, merchant: merchantOf(sandbox) });
      await store.close();
      const response = await callApi(faulty, 'retrieveCustomer', { urn: '1' });
      expect(response.status).toBe(500);
      expect(response.text).toBe('{"responseCode":"1052","responseMessage":"SYSTEM ERROR"}');
      // The server is still up.
      const again = await callApi(faulty, 'retrieveCustomer', { urn: '1' });
      expect(again.status).toBe(500);
    } finally {
      await sandbox.close();
    }
  });
});
