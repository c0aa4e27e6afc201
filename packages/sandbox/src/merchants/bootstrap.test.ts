import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InvalidSandboxOptionError,
  MerchantCredentialsMismatchError,
  SandboxClosedError,
} from '../errors.js';
import { createSandbox, type Sandbox } from '../sandbox.js';
import { callApi, merchantOf, PREFIX_MERCHANT } from '../testing/fixtures.js';
import { WalletTestClient } from '../testing/wallet-test-client.js';

function databaseFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'sandbox-bootstrap-')), 'sandbox.db');
}

async function start(database: string, printed: string[], extra: object = {}): Promise<Sandbox> {
  return createSandbox({
    database,
    logger: false,
    env: {},
    output: (text) => printed.push(text),
    ...extra,
  });
}

describe('the generated merchant', () => {
  it('is created and printed once on the first start, then reused silently', async () => {
    const database = databaseFile();
    const printed: string[] = [];
    const first = await start(database, printed);
    const merchant = merchantOf(first);
    expect(first.merchantSource).toBe('generated');
    expect(printed).toHaveLength(1);
    const text = printed[0] ?? '';
    expect(text).toContain(`WALLET_MERCHANT_KEY=${merchant.merchantKey}`);
    expect(text).toContain(`WALLET_MERCHANT_SALT=${merchant.salt}`);
    expect(text).toContain(`WALLET_ENCRYPTION_KEY=${merchant.encryptionKey}`);
    expect(text).toContain('WALLET_IV_MODE=prefix');
    expect(text).toContain(`WALLET_HELPER_API_KEY=${merchant.helper.apiKey}`);
    expect(text).toContain(`WALLET_HELPER_SECURE_CODE=${merchant.helper.secureCode}`);

    // The printed credentials work.
    const client = new WalletTestClient({ target: (r) => first.fetch(r), merchant });
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
    await first.close();

    const second = await start(database, printed);
    expect(second.merchantSource).toBe('stored');
    expect(printed).toHaveLength(1);
    expect(merchantOf(second)).toEqual(merchant);
    await second.close();
  });

  it('is printed by one of several sandboxes starting together on one database', async () => {
    const database = databaseFile();
    const printed: string[] = [];
    const sandboxes = await Promise.all([1, 2, 3].map(() => start(database, printed)));
    try {
      expect(printed).toHaveLength(1);
      const salts = new Set(sandboxes.map((s) => merchantOf(s).salt));
      expect(salts.size).toBe(1);
    } finally {
      await Promise.all(sandboxes.map((s) => s.close()));
    }
  });

  it('is not created when merchants are configured (options or environment)', async () => {
    const printed: string[] = [];
    const configured = await start(':memory:', printed, { merchants: [PREFIX_MERCHANT] });
    expect(configured.merchantSource).toBe('configured');
    expect(configured.merchants.map((m) => m.merchantKey)).toEqual([PREFIX_MERCHANT.merchantKey]);
    await configured.close();
    const fromEnv = await start(':memory:', printed, {
      env: {
        WALLET_MERCHANT_KEY: 'env-merchant',
        WALLET_MERCHANT_SALT: 'env-salt',
        WALLET_ENCRYPTION_KEY: PREFIX_MERCHANT.encryptionKey,
      },
    });
    expect(fromEnv.merchants.map((m) => m.merchantKey)).toEqual(['env-merchant']);
    await fromEnv.close();
    expect(printed).toEqual([]);
  });
});

describe('configured merchants and the store', () => {
  it('refuses to start when a configured key is stored with other secrets', async () => {
    const database = databaseFile();
    const first = await start(database, [], { merchants: [PREFIX_MERCHANT] });
    await first.close();
    const changed = await start(database, [], {
      merchants: [{ ...PREFIX_MERCHANT, salt: 'another-salt' }],
    }).catch((error: unknown) => error);
    expect(changed).toBeInstanceOf(MerchantCredentialsMismatchError);
    expect((changed as Error).message).not.toContain('another-salt');
    const same = await start(database, [], { merchants: [PREFIX_MERCHANT] });
    await same.close();
  });

  it('refuses a merchant key configured twice', async () => {
    const error = await start(':memory:', [], {
      merchants: [PREFIX_MERCHANT],
      env: {
        WALLET_MERCHANT_KEY: PREFIX_MERCHANT.merchantKey,
        WALLET_MERCHANT_SALT: 's',
        WALLET_ENCRYPTION_KEY: PREFIX_MERCHANT.encryptionKey,
      },
    }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('INVALID_MERCHANT_CONFIG');
  });
});

describe('options', () => {
  it.each([
    [{ limits: { maxBodyBytes: 0 } }, 'limits.maxBodyBytes'],
    [{ limits: { maxJsonDepth: 1.5 } }, 'limits.maxJsonDepth'],
    [{ tokenFailureLimit: { windowSeconds: 0 } }, 'tokenFailureLimit.windowSeconds'],
    [{ profiles: [] }, 'profiles'],
    [{ profiles: ['payu-hmac', 'kong'] }, 'profiles[1]'],
    [{ responseField: 'data' }, 'responseField'],
    [{ clockSkewSeconds: -1 }, 'clockSkewSeconds'],
    [{ database: ':memory:', store: {} }, 'database'],
  ])('refuses %j', async (options, option) => {
    const error = await createSandbox({ logger: false, env: {}, ...(options as object) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidSandboxOptionError);
    expect((error as InvalidSandboxOptionError).option).toBe(option);
  });

  it('listens once, closes idempotently, and refuses to listen after close', async () => {
    const sandbox = await start(':memory:', [], { merchants: [PREFIX_MERCHANT] });
    const address = await sandbox.listen(0);
    expect(address.url).toBe(`http://127.0.0.1:${address.port}`);
    await expect(sandbox.listen(0)).rejects.toMatchObject({ code: 'ALREADY_LISTENING' });
    await sandbox.close();
    await sandbox.close();
    await expect(sandbox.listen(0)).rejects.toBeInstanceOf(SandboxClosedError);
    const after = await sandbox.fetch(
      new Request('http://sandbox.test/loyalty-points/v1/wallet/enroll'),
    );
    expect(after.status).toBe(500);
  });
});
