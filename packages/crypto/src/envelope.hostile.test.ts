import { createCipheriv } from 'node:crypto';
import CryptoJS from 'crypto-js';
import { describe, expect, it } from 'vitest';
import { createEnvelopeWith, type EnvelopeIv } from './envelope.js';
import { ENVELOPE_UNREADABLE_MESSAGE, EnvelopeError } from './errors.js';
import { MAX_DEPTH } from './strict-json.js';
import {
  type EnvelopeVector,
  envelopeVectors,
  hexToBytes,
  implementations,
  thrownBy,
  withForcedIv,
} from './test-helpers.js';

// Every token below is built independently of the code under test (node:crypto, crypto-js and
// Buffer directly), from the key, IV and plaintext of the first openssl vector.
const vector: EnvelopeVector = firstVector();

function firstVector(): EnvelopeVector {
  const first = envelopeVectors[0];
  if (first === undefined) throw new Error('fixtures/wallet-vectors.json has no envelope vectors');
  return first;
}
const key = hexToBytes(vector.keyHex);
const iv = hexToBytes(vector.ivHex);
const otherKey = hexToBytes('ffeeddccbbaa99887766554433221100ffeeddccbbaa9988');
const shortJson = '{"a":"0123456"}'; // 15 bytes
const alignedJson = '{"a":"01234567"}'; // 16 bytes

type Mode = 'prefix' | 'fixed';

