import { afterEach, describe, expect, it } from 'vitest';
import type { SeedInput } from '../fixtures/seed-schema.js';
import type { JournalEntry } from '../journal/entry.js';
import { createSandbox, type Sandbox } from '../sandbox.js';
import {
  callApi,
  codeOf,
  loadFields,
  merchantOf,
  PREFIX_MERCHANT,
  type RunningSandbox,
  register,
  startSandbox,
} from '../testing/fixtures.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const running: RunningSandbox[] = [];
const sandboxes: Sandbox[] = [];

afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
  for (const s of sandboxes.splice(0)) await s.close();
});

async function start(options: Parameters<typeof startSandbox>[0] = {}): Promise<RunningSandbox> {
  const s = await startSandbox(options);
  running.push(s);
  return s;
}

async function admin(s: RunningSandbox, path: string, init: RequestInit = {}) {
  const response = await fetch(`${s.url}/__sandbox${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the journal over /__sandbox/requests', () => {
  it('lists requests newest first with time, merchant, API, status, code, duration and clientTxnId', async () => {
    const s = await start();
    const client = s.client();
    const { urn } = await register(client);
    await callApi(client, 'load', loadFields(urn, 500));
    await fetch(`${s.url}/healthz`);
    const { body } = await admin(s, '/requests');
    const entries = body.entries as JournalEntry[];
    expect(entries.map((e) => e.api)).toEqual(['load', 'registerCustomer']);
    const [load] = entries;
    expect(load).toMatchObject({
      merchantKey: PREFIX_MERCHANT.merchantKey,
      status: 200,
      responseCode: '00',
      authProfile: 'payu-hmac',
      method: 'PATCH',
    });
    expect(load?.clientTxnId).toMatch(/.+/);
    expect(load?.durationMs).toBeGreaterThan(0);
    expect(Date.parse(load?.receivedAt ?? '')).not.toBeNaN();
    expect(load?.request).toMatchObject({ urn, transactionAmount: 500 });
  });

  it('masks names, mobile numbers and email addresses in the kept bodies', async () => {
    const s = await start();
    const { mobile } = await register(s.client());
    const { body } = await admin(s, '/requests?api=registerCustomer');
    const [entry] = body.entries as JournalEntry[];
    const text = JSON.stringify(entry);
    expect(text).not.toContain(mobile);
    expect(text).not.toContain('Asha');
    expect(text).not.toContain('asha.rao');
    expect(entry?.request).toMatchObject({
      customerDetails: {
        firstName: 'A***',
        mobileNumber: `********${mobile.slice(-4)}`,
        emailAddress: 'a***@example.com',
      },
    });
    expect(entry?.requestHeaders.authorization).toContain('signature="[masked]"');
  });

  it('filters by api, status and clientTxnId, limits, and refuses an unknown filter', async () => {
    const s = await start();
    const client = s.client();
    const { urn } = await register(client);
    const request = client.request('load', loadFields(urn, 300));
    await client.call('load', request);
    await callApi(client, 'unload', {
      ...loadFields(urn, 999_999),
      receiver: 'r',
      sender: undefined,
    });
    const byTxn = await admin(s, `/requests?clientTxnId=${request.clientTxnId}`);
    expect((byTxn.body.entries as JournalEntry[]).map((e) => e.api)).toEqual(['load']);
    const failed = await admin(s, '/requests?status=4xx');
    expect((failed.body.entries as JournalEntry[]).map((e) => e.api)).toEqual(['unload']);
    const limited = await admin(s, '/requests?limit=1');
    expect(limited.body.entries).toHaveLength(1);
    const bad = await admin(s, '/requests?status=teapot');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('status');
  });

  it('keeps only the configured number of requests', async () => {
    const s = await start({ journal: { size: 2 } });
    for (let i = 0; i < 4; i += 1) await fetch(`${s.url}/nowhere-${i}`);
    const { body } = await admin(s, '/requests');
    expect((body.entries as JournalEntry[]).map((e) => e.path)).toEqual([
      '/nowhere-3',
      '/nowhere-2',
    ]);
  });

  it('streams new entries as server-sent events, with the same filters', async () => {
    const s = await start();
    const controller = new AbortController();
    const response = await fetch(`${s.url}/__sandbox/requests/stream?status=404`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += decoder.decode(value, { stream: true });
      }
    };
    await until(/event: ready/);
    await fetch(`${s.url}/healthz`);
    await register(s.client());
    await fetch(`${s.url}/not-an-api`);
    await until(/event: request\ndata: .*not-an-api/);
    const events = text.split('\n\n').filter((block) => block.includes('event: request'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/\nid: \d+/);
    controller.abort();
  });
});

describe('faults over /__sandbox/faults', () => {
  it('sets, reads and clears the rules, and refuses a bad rule naming its field', async () => {
    const s = await start();
    const put = await admin(s, '/faults', {
      method: 'PUT',
      body: JSON.stringify({ routes: { retrieveCustomer: { status: 503, times: 1 } } }),
    });
    expect(put.status).toBe(200);
    expect((await admin(s, '/faults')).body).toEqual({
      routes: { retrieveCustomer: { status: 503, times: 1 } },
    });
    const client = s.client();
    const first = await callApi(client, 'retrieveCustomer', { customerMobile: '919900000001' });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.json).toEqual({ responseCode: '1052', responseMessage: 'SYSTEM ERROR' });
    const second = await callApi(client, 'retrieveCustomer', { customerMobile: '919900000001' });
    expect(codeOf(second)).toEqual({ status: 404, code: '1040' });

    const bad = await admin(s, '/faults', {
      method: 'PUT',
      body: JSON.stringify({ routes: { load: { status: 200 } }, global: { rate: 2 } }),
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['routes.load.status', 'global.rate']));
    expect((await admin(s, '/faults', { method: 'DELETE' })).body).toEqual({});
  });

  it('applies an error rate to about that share of requests', async () => {
    const sandbox = await createSandbox({
      logger: false,
      env: {},
      output: () => undefined,
      faults: { global: { status: 500, rate: 0.5 } },
    });
    sandboxes.push(sandbox);
    let failed = 0;
    for (let i = 0; i < 200; i += 1) {
      const response = await sandbox.fetch(
        new Request('http://sandbox.test/loyalty-points/v1/wallet/retrieveCustRecord', {
          method: 'POST',
          body: '{}',
        }),
      );
      if (response.status === 500) failed += 1;
    }
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
  });
});

describe('magic values', () => {
  it('declines a registration whose mobile number starts with 91555 with 1030, and replays it', async () => {
    const s = await start();
    const client = s.client();
    const request = client.request('registerCustomer', {
      customerDetails: {
        firstName: 'Zed',
        dateOfBirth: '01-01-1990',
        mobileNumber: '915551234567',
      },
      kycProfile: 30,
      riskCategory: 'Low',
      productId: 1,
      formFactorRequired: false,
    });
    const first = await client.call('registerCustomer', request);
    expect(codeOf(first)).toEqual({ status: 409, code: '1030' });
    const again = await client.call('registerCustomer', request);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await s.sandbox.store.listAccounts()).total).toBe(0);
    const [entry] = s.sandbox.journal?.list() ?? [];
    expect(entry?.fault).toBe('magic=register-mobile-91555');
  });

  it('answers a load of 99999 paise with a plain 1052 and moves nothing', async () => {
    const s = await start();
    const client = s.client();
    const { urn } = await register(client);
    const received = await callApi(client, 'load', loadFields(urn, 99_999));
    expect(received.status).toBe(500);
    expect(received.json).toEqual({ responseCode: '1052', responseMessage: 'SYSTEM ERROR' });
    const account = await s.sandbox.store.findAccount(PREFIX_MERCHANT.merchantKey, { urn });
    expect(account?.wallet.balance).toBe(0);
  });

  it('are off with magicValues: false', async () => {
    const s = await start({ magicValues: false });
    const client = s.client();
    const { urn } = await register(client);
    expect(codeOf(await callApi(client, 'load', loadFields(urn, 99_999)))).toEqual({
      status: 200,
      code: '00',
    });
  });
});

describe('reset and seed', () => {
  const seed: SeedInput = {
    customers: [
      {
        customerId: 'alice-1',
        firstName: 'Alice',
        lastName: 'Smith',
        dateOfBirth: '12-12-1990',
        mobileNumber: '919900000001',
        balance: 50_000,
      },
      {
        firstName: 'Bob',
        dateOfBirth: '01-02-1985',
        mobileNumber: '919900000002',
        kycProfile: 150,
        status: 'Debit',
      },
    ],
  };

  it('seeds over the admin route, names the offending field of a bad seed, and resets', async () => {
    const s = await start();
    const seeded = await admin(s, '/seed', { method: 'POST', body: JSON.stringify(seed) });
    expect(seeded.status).toBe(200);
    const customers = seeded.body.customers as { urn: string; balance: number; status: string }[];
    expect(customers.map((c) => [c.balance, c.status])).toEqual([
      [50_000, 'Active'],
      [0, 'Debit'],
    ]);
    const client = s.client();
    const found = await callApi(client, 'retrieveCustomer', { customerId: 'alice-1' });
    expect(found.body).toMatchObject({ availableBalance: 50_000, walletStatus: 'ACTIVE' });

    const again = await admin(s, '/seed', { method: 'POST', body: JSON.stringify(seed) });
    expect((again.body.customers as { created: boolean }[]).map((c) => c.created)).toEqual([
      false,
      false,
    ]);
    expect((await s.sandbox.store.listAccounts()).total).toBe(2);

    const bad = await admin(s, '/seed', {
      method: 'POST',
      body: JSON.stringify({
        customers: [{ firstName: 'Carl', dateOfBirth: '01-01-1990', mobileNumber: '12' }],
      }),
    });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { message: string }).message).toContain(
      'customers[0].mobileNumber: must be 10 to 15 digits',
    );

    const reset = await admin(s, '/reset', { method: 'POST' });
    expect(reset.body).toEqual({ merchantKey: null, seed: null });
    expect((await s.sandbox.store.listAccounts()).total).toBe(0);
  });

  it('applies the start-up seed at start and again after a reset', async () => {
    const s = await start({ seed });
    expect(s.sandbox.seeded?.customers).toHaveLength(2);
    await callApi(s.client(), 'registerCustomer', {
      customerDetails: {
        firstName: 'New',
        dateOfBirth: '01-01-1990',
        mobileNumber: '919900000003',
      },
      kycProfile: 30,
      riskCategory: 'Low',
      productId: 1,
      formFactorRequired: false,
    });
    expect((await s.sandbox.store.listAccounts()).total).toBe(3);
    const reset = await admin(s, '/reset', { method: 'POST' });
    expect((reset.body.seed as { customers: unknown[] }).customers).toHaveLength(2);
    expect((await s.sandbox.store.listAccounts()).total).toBe(2);
    await admin(s, '/reset?reseed=false', { method: 'POST' });
    expect((await s.sandbox.store.listAccounts()).total).toBe(0);
  });
});

describe('access to the admin routes', () => {
  it('refuses a loopback socket reached under a foreign host name', async () => {
    const s = await start();
    const { port } = new URL(s.url);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/__sandbox/requests',
          headers: { host: `evil.example:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });

  it('in-process: open without a token, the bearer token when one is configured', async () => {
    const get = (sandbox: Sandbox, headers: Record<string, string> = {}) =>
      sandbox.fetch(new Request('http://sandbox.test/__sandbox/faults', { headers }));
    const open = await createSandbox({ logger: false, env: {}, output: () => undefined });
    sandboxes.push(open);
    expect((await get(open)).status).toBe(200);
    const locked = await createSandbox({
      logger: false,
      env: { WALLET_ADMIN_TOKEN: TOKEN },
      output: () => undefined,
    });
    sandboxes.push(locked);
    expect((await get(locked)).status).toBe(401);
    expect((await get(locked, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect(merchantOf(locked).merchantKey).toBeTruthy();
  });

  it('refuses changes from another site', async () => {
    const s = await start();
    const response = await fetch(`${s.url}/__sandbox/reset`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it('are gone with admin: false, and a short token is refused at start-up', async () => {
    const s = await start({ admin: false });
    expect((await fetch(`${s.url}/__sandbox/requests`)).status).toBe(404);
    await expect(
      createSandbox({ logger: false, env: {}, output: () => undefined, admin: { token: 'short' } }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTIONS', option: 'admin.token' });
  });
});
