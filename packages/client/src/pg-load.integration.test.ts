/**
 * PG Load end to end, as a merchant integrates it: the client starts the top-up against the real
 * sandbox over sockets, the "browser" (fetch) follows redirectUrl and posts the card form, the
 * callback form is posted to a real node:http server standing in for the merchant's surl/furl,
 * and the merchant verifies it with @wallet/checkout's parsePgLoadCallback before trusting it.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CheckoutHashError, parsePgLoadCallback } from '@wallet/checkout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWalletClient, type WalletClient, WalletNotFoundError } from './index.js';
import {
  freshMobile,
  type ListeningSandbox,
  newCustomer,
  startSandbox,
  today,
} from './test-sandbox.js';

/** What the merchant's server received: the path and the posted form, raw and read. */
interface Received {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly fields: Record<string, string>;
}

/** A merchant's site: records every POST to it and answers a small page. */
async function startMerchant(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        path: request.url ?? '',
        contentType: request.headers['content-type'],
        body,
        fields: Object.fromEntries(new URLSearchParams(body)),
      });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, server };
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

/** The first form of a page: where it posts and its fields, as a browser would submit them. */
function formOf(page: string, base: string): { action: string; fields: URLSearchParams } {
  const action = /<form[^>]*\baction="([^"]*)"/.exec(page)?.[1];
  if (action === undefined) throw new Error('the page has no form');
  const fields = new URLSearchParams();
  for (const match of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.append(unescapeHtml(match[1] ?? ''), unescapeHtml(match[2] ?? ''));
  }
  return { action: new URL(unescapeHtml(action), base).href, fields };
}

/** The customer's browser: opens the card page, pays with `cardNumber`, follows the callback form. */
async function payInBrowser(redirectUrl: string, cardNumber: string): Promise<void> {
  const cardPage = await fetch(redirectUrl);
  expect(cardPage.status).toBe(200);
  const card = formOf(await cardPage.text(), redirectUrl);
  card.fields.set('cardNumber', cardNumber);
  card.fields.set('expiry', '12/30');
  card.fields.set('cvv', '123');
  const callbackPage = await fetch(card.action, { method: 'POST', body: card.fields });
  expect(callbackPage.status).toBe(200);
  const callback = formOf(await callbackPage.text(), card.action);
  const delivered = await fetch(callback.action, { method: 'POST', body: callback.fields });
  expect(delivered.status).toBe(200);
}

let sandbox: ListeningSandbox;
let client: WalletClient;
let merchant: Awaited<ReturnType<typeof startMerchant>>;
let salt: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = createWalletClient(sandbox.config());
  salt = sandbox.merchant().salt;
  merchant = await startMerchant();
});
afterAll(async () => {
  merchant.server.close();
  await sandbox.close();
});

/** The merchant's check: the callback it was posted, read only once its checksum verifies. */
function verifiedCallback(received: Received | undefined) {
  return parsePgLoadCallback(received?.body ?? '', { salt });
}

function topUpParams(urn: string, loadAmount: number) {
  return {
    customer: { firstName: 'Asha', lastName: 'Verma', mobileNumber: freshMobile() },
    loadAmount,
    currency: 'INR' as const,
    surl: `${merchant.url}/wallet/topup/success`,
    furl: `${merchant.url}/wallet/topup/failure`,
    urn,
  };
}

