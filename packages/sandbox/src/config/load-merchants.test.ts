import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MerchantConfigError, MerchantConfigUnreadableError } from '../errors.js';
import { loadMerchantsFile, merchantFromEnv } from './load-merchants.js';
import { parseMerchantList } from './merchant-config.js';

const KEY_HEX = '000102030405060708090a0b0c0d0e0f1011121314151617';
const SECRET_SALT = 'very-secret-salt-value';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sandbox-merchants-')), 'merchants.json');
  writeFileSync(path, content);
  return path;
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('merchants file', () => {
  it('reads merchants with hex, base64 and text keys and both IV modes', async () => {
    const path = file(
      JSON.stringify({
        merchants: [
          { merchantKey: 'a', salt: 's1', encryptionKey: KEY_HEX.toUpperCase() },
          {
            merchantKey: 'b',
            salt: 's2',
            encryptionKey: Buffer.from(KEY_HEX, 'hex').toString('base64'),
            ivMode: 'fixed',
            iv: 'A0A1A2A3A4A5A6A7A8A9AAABACADAEAF',
            responseField: 'token',
            helper: { bankId: '42' },
          },
          {
            merchantKey: 'c',
            salt: 's3',
            encryptionKey: 'abcdefghijklmnopqrstuvwx',
            encryptionKeyEncoding: 'utf8',
          },
        ],
      }),
    );
    const merchants = await loadMerchantsFile(path);
    expect(merchants.map((m) => [m.merchantKey, m.aesKeyHex, m.ivMode, m.ivHex])).toEqual([
      ['a', KEY_HEX, 'prefix', null],
      ['b', KEY_HEX, 'fixed', 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf'],
      ['c', Buffer.from('abcdefghijklmnopqrstuvwx').toString('hex'), 'prefix', null],
    ]);
    expect(merchants[1]).toMatchObject({ responseField: 'token', helper: { bankId: '42' } });
  });

  it('lists every problem with its path and rule, never the values', async () => {
    const path = file(
      JSON.stringify({
        merchants: [
          { merchantKey: 'has space', salt: SECRET_SALT, encryptionKey: 'short' },
          { merchantKey: 'ok', salt: SECRET_SALT, encryptionKey: KEY_HEX, ivMode: 'fixed' },
          { merchantKey: 'ok', salt: SECRET_SALT, encryptionKey: KEY_HEX, iv: 'a0'.repeat(16) },
          { merchantKey: 'x', salt: '', encryptionKey: KEY_HEX, colour: 'red' },
        ],
      }),
    );
    const error = await loadMerchantsFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MerchantConfigError);
    const problems = (error as MerchantConfigError).problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'merchants[0].merchantKey: must be 1 to 200 printable ASCII characters without spaces, " or \\',
        expect.stringMatching(
          /^merchants\[0\]\.encryptionKey: Invalid envelope key: expected 48 hex/,
        ),
        'merchants[1].iv: is required when ivMode is fixed',
        'merchants[2].iv: is only allowed with ivMode fixed',
        'merchants[2].merchantKey: repeats the merchant key of an earlier merchant',
        'merchants[3].salt: must not be empty',
        'merchants[3]: has unknown field(s) colour',
      ]),
    );
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).not.toContain(SECRET_SALT);
    expect((error as Error).message).not.toContain('short');
    expect((error as MerchantConfigError).code).toBe('INVALID_MERCHANT_CONFIG');
  });

  it('says when the file is missing or not JSON, without quoting it', async () => {
    const missing = await loadMerchantsFile('/nonexistent/merchants.json').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(MerchantConfigUnreadableError);
    expect((missing as Error).message).toBe(
      'The merchants file /nonexistent/merchants.json cannot be read',
    );
    const notJson = await loadMerchantsFile(file(`{"salt": "${SECRET_SALT}"`)).catch(
      (e: unknown) => e,
    );
    expect((notJson as MerchantConfigUnreadableError).code).toBe('MERCHANT_CONFIG_UNREADABLE');
    expect((notJson as Error).message).not.toContain(SECRET_SALT);
    const empty = await loadMerchantsFile(file('{"merchants": []}')).catch((e: unknown) => e);
    expect((empty as MerchantConfigError).problems).toEqual([
      { path: 'merchants', message: 'must list at least one merchant' },
    ]);
  });
});

describe('merchant from the environment', () => {
  it('is absent when no WALLET_* merchant variable is set', () => {
    expect(merchantFromEnv({ PATH: '/bin', WALLET_MERCHANT_KEY: '' })).toBeUndefined();
  });

  it('reads key, salt, AES key, IV mode, IV and helper credentials', () => {
    const merchant = merchantFromEnv({
      WALLET_MERCHANT_KEY: 'env-merchant',
      WALLET_MERCHANT_SALT: SECRET_SALT,
      WALLET_ENCRYPTION_KEY: KEY_HEX,
      WALLET_IV_MODE: 'fixed',
      WALLET_IV: 'b0'.repeat(16),
      WALLET_RESPONSE_FIELD: 'token',
      WALLET_HELPER_SECURE_CODE: 'code',
    });
    expect(merchant).toEqual({
      merchantKey: 'env-merchant',
      salt: SECRET_SALT,
      aesKeyHex: KEY_HEX,
      ivMode: 'fixed',
      ivHex: 'b0'.repeat(16),
      responseField: 'token',
      helper: { secureCode: 'code' },
    });
  });

  it('names the variables that are missing or wrong', () => {
    const missing = thrown(() => merchantFromEnv({ WALLET_MERCHANT_KEY: 'k' }));
    expect((missing as MerchantConfigError).problems.map((p) => p.path)).toEqual([
      'WALLET_MERCHANT_SALT',
      'WALLET_ENCRYPTION_KEY',
    ]);
    const wrong = thrown(() =>
      merchantFromEnv({
        WALLET_MERCHANT_KEY: 'k',
        WALLET_MERCHANT_SALT: SECRET_SALT,
        WALLET_ENCRYPTION_KEY: KEY_HEX,
        WALLET_IV_MODE: 'cbc',
        WALLET_HELPER_BANK_ID: 'has space',
      }),
    );
    expect((wrong as MerchantConfigError).problems).toEqual([
      { path: 'WALLET_IV_MODE', message: 'must be prefix or fixed' },
      {
        path: 'WALLET_HELPER_BANK_ID',
        message: 'must be 1 to 200 printable ASCII characters without spaces',
      },
    ]);
    expect((wrong as Error).message).toMatch(/^Invalid merchant configuration:\nenvironment: /);
  });
});

describe('inline merchants', () => {
  it('reports paths relative to options.merchants', () => {
    const error = thrown(() =>
      parseMerchantList(
        [{ merchantKey: 'a', salt: 's', encryptionKey: KEY_HEX, ivMode: 'fixed', iv: 'zz' }],
        'options.merchants',
      ),
    );
    expect((error as Error).message).toBe(
      'Invalid merchant configuration:\noptions.merchants: [0].iv: must be 32 hex characters (16 bytes)',
    );
  });
});
