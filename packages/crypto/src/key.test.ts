import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnvelopeWith, type EnvelopeOptions } from './envelope.js';
import { WalletKeyError } from './errors.js';
import { parseIvMode, parseKey } from './key.js';
import { implementations, thrownBy } from './test-helpers.js';

const keyHex = '000102030405060708090a0b0c0d0e0f1011121314151617';
const keyBytes = Uint8Array.from(Buffer.from(keyHex, 'hex'));
const textKey = 'MerchantAesKey#2024!Ab3x'; // 24 ASCII characters, as a Java integration holds it

describe('parseKey accepts', () => {
  it.each([
    ['48 lowercase hex characters', keyHex, undefined],
    ['48 uppercase hex characters', keyHex.toUpperCase(), undefined],
    ['48 mixed-case hex characters', 'AbCdEf0123456789aBcDeF0123456789abcdef0123456789', undefined],
    ['standard base64 of 24 bytes', Buffer.from(keyHex, 'hex').toString('base64'), undefined],
    ['hex with keyEncoding hex', keyHex, 'hex'],
    ['base64 with keyEncoding base64', Buffer.from(keyHex, 'hex').toString('base64'), 'base64'],
    ['hex with keyEncoding auto', keyHex, 'auto'],
    ['32 hex digits with keyEncoding base64', keyHex.slice(0, 32), 'base64'],
  ] as const)('%s', (_, key, keyEncoding) => {
    expect(parseKey(key, keyEncoding)).toEqual(
      Uint8Array.from(Buffer.from(key, /^[0-9a-f]{48}$/i.test(key) ? 'hex' : 'base64')),
    );
  });

  it('a Uint8Array of 24 bytes, copied so later changes to it do not matter', () => {
    const given = Uint8Array.from(keyBytes);
    const parsed = parseKey(given);
    given.fill(0);
    expect(parsed).toEqual(keyBytes);
  });

  it('a Buffer of 24 bytes', () => {
    expect(parseKey(Buffer.from(keyHex, 'hex'))).toEqual(keyBytes);
  });

  it('24 characters of text as their UTF-8 bytes with keyEncoding utf8', () => {
    expect(parseKey(textKey, 'utf8')).toEqual(Uint8Array.from(Buffer.from(textKey, 'utf8')));
  });

  it('text of multi-byte characters adding up to exactly 24 UTF-8 bytes', () => {
    const key = 'é'.repeat(12);
    expect(parseKey(key, 'utf8')).toEqual(Uint8Array.from(Buffer.from(key, 'utf8')));
  });

  it('any 24 bytes, in every encoding, to the same key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(parseKey(buffer.toString('hex'))).toEqual(bytes);
        expect(parseKey(buffer.toString('hex').toUpperCase())).toEqual(bytes);
        expect(parseKey(buffer.toString('base64'))).toEqual(bytes);
        expect(parseKey(bytes)).toEqual(bytes);
      }),
    );
  });
});

describe('envelopes built from one key in different encodings', () => {
  it.each(implementations)('seal identically with $name', ({ aes }) => {
    const fixed = { fixed: '00'.repeat(16) };
    const tokens = [
      { key: keyHex },
      { key: keyHex.toUpperCase() },
      { key: Buffer.from(keyHex, 'hex').toString('base64') },
      { key: keyBytes },
      { key: String.fromCharCode(...keyBytes.map((b) => b + 0x30)), keyEncoding: 'utf8' },
    ].map((options) =>
      createEnvelopeWith({ ...(options as EnvelopeOptions), iv: fixed }, aes).seal({ a: 1 }),
    );
    expect(new Set(tokens.slice(0, 4)).size).toBe(1);
    // The utf8 one is a different key (bytes + 0x30), so it must differ.
    expect(tokens[4]).not.toBe(tokens[0]);
  });

  it.each(implementations)(
    'a utf8 text key encrypts as Java would with its bytes ($name)',
    ({ aes }) => {
      const iv = Buffer.alloc(16, 7);
      const envelope = createEnvelopeWith(
        { key: textKey, keyEncoding: 'utf8', iv: { fixed: iv.toString('hex') } },
        aes,
      );
      const cipher = createCipheriv('aes-192-cbc', Buffer.from(textKey, 'utf8'), iv);
      const expected = Buffer.concat([cipher.update('{"a":1}', 'utf8'), cipher.final()]).toString(
        'base64',
      );
      expect(envelope.seal({ a: 1 })).toBe(expected);
    },
  );
});

