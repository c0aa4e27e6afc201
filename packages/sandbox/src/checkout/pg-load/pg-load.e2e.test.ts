import { pgLoadChecksum } from '@wallet/checkout';
import { formatDayMonthYear } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  codeOf,
  PREFIX_MERCHANT,
  type RunningSandbox,
  register,
  startSandbox,
} from '../../testing/fixtures.js';
import {
  createTestDatabase,
  PG_ADMIN_URL,
  requirePostgresInCi,
  type TestDatabase,
} from '../../testing/postgres.js';
import type { WalletTestClient, WalletTestResponse } from '../../testing/wallet-test-client.js';

requirePostgresInCi();

const APPROVED = '4111 1111 1111 1111';
const DECLINED = '4000 0000 0000 0002';
const SURL = 'https://shop.example.in/topup/ok';
const FURL = 'https://shop.example.in/topup/failed';

interface CallbackForm {
  readonly action: string;
  readonly fields: Record<string, string>;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (text: string): string =>
  text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The auto-submitting callback form of a page, read the way a browser posts it. */
function callbackForm(page: string): CallbackForm {
  const action = /<form id="callback" method="post" action="([^"]*)">/.exec(page)?.[1];
  if (action === undefined) throw new Error(`no callback form in: ${page}`);
  const fields: Record<string, string> = {};
  for (const match of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescapeHtml(match[1] ?? '')] = unescapeHtml(match[2] ?? '');
  }
  return { action: unescapeHtml(action), fields };
}

/** The `data` of a PG Load response; fails the test when the response has none. */
function dataOf(response: WalletTestResponse): { redirectUrl: string; payuTxnId: string } {
  const data = response.body?.data;
  if (typeof data !== 'object' || data === null) throw new Error(`no data in ${response.text}`);
  return data as { redirectUrl: string; payuTxnId: string };
}

function postCard(redirectUrl: string, cardNumber: string): Promise<Response> {
  return fetch(redirectUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ cardNumber, expiry: '12/30', cvv: '123', nameOnCard: 'Asha Rao' }),
  });
}

async function startTopUp(
  client: WalletTestClient,
  fields: Record<string, unknown>,
  clientTxnId?: string,
) {
  const request = client.request('pgLoad', {
    customer: { firstName: 'Asha', mobileNumber: '919800000000' },
    loadAmount: 50_000,
    currency: 'INR',
    surl: SURL,
    furl: FURL,
    ...fields,
  });
  if (clientTxnId !== undefined) request.clientTxnId = clientTxnId;
  const response = await client.call('pgLoad', request);
  return { request, response, clientTxnId: String(request.clientTxnId) };
}

async function enquire(client: WalletTestClient, clientTxnId: string) {
  const request = client.request('pgLoadEnquiry', {});
  request.clientTxnId = clientTxnId;
  return client.call('pgLoadEnquiry', request);
}

const backends: [string, () => Promise<{ database?: string; drop?: () => Promise<void> }>][] = [
  ['SQLite', async () => ({})],
];
if (PG_ADMIN_URL !== undefined) {
  backends.push([
    'PostgreSQL',
    async () => {
      const database: TestDatabase = await createTestDatabase('sandbox_pg_load');
      return { database: database.url, drop: () => database.drop() };
    },
  ]);
}

