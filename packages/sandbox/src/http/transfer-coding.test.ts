import { request as httpRequest } from 'node:http';
import { signRequest } from '@wallet/hmac';
import { routes, WALLET_IDENTIFIER } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { merchantOf, type RunningSandbox, startSandbox } from '../testing/fixtures.js';
import { hasUnsupportedTransferCoding } from './transfer-coding.js';

const NOT_IMPLEMENTED = { responseMessage: 'TRANSFER CODING NOT IMPLEMENTED' };

describe('hasUnsupportedTransferCoding', () => {
  it.each([
    [undefined, false],
    ['chunked', false],
    ['Chunked ', false],
    ['gzip, chunked', true],
    ['chunked, chunked', true],
    ['identity', true],
    ['gzip', true],
    ['', true],
  ])('Transfer-Encoding %j: %s', (value, refused) => {
    const headers = new Headers(value === undefined ? {} : { 'transfer-encoding': value });
    expect(hasUnsupportedTransferCoding(headers)).toBe(refused);
  });
});

/** A signed retrieveCustomer request of `running`, sent over a socket with `transferEncoding`. */
function send(
  running: RunningSandbox,
  transferEncoding: string,
): Promise<{ status: number; body: unknown }> {
  const client = running.client();
  const merchant = merchantOf(running.sandbox);
  const body = JSON.stringify({
    token: client.envelope.seal(client.request('retrieveCustomer', { urn: '1' })),
  });
  const signed = signRequest({ merchantKey: merchant.merchantKey, merchantSalt: merchant.salt });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${running.url}${routes.retrieveCustomer.path}`,
      {
        method: 'POST',
        // node:http sends the body chunked itself whenever the header names chunked.
        headers: {
          ...signed,
          'content-type': 'application/json',
          walletidentifier: WALLET_IDENTIFIER,
          'transfer-encoding': transferEncoding,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('transfer codings over a socket', () => {
  let running: RunningSandbox;
  beforeAll(async () => {
    running = await startSandbox();
  });
  afterAll(() => running.close());

  it('answers 501 to a body coded with anything but chunked, before it reaches the API', async () => {
    const received = await send(running, 'gzip, chunked');
    expect([received.status, received.body]).toEqual([501, NOT_IMPLEMENTED]);
    const entry = running.sandbox.journal?.list({}, 1)[0];
    expect([entry?.failure, entry?.status]).toEqual(['transfer-coding', 501]);
  });

  it('reads a plain chunked body as before', async () => {
    const received = await send(running, 'chunked');
    expect(received.status).toBe(404);
  });

  it('answers 501 in-process too', async () => {
    const response = await running.sandbox.fetch(
      new Request(`http://sandbox.test${routes.retrieveCustomer.path}`, {
        method: 'POST',
        headers: { 'transfer-encoding': 'br, chunked' },
        body: '{}',
      }),
    );
    expect([response.status, await response.json()]).toEqual([501, NOT_IMPLEMENTED]);
  });
});
