import { inspect } from 'node:util';
import { generateKey } from '@wallet/crypto';
import { KONG_HMAC } from '@wallet/hmac';
import { baseUrls } from '@wallet/schemas';
import { describe, expect, it, vi } from 'vitest';
import type { WalletClientConfig } from './config.js';
import {
  createWalletClient,
  createWalletCore,
  registerCustomer,
  WalletConfigError,
  WalletError,
  walletConfigFromEnv,
} from './index.js';

const SALT = 'salt-7d1f4c9e-never-in-a-message';
const KEY = generateKey();
const valid: WalletClientConfig = {
  baseUrl: 'test',
  merchantKey: 'merchant-1',
  merchantSalt: SALT,
  encryptionKey: KEY,
};
const helper = {
  apiKey: 'api-key-3b2a-secret',
  clientId: 'client-1',
  bankId: 'bank-1',
  secureCode: 'secure-code-9c8d-secret',
  consumerId: 'consumer-1',
};

/** The WalletConfigError `create` throws; fails the test if it throws nothing or something else. */
function configErrorOf(create: () => unknown): WalletConfigError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(WalletConfigError);
    expect(error).toBeInstanceOf(WalletError);
    return error as WalletConfigError;
  }
  throw new Error('expected a WalletConfigError');
}

function settingError(config: Record<string, unknown>): WalletConfigError {
  return configErrorOf(() => createWalletClient(config as unknown as WalletClientConfig));
}

