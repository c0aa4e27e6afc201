import { createCipheriv, createHmac } from 'node:crypto';
import { formatHttpDate } from '@wallet/hmac';
import { apiNames, newClientTxnId, routes } from '@wallet/schemas';
import { examples } from '@wallet/schemas/openapi';
import CryptoJS from 'crypto-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  FIXED_MERCHANT,
  merchantOf,
  PREFIX_MERCHANT,
  type RunningSandbox,
  startSandbox,
  TestClock,
} from './testing/fixtures.js';
import { WalletTestClient } from './testing/wallet-test-client.js';

const MALFORMED = '{"responseCode":"1055","responseMessage":"MALFORMED REQUEST"}';
const clock = new TestClock(Math.floor(Date.now() / 1000) * 1000);
let running: RunningSandbox;

beforeAll(async () => {
  // A lock-out far away, so that the hostile tables are answered one by one.
  running = await startSandbox({ now: clock.now, tokenFailureLimit: { maxFailures: 100_000 } });
});
afterAll(() => running.close());

type Mode = 'prefix' | 'fixed';
const KEYS: Record<Mode, Buffer> = {
  prefix: Buffer.from(PREFIX_MERCHANT.encryptionKey, 'hex'),
  fixed: Buffer.from(FIXED_MERCHANT.encryptionKey, 'base64'),
};
const FIXED_IV = Buffer.from(String(FIXED_MERCHANT.iv), 'hex');
const RANDOM_IV = Buffer.from('0f0e0d0c0b0a09080706050403020100', 'hex');
const OTHER_KEY = Buffer.from('ffeeddccbbaa99887766554433221100ffeeddccbbaa9988', 'hex');

function aes(
  mode: Mode,
  plaintext: Buffer,
  options: { key?: Buffer; pad?: boolean; ecb?: boolean } = {},
): string {
  const key = options.key ?? KEYS[mode];
  const iv = mode === 'fixed' ? FIXED_IV : RANDOM_IV;
  const cipher = options.ecb
    ? createCipheriv('aes-192-ecb', key, null)
    : createCipheriv('aes-192-cbc', key, iv);
  cipher.setAutoPadding(options.pad ?? true);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const wire = mode === 'prefix' && !options.ecb ? Buffer.concat([iv, ciphertext]) : ciphertext;
  return wire.toString('base64');
}

