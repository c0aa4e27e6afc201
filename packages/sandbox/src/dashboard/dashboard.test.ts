import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox.js';
import { loadFields, PREFIX_MERCHANT, register, unloadFields } from '../testing/fixtures.js';
import { WalletTestClient } from '../testing/wallet-test-client.js';

const TOKEN = 'dashboard-token-0123456789';
const sandboxes: Sandbox[] = [];
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.close();
});

async function sandboxWith(options: Parameters<typeof createSandbox>[0] = {}) {
  const sandbox = await createSandbox({
    logger: false,
    env: {},
    output: () => undefined,
    merchants: [PREFIX_MERCHANT],
    ...options,
  });
  sandboxes.push(sandbox);
  const client = new WalletTestClient({
    target: sandbox.fetch,
    merchant: sandbox.merchants[0] as never,
  });
  const page = async (path: string, init: RequestInit = {}) => {
    const response = await sandbox.fetch(new Request(`http://127.0.0.1${path}`, init));
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return { sandbox, client, page };
}

describe('the dashboard, rendered on the server', () => {
  it('shows the journal, a request in detail, customers, a wallet with its ledger, and merchants', async () => {
    const { client, page } = await sandboxWith();
    const { urn } = await register(client);
    const load = client.request('load', loadFields(urn, 52_500));
    await client.call('load', load);
    await client.call('unload', client.request('unload', unloadFields(urn, 2_500)));

    const journal = await page('/__sandbox/dashboard');
    expect(journal.status).toBe(200);
    expect(journal.text).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(journal.text).toContain(load.clientTxnId);
    expect(journal.text).toContain('PATCH load');
    expect(journal.text).toContain('data-stream="/__sandbox/requests/stream"');

    const id = /href="\/__sandbox\/dashboard\/requests\/([^"]+)">PATCH load/.exec(
      journal.text,
    )?.[1];
    const detail = await page(`/__sandbox/dashboard/requests/${id}`);
    expect(detail.text).toContain('Decrypted request');
    expect(detail.text).toContain('&quot;transactionAmount&quot;: 52500');
    expect(detail.text).toContain('LOAD SUCCESSFUL');
    expect(detail.text).toContain('payu-hmac');
    expect(detail.text).toContain('signature=&quot;[masked]&quot;');

    const customers = await page('/__sandbox/dashboard/customers');
    expect(customers.text).toContain(urn);
    expect(customers.text).toContain('₹500.00');

    const wallet = await page(`/__sandbox/dashboard/wallets/${urn}`);
    expect(wallet.text).toContain('₹500.00');
    expect(wallet.text).toContain('+₹525.00');
    expect(wallet.text).toContain('−₹25.00');

    const merchants = await page('/__sandbox/dashboard/merchants');
    expect(merchants.text).toContain(PREFIX_MERCHANT.salt);
    expect(merchants.text).toContain('WALLET_MERCHANT_KEY=merchant-prefix');

    const filtered = await page('/__sandbox/dashboard?api=unload');
    expect(filtered.text).not.toContain(load.clientTxnId);
    expect(filtered.text).toContain('data-stream="/__sandbox/requests/stream?api=unload"');
  });

  it('mounts at / when asked, leaving the APIs and unknown paths alone', async () => {
    const { page, sandbox } = await sandboxWith({ dashboard: { basePath: '/' } });
    expect((await page('/')).text).toContain('<h1>Requests</h1>');
    expect((await page('/customers')).status).toBe(200);
    const unknown = await page('/favicon.ico');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toBe('{"responseMessage":"NO SUCH API"}');
    expect(sandbox.journal?.list().map((e) => e.path)).toEqual(['/favicon.ico']);
  });

  it('resets from a form and applies fault rules from a form, with clear errors', async () => {
    const { client, page, sandbox } = await sandboxWith();
    await register(client);
    const reset = await page('/__sandbox/dashboard/reset', { method: 'POST' });
    expect(reset.status).toBe(303);
    expect((await sandbox.store.listAccounts()).total).toBe(0);
    const form = (config: string) =>
      page('/__sandbox/dashboard/faults', {
        method: 'POST',
        body: new URLSearchParams({ config }),
      });
    expect((await form('{"routes":{"load":{"status":503}}}')).status).toBe(303);
    expect(sandbox.faults.config).toEqual({ routes: { load: { status: 503 } } });
    const bad = await form('{"routes":{"load":{"status":42}}}');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('routes.load.status: must be an HTTP status from 400 to 599');
  });

  it('asks for the admin token where one is configured, and signs in with a cookie', async () => {
    const { page } = await sandboxWith({ admin: { token: TOKEN } });
    const anonymous = await page('/__sandbox/dashboard/merchants');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/__sandbox/dashboard/login');
    expect((await page('/__sandbox/dashboard/login')).text).toContain('Admin token');
    const wrong = await page('/__sandbox/dashboard/login', {
      method: 'POST',
      body: new URLSearchParams({ token: 'not-the-token-at-all' }),
    });
    expect(wrong.status).toBe(401);
    const right = await page('/__sandbox/dashboard/login', {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN }),
    });
    expect(right.status).toBe(303);
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain(TOKEN);
    const signedIn = await page('/__sandbox/dashboard/merchants', {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.text).toContain(PREFIX_MERCHANT.salt);
  });

  it('is off with dashboard: false', async () => {
    const { page } = await sandboxWith({ dashboard: false });
    expect((await page('/__sandbox/dashboard')).status).toBe(404);
  });
});
