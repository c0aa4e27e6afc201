import { createEnvelope } from '@wallet/crypto';
import { helperRoutes } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveHelperCredentials } from '../config/credentials.js';
import {
  callApi,
  FIXED_MERCHANT,
  merchantOf,
  PREFIX_MERCHANT,
  type RunningSandbox,
  startSandbox,
} from '../testing/fixtures.js';

const HELPER = {
  apiKey: 'helper-key-1',
  clientId: 'client-9',
  bankId: '4321',
  secureCode: 'sc-77',
};
let running: RunningSandbox;

beforeAll(async () => {
  running = await startSandbox({
    merchants: [{ ...PREFIX_MERCHANT, helper: HELPER }, FIXED_MERCHANT],
  });
});
afterAll(() => running.close());

function encryptHeaders(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'x-api-key': HELPER.apiKey,
    clientId: HELPER.clientId,
    bankId: HELPER.bankId,
    'X-Consumer-Custom-ID': 'consumer-1',
    secureCode: HELPER.secureCode,
    entityId: '100',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

async function post(path: string, headers: Record<string, string>, body: string) {
  const response = await fetch(`${running.url}${path}`, { method: 'POST', headers, body });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const plaintext = { messageCode: 1930, clientTxnId: 'helper-1', customerMobile: '919988776655' };

describe('POST /api/v2/encrypt', () => {
  it("seals the plaintext with the merchant's key into {token}", async () => {
    const received = await post(
      helperRoutes.encrypt.path,
      encryptHeaders(),
      JSON.stringify(plaintext),
    );
    expect(received.status).toBe(200);
    expect(Object.keys(received.json)).toEqual(['token']);
    const envelope = createEnvelope({ key: PREFIX_MERCHANT.encryptionKey });
    expect(envelope.open(received.json.token)).toEqual(plaintext);
  });

  it('produces a token the wallet APIs accept', async () => {
    const client = running.client();
    const request = client.request('retrieveCustomer', { urn: '1' });
    const sealed = await post(helperRoutes.encrypt.path, encryptHeaders(), JSON.stringify(request));
    const received = await client.call('retrieveCustomer', request, {
      rawBody: JSON.stringify(sealed.json),
    });
    expect(received.body?.responseCode).toBe('1040');
  });

  it.each([
    ['clientId', '1262', 'CLIENT ID NOT PRESENT IN THE REQUEST'],
    ['bankId', '1264', 'BANK ID NOT PRESENT IN THE REQUEST'],
    ['X-Consumer-Custom-ID', '1310', 'XCONSUMERKEY NOT PRESENT IN REQUEST'],
    ['secureCode', '1311', 'SECURE CODE NOT PRESENT IN REQUEST'],
  ])('answers a missing %s with 400 %s', async (header, code, message) => {
    const received = await post(
      helperRoutes.encrypt.path,
      encryptHeaders({ [header]: undefined }),
      JSON.stringify(plaintext),
    );
    expect(received).toEqual({
      status: 400,
      json: { responseCode: code, responseMessage: message },
    });
  });

  it('checks the headers in the documented order', async () => {
    const received = await post(
      helperRoutes.encrypt.path,
      encryptHeaders({ bankId: undefined, secureCode: undefined }),
      JSON.stringify(plaintext),
    );
    expect(received.json.responseCode).toBe('1264');
  });

  it.each([
    ['a missing x-api-key', { 'x-api-key': undefined }],
    ['a wrong x-api-key', { 'x-api-key': 'guess' }],
    ['a wrong clientId', { clientId: 'client-0' }],
  ])('answers %s with 401', async (_name, overrides) => {
    const received = await post(
      helperRoutes.encrypt.path,
      encryptHeaders(overrides),
      JSON.stringify(plaintext),
    );
    expect(received).toEqual({ status: 401, json: { responseMessage: 'INVALID API KEY' } });
  });

  it('answers a wrong bank id with 1031 and a wrong secure code with 1049', async () => {
    const bank = await post(
      helperRoutes.encrypt.path,
      encryptHeaders({ bankId: '9999' }),
      JSON.stringify(plaintext),
    );
    expect(bank).toEqual({
      status: 400,
      json: { responseCode: '1031', responseMessage: 'INVALID BANK ID' },
    });
    const code = await post(
      helperRoutes.encrypt.path,
      encryptHeaders({ secureCode: 'nope' }),
      JSON.stringify(plaintext),
    );
    expect(code).toEqual({
      status: 400,
      json: { responseCode: '1049', responseMessage: 'INVALID SECURE CODE' },
    });
  });

  it('answers 1055 to a body that is not a JSON object', async () => {
    for (const body of ['', 'nope', '[1]', '"x"', `${'['.repeat(100)}${']'.repeat(100)}`]) {
      const received = await post(helperRoutes.encrypt.path, encryptHeaders(), body);
      expect(received, body).toEqual({
        status: 400,
        json: { responseCode: '1055', responseMessage: 'MALFORMED REQUEST' },
      });
    }
  });

  it('gives merchants without helper configuration credentials derived from their salt', async () => {
    const derived = deriveHelperCredentials(FIXED_MERCHANT.salt);
    expect(merchantOf(running.sandbox, FIXED_MERCHANT.merchantKey).helper).toEqual(derived);
    const received = await post(
      helperRoutes.encrypt.path,
      encryptHeaders({
        'x-api-key': derived.apiKey,
        clientId: derived.clientId,
        bankId: derived.bankId,
        secureCode: derived.secureCode,
      }),
      JSON.stringify(plaintext),
    );
    expect(received.status).toBe(200);
    const envelope = createEnvelope({
      key: FIXED_MERCHANT.encryptionKey,
      iv: { fixed: String(FIXED_MERCHANT.iv) },
    });
    expect(envelope.open(received.json.token)).toEqual(plaintext);
  });
});

describe('POST /api/v2/decrypt', () => {
  it('opens a token into its plaintext JSON, needing only x-api-key', async () => {
    const token = createEnvelope({ key: PREFIX_MERCHANT.encryptionKey }).seal(plaintext);
    const received = await post(
      helperRoutes.decrypt.path,
      { 'x-api-key': HELPER.apiKey, 'content-type': 'application/json' },
      JSON.stringify({ token }),
    );
    expect(received).toEqual({ status: 200, json: plaintext });
  });

  it('opens the encrypted responses of the wallet APIs', async () => {
    const received = await callApi(running.client(), 'retrieveCustomer', { urn: '1' });
    const opened = await post(
      helperRoutes.decrypt.path,
      { 'x-api-key': HELPER.apiKey },
      JSON.stringify({ token: received.json?.result }),
    );
    expect(opened.json).toEqual(received.body);
  });

  it('answers 401 without a valid x-api-key and 1055 for an unreadable token', async () => {
    const noKey = await post(helperRoutes.decrypt.path, {}, '{"token":"AAAA"}');
    expect(noKey.status).toBe(401);
    const bad = await post(
      helperRoutes.decrypt.path,
      { 'x-api-key': HELPER.apiKey },
      '{"token":"AAAA"}',
    );
    expect(bad).toEqual({
      status: 400,
      json: { responseCode: '1055', responseMessage: 'MALFORMED REQUEST' },
    });
  });

  it('answers 405 to other methods', async () => {
    const response = await fetch(`${running.url}${helperRoutes.decrypt.path}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