function flip(token: string, index: number): string {
  const bytes = Buffer.from(token, 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** `json` padded to whole blocks by hand with `fill` bytes (never valid PKCS#7). */
function handPadded(json: string, fill: (count: number) => number[]): Buffer {
  const count = 16 - (Buffer.byteLength(json) % 16);
  return Buffer.concat([Buffer.from(json), Buffer.from(fill(count))]);
}

/** A valid token whose base64 ends in padding (JSON may end in spaces, so add some until it does). */
function withPadding(mode: Mode, json: string): string {
  for (let spaces = 0; ; spaces++) {
    const token = aes(mode, Buffer.from(json + ' '.repeat(spaces)));
    if (token.endsWith('=')) return token;
  }
}

function hostileTokens(mode: Mode, client: WalletTestClient): [string, unknown][] {
  const request = JSON.stringify(client.request('retrieveCustomer', { urn: '1' }));
  const valid = aes(mode, Buffer.from(request));
  const deep = `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`;
  return [
    ['truncated by one character', valid.slice(0, -1)],
    ['truncated by a block', Buffer.from(valid, 'base64').subarray(0, -16).toString('base64')],
    ['a bit flipped in the last block (padding)', flip(valid, -1)],
    ['a bit flipped in the first ciphertext block', flip(valid, mode === 'prefix' ? 16 : 0)],
    ['a bit flipped in the IV or first block', flip(valid, 0)],
    [
      'zero padding',
      aes(
        mode,
        handPadded(request, (n) => Array(n).fill(0)),
        { pad: false },
      ),
    ],
    [
      'padding with the wrong fill',
      aes(
        mode,
        handPadded(request, (n) => [...Array(n - 1).fill(0xee), n]),
        { pad: false },
      ),
    ],
    [
      'no padding at all',
      aes(mode, Buffer.from('{"a":"0123456789"}'.padEnd(32, ' ')), { pad: false }),
    ],
    ['the wrong key', aes(mode, Buffer.from(request), { key: OTHER_KEY })],
    ['ECB', aes(mode, Buffer.from(request), { ecb: true })],
    ['CryptoJS passphrase output', CryptoJS.AES.encrypt(request, 'passphrase').toString()],
    ['plaintext that is not JSON', aes(mode, Buffer.from('hello, wallet'))],
    ['a JSON array', aes(mode, Buffer.from('[1,2,3]'))],
    ['a JSON string', aes(mode, Buffer.from('"text"'))],
    ['duplicate keys', aes(mode, Buffer.from('{"urn":"1","urn":"2"}'))],
    ['a __proto__ key', aes(mode, Buffer.from('{"__proto__":{"x":1}}'))],
    ['invalid UTF-8', aes(mode, Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]))],
    ['JSON nested 40 deep', aes(mode, Buffer.from(deep))],
    ['base64url alphabet', valid.replaceAll('+', '-').replaceAll('/', '_')],
    ['base64 without its padding', withPadding(mode, request).replace(/=+$/, '')],
    ['base64 with spaces', `${valid.slice(0, 8)} ${valid.slice(8)}`],
    ['an empty token', ''],
    ['a number', 12345],
    ['null', null],
    ['an object', { token: valid }],
  ];
}

describe.each([
  ['prefix', PREFIX_MERCHANT.merchantKey],
  ['fixed', FIXED_MERCHANT.merchantKey],
] as const)('hostile tokens (%s IV mode)', (mode, merchantKey) => {
  it('answers every one with the identical plain 400 1055 body', async () => {
    const client = running.client(merchantKey, clock.now);
    for (const [name, token] of hostileTokens(mode, client)) {
      const received = await client.call(
        'retrieveCustomer',
        {},
        { rawBody: JSON.stringify({ token }) },
      );
      expect([received.status, received.text], name).toEqual([400, MALFORMED]);
    }
    // Still serving.
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
  });
});

describe('hostile wire bodies', () => {
  it('answers every one with the identical 1055 body', async () => {
    const client = running.client(undefined, clock.now);
    const valid = client.envelope.seal(client.request('retrieveCustomer', { urn: '1' }));
    const bodies: [string, string | Uint8Array][] = [
      ['empty', ''],
      ['not JSON', 'token=abc'],
      ['an array', JSON.stringify([valid])],
      ['an extra field', JSON.stringify({ token: valid, extra: 1 })],
      ['the response field instead', JSON.stringify({ result: valid })],
      ['nested 10 000 deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
      ['deep beside the token', `{"token":"${valid}","x":${'{"a":'.repeat(50)}1${'}'.repeat(50)}}`],
      ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
      [
        'a garbage token, then the valid one',
        `{"token":"AAAAAAAAAAAAAAAAAAAAAA==","token":"${valid}"}`,
      ],
      ['the valid token twice', `{"token":"${valid}","token":"${valid}"}`],
      ['the token key twice, once escaped', `{"token":"${valid}","\\u0074oken":"${valid}"}`],
      ['a __proto__ key beside the token', `{"__proto__":{},"token":"${valid}"}`],
    ];
    for (const [name, rawBody] of bodies) {
      const received = await client.call('retrieveCustomer', {}, { rawBody });
      expect([received.status, received.text], name).toEqual([400, MALFORMED]);
    }
  });

  it('accepts JSON nested exactly to the limit in a decrypted request (then judges its fields)', async () => {
    const client = running.client(undefined, clock.now);
    let nested: unknown = 1;
    for (let depth = 1; depth < 32; depth++) nested = { a: nested };
    const received = await client.call(
      'retrieveCustomer',
      client.request('retrieveCustomer', { urn: '1', deep: nested }),
    );
    expect(received.status).toBe(400);
    expect(received.body?.responseCode).toBe('1020');
  });

  it('never answers 500 to random tokens or bodies (property)', async () => {
    const client = running.client(undefined, clock.now);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .uint8Array({ maxLength: 256 })
            .map((bytes) => JSON.stringify({ token: Buffer.from(bytes).toString('base64') })),
          fc.string({ maxLength: 256 }),
          fc.json({ maxDepth: 6 }),
        ),
        async (rawBody) => {
          const received = await client.call('retrieveCustomer', {}, { rawBody });
          expect([received.status, received.text]).toEqual([400, MALFORMED]);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('hostile field values', () => {
  it('refuses numbers beyond the double range and unsafe integers with 1020, never 500', async () => {
    const client = running.client(undefined, clock.now);
    const request = client.request('load', {
      urn: '12345678901',
      transactionAmount: 1,
      sender: 's',
      fundFlowType: 'O',
      implId: 'i',
      implType: 't',
    });
    for (const amount of ['1e400', '-1e400', '9007199254740993', '1.0000000000000002']) {
      const json = JSON.stringify(request).replace(
        '"transactionAmount":1',
        `"transactionAmount":${amount}`,
      );
      const token = aes('prefix', Buffer.from(json));
      const received = await client.call('load', {}, { rawBody: JSON.stringify({ token }) });
      expect([received.status, received.body?.responseCode], amount).toEqual([400, '1020']);
    }
    const urn = await client.call('retrieveCustomer', {
      ...client.request('retrieveCustomer', {}),
      urn: 2 ** 60,
    });
    expect(urn.body?.responseCode).toBe('1020');
  });
});

describe('decrypted requests that stray from the examples (property)', () => {
  it('are answered with an encrypted platform code, never a 500', async () => {
    const merchant = merchantOf(running.sandbox);
    const client = new WalletTestClient({
      target: (request) => running.sandbox.fetch(request),
      merchant,
      now: clock.now,
    });
    const mutation = fc.record({
      api: fc.constantFrom(...apiNames),
      field: fc.string({ maxLength: 20 }),
      pick: fc.nat(),
      value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ api, field, pick, value }) => {
        const base: Record<string, unknown> = {
          ...examples[api].request,
          clientTxnId: newClientTxnId(),
        };
        const keys = Object.keys(base);
        // Change an existing field (most of the time) or add a new one.
        const key = pick % 4 === 0 ? field : (keys[pick % keys.length] ?? field);
        if (value === undefined) delete base[key];
        else base[key] = value;
        // Sealed as text: seal() refuses what open() would (a "__proto__" key, a "constructor"
        // holding a prototype), and fast-check draws such keys. The sandbox must judge them too.
        const rawBody = JSON.stringify({ token: client.envelope.sealText(JSON.stringify(base)) });
        const received = await client.call(api, base, { rawBody });
        expect(received.status).not.toBe(500);
        if (received.body !== undefined) expect(typeof received.body.responseCode).toBe('string');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('hostile Authorization headers', () => {
  const path = routes.retrieveCustomer.path;

  /** Sends a valid sealed body with `authorization` and `date` as given. */
  async function sendWith(authorization: string | string[], date = clock.now()) {
    const client = running.client(undefined, clock.now);
    const body = JSON.stringify({
      token: client.envelope.seal(client.request('retrieveCustomer', { urn: '1' })),
    });
    const headers = new Headers({
      'content-type': 'application/json',
      walletIdentifier: 'CLW',
      date: formatHttpDate(date),
    });
    for (const value of [authorization].flat()) headers.append('authorization', value);
    const response = await fetch(`${running.url}${path}`, { method: 'POST', headers, body });
    return { status: response.status, json: (await response.json()) as unknown };
  }

  const hexSignature = (date: Date, salt = PREFIX_MERCHANT.salt) =>
    createHmac('sha512', salt)
      .update(`date: ${formatHttpDate(date)}`)
      .digest('hex');
  const base64Signature = (date: Date) =>
    createHmac('sha512', PREFIX_MERCHANT.salt)
      .update(`date: ${formatHttpDate(date)}`)
      .digest('base64');
  const header = (signature: string, extra = '') =>
    `hmac username="${PREFIX_MERCHANT.merchantKey}", algorithm="sha512", headers="date", signature="${signature}"${extra}`;

  it('accepts parameters in any order and spacing', async () => {
    const now = clock.now();
    const reordered = `hmac signature="${hexSignature(now)}",headers="date" ,  algorithm="sha512",username="${PREFIX_MERCHANT.merchantKey}"`;
    const received = await sendWith(reordered, now);
    expect(received.status).toBe(404);
  });

  it.each([
    [
      'a duplicated parameter',
      () => header(hexSignature(clock.now()), ', username="x"'),
      'AUTHORIZATION HEADER MALFORMED',
    ],
    [
      'an unquoted value',
      () => header(hexSignature(clock.now())).replace('"sha512"', 'sha512'),
      'AUTHORIZATION HEADER MALFORMED',
    ],
    [
      'the Bearer scheme',
      () => `Bearer ${hexSignature(clock.now())}`,
      'AUTHORIZATION HEADER MALFORMED',
    ],
    [
      'a truncated header',
      () => header(hexSignature(clock.now())).slice(0, 60),
      'AUTHORIZATION HEADER MALFORMED',
    ],
    [
      'a 5 KiB header',
      () => header(hexSignature(clock.now()), ` ${'x'.repeat(5 * 1024)}`),
      'AUTHORIZATION HEADER MALFORMED',
    ],
    [
      'a truncated signature',
      () => header(hexSignature(clock.now()).slice(0, 100)),
      'SIGNATURE VERIFICATION FAILED',
    ],
    [
      'upper-case hex',
      () => header(hexSignature(clock.now()).toUpperCase()),
      'SIGNATURE VERIFICATION FAILED',
    ],
    [
      'base64url instead of base64',
      () =>
        header(
          base64Signature(clock.now()).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''),
        ),
      'SIGNATURE VERIFICATION FAILED',
    ],
    [
      'hex bytes re-encoded as base64 of the hex text',
      () => header(Buffer.from(hexSignature(clock.now())).toString('base64')),
      'SIGNATURE VERIFICATION FAILED',
    ],
    [
      'the wrong salt',
      () => header(hexSignature(clock.now(), 'guess')),
      'SIGNATURE VERIFICATION FAILED',
    ],
  ])('%s → 401', async (_name, build, message) => {
    const received = await sendWith(build());
    expect(received).toEqual({ status: 401, json: { responseMessage: message } });
  });

  it('refuses two Authorization headers (they combine into a malformed one)', async () => {
    const now = clock.now();
    const received = await sendWith([header(hexSignature(now)), header(hexSignature(now))], now);
    expect(received).toEqual({
      status: 401,
      json: { responseMessage: 'AUTHORIZATION HEADER MALFORMED' },
    });
  });

  it('accepts base64 signatures as well as hex', async () => {
    const now = clock.now();
    expect((await sendWith(header(base64Signature(now)), now)).status).toBe(404);
  });

  it.each([
    [-300, 404],
    [300, 404],
    [-301, 401],
    [301, 401],
  ])('a date %i s from the sandbox clock → %i', async (offset, status) => {
    const date = new Date(clock.now().getTime() + offset * 1000);
    const received = await sendWith(header(hexSignature(date)), date);
    expect(received.status).toBe(status);
  });

  it('answers a 1 MB header with 431 and keeps serving', async () => {
    const received = await sendWith(
      header(hexSignature(clock.now()), ` ${'x'.repeat(1024 * 1024)}`),
    );
    expect(received).toEqual({
      status: 431,
      json: { responseMessage: 'REQUEST HEADERS TOO LARGE' },
    });
    expect((await sendWith(header(hexSignature(clock.now())))).status).toBe(404);
  });

  it('never answers 500 to random Authorization headers (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
          fc.stringMatching(/^hmac [a-z]+="[ -~]{0,40}"(, [a-z]+="[ -~]{0,40}"){0,5}$/),
        ),
        async (authorization) => {
          const received = await sendWith(authorization);
          expect(received.status).toBe(401);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('oversized and streamed bodies', () => {
  it('answers 413 to a chunked body over the limit without reading it all', async () => {
    const client = running.client(undefined, clock.now);
    let sent = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 4 MiB at most; the sandbox stops reading long before.
        if (sent >= 4 * 1024 * 1024) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(`${running.url}${routes.retrieveCustomer.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', walletIdentifier: 'CLW' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ responseMessage: 'REQUEST BODY TOO LARGE' });
    expect(sent).toBeLessThan(4 * 1024 * 1024);
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
  });

  it('answers 413 in-process to a stream without a length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(8 * 1024));
        controller.close();
      },
    });
    const response = await running.sandbox.fetch(
      new Request(`http://sandbox.test${routes.retrieveCustomer.path}`, {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
  });

  it('accepts a body of exactly the limit (and judges its content)', async () => {
    const client = running.client(undefined, clock.now);
    const received = await client.call('retrieveCustomer', {}, { rawBody: ' '.repeat(64 * 1024) });
    expect([received.status, received.text]).toEqual([400, MALFORMED]);
  });
});
