import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEnvelopeWith } from './envelope.js';
import { EnvelopeError, SealError } from './errors.js';
import { createEnvelope as createNodeEnvelope } from './index.js';
import { createEnvelope as createWebEnvelope } from './index.web.js';
import {
  envelopeVectors,
  hexToBytes,
  implementations,
  thrownBy,
  withForcedIv,
} from './test-helpers.js';

describe.each(implementations)('openssl vectors with $name', ({ aes }) => {
  describe.each(envelopeVectors)('$name', (vector) => {
    const value: unknown = JSON.parse(vector.plaintext);

    it('seals with the fixed IV to exactly the fixedIvToken', () => {
      const envelope = createEnvelopeWith({ key: vector.keyHex, iv: { fixed: vector.ivHex } }, aes);
      expect(envelope.seal(value)).toBe(vector.fixedIvToken);
    });

    it('seals in prefix mode, IV forced, to exactly the ivPrefixedToken', () => {
      const forced = withForcedIv(aes, hexToBytes(vector.ivHex));
      const envelope = createEnvelopeWith({ key: vector.keyHex }, forced);
      expect(envelope.seal(value)).toBe(vector.ivPrefixedToken);
    });

    it("opens openssl's fixed-IV token", () => {
      const envelope = createEnvelopeWith({ key: vector.keyHex, iv: { fixed: vector.ivHex } }, aes);
      expect(envelope.open(vector.fixedIvToken)).toEqual(value);
    });

    it("opens openssl's IV-prefixed token with a randomly seeded envelope", () => {
      const envelope = createEnvelopeWith({ key: vector.keyHex, iv: 'prefix' }, aes);
      expect(envelope.open(vector.ivPrefixedToken)).toEqual(value);
    });

    it('seals and opens the plaintext as text, byte for byte what openssl made', () => {
      const fixed = createEnvelopeWith({ key: vector.keyHex, iv: { fixed: vector.ivHex } }, aes);
      expect(fixed.sealText(vector.plaintext)).toBe(vector.fixedIvToken);
      expect(fixed.openText(vector.fixedIvToken)).toBe(vector.plaintext);
      const forced = withForcedIv(aes, hexToBytes(vector.ivHex));
      expect(createEnvelopeWith({ key: vector.keyHex }, forced).sealText(vector.plaintext)).toBe(
        vector.ivPrefixedToken,
      );
      const prefix = createEnvelopeWith({ key: vector.keyHex }, aes);
      expect(prefix.openText(vector.ivPrefixedToken)).toBe(vector.plaintext);
    });
  });
});

describe.each(implementations)('sealText and openText with $name', ({ aes }) => {
  const key = '8f3c2b1a0e9d8c7b6a5948372615f4e3d2c1b0a9f8e7d6c5';

  it('round-trip any text, JSON or not, in both IV modes', () => {
    for (const iv of ['prefix', { fixed: 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf' }] as const) {
      const envelope = createEnvelopeWith({ key, iv }, aes);
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme' }), (text) => {
          expect(envelope.openText(envelope.sealText(text))).toBe(text);
        }),
      );
      const form = 'key=k&txn_s2s_flow=4&productinfo=Monthly+pass&udf3=caf%C3%A9';
      expect(envelope.openText(envelope.sealText(form))).toBe(form);
      expect(() => envelope.open(envelope.sealText(form))).toThrow(EnvelopeError);
    }
  });

  it('refuses a non-string and opens nothing unreadable', () => {
    const envelope = createEnvelopeWith({ key }, aes);
    expect(() => envelope.sealText({} as never)).toThrow(SealError);
    expect(() => envelope.openText('not base64!')).toThrow(EnvelopeError);
    expect(() => envelope.openText(42)).toThrow(EnvelopeError);
  });
});

describe('the two published builds', () => {
  it.each(envelopeVectors)('produce identical tokens for $name', (vector) => {
    const options = { key: vector.keyHex, iv: { fixed: vector.ivHex } } as const;
    const value: unknown = JSON.parse(vector.plaintext);
    const nodeToken = createNodeEnvelope(options).seal(value);
    expect(createWebEnvelope(options).seal(value)).toBe(nodeToken);
    expect(nodeToken).toBe(vector.fixedIvToken);
  });

  it('produce identical fixed-IV tokens for any key, IV and object', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 24, maxLength: 24 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })),
        (key, iv, value) => {
          fc.pre(isSealable(value));
          const fixed = { fixed: Buffer.from(iv).toString('hex') };
          const nodeToken = createNodeEnvelope({ key, iv: fixed }).seal(value);
          expect(createWebEnvelope({ key, iv: fixed }).seal(value)).toBe(nodeToken);
        },
      ),
    );
  });

  it("open each other's prefix-mode tokens", () => {
    const key = '000102030405060708090a0b0c0d0e0f1011121314151617';
    const node = createNodeEnvelope({ key });
    const web = createWebEnvelope({ key });
    const value = { messageCode: 3510, note: 'zoë 🎉' };
    expect(web.open(node.seal(value))).toEqual(value);
    expect(node.open(web.seal(value))).toEqual(value);
  });
});

/** JSON objects with non-ASCII and astral text in keys and values. */
const jsonObjects = fc
  .dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }))
  .filter(isSealable);

