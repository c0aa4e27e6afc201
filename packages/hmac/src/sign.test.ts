import { describe, expect, it } from 'vitest';
import { HmacOptionError, HttpDateError } from './errors.js';
import { formatHttpDate, parseHttpDate } from './http-date.js';
import { createRequestSigner, signRequest } from './index.js';
import {
  type AuthProfile,
  DOCUMENTED_PROFILES,
  KONG_HMAC,
  PAYU_HMAC,
  PAYU_HMAC_DIGEST,
  PAYU_V2,
} from './profiles.js';
import { digestVectorDate, vectors } from './test-vectors.js';

function signatureOf(authorization: string): string {
  const match = /signature="([^"]*)"$/.exec(authorization);
  if (match?.[1] === undefined) throw new Error('no signature parameter');
  return match[1];
}

describe('signRequest', () => {
  it.each(vectors.hmac)("produces openssl's documented header for $name", (vector) => {
    const signed = signRequest({
      merchantKey: vector.merchantKey,
      merchantSalt: vector.merchantSalt,
      date: parseHttpDate(vector.date),
    });
    expect(signed).toEqual({ date: vector.date, authorization: vector.authorization });
  });

  it.each(vectors.hmac)("produces openssl's base64 signature for $name", (vector) => {
    const signed = signRequest({
      merchantKey: vector.merchantKey,
      merchantSalt: vector.merchantSalt,
      date: vector.date,
      profile: KONG_HMAC,
    });
    expect(signed.authorization).toBe(
      `hmac username="${vector.merchantKey}", algorithm="hmac-sha512", headers="date", signature="${vector.signatureBase64}"`,
    );
  });

  it.each(vectors.digest)("produces openssl's digest and signature for $name", (vector) => {
    const date = digestVectorDate(vector);
    for (const body of [vector.body, new TextEncoder().encode(vector.body)]) {
      const signed = signRequest({
        merchantKey: 'smsplus',
        merchantSalt: vector.merchantSalt,
        date,
        body,
        profile: PAYU_HMAC_DIGEST,
      });
      expect(signed).toEqual({
        date,
        digest: vector.digestHeader,
        authorization: `hmac username="smsplus", algorithm="sha512", headers="date digest", signature="${vector.signatureHex}"`,
      });
    }
  });

  it.each(vectors.payuV2)("produces openssl's payu-v2 hash for $name", (vector) => {
    const signed = signRequest({
      merchantKey: 'smsplus',
      merchantSalt: vector.merchantSalt,
      date: vector.date,
      body: vector.body,
      profile: PAYU_V2,
    });
    expect(signed).toEqual({
      date: vector.date,
      authorization: `hmac username="smsplus", algorithm="sha512", headers="date", signature="${vector.signatureHex}"`,
    });
  });

  it('writes each profile in its own label, header list and encoding', () => {
    const expected: Record<string, RegExp> = {
      hex: /^[0-9a-f]{128}$/,
      base64: /^[A-Za-z0-9+/]{86}==$/,
    };
    for (const profile of DOCUMENTED_PROFILES) {
      const signed = signRequest({
        merchantKey: 'smsplus',
        merchantSalt: 'salt',
        body: '{}',
        profile,
      });
      expect(signed.authorization).toContain(
        `hmac username="smsplus", algorithm="${profile.algorithm}", headers="${profile.headers}", signature="`,
      );
      expect(signatureOf(signed.authorization)).toMatch(expected[profile.encoding] ?? /^$/);
      expect(signed.digest !== undefined).toBe(profile.headers === 'date digest');
    }
  });

  it('dates the request now by default', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const signed = signRequest({ merchantKey: 'smsplus', merchantSalt: 'salt' });
    const after = Date.now();
    const signedAt = parseHttpDate(signed.date).getTime();
    expect(signedAt).toBeGreaterThanOrEqual(before);
    expect(signedAt).toBeLessThanOrEqual(after);
  });

  it('signs an omitted body as an empty one', () => {
    const options = {
      merchantKey: 'k',
      merchantSalt: 'salt',
      date: 'Thu, 17 Feb 2022 08:17:59 GMT',
    };
    for (const profile of [PAYU_V2, PAYU_HMAC_DIGEST]) {
      expect(signRequest({ ...options, profile })).toEqual(
        signRequest({ ...options, profile, body: new Uint8Array() }),
      );
    }
  });

  it('refuses unusable options with coded errors that do not quote them', () => {
    const good = { merchantKey: 'smsplus', merchantSalt: 'salt' };
    const refused = (options: Parameters<typeof signRequest>[0]): HmacOptionError => {
      try {
        signRequest(options);
      } catch (error) {
        if (error instanceof HmacOptionError) return error;
        throw error;
      }
      throw new Error('signRequest accepted the options');
    };
    expect(refused({ ...good, merchantKey: '' }).option).toBe('merchantKey');
    expect(refused({ ...good, merchantKey: 'sms"plus' }).option).toBe('merchantKey');
    expect(refused({ ...good, merchantKey: 'smsplüs' }).option).toBe('merchantKey');
    expect(refused({ ...good, merchantSalt: '' }).option).toBe('merchantSalt');
    expect(refused({ ...good, body: [1, 2] as unknown as Uint8Array }).option).toBe('body');
    const bad = { ...PAYU_V2, encoding: 'base64' } as unknown as AuthProfile;
    expect(refused({ ...good, profile: bad }).option).toBe('profile');
    const error = refused({ ...good, merchantKey: 'secret"key' });
    expect(error.code).toBe('HMAC_OPTION_INVALID');
    expect(error.message).not.toContain('secret');
  });

  it("says each option's rule in `rule`, without the option's name, for callers that name it their own way", () => {
    const good = { merchantKey: 'smsplus', merchantSalt: 'salt' };
    const error = (() => {
      try {
        signRequest({ ...good, merchantSalt: '' });
      } catch (thrown) {
        if (thrown instanceof HmacOptionError) return thrown;
      }
      throw new Error('signRequest accepted an empty salt');
    })();
    expect(error.rule).toBe('must be a non-empty string');
    expect(error.message).toBe('merchantSalt must be a non-empty string.');
  });

  it('refuses a date it cannot send as IMF-fixdate', () => {
    const good = { merchantKey: 'smsplus', merchantSalt: 'salt' };
    expect(() => signRequest({ ...good, date: new Date(Number.NaN) })).toThrow(HttpDateError);
    expect(() => signRequest({ ...good, date: '2022-02-17T08:17:59Z' })).toThrow(HttpDateError);
    const notADate = 1645085879000 as unknown as Date;
    expect(() => signRequest({ ...good, date: notADate })).toThrow(HttpDateError);
  });

  it('prints each date of a run of requests, within and across seconds', () => {
    const good = { merchantKey: 'smsplus', merchantSalt: 'salt' };
    const start = Date.UTC(2022, 1, 17, 8, 17, 59);
    for (const offset of [0, 999, 1000, 1001, -1, 0, 86_400_000]) {
      const date = new Date(start + offset);
      expect(signRequest({ ...good, date }).date).toBe(formatHttpDate(date));
    }
    const valid = 'Thu, 17 Feb 2022 08:17:59 GMT';
    expect(signRequest({ ...good, date: valid }).date).toBe(valid);
    expect(signRequest({ ...good, date: valid }).date).toBe(valid);
    expect(() => signRequest({ ...good, date: `${valid} ` })).toThrow(HttpDateError);
  });
});

