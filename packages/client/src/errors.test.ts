import { describe, expect, it } from 'vitest';
import type * as errors from './errors.js';
import {
  WalletApiError,
  type WalletApiErrorDetails,
  WalletCallError,
  WalletConfigError,
  WalletError,
  WalletErrorCode,
  WalletLimitError,
  WalletNotFoundError,
  WalletTimeoutError,
} from './errors.js';

const context = {
  api: 'load',
  method: 'PATCH',
  path: '/loyalty-points/v1/wallet/load-account',
  clientTxnId: 'txn-1',
  attempts: 1,
};

const details: WalletApiErrorDetails = {
  ...context,
  status: 404,
  requestId: 'req-1',
  rawBody: '{"result":"c2VjcmV0LWNpcGhlcnRleHQ="}',
  headers: new Headers({ 'x-request-id': 'req-1' }),
  responseCode: '1040',
  responseMessage: 'CUSTOMER NOT FOUND',
  messageCode: 1081,
  outcome: 'not-found',
  body: { responseCode: '1040', mobile: '919900112233' },
};

/** A second copy of the error module, as a duplicated install or a CJS/ESM pair would load it. */
async function secondCopy(): Promise<typeof errors> {
  const copy = (await import(/* @vite-ignore */ `./errors.js?copy=${Date.now()}`)) as typeof errors;
  expect(copy.WalletError).not.toBe(WalletError);
  return copy;
}

describe('the error tree', () => {
  it('names each class and gives it a stable code', () => {
    const error = new WalletNotFoundError(details, 'Load failed: CUSTOMER NOT FOUND.');
    expect(error.name).toBe('WalletNotFoundError');
    expect(error.code).toBe(WalletErrorCode.NotFound);
    expect(error).toBeInstanceOf(WalletApiError);
    expect(error).toBeInstanceOf(WalletCallError);
    expect(error).toBeInstanceOf(WalletError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(WalletLimitError);
    expect(error).not.toBeInstanceOf(WalletConfigError);
    expect(String(error)).toBe('WalletNotFoundError: Load failed: CUSTOMER NOT FOUND.');
  });

  it('keeps every code distinct', () => {
    const codes = Object.values(WalletErrorCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('carries the call and the response, with the raw body out of sight', () => {
    const error = new WalletNotFoundError(details, 'Load failed: CUSTOMER NOT FOUND.');
    expect(error).toMatchObject({
      status: 404,
      responseCode: '1040',
      messageCode: 1081,
      clientTxnId: 'txn-1',
      requestId: 'req-1',
      api: 'load',
      attempts: 1,
    });
    expect(error.rawBody).toBe(details.rawBody);
    expect(error.body).toEqual(details.body);
    expect(error.headers.get('x-request-id')).toBe('req-1');
    // Enumeration, JSON and the message leave the body and the decrypted response out.
    expect(Object.keys(error)).not.toContain('rawBody');
    expect(Object.keys(error)).not.toContain('body');
    expect(JSON.stringify(error)).not.toContain('c2VjcmV0');
    expect(JSON.stringify(error)).not.toContain('919900112233');
    expect(error.message).not.toContain('919900112233');
  });

  it('answers instanceof for errors of another copy of the package', async () => {
    const copy = await secondCopy();
    const foreign = new copy.WalletNotFoundError(details, 'Load failed: CUSTOMER NOT FOUND.');
    expect(foreign).toBeInstanceOf(WalletNotFoundError);
    expect(foreign).toBeInstanceOf(WalletApiError);
    expect(foreign).toBeInstanceOf(WalletError);
    expect(foreign).not.toBeInstanceOf(WalletLimitError);
    expect(foreign).not.toBeInstanceOf(WalletTimeoutError);
    const ours = new WalletTimeoutError(context, 'total', 1000);
    expect(ours).toBeInstanceOf(copy.WalletTimeoutError);
    expect(ours).toBeInstanceOf(copy.WalletError);
    expect(ours).not.toBeInstanceOf(copy.WalletApiError);
  });

  it('answers instanceof for a user subclass the ordinary way', () => {
    class MyError extends WalletConfigError {}
    const mine = new MyError('x', 'mine');
    expect(mine).toBeInstanceOf(MyError);
    expect(mine).toBeInstanceOf(WalletConfigError);
    expect(new WalletConfigError('x', 'theirs')).not.toBeInstanceOf(MyError);
  });

  it('says no to values that are not errors', () => {
    for (const value of [null, undefined, 1, 'WalletError', {}, { code: 'WALLET_API_ERROR' }]) {
      expect(value instanceof WalletError).toBe(false);
    }
  });
});