describe.each(implementations)('round trips with $name', ({ aes }) => {
  const key = '8f3c2b1a0e9d8c7b6a5948372615f4e3d2c1b0a9f8e7d6c5';

  it.each([
    ['prefix', 'prefix'],
    ['fixed', { fixed: 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf' }],
  ] as const)('open(seal(value)) equals the JSON round trip of value (%s IV)', (_, iv) => {
    const envelope = createEnvelopeWith({ key, iv }, aes);
    fc.assert(
      fc.property(jsonObjects, (value) => {
        expect(envelope.open(envelope.seal(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('keeps astral and non-ASCII characters intact in keys and values', () => {
    const envelope = createEnvelopeWith({ key }, aes);
    const value = { 'ключ 🔑': 'zoë.ünïcode 😀 𝄞 中文', nested: { 𐍈: ['ä', '\u{10FFFF}'] } };
    expect(envelope.open(envelope.seal(value))).toEqual(value);
  });

  it('gives a different token each time in prefix mode, each opening to the value', () => {
    const envelope = createEnvelopeWith({ key }, aes);
    fc.assert(
      fc.property(jsonObjects, (value) => {
        const first = envelope.seal(value);
        const second = envelope.seal(value);
        expect(first).not.toBe(second);
        expect(envelope.open(first)).toEqual(envelope.open(second));
      }),
    );
  });

  it('gives the same token each time in fixed mode', () => {
    const envelope = createEnvelopeWith({ key, iv: { fixed: '00'.repeat(16) } }, aes);
    expect(envelope.seal({ a: 1 })).toBe(envelope.seal({ a: 1 }));
  });

  it('prefix-mode tokens are base64 of a 16-byte IV and whole ciphertext blocks', () => {
    const envelope = createEnvelopeWith({ key }, aes);
    fc.assert(
      fc.property(jsonObjects, (value) => {
        const plaintextBytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
        const wireBytes = Buffer.from(envelope.seal(value), 'base64').length;
        expect(wireBytes).toBe(16 + (Math.floor(plaintextBytes / 16) + 1) * 16);
      }),
    );
  });

  it('works with seal and open taken off the envelope', () => {
    const { seal, open } = createEnvelopeWith({ key }, aes);
    expect(open(seal({ detached: true }))).toEqual({ detached: true });
  });

  it('returns plain objects whose prototype is Object.prototype', () => {
    const envelope = createEnvelopeWith({ key }, aes);
    const opened = envelope.open(envelope.seal({ a: { b: [{ c: 1 }] } }));
    expect(Object.getPrototypeOf(opened)).toBe(Object.prototype);
  });

  it('opens what an envelope built from the same key in another encoding sealed', () => {
    const sealer = createEnvelopeWith({ key: key.toUpperCase() }, aes);
    const opener = createEnvelopeWith({ key: Buffer.from(key, 'hex').toString('base64') }, aes);
    expect(opener.open(sealer.seal({ ok: true }))).toEqual({ ok: true });
  });
});

describe.each(implementations)('seal() input with $name', ({ aes }) => {
  const envelope = createEnvelopeWith({ key: '5c'.repeat(24) }, aes);
  const cyclic: Record<string, unknown> = { secret: 'hunter2' };
  cyclic.self = cyclic;

  it.each([
    ['an array', [1, 2]],
    ['null', null],
    ['a number', 42],
    ['a string', 'hunter2'],
    ['a boolean', true],
    ['undefined', undefined],
    ['a function', () => 1],
    ['a BigInt inside an object', { amount: 10n }],
    ['a cyclic object', cyclic],
    ['an object whose toJSON returns a string', { toJSON: () => 'hunter2' }],
    // open() refuses these two shapes, so seal() never makes a token of them.
    ['an own __proto__ key', JSON.parse('{"a":{"__proto__":"hunter2"}}')],
    ['a constructor holding a prototype', { constructor: { prototype: 'hunter2' } }],
  ])('rejects %s with a SealError that does not quote the value', (_, value) => {
    const error = thrownBy(() => envelope.seal(value));
    expect(error).toBeInstanceOf(SealError);
    expect(error).toMatchObject({ code: 'UNSEALABLE_VALUE', name: 'SealError' });
    expect(String((error as Error).message)).not.toContain('hunter2');
    expect(Object.hasOwn(error as object, 'cause')).toBe(false);
  });

  it('seals the names __proto__ and prototype where open() accepts them: as values and plain keys', () => {
    const value = { note: '__proto__ and prototype', prototype: 1, a: { constructor: 'x' } };
    expect(envelope.open(envelope.seal(value))).toEqual(value);
  });

  it('opens whatever it sealed: any JSON object from fast-check, __proto__ keys included', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        let token: string;
        try {
          token = envelope.seal(value);
        } catch (error) {
          expect(error).toBeInstanceOf(SealError);
          expect(JSON.stringify(value)).toMatch(/__proto__|prototype/);
          return;
        }
        expect(envelope.open(token)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('seals class instances, dates and toJSON results as JSON.stringify does', () => {
    const value = { when: new Date(0), id: new URL('https://example.com/a'), skipped: undefined };
    expect(envelope.open(envelope.seal(value))).toEqual({
      when: '1970-01-01T00:00:00.000Z',
      id: 'https://example.com/a',
    });
  });

  it('seals an object with a toJSON that returns an object', () => {
    const value = { toJSON: () => ({ a: 1 }) };
    expect(envelope.open(envelope.seal(value))).toEqual({ a: 1 });
  });
});

/**
 * Whether the JSON round trip of `value` is something open() hands back: no `__proto__` key and
 * no `constructor` key holding a `prototype` key, which open() refuses on purpose.
 */
function isSealable(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isSealable);
  if (typeof value !== 'object' || value === null) return true;
  return Object.entries(value).every(
    ([key, inner]) =>
      key !== '__proto__' &&
      !(
        key === 'constructor' &&
        typeof inner === 'object' &&
        inner !== null &&
        !Array.isArray(inner) &&
        Object.hasOwn(inner, 'prototype')
      ) &&
      isSealable(inner),
  );
}
