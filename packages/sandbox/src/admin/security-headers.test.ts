import { routes } from '@wallet/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox.js';
import { callApi, PREFIX_MERCHANT } from '../testing/fixtures.js';
import { WalletTestClient } from '../testing/wallet-test-client.js';

const TOKEN = 'security-token-0123456789';
const sandboxes: Sandbox[] = [];
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.close();
});

async function sandboxWith(options: Parameters<typeof createSandbox>[0] = {}): Promise<Sandbox> {
  const sandbox = await createSandbox({
    logger: false,
    env: {},
    output: () => undefined,
    merchants: [PREFIX_MERCHANT],
    ...options,
  });
  sandboxes.push(sandbox);
  return sandbox;
}

async function headersOf(sandbox: Sandbox, path: string, init: RequestInit = {}) {
  const response = await sandbox.fetch(new Request(`http://127.0.0.1${path}`, init));
  await response.body?.cancel();
  return { status: response.status, headers: response.headers };
}

function expectFramingRefused(headers: Headers, where: string): void {
  expect(headers.get('x-frame-options'), where).toBe('DENY');
  expect(headers.get('content-security-policy'), where).toBe("frame-ancestors 'none'");
  expect(headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(headers.get('referrer-policy'), where).toBe('same-origin');
  expect(headers.get('cross-origin-opener-policy'), where).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy'), where).toBe('same-origin');
}

describe('security headers of the dashboard and the admin routes', () => {
  it('refuse framing on every page, asset, form response and admin response', async () => {
    const sandbox = await sandboxWith();
    const paths = [
      '/__sandbox/dashboard',
      '/__sandbox/dashboard/customers',
      '/__sandbox/dashboard/merchants',
      '/__sandbox/dashboard/faults',
      '/__sandbox/dashboard/wallets/12345678901',
      '/__sandbox/dashboard/assets/dashboard.js',
      '/__sandbox/requests',
      '/__sandbox/faults',
      '/__sandbox/merchants',
      '/__sandbox/no-such-tool',
    ];
    for (const path of paths) {
      const { headers } = await headersOf(sandbox, path);
      expectFramingRefused(headers, path);
    }
    const reset = await headersOf(sandbox, '/__sandbox/reset', { method: 'POST' });
    expectFramingRefused(reset.headers, 'POST /__sandbox/reset');
  });

  it('also on refusals and on the sign-in page, where a token is needed', async () => {
    const sandbox = await sandboxWith({ admin: { token: TOKEN } });
    const refused = await headersOf(sandbox, '/__sandbox/requests');
    expect(refused.status).toBe(401);
    expectFramingRefused(refused.headers, 'refused admin call');
    const redirect = await headersOf(sandbox, '/__sandbox/dashboard');
    expect(redirect.status).toBe(303);
    expectFramingRefused(redirect.headers, 'redirect to sign-in');
    const login = await headersOf(sandbox, '/__sandbox/dashboard/login');
    expect(login.status).toBe(401);
    expectFramingRefused(login.headers, 'sign-in page');
  });

  it('leave the wallet APIs alone, even with the dashboard at /', async () => {
    const sandbox = await sandboxWith({ dashboard: { basePath: '/' } });
    expectFramingRefused((await headersOf(sandbox, '/')).headers, 'dashboard at /');
    const client = new WalletTestClient({
      target: sandbox.fetch,
      merchant: sandbox.merchants[0] as never,
    });
    const received = await callApi(client, 'retrieveCustomer', { urn: '1' });
    expect(received.status).toBe(404);
    expect(received.headers.get('x-frame-options')).toBeNull();
    expect(received.headers.get('content-security-policy')).toBeNull();
    const unknown = await headersOf(sandbox, `${routes.load.path}/nothing`, { method: 'POST' });
    expect(unknown.headers.get('x-frame-options')).toBeNull();
  });
});
