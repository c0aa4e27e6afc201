import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyResponseHash } from '@wallet/checkout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  loadFields,
  type RunningSandbox,
  register,
  startSandbox,
} from '../testing/fixtures.js';
import { paymentFields } from '../testing/gateway-client.js';
import {
  createTestDatabase,
  PG_ADMIN_URL,
  requirePostgresInCi,
  type TestDatabase,
} from '../testing/postgres.js';
import type { WalletTestClient } from '../testing/wallet-test-client.js';

requirePostgresInCi();

/** The sandbox of the suite running now (one per backend, one after the other). */
let running: RunningSandbox;

/** What a browser without JavaScript sees of a page. */
interface Page {
  readonly status: number;
  readonly location: string | null;
  readonly html: string;
}

async function browse(path: string, form?: Record<string, string>): Promise<Page> {
  const url = new URL(path, running.url);
  const response = await fetch(url, {
    method: form === undefined ? 'GET' : 'POST',
    redirect: 'manual',
    ...(form === undefined
      ? {}
      : {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form).toString(),
        }),
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: await response.text(),
  };
}

/** Posts like a browser and follows a 303 to the page it names. */
async function submit(path: string, form: Record<string, string>): Promise<Page> {
  const received = await browse(path, form);
  if (received.status !== 303 || received.location === null) return received;
  return browse(received.location);
}

/** The forms of a page: action and the values of their inputs. */
function formsOf(html: string): { action: string; fields: Record<string, string> }[] {
  const forms: { action: string; fields: Record<string, string> }[] = [];
  for (const match of html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<input([^>]*)>/g)) {
      const attributes = input[1] ?? '';
      const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
      if (name !== undefined)
        fields[name] = decode(/\bvalue="([^"]*)"/.exec(attributes)?.[1] ?? '');
    }
    forms.push({ action: decode(match[1] ?? ''), fields });
  }
  return forms;
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function formTo(page: Page, ending: string) {
  const form = formsOf(page.html).find((candidate) => candidate.action.endsWith(ending));
  if (form === undefined) throw new Error(`no form posting to …${ending} on the page`);
  return form;
}

async function fundedWallet(client: WalletTestClient, paise: number) {
  const customer = await register(client);
  if (paise > 0) await callApi(client, 'load', loadFields(customer.urn, paise));
  return customer;
}

async function balanceOf(client: WalletTestClient, urn: string): Promise<unknown> {
  return (await callApi(client, 'retrieveCustomer', { urn })).body?.availableBalance;
}

/** Enters the OTP on an OTP page and answers the balance page. */
async function enterOtp(page: Page, otp = '123456'): Promise<Page> {
  return submit(formTo(page, '/otp').action, { otp });
}

