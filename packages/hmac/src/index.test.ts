import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as nodeBuild from './index.js';
import * as webBuild from './index.web.js';
import { digestVectorDate, vectors } from './test-vectors.js';

const builds = [
  { name: 'node build (index.ts)', api: nodeBuild },
  { name: 'web build (index.web.ts)', api: webBuild },
] as const;

const profiles = nodeBuild.DOCUMENTED_PROFILES;

describe('the two builds', () => {
  it('export the same names, and no internals', () => {
    expect(Object.keys(webBuild).sort()).toEqual(Object.keys(nodeBuild).sort());
    for (const name of ['signRequestWith', 'verifyRequestWith', 'nodeHashes', 'webHashes']) {
      expect(Object.hasOwn(nodeBuild, name)).toBe(false);
      expect(Object.hasOwn(webBuild, name)).toBe(false);
    }
  });

  it('sign every profile the same for any salt, date and body, and accept each other', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 300 })),
        fc.constantFrom(...profiles),
        async (merchantSalt, date, body, profile) => {
          const request = { merchantKey: 'smsplus', merchantSalt, date, body, profile };
          const fromNode = nodeBuild.signRequest(request);
          expect(webBuild.signRequest(request)).toEqual(fromNode);
          for (const { api } of builds) {
            const result = await api.verifyRequest({
              headers: { ...fromNode },
              body,
              lookupSalt: () => merchantSalt,
              now: date,
              profiles: [profile],
            });
            expect(result).toEqual({ ok: true, merchantKey: 'smsplus', profile });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe.each(builds)('$name', ({ api }) => {
  it('reproduces the openssl HMAC vectors and refuses them altered', async () => {
    for (const vector of vectors.hmac) {
      const { merchantKey, merchantSalt, date } = vector;
      const signed = api.signRequest({ merchantKey, merchantSalt, date });
      expect(signed.authorization).toBe(vector.authorization);
      const verify = (authorization: string) =>
        api.verifyRequest({
          headers: { date, authorization },
          lookupSalt: (key) => (key === merchantKey ? merchantSalt : undefined),
          now: new Date(date),
        });
      expect((await verify(vector.authorization)).ok).toBe(true);
      const last = vector.authorization.at(-2) === '0' ? '1' : '0';
      const altered = `${vector.authorization.slice(0, -2)}${last}"`;
      expect(await verify(altered)).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });

  it('reproduces the openssl digest and payu-v2 vectors', () => {
    for (const vector of vectors.digest) {
      expect(api.computeDigest(vector.body)).toBe(vector.digestHeader);
      const signed = api.signRequest({
        merchantKey: 'k',
        merchantSalt: vector.merchantSalt,
        date: digestVectorDate(vector),
        body: vector.body,
        profile: api.PAYU_HMAC_DIGEST,
      });
      expect(signed.authorization).toContain(`signature="${vector.signatureHex}"`);
    }
    for (const vector of vectors.payuV2) {
      const signed = api.signRequest({
        merchantKey: 'k',
        merchantSalt: vector.merchantSalt,
        date: vector.date,
        body: vector.body,
        profile: api.PAYU_V2,
      });
      expect(signed.authorization).toContain(vector.signatureHex);
    }
  });

  it('refuses a signature in a non-canonical form', async () => {
    const vector = vectors.hmac[0];
    if (vector === undefined) throw new Error('no HMAC vector');
    const upper = vector.authorization.replace(/signature="([0-9a-f]+)"/, (_, hex: string) => {
      return `signature="${hex.toUpperCase()}"`;
    });
    const result = await api.verifyRequest({
      headers: { date: vector.date, authorization: upper },
      lookupSalt: () => vector.merchantSalt,
      now: new Date(vector.date),
    });
    expect(result).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
