import { describe, expect, it } from 'vitest';
import { WalletPromise, type WalletResponse } from './wallet-promise.js';

function settled<T>(data: T): Promise<WalletResponse<T>> {
  return Promise.resolve({
    data,
    response: new Response('{"result":"x"}', { status: 200 }),
    rawBody: '{"result":"x"}',
    clientTxnId: 'txn-1',
    requestId: undefined,
    attempts: 1,
  });
}

describe('WalletPromise', () => {
  it('resolves to the parsed response when awaited, and to the response with its Response on request', async () => {
    const promise = new WalletPromise(settled({ urn: '1' }));
    expect(await promise).toEqual({ urn: '1' });
    const { data, response, clientTxnId } = await promise.withResponse();
    expect(data).toEqual({ urn: '1' });
    expect(response.status).toBe(200);
    expect(clientTxnId).toBe('txn-1');
    expect((await promise.asResponse()).status).toBe(200);
  });

  it('is a Promise, and then/catch/finally build plain promises', async () => {
    const promise = new WalletPromise(settled(5));
    expect(promise).toBeInstanceOf(Promise);
    const doubled = promise.then((n) => n * 2);
    expect(doubled).not.toBeInstanceOf(WalletPromise);
    expect(await doubled).toBe(10);
    let ran = false;
    expect(
      await promise.finally(() => {
        ran = true;
      }),
    ).toBe(5);
    expect(ran).toBe(true);
    expect(await Promise.all([promise, promise])).toEqual([5, 5]);
  });

  it('rejects through then, catch and withResponse alike', async () => {
    const failing = () => new WalletPromise<number>(Promise.reject(new RangeError('nope')));
    await expect(failing()).rejects.toThrow('nope');
    expect(await failing().catch((e: unknown) => (e as Error).message)).toBe('nope');
    await expect(failing().withResponse()).rejects.toThrow('nope');
  });

  it('leaves no unhandled rejection when only withResponse() is used', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const promise = new WalletPromise<number>(Promise.reject(new Error('handled')));
      await promise.withResponse().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