describe('parseKey rejects', () => {
  const hex47 = keyHex.slice(0, 47);
  const hex49 = `${keyHex}0`;
  const nonHex = `${keyHex.slice(0, 46)}zz`;
  const hex16 = keyHex.slice(0, 32);
  const hex32 = `${keyHex}${keyHex.slice(0, 16)}`;
  const base64Of16 = Buffer.alloc(16, 0xa5).toString('base64');
  const base64Of32 = Buffer.alloc(32, 0xa5).toString('base64');
  const urlSafe = Buffer.alloc(24, 0xfb)
    .toString('base64')
    .replaceAll('+', '-')
    .replaceAll('/', '_');

  it.each([
    ['47 hex characters', hex47, undefined, 'expected 48 hex characters'],
    ['49 hex characters', hex49, undefined, 'expected 48 hex characters'],
    ['48 characters with non-hex ones', nonHex, undefined, 'expected 48 hex characters'],
    ['a 16-byte key in hex', hex16, undefined, '16-byte (AES-128) key'],
    ['a 32-byte key in hex', hex32, undefined, 'expected 48 hex characters'],
    ['a 16-byte key in base64', base64Of16, undefined, 'base64 of 24 bytes'],
    ['a 32-byte key in base64', base64Of32, undefined, 'base64 of 24 bytes'],
    ['URL-safe base64 of 24 bytes', urlSafe, undefined, 'standard base64 of 24 bytes'],
    ['a 24-character text key without keyEncoding', textKey, undefined, "keyEncoding: 'utf8'"],
    ['the empty string', '', undefined, 'expected 48 hex characters'],
    ['47 hex characters with keyEncoding hex', hex47, 'hex', 'expected 48 hex characters'],
    [
      'base64 with keyEncoding hex',
      Buffer.from(keyBytes).toString('base64'),
      'hex',
      'expected 48 hex characters',
    ],
    ['hex with keyEncoding base64', keyHex, 'base64', 'standard base64 of exactly 24 bytes'],
    ['utf8 text of 23 bytes', textKey.slice(0, 23), 'utf8', 'exactly 24 bytes'],
    ['utf8 text of 25 bytes', `${textKey}x`, 'utf8', 'exactly 24 bytes'],
    [
      '24 characters, one of them two bytes in UTF-8',
      `é${textKey.slice(1)}`,
      'utf8',
      'exactly 24 bytes',
    ],
    [
      '24 characters, one of them an astral emoji',
      `🔑${textKey.slice(2)}`,
      'utf8',
      'exactly 24 bytes',
    ],
    [
      '23 characters with a lone surrogate',
      `\uD800${textKey.slice(0, 21)}`,
      'utf8',
      'exactly 24 bytes',
    ],
  ] as const)('%s', (_, key, keyEncoding, expected) => {
    const error = thrownBy(() => parseKey(key, keyEncoding));
    expect(error).toBeInstanceOf(WalletKeyError);
    expect(error).toMatchObject({ name: 'WalletKeyError', code: 'INVALID_KEY' });
    const { message } = error as WalletKeyError;
    expect(message).toContain(expected);
    expect((error as WalletKeyError).expected).toContain(expected);
    if (key.length > 0) expect(message.includes(key)).toBe(false);
  });

  it.each([
    ['a Uint8Array of 16 bytes', new Uint8Array(16), undefined, 'Uint8Array of exactly 24 bytes'],
    ['a Uint8Array of 32 bytes', new Uint8Array(32), undefined, 'Uint8Array of exactly 24 bytes'],
    ['a Uint8Array of 23 bytes', new Uint8Array(23), undefined, 'Uint8Array of exactly 24 bytes'],
    ['a Uint8Array with keyEncoding utf8', new Uint8Array(24), 'utf8', 'string keys only'],
    ['a number', 123456, undefined, 'expected a string'],
    ['undefined', undefined, undefined, 'expected a string'],
    ['null', null, undefined, 'expected a string'],
    ['an array of 24 numbers', Array.from(keyBytes), undefined, 'expected a string'],
    ['an ArrayBuffer of 24 bytes', new ArrayBuffer(24), undefined, 'expected a string'],
    [
      'an unknown keyEncoding',
      keyHex,
      'latin1',
      "expected keyEncoding 'auto', 'hex', 'base64' or 'utf8'",
    ],
  ])('%s', (_, key, keyEncoding, expected) => {
    const error = thrownBy(() => parseKey(key, keyEncoding));
    expect(error).toBeInstanceOf(WalletKeyError);
    expect(error).toMatchObject({ code: 'INVALID_KEY' });
    expect((error as WalletKeyError).message).toContain(expected);
    expect((error as WalletKeyError).expected).toContain(expected);
  });

  it('says what was expected in `expected`, without the setting, for callers that name it their own way', () => {
    const error = thrownBy(() => parseKey('too short')) as WalletKeyError;
    expect(error.expected).toMatch(/^expected /);
    expect(error.expected).not.toMatch(/\.$/);
    expect(error.message).toBe(`Invalid envelope key: ${error.expected}.`);
  });

  it('never repeats any part of a rejected key', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 6, maxLength: 80 }),
        fc.constantFrom('auto', 'hex', 'base64', 'utf8'),
        (key, keyEncoding) => {
          // '~' is neither hex nor base64, and 24 UTF-8 bytes would be a valid text key.
          fc.pre(Buffer.byteLength(`~${key}~`, 'utf8') !== 24);
          const error = thrownBy(() => parseKey(`~${key}~`, keyEncoding));
          expect(error).toBeInstanceOf(WalletKeyError);
          expect((error as WalletKeyError).message.includes(`~${key}~`)).toBe(false);
          expect((error as WalletKeyError).message.includes(key)).toBe(false);
        },
      ),
    );
  });
});