function pageSuite(name: string, open: () => Promise<RunningSandbox>) {
  describe(`payment pages on ${name}`, () => {
    beforeAll(async () => {
      running = await open();
    });
    afterAll(() => running?.close());

    describe('merchant-hosted pages', () => {
      it('go OTP → balance → pay → an auto-submitting callback form to surl with a valid hash', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 50_000);
        const fields = paymentFields(client, customer.urn, '100.25');
        const posted = await browse('/_payment', fields);
        expect(posted.status).toBe(303);
        expect(posted.location).toMatch(/^\/_payment\/pages\/merchant-prefix\/\d{18}$/);

        const otpPage = await browse(posted.location ?? '');
        expect(otpPage.html).toContain('123456');
        expect(otpPage.html).not.toContain('<script');
        const balancePage = await enterOtp(otpPage);
        expect(balancePage.html).toContain('500.00');
        expect(balancePage.html).not.toContain('<script');

        const payForm = formTo(balancePage, '/pay');
        const callback = await submit(payForm.action, payForm.fields);
        const [form] = formsOf(callback.html);
        expect(form?.action).toBe('https://merchant.example/success');
        expect(form?.fields).toMatchObject({
          status: 'success',
          txnid: fields.txnid,
          amount: '100.25',
          firstname: 'Asha',
        });
        expect(verifyResponseHash(form?.fields as never, client.merchant.salt)).toBe(true);
        expect(callback.html).toMatch(/<noscript><button type="submit">/);
        expect(callback.html).toContain('.submit()');
        expect(await balanceOf(client, customer.urn)).toBe(50_000 - 10_025);

        // Paying again (a reload, a second tab) changes nothing.
        const again = await submit(payForm.action, payForm.fields);
        expect(formsOf(again.html)[0]?.fields.status).toBe('success');
        expect(await balanceOf(client, customer.urn)).toBe(50_000 - 10_025);
      });

      it('refuse to pay without the OTP, and fail the payment after three wrong OTPs', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 5_000);
        const otpPage = await submit('/_payment', paymentFields(client, customer.urn, '10'));
        const action = formTo(otpPage, '/otp').action;
        const base = action.slice(0, -'/otp'.length);
        const forged = await browse(`${base}/pay`, { proof: 'ab'.repeat(32) });
        expect(forged.html).toContain('Enter the OTP first.');

        const first = await submit(action, { otp: '000000' });
        expect(first.html).toContain('Wrong OTP.');
        expect(first.html).toContain('2 tries left');
        await submit(action, { otp: '111111' });
        const third = await submit(action, { otp: '222222' });
        const [form] = formsOf(third.html);
        expect(form?.action).toBe('https://merchant.example/failure');
        expect(form?.fields).toMatchObject({ status: 'failure', error: 'E1301' });
        expect(await balanceOf(client, customer.urn)).toBe(5_000);
      });

      it('cancel sends the customer to furl as userCancelled', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 5_000);
        const otpPage = await submit('/_payment', paymentFields(client, customer.urn, '10'));
        const cancelled = await submit(formTo(otpPage, '/cancel').action, {});
        expect(formsOf(cancelled.html)[0]?.fields).toMatchObject({
          status: 'failure',
          unmappedstatus: 'userCancelled',
        });
      });

      it('answer a page naming the refused field for a bad hash or a repeated txnid', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 5_000);
        const bad = await browse('/_payment', {
          ...paymentFields(client, customer.urn, '10'),
          hash: 'ab'.repeat(64),
        });
        expect(bad.status).toBe(400);
        expect(bad.html).toContain('hash: does not match the payment hash');
        const fields = paymentFields(client, customer.urn, '10');
        expect((await browse('/_payment', fields)).status).toBe(303);
        const twice = await browse('/_payment', fields);
        expect(twice.status).toBe(409);
      });
    });

    describe('hosted pages', () => {
      it('list the wallet as a payment option, find it by mobile number, then OTP and pay', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 20_000);
        const {
          pg: _pg,
          bankcode: _bankcode,
          walleturn: _urn,
          ...hosted
        } = paymentFields(client, customer.urn, '50');
        const options = await submit('/_payment', hosted);
        const walletForm = formTo(options, '/wallet');
        const unknown = await submit(walletForm.action, { mobile: '915550000001' });
        expect(unknown.html).toContain('No wallet has this mobile number.');
        const otpPage = await submit(walletForm.action, { mobile: customer.mobile });
        const balancePage = await enterOtp(otpPage);
        const payForm = formTo(balancePage, '/pay');
        const callback = await submit(payForm.action, payForm.fields);
        expect(formsOf(callback.html)[0]?.fields.status).toBe('success');
        expect(await balanceOf(client, customer.urn)).toBe(15_000);
      });
    });

    describe('load-and-pay pages', () => {
      it('top up loadmoney with the test card when the balance is short, then pay', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 1_000);
        const fields = paymentFields(client, customer.urn, '30', { loadmoney: '25' });
        const otpPage = await submit('/_payment', fields);
        const topUpPage = await enterOtp(otpPage);
        const topUpForm = formTo(topUpPage, '/topup');
        const declined = await submit(topUpForm.action, {
          ...topUpForm.fields,
          card: '4111111111111111',
          expiry: '12/30',
          cvv: '123',
        });
        expect(declined.html).toContain('The card was declined');
        const loaded = await submit(topUpForm.action, {
          ...topUpForm.fields,
          card: '4012 0010 3714 1112',
          expiry: '12/30',
          cvv: '123',
        });
        expect(await balanceOf(client, customer.urn)).toBe(3_500);
        const payForm = formTo(loaded, '/pay');
        const callback = await submit(payForm.action, payForm.fields);
        expect(formsOf(callback.html)[0]?.fields.status).toBe('success');
        expect(await balanceOf(client, customer.urn)).toBe(500);
      });
    });
  });
}

pageSuite('SQLite', () =>
  startSandbox({ database: join(mkdtempSync(join(tmpdir(), 'sandbox-pages-')), 'sandbox.db') }),
);

// Without WALLET_TEST_PG_URL (a developer machine without PostgreSQL) this suite cannot run;
// scripts/test.sh always sets it, and in CI its absence fails the file (requirePostgresInCi).
describe.skipIf(PG_ADMIN_URL === undefined)('with PostgreSQL', () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());
  pageSuite('PostgreSQL', async () => {
    database = await createTestDatabase('sandbox_pages');
    return startSandbox({ database: database.url });
  });
});