/** Raw AES-192-CBC (or ECB) of `plaintext`, with or without PKCS#7 padding. */
function encrypt(
  plaintext: Uint8Array,
  options: { pad?: boolean; withKey?: Uint8Array; withIv?: Uint8Array; ecb?: boolean } = {},
): Buffer {
  const cipher = options.ecb
    ? createCipheriv('aes-192-ecb', options.withKey ?? key, null)
    : createCipheriv('aes-192-cbc', options.withKey ?? key, options.withIv ?? iv);
  cipher.setAutoPadding(options.pad ?? true);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

/** The wire bytes of a token in `mode`: IV ‖ ciphertext, or the ciphertext alone. */
function wire(mode: Mode, ciphertext: Uint8Array, withIv: Uint8Array = iv): Buffer {
  return mode === 'prefix' ? Buffer.concat([withIv, ciphertext]) : Buffer.from(ciphertext);
}

function token(mode: Mode, plaintext: string | Uint8Array, options?: { pad?: boolean }): string {
  const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  return wire(mode, encrypt(bytes, options)).toString('base64');
}

function flipBit(bytes: Buffer, index: number, mask: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ mask;
  return copy;
}

/** Plaintext bytes followed by `padding` (not PKCS#7-checked here), for the re-padding cases. */
function padded(json: string, padding: number[]): Buffer {
  return Buffer.concat([Buffer.from(json, 'utf8'), Buffer.from(padding)]);
}

/** `json` padded with zero bytes to a whole block (at least one byte, so never valid PKCS#7). */
function zeroPadded(json: string): Buffer {
  return padded(json, Array(16 - (Buffer.byteLength(json, 'utf8') % 16)).fill(0));
}

/** `json` plus its bytes, padded by hand with `fill` bytes and a final length byte. */
function repadded(json: string, fill: (count: number) => number[]): Buffer {
  const count = 16 - (Buffer.byteLength(json, 'utf8') % 16);
  if (count < 2)
    throw new Error('re-padding needs two or more padding bytes to differ from PKCS#7');
  return padded(json, [...fill(count - 1), count]);
}

function hostileTokens(mode: Mode): [string, unknown][] {
  const valid = token(mode, vector.plaintext);
  const validShort = token(mode, shortJson);
  const validBytes = Buffer.from(valid, 'base64');
  const blockCount = validBytes.length / 16;
  const cases: [string, unknown][] = [
    // Not a string.
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a boolean', true],
    ['an object holding the token', { token: valid }],
    ['an array holding the token', [valid]],
    ['the token bytes as a Uint8Array', new TextEncoder().encode(valid)],
    ['a String object', new String(valid)],
    ['a symbol', Symbol(valid)],
    // Not strict, canonical, standard base64.
    ['the empty string', ''],
    ['a space', ' '],
    ['four spaces', '    '],
    ['whitespace', ' \t\r\n'],
    ['the token with a leading space', ` ${valid}`],
    ['the token with a trailing newline', `${valid}\n`],
    ['the token wrapped at 76 columns (MIME)', valid.replace(/.{76}/g, '$&\r\n')],
    ['the token in the URL-safe alphabet', valid.replaceAll('+', '-').replaceAll('/', '_')],
    ['the token without its = padding', validShort.replace(/=+$/, '')],
    ['the token with extra = padding', `${validShort}==`],
    ['two tokens run together', `${validShort}${validShort}`],
    ['the token with non-zero unused bits', nonCanonical(validShort)],
    ['the token with a non-ASCII letter', `é${valid.slice(1)}`],
    ['the token with a dot', `.${valid.slice(1)}`],
    ['the hex of the wire bytes', validBytes.toString('hex')],
    // Wrong length.
    ['the token less its last character', valid.slice(0, -1)],
    ['the wire bytes less one byte', validBytes.subarray(0, -1).toString('base64')],
    ['the wire bytes less the last block', validBytes.subarray(0, -16).toString('base64')],
    ['the wire bytes plus one byte', Buffer.concat([validBytes, Buffer.of(0)]).toString('base64')],
    ['a single block of zeros', Buffer.alloc(16).toString('base64')],
    ['fifteen bytes', Buffer.alloc(15, 0x41).toString('base64')],
    ['the first four characters', valid.slice(0, 4)],
    // Tampered ciphertext.
    ...Array.from({ length: blockCount }, (_, block): [string, unknown] => [
      `the wire bytes with a bit flipped in block ${block}`,
      flipBit(validBytes, block * 16 + 1, 0x80).toString('base64'),
    ]),
    [
      'the wire bytes with the last byte flipped',
      flipBit(validBytes, validBytes.length - 1, 0x01).toString('base64'),
    ],
    [
      'the wire bytes with an extra block of zeros',
      Buffer.concat([validBytes, Buffer.alloc(16)]).toString('base64'),
    ],
    // Bad padding around a valid JSON object.
    ['zero padding', token(mode, zeroPadded(vector.plaintext), { pad: false })],
    [
      'ANSI X9.23 padding',
      token(
        mode,
        repadded(vector.plaintext, (n) => Array(n).fill(0)),
        { pad: false },
      ),
    ],
    [
      'ISO 10126 padding',
      token(
        mode,
        repadded(vector.plaintext, (n) => Array(n).fill(0xab)),
        { pad: false },
      ),
    ],
    ['a padding byte of 0', token(mode, padded(shortJson, [0]), { pad: false })],
    ['a padding byte of 17', token(mode, padded(shortJson, [17]), { pad: false })],
    ['a full block of 17s', token(mode, padded(alignedJson, Array(16).fill(17)), { pad: false })],
    ['no padding on block-aligned JSON', token(mode, alignedJson, { pad: false })],
    ['spaces as padding', token(mode, padded(shortJson, [0x20]), { pad: false })],
    ['PKCS#7 padding applied twice', token(mode, padded(shortJson, [1]))],
    // Someone else's ciphertext.
    [
      'a token sealed with another key',
      wire(mode, encrypt(Buffer.from(vector.plaintext), { withKey: otherKey })).toString('base64'),
    ],
    [
      'ECB-mode ciphertext of the same plaintext',
      wire(mode, encrypt(Buffer.from(vector.plaintext), { ecb: true })).toString('base64'),
    ],
    ['CryptoJS passphrase output', CryptoJS.AES.encrypt(vector.plaintext, 'passphrase').toString()],
    // Decrypts, but is not a JSON object.
    ['valid ciphertext of [1,2]', token(mode, '[1,2]')],
    ['valid ciphertext of null', token(mode, 'null')],
    ['valid ciphertext of "str"', token(mode, '"str"')],
    ['valid ciphertext of 42', token(mode, '42')],
    ['valid ciphertext of true', token(mode, 'true')],
    ['valid ciphertext of nothing', token(mode, '')],
    ['valid ciphertext of whitespace', token(mode, ' \n')],
    ['valid ciphertext of two objects', token(mode, '{"a":1} {"b":2}')],
    ['valid ciphertext of an object and garbage', token(mode, '{"a":1}x')],
    ['valid ciphertext of unquoted keys', token(mode, '{a:1}')],
    ['valid ciphertext of a trailing comma', token(mode, '{"a":1,}')],
    ['valid ciphertext of a leading zero', token(mode, '{"a":01}')],
    ['valid ciphertext of NaN', token(mode, '{"a":NaN}')],
    ['valid ciphertext of single quotes', token(mode, "{'a':1}")],
    ['valid ciphertext of a raw control character', token(mode, '{"a":"\u0001"}')],
    ['valid ciphertext of a bad escape', token(mode, '{"a":"\\x41"}')],
    ['valid ciphertext of a short \\u escape', token(mode, '{"a":"\\u004"}')],
    ['valid ciphertext of an unterminated string', token(mode, '{"a":"b}')],
    ['valid ciphertext of a BOM before the object', token(mode, '\uFEFF{}')],
    [
      'valid ciphertext of over-deep nesting',
      token(mode, `{"a":${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}}`),
    ],
    // Not UTF-8.
    ['valid ciphertext of invalid UTF-8', token(mode, padded('{"a":"', [0xff, 0x22, 0x7d]))],
    [
      'valid ciphertext of an overlong encoding',
      token(mode, padded('{"a":"', [0xc0, 0xaf, 0x22, 0x7d])),
    ],
    [
      'valid ciphertext of an encoded surrogate',
      token(mode, padded('{"a":"', [0xed, 0xa0, 0x80, 0x22, 0x7d])),
    ],
    [
      'valid ciphertext of a truncated sequence',
      token(mode, padded('{"a":"', [0xe2, 0x82, 0x22, 0x7d])),
    ],
    [
      'valid ciphertext of Latin-1 text',
      token(mode, padded('{"a":"', [0x7a, 0x6f, 0xeb, 0x22, 0x7d])),
    ],
    // Duplicate keys, at any depth.
    ['valid ciphertext of duplicate keys', token(mode, '{"a":1,"a":2}')],
    ['valid ciphertext of duplicate keys with equal values', token(mode, '{"a":1,"a":1}')],
    ['valid ciphertext of duplicate nested keys', token(mode, '{"x":{"a":1,"a":2}}')],
    [
      'valid ciphertext of duplicate keys inside an array',
      token(mode, '{"x":[{"a":1},{"b":1,"b":1}]}'),
    ],
    ['valid ciphertext of keys equal once unescaped', token(mode, '{"a":1,"\\u0061":2}')],
    // Prototype pollution.
    ['valid ciphertext of a __proto__ key', token(mode, '{"__proto__":{"polluted":true}}')],
    [
      'valid ciphertext of a nested __proto__ key',
      token(mode, '{"x":[{"__proto__":{"polluted":true}}]}'),
    ],
    [
      'valid ciphertext of an escaped __proto__ key',
      token(mode, '{"\\u005f_proto__":{"polluted":true}}'),
    ],
    [
      'valid ciphertext of constructor.prototype',
      token(mode, '{"constructor":{"prototype":{"polluted":true}}}'),
    ],
  ];
  if (mode === 'prefix') {
    cases.push(
      ['only an IV', Buffer.from(iv).toString('base64')],
      ['an IV and a partial block', Buffer.concat([iv, Buffer.alloc(8)]).toString('base64')],
    );
  } else {
    const otherIv = wire(
      mode,
      encrypt(Buffer.from(vector.plaintext), { withIv: hexToBytes('00'.repeat(16)) }),
    );
    cases.push(['a token sealed with another IV', otherIv.toString('base64')]);
  }
  return cases;
}

/** Sets one of the unused low bits of the last character before the '=' padding. */
function nonCanonical(base64: string): string {
  const at = base64.indexOf('=') - 1;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bumped = alphabet[alphabet.indexOf(base64.charAt(at)) + 1] ?? '';
  return base64.slice(0, at) + bumped + base64.slice(at + 1);
}

const modes: { mode: Mode; iv: EnvelopeIv }[] = [
  { mode: 'prefix', iv: 'prefix' },
  { mode: 'fixed', iv: { fixed: vector.ivHex } },
];

describe.each(implementations)('open() of hostile tokens with $name', ({ aes }) => {
  describe.each(modes)('$mode IV', ({ mode, iv: ivOption }) => {
    const envelope = createEnvelopeWith({ key: vector.keyHex, iv: ivOption }, aes);
    const cases = hostileTokens(mode);

    it('opens the untampered tokens the table is built from', () => {
      expect(envelope.open(token(mode, vector.plaintext))).toEqual(JSON.parse(vector.plaintext));
      expect(envelope.open(token(mode, shortJson))).toEqual(JSON.parse(shortJson));
      // The encoding cases below only test something if these hold.
      const forced = createEnvelopeWith(
        { key: vector.keyHex, iv: ivOption },
        withForcedIv(aes, iv),
      );
      const long = forced.seal(JSON.parse(vector.plaintext));
      expect(long).toBe(mode === 'prefix' ? vector.ivPrefixedToken : vector.fixedIvToken);
      expect(/[+/]/.test(long)).toBe(true);
      expect(token(mode, shortJson).endsWith('=')).toBe(true);
    });

    it.each(cases)('rejects %s with the one EnvelopeError', (_, hostile) => {
      const error = thrownBy(() => envelope.open(hostile));
      expect(error).toBeInstanceOf(EnvelopeError);
      expect(error).toMatchObject({
        name: 'EnvelopeError',
        code: 'ENVELOPE_UNREADABLE',
        message: ENVELOPE_UNREADABLE_MESSAGE,
      });
      expect(Object.hasOwn(error as object, 'cause')).toBe(false);
    });

    it('gives every hostile token an error with the same code, message and properties', () => {
      const shapes = new Set(
        cases.map(([, hostile]) => {
          const error = thrownBy(() => envelope.open(hostile)) as EnvelopeError;
          return JSON.stringify([
            error.constructor.name,
            error.code,
            error.message,
            Object.getOwnPropertyNames(error).sort(),
          ]);
        }),
      );
      expect(shapes.size).toBe(1);
    });

    it('leaves Object.prototype unpolluted', () => {
      for (const [, hostile] of cases) thrownBy(() => envelope.open(hostile));
      expect(({} as Record<string, unknown>).polluted).toBe(undefined);
      expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    });
  });
});

describe.each(implementations)('open() of unusual but valid JSON with $name', ({ aes }) => {
  const envelope = createEnvelopeWith({ key: vector.keyHex, iv: { fixed: vector.ivHex } }, aes);

  it.each([
    [
      'whitespace around and inside',
      ' \n{ "a" : [ 1 , 2 ] ,\t"b" : { } }\r\n',
      { a: [1, 2], b: {} },
    ],
    [
      'escapes',
      '{"a":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"}',
      { a: '"\\/\b\f\n\r\té😀' },
    ],
    [
      'numbers',
      '{"a":-0.5e+2,"b":1E400,"c":0,"d":12345678901234567890}',
      { a: -50, b: Infinity, c: 0, d: 12345678901234567000 },
    ],
    [
      'keys named like Object.prototype members',
      '{"toString":1,"hasOwnProperty":2,"constructor":3}',
      { toString: 1, hasOwnProperty: 2, constructor: 3 },
    ],
    [
      'a constructor key without prototype',
      '{"constructor":{"name":"x"}}',
      { constructor: { name: 'x' } },
    ],
    [
      'nesting at the depth limit',
      `{"a":${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}}`,
      JSON.parse(`{"a":${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}}`),
    ],
    ['equal keys in sibling objects', '{"x":{"a":1},"y":{"a":1}}', { x: { a: 1 }, y: { a: 1 } }],
  ])('accepts %s as JSON.parse does', (_, json, expected) => {
    const opened = envelope.open(token('fixed', json));
    expect(opened).toEqual(expected);
    expect(opened).toEqual(JSON.parse(json));
  });
});
