import { describe, expect, it } from 'vitest';
import * as nodeBuild from './index.js';
import * as webBuild from './index.web.js';

const builds = [
  { name: 'node build (index.ts)', api: nodeBuild },
  { name: 'web build (index.web.ts)', api: webBuild },
];

describe('the public entry points', () => {
  it('export the same names from both builds', () => {
    expect(Object.keys(webBuild).sort()).toEqual(Object.keys(nodeBuild).sort());
    expect(Object.keys(nodeBuild).sort()).toEqual([
      'CryptoErrorCode',
      'ENVELOPE_UNREADABLE_MESSAGE',
      'EnvelopeError',
      'SealError',
      'WalletCryptoError',
      'WalletKeyError',
      'createEnvelope',
      'generateKey',
      'parseJsonObject',
    ]);
  });

  it('do not expose the test-only IV hook or the internals', () => {
    for (const name of ['createEnvelopeWith', 'generateKeyWith', 'nodeAes192Cbc', 'webAes192Cbc']) {
      expect(Object.hasOwn(nodeBuild, name)).toBe(false);
      expect(Object.hasOwn(webBuild, name)).toBe(false);
    }
  });

  it('export the error codes', () => {
    expect(nodeBuild.CryptoErrorCode).toEqual({
      InvalidKey: 'INVALID_KEY',
      InvalidIv: 'INVALID_IV',
      EnvelopeUnreadable: 'ENVELOPE_UNREADABLE',
      UnsealableValue: 'UNSEALABLE_VALUE',
    });
  });
});

describe.each(builds)('$name', ({ api }) => {
  it('generateKey returns 48 lowercase hex characters, new each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => api.generateKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(/^[0-9a-f]{48}$/.test(key)).toBe(true);
  });

  it('generateKey output is a key createEnvelope accepts', () => {
    const envelope = api.createEnvelope({ key: api.generateKey() });
    expect(envelope.open(envelope.seal({ ok: true }))).toEqual({ ok: true });
  });

  it('generateKey draws every byte value over many keys (not a fixed or short-range source)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const key = api.generateKey();
      for (let at = 0; at < key.length; at += 2) seen.add(key.slice(at, at + 2));
    }
    expect(seen.size).toBe(256);
  });

  it('seals and opens with the default prefix mode', () => {
    const envelope = api.createEnvelope({ key: api.generateKey() });
    const value = { messageCode: 3510, clientTxnId: 'txn12345', amount: 525 };
    expect(envelope.open(envelope.seal(value))).toEqual(value);
  });

  it('throws its own error classes', () => {
    expect(() => api.createEnvelope({ key: 'short' })).toThrow(api.WalletKeyError);
    const envelope = api.createEnvelope({ key: api.generateKey() });
    expect(() => envelope.open('AAAA')).toThrow(api.EnvelopeError);
    expect(() => envelope.seal([1])).toThrow(api.SealError);
    expect(() => envelope.open('AAAA')).toThrow(api.WalletCryptoError);
  });
});

describe('error classes', () => {
  it.each([
    [new nodeBuild.WalletKeyError('INVALID_KEY', 'm'), 'WalletKeyError', 'INVALID_KEY'],
    [new nodeBuild.WalletKeyError('INVALID_IV', 'm'), 'WalletKeyError', 'INVALID_IV'],
    [new nodeBuild.EnvelopeError(), 'EnvelopeError', 'ENVELOPE_UNREADABLE'],
    [new nodeBuild.SealError(), 'SealError', 'UNSEALABLE_VALUE'],
  ])('%s has its name and code and is a WalletCryptoError and an Error', (error, name, code) => {
    expect(error).toBeInstanceOf(nodeBuild.WalletCryptoError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name, code });
    expect(String(error)).toBe(`${name}: ${error.message}`);
  });

  it('EnvelopeError always carries the one fixed message', () => {
    expect(new nodeBuild.EnvelopeError().message).toBe(nodeBuild.ENVELOPE_UNREADABLE_MESSAGE);
  });
});
