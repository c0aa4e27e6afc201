/** The shop as a merchant with a fixed-IV envelope: it follows the demo merchant's settings. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, freshMobileNumber, startDevServer } from '../devtools/support.js';

let folder: string;
let server: DevServer;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'shop-fixed-iv-'));
  const merchantsFile = join(folder, 'merchants.json');
  writeFileSync(
    merchantsFile,
    JSON.stringify({
      merchants: [
        {
          merchantKey: 'fixedivshop',
          salt: 'fixed-iv-salt',
          encryptionKey: '000102030405060708090a0b0c0d0e0f1011121314151617',
          ivMode: 'fixed',
          iv: 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf',
          responseField: 'token',
        },
      ],
    }),
  );
  server = await startDevServer({ merchantsFile });
});

afterAll(async () => {
  await server?.close();
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

describe('the shop with a fixed-IV merchant', () => {
  it('registers a customer and shows the wallet', async () => {
    const signedUp = await fetch(`${server.url}/shop/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        firstName: 'Uma',
        lastName: 'Iyer',
        mobile: freshMobileNumber(),
        email: 'uma@example.com',
        dateOfBirth: '01-01-1990',
      }),
      redirect: 'manual',
    });
    expect(signedUp.status).toBe(303);
    const cookie = signedUp.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^shop_customer=[0-9a-f]{32}$/);
    const home = await fetch(`${server.url}/shop`, { headers: { cookie } });
    expect(home.status).toBe(200);
    const text = await home.text();
    expect(text).toContain('Welcome, Uma');
    expect(text).toContain('₹0.00');
  });
});
