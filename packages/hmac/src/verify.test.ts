import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HmacOptionError } from './errors.js';
import { formatHttpDate, parseHttpDate } from './http-date.js';
import {
  type AuthProfile,
  DOCUMENTED_PROFILES,
  KONG_HMAC,
  PAYU_HMAC,
  PAYU_HMAC_DIGEST,
  PAYU_V2,
  profileName,
} from './profiles.js';
import { signRequest } from './sign.js';
import { digestVectorDate, vectors } from './test-vectors.js';
import {
  type VerifyFailureReason,
  type VerifyRequestOptions,
  type VerifyResult,
  verifyRequest,
} from './verify.js';

const [vector] = vectors.hmac;
if (vector === undefined) throw new Error('the fixture has no hmac vector');
const MERCHANT = vector.merchantKey;
const SALT = vector.merchantSalt;
const SIGNATURE_HEX = vector.signatureHex;
const SIGNED_AT = parseHttpDate(vector.date);
const BASE64_PROFILE = DOCUMENTED_PROFILES.find(
  (profile) => profileName(profile) === 'payu-hmac+base64',
) as AuthProfile;

function headerWith(parameters: Record<string, string>, scheme = 'hmac'): string {
  const list = Object.entries(parameters).map(([name, value]) => `${name}="${value}"`);
  return `${scheme} ${list.join(', ')}`;
}

function documentedParameters(signature = SIGNATURE_HEX): Record<string, string> {
  return { username: MERCHANT, algorithm: 'sha512', headers: 'date', signature };
}

function lookupSalt(merchantKey: string): string | undefined {
  return merchantKey === MERCHANT ? SALT : undefined;
}

function verify(
  headers: VerifyRequestOptions['headers'],
  options: Partial<VerifyRequestOptions> = {},
): Promise<VerifyResult> {
  return verifyRequest({
    method: 'POST',
    headers,
    body: '',
    lookupSalt,
    now: SIGNED_AT,
    ...options,
  });
}

/** Sets the unused low bits of the last base64 digit: the same 64 bytes, spelled differently. */
function nonCanonicalBase64(signature: string): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const last = digits.indexOf(signature.charAt(85));
  return flipped(signature, 85, digits.charAt(last | 1));
}

function flipped(text: string, index: number, replacement: string): string {
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
}

describe('verifyRequest accepts the openssl vectors', () => {
  it.each(vectors.hmac)("accepts openssl's documented header for $name", async (entry) => {
    const result = await verifyRequest({
      headers: { Date: entry.date, Authorization: entry.authorization },
      lookupSalt: (key) => (key === entry.merchantKey ? entry.merchantSalt : undefined),
      now: new Date(parseHttpDate(entry.date).getTime() + 42_000),
    });
    expect(result).toEqual({ ok: true, merchantKey: entry.merchantKey, profile: PAYU_HMAC });
  });

  it.each(vectors.hmac)(
    "accepts openssl's base64 signature for $name as stock Kong",
    async (entry) => {
      const authorization = headerWith({
        username: entry.merchantKey,
        algorithm: 'hmac-sha512',
        headers: 'date',
        signature: entry.signatureBase64,
      });
      const result = await verifyRequest({
        headers: new Headers({ date: entry.date, authorization }),
        lookupSalt: async () => entry.merchantSalt,
        now: () => parseHttpDate(entry.date),
      });
      expect(result).toEqual({ ok: true, merchantKey: entry.merchantKey, profile: KONG_HMAC });
    },
  );

  it.each(vectors.digest)("accepts openssl's digest signature for $name", async (entry) => {
    const date = digestVectorDate(entry);
    const authorization = headerWith({
      username: MERCHANT,
      algorithm: 'sha512',
      headers: 'date digest',
      signature: entry.signatureHex,
    });
    const result = await verifyRequest({
      headers: { date, digest: entry.digestHeader, authorization },
      body: new TextEncoder().encode(entry.body),
      lookupSalt: () => entry.merchantSalt,
      now: parseHttpDate(date),
    });
    expect(result).toEqual({ ok: true, merchantKey: MERCHANT, profile: PAYU_HMAC_DIGEST });
  });

  it.each(vectors.payuV2)("accepts openssl's payu-v2 hash for $name", async (entry) => {
    const result = await verifyRequest({
      headers: {
        date: entry.date,
        authorization: headerWith(documentedParameters(entry.signatureHex)),
      },
      body: entry.body,
      lookupSalt: () => entry.merchantSalt,
      now: parseHttpDate(entry.date),
    });
    expect(result).toEqual({ ok: true, merchantKey: MERCHANT, profile: PAYU_V2 });
    expect(result.ok && profileName(result.profile)).toBe('payu-v2');
  });
});

