// biome-ignore-all lint/performance/useDomNodeTextContent: page.innerText is Playwright's rendered text of the page, not the DOM property
/**
 * The dashboard driven in a real headless Chromium (Debian's, through playwright-core): a request
 * sent by the client appears live, its detail shows the decrypted body, a screenshot is taken, axe
 * finds no serious or critical accessibility violation, and the pages render with JavaScript off.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations } from './chromium.js';
import { type DevServer, loadParams, newCustomer, startDevServer } from './support.js';

let server: DevServer;
let browser: Browser;
/** Where the screenshots go. */
let profile: string;

beforeAll(async () => {
  server = await startDevServer();
  profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

describe('the dashboard in Chromium', () => {
  it('shows a request live, opens its decrypted detail, and passes axe on every page', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByText('Live: new requests appear at the top.').waitFor();

    const client = server.client();
    const registered = await client.registerCustomer(newCustomer()).withResponse();
    const clientTxnId = registered.clientTxnId ?? '';
    const load = await client.load(loadParams(registered.data.urn, 52_500)).withResponse();

    // Both appear without a reload.
    const row = page.locator('#journal-rows tr', { hasText: clientTxnId });
    await row.waitFor();
    await page.locator('#journal-rows tr', { hasText: load.clientTxnId ?? '' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('link').click();
    await page.getByRole('heading', { name: 'Decrypted request' }).waitFor();
    const shot = join(profile, 'detail.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    const text = await page.innerText('body');
    expect(text).toContain(clientTxnId);
    expect(text).toContain('"productId": 35');
    expect(text).toContain('"firstName": "A***"');
    expect(text).toContain('CUSTOMER REGISTERED SUCCESSFULLY');
    expect(text).toContain('payu-hmac');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { name: 'Customers and wallets' }).waitFor();
    expect(await page.innerText('main')).toContain(registered.data.urn);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: registered.data.urn }).click();
    await page.getByRole('heading', { name: 'Ledger' }).waitFor();
    expect(await page.innerText('main')).toContain('₹525.00');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Merchants' }).click();
    await page.getByRole('button', { name: 'Copy Merchant salt' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: the skip link is the first stop and leads into the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await context.close();
  }, 60_000);

  it('renders the journal and a detail on the server, with JavaScript off', async () => {
    const client = server.client();
    const registered = await client.registerCustomer(newCustomer('Ravi')).withResponse();
    const clientTxnId = registered.clientTxnId ?? '';
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/?clientTxnId=${clientTxnId}`);
    const journal = await page.innerText('main');
    expect(journal).toContain(clientTxnId);
    expect(journal).toContain('Reload the page to see new requests.');
    await page.getByRole('link', { name: 'POST registerCustomer' }).click();
    const detail = await page.innerText('main');
    expect(detail).toContain('Decrypted request');
    expect(detail).toContain('"firstName": "R***"');
    expect(detail).toContain(clientTxnId);
    await context.close();
  }, 60_000);
});