describe.each(backends)('PG Load on %s', (_name, prepare) => {
  let running: RunningSandbox;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const prepared = await prepare();
    drop = prepared.drop;
    running = await startSandbox(
      prepared.database === undefined ? {} : { database: prepared.database },
    );
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await drop?.();
  });

  it('answers the card page, credits the wallet once on an approved card, and posts the signed callback to surl', async () => {
    const client = running.client();
    const customer = await register(client);
    const { response, clientTxnId } = await startTopUp(client, { urn: customer.urn });
    expect(response.status).toBe(200);
    const body = response.body ?? {};
    expect(body).not.toHaveProperty('messageCode');
    expect(body).toMatchObject({
      responseCode: '00',
      clientTxnId,
      responseMessage: 'PG LOAD INITIATED SUCCESSFULLY',
    });
    expect(body.referenceId).toMatch(/^[0-9a-f]{32}$/);
    const data = body.data as { redirectUrl: string; payuTxnId: string };
    expect(data.payuTxnId).toMatch(/^\d{18}$/);
    expect(data.redirectUrl).toBe(`${running.url}/_pg-load/${data.payuTxnId}`);

    const pending = await enquire(client, clientTxnId);
    expect(pending.body).toMatchObject({
      responseCode: '00',
      clientTxnId,
      merchantCode: PREFIX_MERCHANT.merchantKey,
      txnAmount: '50000',
      accosaRefNo: null,
      status: 'PENDING',
      refundTxnExist: false,
    });

    const form = await fetch(data.redirectUrl);
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const formPage = await form.text();
    expect(formPage).toContain(`<form method="post" action="/_pg-load/${data.payuTxnId}">`);
    expect(formPage).toContain('name="cardNumber"');
    expect(formPage).toContain('INR 500.00');

    const paid = await postCard(data.redirectUrl, APPROVED);
    expect(paid.status).toBe(200);
    const page = await paid.text();
    expect(page).toContain('<noscript><button type="submit">');
    const callback = callbackForm(page);
    expect(callback.action).toBe(SURL);
    expect(callback.fields).toMatchObject({
      status: 'SUCCESS',
      responseCode: '00',
      merchantCode: PREFIX_MERCHANT.merchantKey,
      clientTxnId,
      txnAmount: '50000',
      loadAmount: '50000',
    });
    expect(callback.fields.accosaRefNo).toMatch(/^\d{12}$/);
    expect(callback.fields.accosaTransactionId).toMatch(/^\d{10}$/);
    expect(callback.fields.checksum).toBe(
      pgLoadChecksum(
        {
          clientTxnId,
          status: 'SUCCESS',
          loadAmount: '50000',
          accosaRefNo: callback.fields.accosaRefNo ?? '',
        },
        PREFIX_MERCHANT.salt,
      ),
    );

    const settled = await enquire(client, clientTxnId);
    expect(settled.body).toMatchObject({
      status: 'SUCCESS',
      accosaRefNo: callback.fields.accosaRefNo,
    });
    const record = await callApi(client, 'retrieveCustomer', { urn: customer.urn });
    expect(record.body?.availableBalance).toBe(50_000);
    const today = formatDayMonthYear(new Date(), '/');
    const statement = await callApi(client, 'statement', {
      urn: customer.urn,
      fromDate: today,
      toDate: today,
    });
    expect(statement.body?.statementDetails).toEqual([
      expect.objectContaining({
        clientTxnId,
        transactionType: 'CREDIT',
        transactionAmount: 50_000,
        description: 'PG Load',
        referenceNumber: callback.fields.accosaRefNo,
      }),
    ]);

    // The page again, by either method: the same callback, nothing credited twice.
    const again = callbackForm(await (await postCard(data.redirectUrl, APPROVED)).text());
    expect(again).toEqual(callback);
    expect(callbackForm(await (await fetch(data.redirectUrl)).text())).toEqual(callback);
    expect(
      (await callApi(client, 'retrieveCustomer', { urn: customer.urn })).body?.availableBalance,
    ).toBe(50_000);
  });

  it('credits once when the card form is posted many times at once', async () => {
    const client = running.client();
    const customer = await register(client);
    const { response, clientTxnId } = await startTopUp(client, {
      urn: customer.urn,
      loadAmount: 1_234,
    });
    const { redirectUrl } = dataOf(response);
    const pages = await Promise.all(
      Array.from({ length: 12 }, () => postCard(redirectUrl, APPROVED).then((r) => r.text())),
    );
    const callbacks = pages.map(callbackForm);
    expect(new Set(callbacks.map((c) => JSON.stringify(c))).size).toBe(1);
    expect(callbacks[0]?.fields.status).toBe('SUCCESS');
    expect(
      (await callApi(client, 'retrieveCustomer', { urn: customer.urn })).body?.availableBalance,
    ).toBe(1_234);
    const entries = await running.sandbox.store.listEntries({ urn: customer.urn });
    expect(entries.items.map((e) => [e.clientTxnId, e.amount])).toEqual([[clientTxnId, 1_234]]);
  });

  it('runs the settlement of one top-up once however many settle it at the same time', async () => {
    const client = running.client();
    const customer = await register(client);
    const { response } = await startTopUp(client, { urn: customer.urn, loadAmount: 4_321 });
    const { payuTxnId } = dataOf(response);
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        running.sandbox.store.settleTopUp(payuTxnId, async (tx, topUp) => {
          runs += 1;
          const account = await tx.findAccount({ urn: topUp.urn });
          const posted = await tx.post(account?.wallet.urn ?? '', {
            type: 'CREDIT',
            amount: topUp.amount,
          });
          return {
            status: 'SUCCESS',
            responseCode: '00',
            responseMessage: 'LOAD SUCCESSFUL',
            accosaTransactionId: posted.entry.accosaTransactionId,
            accosaRefNo: posted.entry.referenceNumber,
          };
        }),
      ),
    );
    expect(runs).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([
      ...Array.from({ length: 7 }, () => 'already-settled'),
      'settled',
    ]);
    expect(
      (await callApi(client, 'retrieveCustomer', { urn: customer.urn })).body?.availableBalance,
    ).toBe(4_321);
  });

  it('fails on the declined test card: furl, status FAILED, nothing credited, ever', async () => {
    const client = running.client();
    const customer = await register(client);
    const { response, clientTxnId } = await startTopUp(client, { urn: customer.urn });
    const { redirectUrl } = dataOf(response);
    const callback = callbackForm(await (await postCard(redirectUrl, DECLINED)).text());
    expect(callback.action).toBe(FURL);
    expect(callback.fields).toMatchObject({
      status: 'FAILED',
      accosaRefNo: '',
      accosaTransactionId: '',
      responseCode: '05',
      responseMessage: 'CARD DECLINED BY THE ISSUER',
    });
    expect(callback.fields.checksum).toBe(
      pgLoadChecksum(
        { clientTxnId, status: 'FAILED', loadAmount: '50000', accosaRefNo: '' },
        PREFIX_MERCHANT.salt,
      ),
    );
    expect((await enquire(client, clientTxnId)).body).toMatchObject({
      status: 'FAILED',
      accosaRefNo: null,
    });
    // An approved card after the failure changes nothing: the top-up is settled.
    expect(callbackForm(await (await postCard(redirectUrl, APPROVED)).text())).toEqual(callback);
    expect(
      (await callApi(client, 'retrieveCustomer', { urn: customer.urn })).body?.availableBalance,
    ).toBe(0);
  });

  it('refuses a card number that is not a test card, and the top-up stays pending', async () => {
    const client = running.client();
    const customer = await register(client);
    const { response, clientTxnId } = await startTopUp(client, { urn: customer.urn });
    const { redirectUrl } = dataOf(response);
    const refused = await postCard(redirectUrl, '5555 5555 5555 4444');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Use a sandbox test card');
    expect((await enquire(client, clientTxnId)).body).toMatchObject({ status: 'PENDING' });
  });

  it('fails the top-up with the wallet-status code when the wallet blocks credits by the time the card is taken', async () => {
    const client = running.client();
    const customer = await register(client);
    const { response } = await startTopUp(client, { urn: customer.urn });
    const { redirectUrl } = dataOf(response);
    await callApi(client, 'changeWalletStatus', {
      accountNumber: customer.accountNumber,
      statusType: 'Credit',
    });
    const callback = callbackForm(await (await postCard(redirectUrl, APPROVED)).text());
    expect(callback.action).toBe(FURL);
    expect(callback.fields).toMatchObject({
      status: 'FAILED',
      responseCode: '1118',
      responseMessage: 'CARD CREDIT BLOCK',
    });
  });

  it('declines at once what Load would: an unknown wallet (1040), a blocked one, an amount out of range', async () => {
    const client = running.client();
    const customer = await register(client);
    expect(codeOf((await startTopUp(client, { urn: '99999999999' })).response)).toEqual({
      status: 404,
      code: '1040',
    });
    expect(
      codeOf((await startTopUp(client, { loadAmount: 1_000_001, urn: customer.urn })).response),
    ).toEqual({
      status: 422,
      code: '10153',
    });
    // Without urn, the wallet is the customer's with that mobile number.
    const byMobile = await startTopUp(client, {
      customer: { firstName: 'Asha', mobileNumber: customer.mobile },
    });
    expect(byMobile.response.status).toBe(200);
    await callApi(client, 'changeWalletStatus', {
      accountNumber: customer.accountNumber,
      statusType: 'Temporary',
    });
    expect(codeOf((await startTopUp(client, { urn: customer.urn })).response)).toEqual({
      status: 422,
      code: '6014',
    });
  });

  it('replays a retried PG Load (one top-up) and answers 5000 to the same clientTxnId with other content', async () => {
    const client = running.client();
    const customer = await register(client);
    const first = await startTopUp(client, { urn: customer.urn });
    const retry = await client.call('pgLoad', {
      ...first.request,
      requestDateTime: first.request.requestDateTime,
    });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.response.body);
    const other = await startTopUp(
      client,
      { urn: customer.urn, loadAmount: 777 },
      first.clientTxnId,
    );
    expect(codeOf(other.response)).toEqual({ status: 409, code: '5000' });
  });

  it('answers 1054 to an enquiry about a clientTxnId with no PG Load, and carries no messageCode', async () => {
    const client = running.client();
    const unknown = await enquire(client, 'no-such-topup');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      responseCode: '1054',
      clientTxnId: 'no-such-topup',
      responseMessage: 'TRANSACTION NOT FOUND',
    });
    // Another API's clientTxnId is not a PG Load either, and the enquiry stores nothing under it.
    const customer = await register(client);
    const load = client.request('load', {
      urn: customer.urn,
      transactionAmount: 100,
      sender: 'x',
      fundFlowType: 'I',
      implId: 'i',
      implType: 't',
    });
    await client.call('load', load);
    expect(codeOf(await enquire(client, String(load.clientTxnId)))).toEqual({
      status: 404,
      code: '1054',
    });
    expect(
      await running.sandbox.store.getOutcome(PREFIX_MERCHANT.merchantKey, 'no-such-topup'),
    ).toBeNull();
  });

  it('escapes every value on its pages, and 404s an address that names no top-up', async () => {
    const client = running.client();
    const customer = await register(client);
    const surl = 'https://shop.example.in/ok?next="><script>alert(1)</script>&x=\'';
    const { response } = await startTopUp(client, { urn: customer.urn, surl });
    expect(response.status).toBe(200);
    const { redirectUrl } = dataOf(response);
    const page = await (await postCard(redirectUrl, APPROVED)).text();
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;x=&#39;');
    expect(callbackForm(page).action).toBe(surl);

    const missing = await fetch(`${running.url}/_pg-load/123456789012345678`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('No such top-up');
    expect((await fetch(`${running.url}/_pg-load/%3Cscript%3E`)).status).toBe(404);
  });
});