describe('parseIvMode', () => {
  it.each([
    ['undefined', undefined],
    ["'prefix'", 'prefix'],
  ])('takes %s as prefix mode', (_, iv) => {
    expect(parseIvMode(iv)).toEqual({ kind: 'prefix' });
  });

  it('takes { fixed: 32 hex characters } in either case as that IV', () => {
    const ivHex = 'A0a1a2a3a4a5a6a7a8a9aaabacadaeaF';
    expect(parseIvMode({ fixed: ivHex })).toEqual({
      kind: 'fixed',
      iv: Uint8Array.from(Buffer.from(ivHex, 'hex')),
    });
  });

  it.each([
    ["'fixed'", 'fixed'],
    ["'random'", 'random'],
    ['null', null],
    ['an empty object', {}],
    ['31 hex characters', { fixed: 'a0a1a2a3a4a5a6a7a8a9aaabacadaea' }],
    ['33 hex characters', { fixed: 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf0' }],
    ['24 bytes of hex', { fixed: '00'.repeat(24) }],
    ['32 non-hex characters', { fixed: 'g0a1a2a3a4a5a6a7a8a9aaabacadaeaf' }],
    ['base64 of 16 bytes', { fixed: Buffer.alloc(16).toString('base64') }],
    ['16 raw bytes', { fixed: new Uint8Array(16) }],
    ['a bare hex string', 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf'],
  ])('rejects %s with a WalletKeyError INVALID_IV', (_, iv) => {
    const error = thrownBy(() => parseIvMode(iv));
    expect(error).toBeInstanceOf(WalletKeyError);
    expect(error).toMatchObject({ name: 'WalletKeyError', code: 'INVALID_IV' });
    expect((error as WalletKeyError).message).toContain(
      "expected 'prefix' or { fixed: <32 hex characters> }",
    );
    expect((error as WalletKeyError).expected).toBe(
      "expected 'prefix' or { fixed: <32 hex characters> } (16 bytes)",
    );
    expect((error as WalletKeyError).message).toBe(
      `Invalid envelope IV: ${(error as WalletKeyError).expected}.`,
    );
  });
});

describe.each(implementations)('createEnvelope configuration errors with $name', ({ aes }) => {
  it('throws at creation, not at the first seal, for a bad key', () => {
    expect(() => createEnvelopeWith({ key: 'too short' }, aes)).toThrow(WalletKeyError);
  });

  it('throws at creation for a bad IV', () => {
    const options = { key: keyHex, iv: { fixed: 'nope' } };
    expect(() => createEnvelopeWith(options, aes)).toThrowError(/Invalid envelope IV/);
  });

  it.each([undefined, null, 'key', 42])('throws INVALID_KEY for options %s', (options) => {
    const error = thrownBy(() => createEnvelopeWith(options as unknown as EnvelopeOptions, aes));
    expect(error).toMatchObject({ code: 'INVALID_KEY' });
  });
});