describe('PG Load through the client', () => {
  it('tops a wallet up by card: redirect, card, signed callback to surl, enquiry, balance, statement', async () => {
    const { urn } = await client.registerCustomer(newCustomer());
    const started = await client.pgLoad(topUpParams(urn, 25_000), {
      clientTxnId: 'it-pg-load-0001',
    });
    expect(started).toMatchObject({
      responseCode: '00',
      clientTxnId: 'it-pg-load-0001',
      responseMessage: 'PG LOAD INITIATED SUCCESSFULLY',
    });
    expect('messageCode' in started).toBe(false);
    expect(started.referenceId).toMatch(/^[0-9a-f]{32}$/);
    expect(started.data.redirectUrl.startsWith(`${sandbox.url}/`)).toBe(true);

    const pending = await client.pgLoadEnquiry({ clientTxnId: 'it-pg-load-0001' });
    expect(pending).toMatchObject({ status: 'PENDING', accosaRefNo: null, txnAmount: '25000' });

    const before = merchant.received.length;
    await payInBrowser(started.data.redirectUrl, '4111 1111 1111 1111');
    const posted = merchant.received.slice(before);
    expect(posted).toHaveLength(1);
    const [callback] = posted;
    expect(callback?.path).toBe('/wallet/topup/success');
    expect(callback?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(callback?.fields).toMatchObject({
      status: 'SUCCESS',
      clientTxnId: 'it-pg-load-0001',
      loadAmount: '25000',
      txnAmount: '25000',
      responseCode: '00',
      merchantCode: sandbox.merchant().merchantKey,
    });
    const verified = verifiedCallback(callback);
    expect(verified).toMatchObject({ status: 'SUCCESS', clientTxnId: 'it-pg-load-0001' });
    // A tampered amount no longer verifies.
    const tampered = callback?.body.replace('loadAmount=25000', 'loadAmount=2500000');
    expect(tampered).not.toBe(callback?.body);
    expect(() => parsePgLoadCallback(tampered ?? '', { salt })).toThrow(CheckoutHashError);

    const settled = await client.pgLoadEnquiry({ clientTxnId: 'it-pg-load-0001' });
    expect(settled).toMatchObject({
      responseCode: '00',
      clientTxnId: 'it-pg-load-0001',
      status: 'SUCCESS',
      accosaRefNo: callback?.fields.accosaRefNo,
      refundTxnExist: false,
    });
    expect((await client.retrieveCustomer({ urn })).availableBalance).toBe(25_000);

    // The browser going back and submitting the card form again credits nothing more: it gets the
    // same callback form.
    const resubmitted = await fetch(started.data.redirectUrl, {
      method: 'POST',
      body: new URLSearchParams({ cardNumber: '4111111111111111' }),
    });
    const repeated = formOf(await resubmitted.text(), started.data.redirectUrl);
    expect(Object.fromEntries(repeated.fields)).toEqual(callback?.fields);
    const entries = [];
    for await (const entry of client.statementEntries({
      urn,
      fromDate: today(),
      toDate: today(),
    })) {
      entries.push(entry);
    }
    expect(entries).toEqual([
      expect.objectContaining({
        clientTxnId: 'it-pg-load-0001',
        transactionType: 'CREDIT',
        transactionAmount: 25_000,
        referenceNumber: callback?.fields.accosaRefNo,
      }),
    ]);
    expect((await client.retrieveCustomer({ urn })).availableBalance).toBe(25_000);
  });

  it('repeats a PG Load with the same clientTxnId idempotently: one top-up, the same response', async () => {
    const { urn } = await client.registerCustomer(newCustomer());
    const params = topUpParams(urn, 1_500);
    const first = await client.pgLoad(params, { clientTxnId: 'it-pg-load-retry' });
    const again = await client.pgLoad(params, { clientTxnId: 'it-pg-load-retry' }).withResponse();
    expect(again.data).toEqual(first);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
  });

  it('fails a top-up paid with the declined test card: callback to furl, nothing credited', async () => {
    const { urn } = await client.registerCustomer(newCustomer());
    const started = await client.pgLoad(topUpParams(urn, 9_900), {
      clientTxnId: 'it-pg-load-declined',
    });
    const before = merchant.received.length;
    await payInBrowser(started.data.redirectUrl, '4000 0000 0000 0002');
    const [callback] = merchant.received.slice(before);
    expect(callback?.path).toBe('/wallet/topup/failure');
    expect(callback?.fields).toMatchObject({
      status: 'FAILED',
      accosaRefNo: '',
      responseCode: '05',
    });
    expect(verifiedCallback(callback)).toMatchObject({ status: 'FAILED', accosaRefNo: '' });
    expect(await client.pgLoadEnquiry({ clientTxnId: 'it-pg-load-declined' })).toMatchObject({
      status: 'FAILED',
      accosaRefNo: null,
    });
    expect((await client.retrieveCustomer({ urn })).availableBalance).toBe(0);
  });

  it('rejects an enquiry about an unknown clientTxnId with 1054', async () => {
    const failure = await client.pgLoadEnquiry({ clientTxnId: 'it-no-such-top-up' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WalletNotFoundError);
    expect(failure).toMatchObject({ responseCode: '1054', status: 404 });
  });
});
