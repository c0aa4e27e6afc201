import { createEnvelope, generateKey, WalletKeyError } from '@wallet/crypto';
import { PAYU_HMAC } from '@wallet/hmac';
import { describe, expect, it } from 'vitest';
import { createWalletClient, createWalletCore, WalletConfigError } from './index.js';

const valid = {
  baseUrl: 'test',
  merchantKey: 'merchant-1',
  merchantSalt: 'salt-1',
  encryptionKey: generateKey(),
} as const;

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** What @wallet/crypto says was expected for these envelope options. */
function cryptoExpected(options: Parameters<typeof createEnvelope>[0]): string {
  const error = thrownBy(() => createEnvelope(options));
  expect(error).toBeInstanceOf(WalletKeyError);
  return (error as WalletKeyError).expected;
}

// The client names the setting its own way and takes the rule from the error's fields (`code`,
// `expected`, `option`, `rule`), never from the crypto or hmac message: these messages hold only
// the client's wording around the rule.
describe('createWalletCore names the setting for errors from @wallet/crypto and @wallet/hmac', () => {
  it('a bad encryption key', () => {
    const error = thrownBy(() => createWalletCore({ ...valid, encryptionKey: 'abcdef' }));
    expect(error).toBeInstanceOf(WalletConfigError);
    expect(error).toMatchObject({ setting: 'encryptionKey' });
    expect((error as WalletConfigError).message).toBe(
      `Invalid wallet client setting encryptionKey: ${cryptoExpected({ key: 'abcdef' })}.`,
    );
  });

  it('a bad fixed IV', () => {
    const iv = { fixed: 'xyz' };
    const error = thrownBy(() => createWalletCore({ ...valid, iv }));
    expect(error).toMatchObject({ setting: 'iv' });
    expect((error as WalletConfigError).message).toBe(
      `Invalid wallet client setting iv: ${cryptoExpected({ key: valid.encryptionKey, iv })}.`,
    );
  });

  it('a bad encryption key read from the environment, named by its variable', () => {
    const error = thrownBy(() =>
      createWalletClient.fromEnv({
        WALLET_BASE_URL: 'test',
        WALLET_MERCHANT_KEY: 'merchant-1',
        WALLET_MERCHANT_SALT: 'salt-1',
        WALLET_ENCRYPTION_KEY: 'abcdef',
      }),
    );
    expect(error).toMatchObject({ setting: 'encryptionKey' });
    expect((error as WalletConfigError).message).toBe(
      `Invalid wallet client setting WALLET_ENCRYPTION_KEY (encryptionKey): ${cryptoExpected({ key: 'abcdef' })}.`,
    );
  });

  it('an auth profile that stops being a documented one after the configuration check', () => {
    // A getter-backed profile passes the configuration check, then fails the signer's own check:
    // the signer's refusal still names the client setting.
    let reads = 0;
    const profile = {
      scheme: PAYU_HMAC.scheme,
      algorithm: PAYU_HMAC.algorithm,
      headers: PAYU_HMAC.headers,
      get encoding() {
        reads += 1;
        return reads === 1 ? PAYU_HMAC.encoding : 'rot13';
      },
    };
    const error = thrownBy(() =>
      createWalletCore({ ...valid, authProfile: profile as unknown as typeof PAYU_HMAC }),
    );
    expect(error).toMatchObject({ setting: 'authProfile' });
    expect((error as WalletConfigError).message).toBe(
      'Invalid wallet client setting authProfile: is not one of the documented authorization profiles.',
    );
  });
});
