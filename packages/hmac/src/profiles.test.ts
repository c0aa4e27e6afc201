import { describe, expect, it } from 'vitest';
import { HmacOptionError } from './errors.js';
import {
  type AuthProfile,
  DEFAULT_PROFILE,
  DOCUMENTED_PROFILES,
  isAuthProfile,
  KONG_HMAC,
  KONG_HMAC_DIGEST,
  PAYU_HMAC,
  PAYU_HMAC_DIGEST,
  PAYU_V2,
  profileFromName,
  profileName,
} from './profiles.js';

describe('profiles', () => {
  it('default to the documented form', () => {
    expect(DEFAULT_PROFILE).toEqual({
      scheme: 'hmac',
      algorithm: 'sha512',
      headers: 'date',
      encoding: 'hex',
    });
    expect(profileName(DEFAULT_PROFILE)).toBe('payu-hmac');
  });

  it('document every hmac option combination once, plus payu-v2', () => {
    const combinations = DOCUMENTED_PROFILES.map(
      ({ scheme, algorithm, headers, encoding }) => `${scheme} ${algorithm} ${headers} ${encoding}`,
    );
    expect(new Set(combinations).size).toBe(9);
    for (const algorithm of ['sha512', 'hmac-sha512'] as const) {
      for (const headers of ['date', 'date digest'] as const) {
        for (const encoding of ['hex', 'base64'] as const) {
          expect(combinations).toContain(`hmac ${algorithm} ${headers} ${encoding}`);
        }
      }
    }
    expect(combinations).toContain('payu-v2 sha512 date hex');
    expect(DOCUMENTED_PROFILES[0]).toBe(DEFAULT_PROFILE);
  });

  it('have stable names', () => {
    expect(DOCUMENTED_PROFILES.map(profileName)).toEqual([
      'payu-hmac',
      'payu-hmac+base64',
      'payu-hmac+digest',
      'payu-hmac+digest+base64',
      'payu-hmac+hmac-sha512',
      'payu-hmac+hmac-sha512+base64',
      'payu-hmac+hmac-sha512+digest',
      'payu-hmac+hmac-sha512+digest+base64',
      'payu-v2',
    ]);
    expect(profileName(PAYU_HMAC_DIGEST)).toBe('payu-hmac+digest');
    expect(profileName(KONG_HMAC)).toBe('payu-hmac+hmac-sha512+base64');
    expect(profileName(KONG_HMAC_DIGEST)).toBe('payu-hmac+hmac-sha512+digest+base64');
    expect(profileName(PAYU_V2)).toBe('payu-v2');
  });

  it('are found again by name, as the frozen documented member', () => {
    for (const profile of DOCUMENTED_PROFILES) {
      expect(profileFromName(profileName(profile))).toBe(profile);
      expect(Object.isFrozen(profile)).toBe(true);
    }
    expect(profileFromName('payu-hmac')).toBe(PAYU_HMAC);
    expect(() => profileFromName('payu-hmac+base64+digest')).toThrow(HmacOptionError);
    expect(() => profileFromName('kong')).toThrow(HmacOptionError);
  });

  it('name a structurally equal copy like the original', () => {
    expect(profileName({ ...KONG_HMAC })).toBe(profileName(KONG_HMAC));
  });

  it('refuse combinations the protocol does not document', () => {
    const base64V2 = { ...PAYU_V2, encoding: 'base64' } as unknown as AuthProfile;
    const md5 = { ...PAYU_HMAC, algorithm: 'md5' } as unknown as AuthProfile;
    expect(isAuthProfile(base64V2)).toBe(false);
    expect(isAuthProfile(md5)).toBe(false);
    expect(isAuthProfile(null)).toBe(false);
    expect(isAuthProfile({ ...PAYU_HMAC })).toBe(true);
    expect(() => profileName(base64V2)).toThrow(HmacOptionError);
  });
});
