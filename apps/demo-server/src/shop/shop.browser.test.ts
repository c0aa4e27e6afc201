// biome-ignore-all lint/performance/useDomNodeTextContent: page.innerText is Playwright's rendered text of the page, not the DOM property
/**
 * The demo shop driven end to end in a real headless Chromium (Debian's, through playwright-core),
 * against the demo server over real sockets: sign up, top up by card, pay with the wallet and its
 * OTP, the confirmed order, a partial refund, and the statement and balance to the paisa; a
 * tampered callback refused; three wrong OTPs; load-and-pay with a short balance; axe on each page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, seriousViolations } from '../devtools/chromium.js';
import { type DevServer, freshMobileNumber, startDevServer } from '../devtools/support.js';

let server: DevServer;
/** How far the sandbox clock runs ahead of the real one. */
let clockAhead = 0;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer({ now: () => new Date(Date.now() + clockAhead) });
  browser = await launchChromium();
}, 60_000);

afterEach(() => {
  clockAhead = 0;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A new browser session that signs up at the shop. */
async function signUp(
  firstName: string,
  javaScriptEnabled = true,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  // From the dashboard's navigation, as a developer finds it.
  await page.goto(`${server.url}/customers`);
  await page
    .getByRole('navigation', { name: 'Dashboard' })
    .getByRole('link', { name: 'Shop' })
    .click();
  await page.getByRole('heading', { name: 'Sign up' }).waitFor();
  if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name').fill('Rao');
  await page.getByLabel('Mobile number').fill(freshMobileNumber());
  await page.getByLabel('E-mail').fill(`${firstName.toLowerCase()}@example.com`);
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('heading', { name: `Welcome, ${firstName}` }).waitFor();
  return { context, page };
}

/** Pays on the sandbox's pages: the OTP, then the pay button; ends on the shop's order page. */
async function enterOtp(page: Page, otp: string): Promise<void> {
  await page.getByRole('heading', { name: 'Confirm with the one-time password' }).waitFor();
  await page.getByLabel("OTP sent to the wallet's mobile number").fill(otp);
  await page.getByRole('button', { name: 'Verify' }).click();
}

async function balanceOf(page: Page): Promise<string> {
  return page.locator('#balance').innerText();
}

describe('the demo shop in Chromium', () => {
  it('signs up, tops up, pays with the OTP, refunds part, and the statement is exact', async () => {
    const { context, page } = await signUp('Asha');
    expect(await balanceOf(page)).toBe('₹0.00');
    expect(await seriousViolations(page)).toEqual([]);

    // Top up ₹1000.00 by card on the PG Load page.
    await page.getByLabel('Amount (₹)').fill('1000.00');
    await page.getByRole('button', { name: 'Top up', exact: true }).click();
    await page.getByRole('heading', { name: 'Top up your wallet' }).waitFor();
    await page.getByLabel('Card number').fill('4111 1111 1111 1111');
    await page.getByLabel('Expiry (MM/YY)').fill('12/30');
    await page.getByLabel('CVV').fill('123');
    await page.getByRole('button', { name: /^Pay INR/ }).click();
    await page.getByText('Top-up of ₹1000.00 done.').waitFor();
    expect(await balanceOf(page)).toBe('₹1000.00');

    // Buy the pass with the wallet; keep the callback the browser carries to surl.
    const callbacks: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/shop/payu/return')) {
        callbacks.push(request.postData() ?? '');
      }
    });
    await page.getByRole('button', { name: 'Buy with the wallet: Monthly metro pass' }).click();
    await enterOtp(page, '123456');
    await page.getByRole('button', { name: 'Pay ₹ 525.00' }).click();
    await page.getByRole('heading', { name: /^Order shop/ }).waitFor();
    expect(await page.locator('#order-status').innerText()).toBe('paid');
    expect(await seriousViolations(page)).toEqual([]);
    const orderUrl = page.url();

    // Refund ₹100.00 of it.
    await page.getByLabel(/Amount to refund/).fill('100.00');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByText('Refund of ₹100.00 requested.').waitFor();
    const refundRow = await page.locator('table tbody tr').innerText();
    expect(refundRow).toContain('100.00');
    expect(refundRow).toMatch(/queued|success/);
    expect(await page.getByLabel(/Amount to refund/).getAttribute('name')).toBe('amount');
    expect(await page.innerText('main')).toContain('up to 425.00');

    // The statement: the top-up, the debit and the refund; the balance to the paisa.
    await page.getByRole('link', { name: 'Statement' }).click();
    await page.getByRole('heading', { name: 'Wallet statement' }).waitFor();
    expect(await balanceOf(page)).toBe('₹575.00');
    const rows = (await page.locator('tbody tr').allInnerTexts()).map((row) =>
      row.split('\t').slice(1).join(' | '),
    );
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/PG Load \| CREDIT \| 1000\.00 \| 1000\.00$/),
        expect.stringMatching(/^Payment shop\w+ \| DEBIT \| 525\.00 \| 475\.00$/),
        expect.stringMatching(/^Refund shop\w+ \| CREDIT \| 100\.00 \| 575\.00$/),
      ]),
    );
    expect(await seriousViolations(page)).toEqual([]);

    // A callback with an edited amount, posted straight to surl, is refused; the order stays paid.
    expect(callbacks).toHaveLength(1);
    const genuine = callbacks[0] ?? '';
    const tampered = genuine.replace('amount=525.00', 'amount=5.00');
    expect(tampered).not.toBe(genuine);
    const refused = await fetch(`${server.url}/shop/payu/return`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: tampered,
      redirect: 'manual',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Invalid payment response');
    // Without the customer's session the order is not found, and cannot be refunded.
    expect((await fetch(orderUrl)).status).toBe(404);
    const stranger = await fetch(`${orderUrl}/refund`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'amount=10.00',
      redirect: 'manual',
    });
    expect(stranger.status).toBe(303);
    await page.goto(orderUrl);
    expect(await page.locator('#order-status').innerText()).toBe('paid');
    expect(await page.locator('table tbody tr').count()).toBe(1);
    await context.close();
  }, 120_000);

  it('fails the order after three wrong OTPs and debits nothing', async () => {
    const { context, page } = await signUp('Ravi');
    await page.getByRole('button', { name: 'Buy with the wallet: Coffee beans, 250 g' }).click();
    for (let attempt = 0; attempt < 3; attempt += 1) await enterOtp(page, '000000');
    await page.getByRole('heading', { name: /^Order shop/ }).waitFor();
    expect(await page.locator('#order-status').innerText()).toBe('failed');
    expect(await page.innerText('main')).toContain('E1301');
    expect(await page.getByLabel(/Amount to refund/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to the shop' }).click();
    expect(await balanceOf(page)).toBe('₹0.00');
    await context.close();
  }, 120_000);

  it('tops a short balance up by card inside the payment (load-and-pay)', async () => {
    const { context, page } = await signUp('Meera');
    await page.getByRole('button', { name: 'Buy, top up if short: Coffee beans, 250 g' }).click();
    await enterOtp(page, '123456');
    await page.getByLabel(/^Card number/).fill('4012 0010 3714 1112');
    await page.getByLabel('Expiry (MM/YY)').fill('12/30');
    await page.getByLabel('CVV').fill('123');
    await page.getByRole('button', { name: 'Top up and continue' }).click();
    await page.getByRole('button', { name: 'Pay ₹ 249.50' }).click();
    await page.getByRole('heading', { name: /^Order shop/ }).waitFor();
    expect(await page.locator('#order-status').innerText()).toBe('paid');
    await page.getByRole('link', { name: 'Statement' }).click();
    expect(await balanceOf(page)).toBe('₹0.00');
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toMatch(/CREDIT\t249\.50/);
    expect(rows.join('\n')).toMatch(/DEBIT\t249\.50/);
    await context.close();
  }, 120_000);

  it('shows a pending payment, then paid once it settles on the sandbox clock', async () => {
    const { context, page } = await signUp('Kiran');
    await page.getByLabel('Amount (₹)').fill('1000.00');
    await page.getByRole('button', { name: 'Top up', exact: true }).click();
    await page.getByLabel('Card number').fill('4111 1111 1111 1111');
    await page.getByRole('button', { name: /^Pay INR/ }).click();
    await page.getByText('Top-up of ₹1000.00 done.').waitFor();

    await page.getByRole('button', { name: 'Buy with the wallet: Slow-settling parcel' }).click();
    await enterOtp(page, '123456');
    await page.getByRole('button', { name: 'Pay ₹ 999.98' }).click();
    await page.getByRole('heading', { name: /^Order shop/ }).waitFor();
    expect(await page.locator('#order-status').innerText()).toBe('pending');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Check the payment again' }).click();
    expect(await page.locator('#order-status').innerText()).toBe('pending');

    // 31 seconds later on the sandbox clock (within the signature's clock skew).
    clockAhead = 31_000;
    await page.getByRole('button', { name: 'Check the payment again' }).click();
    await page.locator('#order-status', { hasText: 'paid' }).waitFor();
    expect(await page.getByLabel(/Amount to refund/).count()).toBe(1);
    await page.getByRole('link', { name: 'Statement' }).click();
    expect(await balanceOf(page)).toBe('₹0.02');
    await context.close();
  }, 120_000);

  it('works with JavaScript off: top-up, payment and refund through the plain forms', async () => {
    const { context, page } = await signUp('Nila', false);
    await page.getByLabel('Amount (₹)').fill('300.00');
    await page.getByRole('button', { name: 'Top up', exact: true }).click();
    await page.getByLabel('Card number').fill('4111 1111 1111 1111');
    await page.getByRole('button', { name: /^Pay INR/ }).click();
    await page.getByRole('button', { name: 'Continue to the merchant' }).click();
    await page.getByText('Top-up of ₹300.00 done.').waitFor();

    await page.getByRole('button', { name: 'Buy with the wallet: Coffee beans, 250 g' }).click();
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await enterOtp(page, '123456');
    await page.getByRole('button', { name: 'Pay ₹ 249.50' }).click();
    await page.getByRole('button', { name: 'Continue to the merchant' }).click();
    await page.getByRole('heading', { name: /^Order shop/ }).waitFor();
    expect(await page.locator('#order-status').innerText()).toBe('paid');
    await page.getByLabel(/Amount to refund/).fill('49.50');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.getByText('Refund of ₹49.50 requested.').waitFor();
    await page.getByRole('link', { name: 'Statement' }).click();
    expect(await balanceOf(page)).toBe('₹100.00');
    await context.close();
  }, 120_000);
});