describe('createRequestSigner', () => {
  it('signs like signRequest, for every request of one merchant', () => {
    const [vector] = vectors.hmac;
    if (vector === undefined) throw new Error('the fixture has no hmac vector');
    const signer = createRequestSigner({
      merchantKey: vector.merchantKey,
      merchantSalt: vector.merchantSalt,
    });
    expect(signer.profile).toBe(PAYU_HMAC);
    expect(signer.sign({ date: vector.date }).authorization).toBe(vector.authorization);
    const later = new Date(parseHttpDate(vector.date).getTime() + 60_000);
    expect(signer.sign({ date: later })).toEqual(
      signRequest({
        merchantKey: vector.merchantKey,
        merchantSalt: vector.merchantSalt,
        date: later,
      }),
    );
    expect(signer.sign({ date: later }).date).toBe(formatHttpDate(later));
  });

  it('keeps the profile it was given even if the caller changes its object later', () => {
    const profile = { ...KONG_HMAC } as {
      -readonly [K in keyof typeof KONG_HMAC]: (typeof KONG_HMAC)[K];
    };
    const signer = createRequestSigner({ merchantKey: 'k', merchantSalt: 'salt', profile });
    profile.encoding = 'hex';
    expect(signer.profile).toBe(KONG_HMAC);
    expect(signatureOf(signer.sign().authorization)).toMatch(/==$/);
  });
});
