/**
 * One deadline per call. In helper mode a wallet call is three requests (Encrypt, the call,
 * Decrypt); they run within the one `totalTimeout` of the call, not one each.
 */
import { describe, expect, it } from 'vitest';
import { createWalletClient, WalletTimeoutError } from './index.js';
import { createTestPlatform } from './test-platform.js';

const helper = {
  apiKey: 'helper-key',
  clientId: 'client-1',
  bankId: 'bank-1',
  secureCode: 'secure-1',
  consumerId: 'consumer-1',
};

const customer = {
  customerDetails: { firstName: 'Asha', dateOfBirth: '14-02-1991', mobileNumber: '919812345678' },
  productId: 35,
};

/** Waits `ms`, or fails as fetch does when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** A platform serving the helper API and the wallet, each response after `delayMs`. */
function slowHelperPlatform(delayMs: number) {
  const paths: string[] = [];
  const platform = createTestPlatform(async (received) => {
    paths.push(received.path);
    await sleep(delayMs, received.signal);
    const body = JSON.parse(received.rawBody) as Record<string, unknown>;
    if (received.path === '/api/v2/encrypt') {
      return platform.plain({ token: platform.envelope.seal(body) });
    }
    if (received.path === '/api/v2/decrypt') {
      return platform.plain(platform.envelope.open(body.token as string));
    }
    const request = platform.envelope.open(body.token as string) as Record<string, unknown>;
    return platform.success({ ...received, plaintext: request }, { customerId: 'c', urn: '1' });
  });
  const { encryptionKey: _key, ...config } = platform.config({ helper });
  return { platform, paths, config };
}

describe('one deadline per call', () => {
  it('holds a helper-mode call, Encrypt and Decrypt included, to one totalTimeout', async () => {
    const { paths, config } = slowHelperPlatform(300);
    const client = createWalletClient({ ...config, totalTimeout: 700, retries: 0 });
    expect(client.core.encryption).toBe('helper-api');
    const started = performance.now();
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    // Three requests of 300 ms each: with a deadline per request the call would have succeeded.
    expect(error).toBeInstanceOf(WalletTimeoutError);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 700 });
    expect(elapsed).toBeLessThan(880);
    expect(paths[0]).toBe('/api/v2/encrypt');
  });

  it('lets a helper-mode call that fits in its totalTimeout through', async () => {
    const { config } = slowHelperPlatform(20);
    const client = createWalletClient({ ...config, totalTimeout: 2_000 });
    await expect(client.registerCustomer(customer)).resolves.toMatchObject({ customerId: 'c' });
  });

  it('never leaves a helper request more time than the call has left', async () => {
    const { paths, config } = slowHelperPlatform(10_000);
    const client = createWalletClient({ ...config, totalTimeout: 200, timeout: 5_000 });
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'total', timeoutMs: 200, api: 'encrypt', attempts: 1 });
    expect(paths).toEqual(['/api/v2/encrypt']);
  });
});