describe('createWalletClient configuration', () => {
  it('resolves the named environments to the PayU hosts and applies the defaults', () => {
    const test = createWalletClient(valid);
    expect(test.core.baseUrl).toBe(baseUrls.payuTest);
    expect(test.core.walletIdentifier).toBe('CLW');
    expect(test.core.authProfile).toBe('payu-hmac');
    expect(test.core.encryption).toBe('local');
    expect(test.core.responseValidation).toBe('strict');
    expect(createWalletClient({ ...valid, baseUrl: 'production' }).core.baseUrl).toBe(
      baseUrls.payuProduction,
    );
    expect(createWalletClient({ ...valid, baseUrl: 'http://127.0.0.1:8080/' }).core.baseUrl).toBe(
      'http://127.0.0.1:8080',
    );
    expect(
      createWalletClient({ ...valid, baseUrl: new URL('https://x.example/api') }).core.baseUrl,
    ).toBe('https://x.example/api');
  });

  it('takes an auth profile by object or by name', () => {
    expect(createWalletClient({ ...valid, authProfile: KONG_HMAC }).core.authProfile).toBe(
      'payu-hmac+hmac-sha512+base64',
    );
    expect(createWalletClient({ ...valid, authProfile: 'payu-v2' }).core.authProfile).toBe(
      'payu-v2',
    );
  });

  // Every setting, a bad value, and what the message must say about it.
  const cases: readonly [string, Record<string, unknown>, string, RegExp][] = [
    ['baseUrl missing', { baseUrl: undefined }, 'baseUrl', /baseUrl: is required/],
    [
      'baseUrl not a URL',
      { baseUrl: 'staging' },
      'baseUrl',
      /baseUrl: must be 'test', 'production' or an absolute http\(s\) URL/,
    ],
    ['baseUrl ftp', { baseUrl: 'ftp://files.example' }, 'baseUrl', /absolute http\(s\) URL/],
    [
      'baseUrl with credentials',
      { baseUrl: 'https://user:pa55word@api.example' },
      'baseUrl',
      /without credentials/,
    ],
    ['baseUrl with query', { baseUrl: 'https://api.example/?token=abc' }, 'baseUrl', /query/],
    ['merchantKey missing', { merchantKey: undefined }, 'merchantKey', /merchantKey: is required/],
    [
      'merchantKey empty',
      { merchantKey: '' },
      'merchantKey',
      /merchantKey: must be a non-empty string/,
    ],
    [
      'merchantKey with a quote',
      { merchantKey: 'bad"key' },
      'merchantKey',
      /printable ASCII without "/,
    ],
    ['merchantKey non-ASCII', { merchantKey: 'clé' }, 'merchantKey', /printable ASCII/],
    [
      'merchantSalt missing',
      { merchantSalt: undefined },
      'merchantSalt',
      /merchantSalt: is required/,
    ],
    [
      'merchantSalt empty',
      { merchantSalt: '' },
      'merchantSalt',
      /merchantSalt: must be a non-empty string/,
    ],
    [
      'merchantSalt a number',
      { merchantSalt: 42 },
      'merchantSalt',
      /merchantSalt: must be a non-empty string/,
    ],
    [
      'encryptionKey missing',
      { encryptionKey: undefined },
      'encryptionKey',
      /encryptionKey: is required \(or configure helper/,
    ],
    [
      'encryptionKey too short',
      { encryptionKey: 'abcdef0123456789' },
      'encryptionKey',
      /encryptionKey: expected 48 hex characters/,
    ],
    [
      'encryptionKey 16-byte hex',
      { encryptionKey: 'a'.repeat(32) },
      'encryptionKey',
      /16-byte \(AES-128\) key/,
    ],
    [
      'encryptionKey a number',
      { encryptionKey: 7 },
      'encryptionKey',
      /encryptionKey: must be a string/,
    ],
    [
      'keyEncoding unknown',
      { keyEncoding: 'latin1' },
      'keyEncoding',
      /keyEncoding: must be 'auto', 'hex', 'base64' or 'utf8'/,
    ],
    [
      'utf8 key of the wrong length',
      { keyEncoding: 'utf8', encryptionKey: 'short' },
      'encryptionKey',
      /UTF-8 encoding is exactly 24 bytes/,
    ],
    ['iv unknown mode', { iv: 'random' }, 'iv', /iv: must be 'prefix' or \{ fixed/],
    [
      'iv fixed not hex',
      { iv: { fixed: 'xyz' } },
      'iv',
      /iv: expected 'prefix' or \{ fixed: <32 hex characters> \}/,
    ],
    [
      'walletIdentifier with a space',
      { walletIdentifier: 'C LW' },
      'walletIdentifier',
      /walletIdentifier: must be a non-empty HTTP header token/,
    ],
    [
      'authProfile unknown name',
      { authProfile: 'sha1' },
      'authProfile',
      /authProfile: must be a documented authorization profile/,
    ],
    [
      'authProfile made up',
      { authProfile: { scheme: 'hmac' } },
      'authProfile',
      /authProfile: must be a documented/,
    ],
    [
      'timeout zero',
      { timeout: 0 },
      'timeout',
      /timeout: must be a whole number of milliseconds from 1 to 2147483647/,
    ],
    ['timeout fractional', { timeout: 1.5 }, 'timeout', /timeout: must be a whole number/],
    ['timeout too large', { timeout: 2 ** 31 }, 'timeout', /timeout: must be a whole number/],
    [
      'totalTimeout negative',
      { totalTimeout: -5 },
      'totalTimeout',
      /totalTimeout: must be a whole number of milliseconds/,
    ],
    [
      'retries negative',
      { retries: -1 },
      'retries',
      /retries: must be a whole number from 0 to 10/,
    ],
    [
      'retries too many',
      { retries: 11 },
      'retries',
      /retries: must be a whole number from 0 to 10/,
    ],
    [
      'maxRetryDelay text',
      { maxRetryDelay: '1s' },
      'maxRetryDelay',
      /maxRetryDelay: must be a whole number of milliseconds from 0/,
    ],
    [
      'maxResponseBytes zero',
      { maxResponseBytes: 0 },
      'maxResponseBytes',
      /maxResponseBytes: must be a whole number of bytes from 1/,
    ],
    ['fetch not a function', { fetch: 'https://x' }, 'fetch', /fetch: must be a function/],
    [
      'hooks unknown',
      { hooks: { onError: () => {} } },
      'hooks.onError',
      /Unknown wallet client setting hooks\.onError/,
    ],
    [
      'hooks.onRequest not a function',
      { hooks: { onRequest: 1 } },
      'hooks.onRequest',
      /hooks\.onRequest: must be a function/,
    ],
    [
      'hooks.onResponse not a function',
      { hooks: { onResponse: 'x' } },
      'hooks.onResponse',
      /hooks\.onResponse: must be a function/,
    ],
    [
      'logger without methods',
      { logger: {} },
      'logger',
      /logger: must be an object with at least one of the methods/,
    ],
    [
      'logger with a non-function',
      { logger: { debug: 'yes' } },
      'logger',
      /logger: must be an object/,
    ],
    [
      'logLevel unknown',
      { logLevel: 'trace' },
      'logLevel',
      /logLevel: must be 'debug', 'info', 'warn', 'error' or 'silent'/,
    ],
    [
      'responseValidation unknown',
      { responseValidation: 'lenient' },
      'responseValidation',
      /responseValidation: must be 'strict', 'warn' or 'off'/,
    ],
    ['now not a function', { now: new Date() }, 'now', /now: must be a function returning a Date/],
    ['helper not an object', { helper: 'yes' }, 'helper', /helper: must be an object/],
    [
      'helper.apiKey missing',
      { helper: { ...helper, apiKey: undefined } },
      'helper.apiKey',
      /helper\.apiKey: is required/,
    ],
    [
      'helper.clientId empty',
      { helper: { ...helper, clientId: '' } },
      'helper.clientId',
      /helper\.clientId: must be a non-empty string/,
    ],
    [
      'helper.bankId non-ASCII',
      { helper: { ...helper, bankId: 'bänk' } },
      'helper.bankId',
      /helper\.bankId: must be printable ASCII/,
    ],
    [
      'helper.secureCode missing',
      { helper: { ...helper, secureCode: undefined } },
      'helper.secureCode',
      /helper\.secureCode: is required/,
    ],
    [
      'helper.consumerId missing',
      { helper: { ...helper, consumerId: undefined } },
      'helper.consumerId',
      /helper\.consumerId: is required/,
    ],
    [
      'helper.entityId empty',
      { helper: { ...helper, entityId: '' } },
      'helper.entityId',
      /helper\.entityId: must be a non-empty string/,
    ],
    [
      'helper.baseUrl bad',
      { helper: { ...helper, baseUrl: 'nowhere' } },
      'helper.baseUrl',
      /helper\.baseUrl: must be 'sandbox' or an absolute http\(s\) URL/,
    ],
    [
      'helper.baseUrl needed in production',
      { baseUrl: 'production', helper },
      'helper.baseUrl',
      /helper\.baseUrl: is required with baseUrl 'production'/,
    ],
    [
      'an unknown setting',
      { merchantSecret: 'x' },
      'merchantSecret',
      /Unknown wallet client setting merchantSecret/,
    ],
  ];

  it.each(cases)(
    'refuses %s at creation, naming the setting',
    (_name, change, setting, message) => {
      const error = settingError({ ...valid, ...change });
      expect(error.code).toBe('WALLET_CONFIG_INVALID');
      expect(error.setting).toBe(setting);
      expect(error.message).toMatch(message);
    },
  );

  it('never repeats a secret or a URL in its message', () => {
    const secrets = [SALT, KEY, 'pa55word', 'api-key-3b2a-secret', 'secure-code-9c8d-secret'];
    const messages = [
      settingError({ ...valid, encryptionKey: `${KEY}00` }).message,
      settingError({ ...valid, baseUrl: 'https://user:pa55word@api.example' }).message,
      settingError({ ...valid, merchantKey: `bad"${SALT}` }).message,
      settingError({ ...valid, helper: { ...helper, bankId: '' } }).message,
      settingError({ ...valid, iv: { fixed: KEY } }).message,
    ];
    for (const message of messages) {
      for (const secret of secrets) expect(message).not.toContain(secret);
    }
  });

  it('refuses a configuration that is not an object', () => {
    const error = configErrorOf(() => createWalletClient(null as unknown as WalletClientConfig));
    expect(error.message).toMatch(/Invalid wallet client configuration: must be an object/);
  });

  it('accepts a helper instead of an encryption key, and then seals through the helper API', () => {
    const { encryptionKey: _key, ...withoutKey } = valid;
    const core = createWalletCore({ ...withoutKey, helper });
    expect(core.encryption).toBe('helper-api');
    expect(core.helperBaseUrl).toBe(baseUrls.wibmoHelperSandbox);
    expect(
      createWalletCore({ ...valid, baseUrl: 'http://127.0.0.1:4000', helper }).helperBaseUrl,
    ).toBe('http://127.0.0.1:4000');
    expect(
      createWalletCore({ ...valid, helper: { ...helper, baseUrl: 'sandbox' } }).helperBaseUrl,
    ).toBe(baseUrls.wibmoHelperSandbox);
  });

  it('keeps keys, salts and API keys out of what a client or core shows', () => {
    const client = createWalletClient({ ...valid, helper });
    const shown = [
      JSON.stringify(client),
      inspect(client, { depth: 10 }),
      inspect(client.core),
    ].join();
    for (const secret of [SALT, KEY, helper.apiKey, helper.secureCode]) {
      expect(shown).not.toContain(secret);
    }
  });

  it('refuses an object that is not a core in the standalone functions', async () => {
    const fake = { ...createWalletCore(valid) };
    await expect(registerCustomer(fake, {} as never)).rejects.toThrow(WalletConfigError);
  });
});

describe('createWalletClient.fromEnv', () => {
  const env = {
    WALLET_BASE_URL: 'http://127.0.0.1:9999',
    WALLET_MERCHANT_KEY: 'env-merchant',
    WALLET_MERCHANT_SALT: SALT,
    WALLET_ENCRYPTION_KEY: KEY,
  };

  it('reads the WALLET_* variables', () => {
    const client = createWalletClient.fromEnv(env);
    expect(client.core.baseUrl).toBe('http://127.0.0.1:9999');
    expect(client.core.merchantKey).toBe('env-merchant');
  });

  it('reads a fixed IV from WALLET_IV_MODE and WALLET_IV', () => {
    expect(
      walletConfigFromEnv({
        ...env,
        WALLET_IV_MODE: 'fixed',
        WALLET_IV: '00112233445566778899aabbccddeeff',
      }).iv,
    ).toEqual({ fixed: '00112233445566778899aabbccddeeff' });
    expect(walletConfigFromEnv({ ...env, WALLET_IV_MODE: 'prefix' }).iv).toBe('prefix');
  });

  it('names the variable at fault', () => {
    const { WALLET_MERCHANT_SALT: _salt, ...withoutSalt } = env;
    expect(configErrorOf(() => createWalletClient.fromEnv(withoutSalt)).message).toMatch(
      /WALLET_MERCHANT_SALT \(merchantSalt\): is required/,
    );
    expect(
      configErrorOf(() => createWalletClient.fromEnv({ ...env, WALLET_BASE_URL: 'nope' })).message,
    ).toMatch(/WALLET_BASE_URL \(baseUrl\): must be/);
    expect(
      configErrorOf(() => createWalletClient.fromEnv({ ...env, WALLET_ENCRYPTION_KEY: 'short' }))
        .message,
    ).toMatch(/WALLET_ENCRYPTION_KEY \(encryptionKey\): expected 48 hex/);
    expect(
      configErrorOf(() => createWalletClient.fromEnv({ ...env, WALLET_IV_MODE: 'random' })).message,
    ).toMatch(/WALLET_IV_MODE \(ivMode\): must be 'prefix' or 'fixed'/);
    expect(
      configErrorOf(() => createWalletClient.fromEnv({ ...env, WALLET_IV_MODE: 'fixed' })).message,
    ).toMatch(/WALLET_IV \(iv\): is required when WALLET_IV_MODE is 'fixed'/);
    expect(
      configErrorOf(() =>
        createWalletClient.fromEnv({ ...env, WALLET_IV_MODE: 'fixed', WALLET_IV: 'zz' }),
      ).message,
    ).toMatch(/WALLET_IV \(iv\): expected 'prefix' or \{ fixed/);
    expect(
      configErrorOf(() => createWalletClient.fromEnv({ ...env, WALLET_IV: '00'.repeat(16) }))
        .message,
    ).toMatch(/WALLET_IV \(iv\): is set but WALLET_IV_MODE is not 'fixed'/);
  });

  it('reads an empty environment where the runtime has no process (a worker), naming what is missing', () => {
    vi.stubGlobal('process', undefined);
    let message: string;
    try {
      message = configErrorOf(() => createWalletClient.fromEnv()).message;
    } finally {
      vi.unstubAllGlobals();
    }
    expect(message).toMatch(/WALLET_BASE_URL \(baseUrl\): is required/);
  });

  it('lets overrides win over the environment and names them as settings', () => {
    const client = createWalletClient.fromEnv(env, { baseUrl: 'production', retries: 0 });
    expect(client.core.baseUrl).toBe(baseUrls.payuProduction);
    expect(
      configErrorOf(() => createWalletClient.fromEnv(env, { merchantSalt: '' })).message,
    ).toMatch(/setting merchantSalt: must be a non-empty string/);
  });

  it('reads process.env by default', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      expect(createWalletClient.fromEnv().core.merchantKey).toBe('env-merchant');
    } finally {
      for (const name of Object.keys(env)) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});
