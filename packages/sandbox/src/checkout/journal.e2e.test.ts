import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  loadFields,
  type RunningSandbox,
  register,
  startSandbox,
} from '../testing/fixtures.js';
import { paymentFields, paySeamless, postservice } from '../testing/gateway-client.js';

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

describe('the gateway in the journal and the dashboard', () => {
  it('journals payments and postservice calls with personal data hidden, and lists payments with their refunds', async () => {
    const client = running.client();
    const customer = await register(client);
    await callApi(client, 'load', loadFields(customer.urn, 10_000));
    const fields = paymentFields(client, customer.urn, '40');
    const paid = await paySeamless(running.url, client, fields);
    const mihpayid = String(paid.json.mihpayid);
    await postservice(running.url, client, 'cancel_refund_transaction', [mihpayid, 'jr-1', '15']);
    await postservice(running.url, client, 'check_balance', [
      JSON.stringify({ walletIdentifier: 'CLW', mobile: customer.mobile, ibibo_code: 'CLW' }),
    ]);

    const journal = running.sandbox.journal;
    const payment = journal?.list({ api: 'payment' })[0];
    expect(payment).toMatchObject({
      path: '/_payment',
      merchantKey: client.merchant.merchantKey,
      clientTxnId: fields.txnid,
      responseCode: 'E000',
      status: 200,
    });
    expect(payment?.request).toMatchObject({ firstname: 'A***', phone: '********6655' });
    expect(payment?.response).toMatchObject({
      status: 'success',
      email: 'a***@example.com',
      lastname: 'R***',
    });
    const calls = journal?.list({ api: 'postservice' }) ?? [];
    expect(calls).toHaveLength(2);
    const serialized = JSON.stringify(calls);
    expect(serialized).not.toContain(customer.mobile);
    expect(serialized).toContain('Refund Request Queued');

    const page = await fetch(`${running.url}/__sandbox/dashboard/payments`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(fields.txnid);
    expect(html).toContain(mihpayid);
    expect(html).toContain('₹40.00');
    expect(html).toContain('success');
    expect(html).toMatch(/₹15\.00 queued/);
    expect(html).toContain('jr-1');
    expect(html).toContain('A***');
    expect(html).not.toContain('asha.rao@example.com');
  });
});