describe('verifyRequest refuses hostile requests with the exact reason', () => {
  const documented = documentedParameters();
  const base64Signature = vector.signatureBase64;
  const signedAround = (offsetSeconds: number): { date: string; authorization: string } => {
    const signed = signRequest({
      merchantKey: MERCHANT,
      merchantSalt: SALT,
      date: new Date(SIGNED_AT.getTime() + offsetSeconds * 1000),
    });
    return { date: signed.date, authorization: signed.authorization };
  };
  const signedWithDigest = signRequest({
    merchantKey: MERCHANT,
    merchantSalt: SALT,
    date: SIGNED_AT,
    body: '{"token":"abc"}',
    profile: PAYU_HMAC_DIGEST,
  });
  const digestHeaders = {
    date: signedWithDigest.date,
    digest: signedWithDigest.digest ?? '',
    authorization: signedWithDigest.authorization,
  };

  interface Case {
    readonly name: string;
    readonly headers: Record<string, string>;
    readonly options?: Partial<VerifyRequestOptions>;
    readonly expected: VerifyResult;
  }
  const accepted: VerifyResult = { ok: true, merchantKey: MERCHANT, profile: PAYU_HMAC };
  const refused = (reason: VerifyFailureReason): VerifyResult => ({
    ok: false,
    reason,
  });

  const cases: Case[] = [
    {
      name: 'the documented header',
      headers: { date: vector.date, authorization: vector.authorization },
      expected: accepted,
    },
    {
      name: 'reordered parameters',
      headers: {
        date: vector.date,
        authorization: `hmac signature="${vector.signatureHex}",headers="date" ,  username="${MERCHANT}",\talgorithm="sha512"`,
      },
      expected: accepted,
    },
    {
      name: 'an upper-case scheme and mixed-case header names',
      headers: { DATE: vector.date, Authorization: vector.authorization.replace('hmac', 'HMAC') },
      expected: accepted,
    },
    {
      name: 'a duplicated parameter',
      headers: {
        date: vector.date,
        authorization: `${vector.authorization}, username="${MERCHANT}"`,
      },
      expected: refused('malformed'),
    },
    {
      name: 'an unknown parameter',
      headers: { date: vector.date, authorization: `${vector.authorization}, realm="wallet"` },
      expected: refused('malformed'),
    },
    {
      name: 'a missing parameter',
      headers: {
        date: vector.date,
        authorization: headerWith({
          username: MERCHANT,
          headers: 'date',
          signature: vector.signatureHex,
        }),
      },
      expected: refused('malformed'),
    },
    {
      name: 'unquoted values',
      headers: {
        date: vector.date,
        authorization: `hmac username=${MERCHANT}, algorithm=sha512, headers=date, signature=${vector.signatureHex}`,
      },
      expected: refused('malformed'),
    },
    {
      name: 'the Basic scheme',
      headers: { date: vector.date, authorization: 'Basic c21zcGx1czptZXJjaGFudFNhbHQ=' },
      expected: refused('malformed'),
    },
    {
      name: 'the Bearer scheme',
      headers: { date: vector.date, authorization: `Bearer ${vector.signatureHex}` },
      expected: refused('malformed'),
    },
    {
      name: 'no Authorization header',
      headers: { date: vector.date },
      expected: refused('missing'),
    },
    {
      name: 'an empty Authorization header',
      headers: { date: vector.date, authorization: '' },
      expected: refused('missing'),
    },
    {
      name: 'a headers parameter without date',
      headers: {
        date: vector.date,
        digest: digestHeaders.digest,
        authorization: headerWith({ ...documented, headers: 'digest' }),
      },
      expected: refused('malformed'),
    },
    {
      name: 'no date header',
      headers: { authorization: vector.authorization },
      expected: refused('missing'),
    },
    {
      name: 'a signed digest header that is not sent',
      headers: { date: digestHeaders.date, authorization: digestHeaders.authorization },
      expected: refused('missing'),
    },
    {
      name: 'a date in RFC 850 form',
      headers: { date: 'Thursday, 17-Feb-22 08:17:59 GMT', authorization: vector.authorization },
      expected: refused('malformed'),
    },
    {
      name: 'a date with a numeric zone',
      headers: { date: 'Thu, 17 Feb 2022 08:17:59 +0000', authorization: vector.authorization },
      expected: refused('malformed'),
    },
    { name: 'a date exactly 300 s old', headers: signedAround(-300), expected: accepted },
    { name: 'a date 301 s old', headers: signedAround(-301), expected: refused('clock-skew') },
    { name: 'a date exactly 300 s ahead', headers: signedAround(300), expected: accepted },
    { name: 'a date 301 s ahead', headers: signedAround(301), expected: refused('clock-skew') },
    {
      name: 'a date 61 s old under a 60 s skew',
      headers: signedAround(-61),
      options: { clockSkewSeconds: 60 },
      expected: refused('clock-skew'),
    },
    {
      name: 'a hex signature under a base64-only profile list',
      headers: { date: vector.date, authorization: vector.authorization },
      options: { profiles: [BASE64_PROFILE] },
      expected: refused('bad-signature'),
    },
    {
      name: 'a base64 signature under a hex-only profile list',
      headers: {
        date: vector.date,
        authorization: headerWith(documentedParameters(base64Signature)),
      },
      options: { profiles: [PAYU_HMAC, PAYU_V2] },
      expected: refused('bad-signature'),
    },
    {
      name: 'the same base64 signature when base64 is accepted',
      headers: {
        date: vector.date,
        authorization: headerWith(documentedParameters(base64Signature)),
      },
      expected: { ok: true, merchantKey: MERCHANT, profile: BASE64_PROFILE },
    },
    {
      name: 'a base64 signature with non-zero unused bits (same bytes, not canonical)',
      headers: {
        date: vector.date,
        authorization: headerWith(documentedParameters(nonCanonicalBase64(base64Signature))),
      },
      expected: refused('bad-signature'),
    },
    {
      name: 'a label no accepted profile uses',
      headers: { date: vector.date, authorization: vector.authorization },
      options: { profiles: [KONG_HMAC] },
      expected: refused('bad-signature'),
    },
    {
      name: 'an unknown algorithm label',
      headers: {
        date: vector.date,
        authorization: headerWith({ ...documented, algorithm: 'md5' }),
      },
      expected: refused('bad-signature'),
    },
    {
      name: 'a truncated signature',
      headers: {
        date: vector.date,
        authorization: headerWith(documentedParameters(vector.signatureHex.slice(0, -2))),
      },
      expected: refused('bad-signature'),
    },
    {
      name: 'a signature in upper-case hex',
      headers: {
        date: vector.date,
        authorization: headerWith(documentedParameters(vector.signatureHex.toUpperCase())),
      },
      expected: refused('bad-signature'),
    },
    {
      name: 'a signature with one character changed',
      headers: {
        date: vector.date,
        authorization: headerWith(
          documentedParameters(
            flipped(vector.signatureHex, 0, vector.signatureHex[0] === '0' ? '1' : '0'),
          ),
        ),
      },
      expected: refused('bad-signature'),
    },
    {
      name: 'a signature over another date',
      headers: { date: signedAround(1).date, authorization: vector.authorization },
      expected: refused('bad-signature'),
    },
    {
      name: 'a 1 MB signature',
      headers: {
        date: vector.date,
        authorization: headerWith(documentedParameters('a'.repeat(1024 * 1024))),
      },
      expected: refused('malformed'),
    },
    {
      name: 'an unknown merchant',
      headers: {
        date: vector.date,
        authorization: headerWith({ ...documented, username: 'nobody' }),
      },
      expected: refused('bad-signature'),
    },
    {
      name: 'a body that does not match the signed digest',
      headers: digestHeaders,
      options: { body: '{"token":"abd"}' },
      expected: refused('digest-mismatch'),
    },
    {
      name: 'the body matching the signed digest',
      headers: digestHeaders,
      options: { body: '{"token":"abc"}' },
      expected: { ok: true, merchantKey: MERCHANT, profile: PAYU_HMAC_DIGEST },
    },
    {
      name: 'a mismatching body from an unknown merchant',
      headers: {
        ...digestHeaders,
        authorization: digestHeaders.authorization.replace(`"${MERCHANT}"`, '"nobody"'),
      },
      options: { body: '{"token":"abd"}' },
      expected: refused('bad-signature'),
    },
    {
      name: 'a digest header changed after signing',
      headers: { ...digestHeaders, digest: 'SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' },
      options: { body: '' },
      expected: refused('bad-signature'),
    },
  ];

  it.each(cases)('$name', async ({ headers, options, expected }) => {
    expect(await verify(headers, options)).toEqual(expected);
    expect(await verify(new Headers(headers), options)).toEqual(expected);
  });

  it('refuses a 1 MB header without asking for the salt', async () => {
    let lookups = 0;
    const result = await verify(
      { date: vector.date, authorization: headerWith(documentedParameters('f'.repeat(1 << 20))) },
      {
        lookupSalt: () => {
          lookups += 1;
          return SALT;
        },
      },
    );
    expect(result).toEqual({ ok: false, reason: 'malformed' });
    expect(lookups).toBe(0);
  });

  it('asks for the salt of an unknown merchant and still answers bad-signature', async () => {
    const asked: string[] = [];
    const result = await verify(
      { date: vector.date, authorization: headerWith({ ...documented, username: 'ghost' }) },
      {
        lookupSalt: async (merchantKey) => {
          asked.push(merchantKey);
          return undefined;
        },
      },
    );
    expect(result).toEqual({ ok: false, reason: 'bad-signature' });
    expect(asked).toEqual(['ghost']);
  });

  it('joins repeated date values, which then fail to parse', async () => {
    const result = await verify({
      date: [vector.date, vector.date],
      authorization: vector.authorization,
    });
    expect(result).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('verifyRequest clock skew counts whole seconds', () => {
  // The date header has whole seconds; the clock has milliseconds. The window is the header's
  // second against the clock's second, so 300 s passes and 301 s fails at any millisecond.
  const headers = { date: vector.date, authorization: vector.authorization };
  const at = (offsetMs: number): Date => new Date(SIGNED_AT.getTime() + offsetMs);
  const accepted: VerifyResult = { ok: true, merchantKey: MERCHANT, profile: PAYU_HMAC };
  const skewed: VerifyResult = { ok: false, reason: 'clock-skew' };

  it.each([0, 30, 500, 999])('accepts a date 300 s old, %i ms into the second', async (ms) => {
    expect(await verify(headers, { now: at(300_000 + ms) })).toEqual(accepted);
  });

  it.each([0, 30, 999])('refuses a date 301 s old, %i ms into the second', async (ms) => {
    expect(await verify(headers, { now: at(301_000 + ms) })).toEqual(skewed);
  });

  it.each([0, 30, 999])('accepts a date 300 s ahead, %i ms into the second', async (ms) => {
    expect(await verify(headers, { now: at(-300_000 + ms) })).toEqual(accepted);
  });

  it.each([0, 30, 999])('refuses a date 301 s ahead, %i ms into the second', async (ms) => {
    expect(await verify(headers, { now: at(-301_000 + ms) })).toEqual(skewed);
  });

  it('applies the same whole-second rule to a custom skew', async () => {
    const options = { clockSkewSeconds: 60 };
    expect(await verify(headers, { ...options, now: at(60_999) })).toEqual(accepted);
    expect(await verify(headers, { ...options, now: at(61_000) })).toEqual(skewed);
    expect(await verify(headers, { ...options, now: at(-60_000) })).toEqual(accepted);
    expect(await verify(headers, { ...options, now: at(-61_000 + 999) })).toEqual(skewed);
  });
});

describe('verifyRequest options', () => {
  const headers = { date: vector.date, authorization: vector.authorization };

  it('rejects unusable options instead of answering for the request', async () => {
    const optionOf = async (options: Partial<VerifyRequestOptions>): Promise<unknown> => {
      try {
        await verify(headers, options);
      } catch (error) {
        return error instanceof HmacOptionError ? error.option : error;
      }
      return 'accepted';
    };
    expect(await optionOf({ profiles: [] })).toBe('profiles');
    expect(
      await optionOf({
        profiles: [{ ...PAYU_V2, headers: 'date digest' } as unknown as AuthProfile],
      }),
    ).toBe('profiles');
    expect(await optionOf({ clockSkewSeconds: -1 })).toBe('clockSkewSeconds');
    expect(await optionOf({ clockSkewSeconds: Number.NaN })).toBe('clockSkewSeconds');
    expect(await optionOf({ now: new Date(Number.NaN) })).toBe('now');
    expect(await optionOf({ lookupSalt: () => '' })).toBe('lookupSalt');
    expect(await optionOf({ body: 42 as unknown as string })).toBe('body');
    expect(await optionOf({})).toBe('accepted');
  });

  it('passes on an error thrown by lookupSalt', async () => {
    const failure = new Error('database down');
    await expect(
      verify(headers, {
        lookupSalt: () => {
          throw failure;
        },
      }),
    ).rejects.toBe(failure);
  });

  it('uses the system clock by default', async () => {
    const signed = signRequest({ merchantKey: MERCHANT, merchantSalt: SALT });
    const result = await verifyRequest({ headers: { ...signed }, lookupSalt });
    expect(result).toEqual({ ok: true, merchantKey: MERCHANT, profile: PAYU_HMAC });
    const stale = await verifyRequest({ headers, lookupSalt });
    expect(stale).toEqual({ ok: false, reason: 'clock-skew' });
  });
});

describe('sign and verify round trip', () => {
  const merchantKey = fc.stringMatching(/^[\x20\x21\x23-\x5b\x5d-\x7e]{1,40}$/);
  const merchantSalt = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
  const body = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
  );
  const date = fc.date({
    min: new Date(Date.UTC(1970, 0, 1)),
    max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
    noInvalidDate: true,
  });
  const profile = fc.constantFrom(...DOCUMENTED_PROFILES);
  const request = fc.record({ merchantKey, merchantSalt, body, date, profile });

  interface SignedInput {
    readonly merchantKey: string;
    readonly merchantSalt: string;
    readonly body: string | Uint8Array;
    readonly date: Date;
  }

  function verifySigned(
    input: SignedInput,
    headers: Record<string, string>,
  ): Promise<VerifyResult> {
    return verifyRequest({
      method: 'POST',
      headers,
      body: input.body,
      lookupSalt: (key) => (key === input.merchantKey ? input.merchantSalt : undefined),
      now: input.date,
    });
  }

  it('verifies what it signs, reporting the profile used', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const signed = signRequest(input);
        expect(signed.date).toBe(formatHttpDate(input.date));
        const result = await verifySigned(input, { ...signed });
        expect(result).toEqual({
          ok: true,
          merchantKey: input.merchantKey,
          profile: input.profile,
        });
      }),
    );
  });

  it('refuses the signature once any one of its characters changes', async () => {
    const hexDigits = '0123456789abcdef';
    const base64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
    await fc.assert(
      fc.asyncProperty(request, fc.nat(), fc.nat(), async (input, position, choice) => {
        const signed = signRequest(input);
        const match = /signature="([^"]+)"$/.exec(signed.authorization);
        const signature = match?.[1] ?? '';
        const index = position % signature.length;
        const alphabet = (input.profile.encoding === 'hex' ? hexDigits : base64Digits).replace(
          signature.charAt(index),
          '',
        );
        const changed = flipped(signature, index, alphabet.charAt(choice % alphabet.length));
        const authorization = signed.authorization.replace(`"${signature}"`, `"${changed}"`);
        const result = await verifySigned(input, { ...signed, authorization });
        expect(result).toEqual({ ok: false, reason: 'bad-signature' });
      }),
    );
  });

  it('refuses a request signed with another salt', async () => {
    await fc.assert(
      fc.asyncProperty(request, merchantSalt, async (input, otherSalt) => {
        fc.pre(otherSalt !== input.merchantSalt);
        const signed = signRequest({ ...input, merchantSalt: otherSalt });
        const result = await verifySigned(input, { ...signed });
        expect(result).toEqual({ ok: false, reason: 'bad-signature' });
      }),
    );
  });
});
