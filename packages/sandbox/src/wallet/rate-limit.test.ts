import { createEnvelope } from '@wallet/crypto';
import { signRequest } from '@wallet/hmac';
import { helperRoutes } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  FIXED_MERCHANT,
  merchantOf,
  type RunningSandbox,
  startSandbox,
  TestClock,
} from '../testing/fixtures.js';
import { TokenFailureLimiter } from './rate-limit.js';

describe('TokenFailureLimiter', () => {
  const limit = { maxFailures: 3, windowSeconds: 10, lockoutSeconds: 20 };

  it('locks a merchant after more than maxFailures within the window, for lockoutSeconds', () => {
    const limiter = new TokenFailureLimiter(limit);
    expect([1, 2, 3].map((s) => limiter.recordFailure('m', s * 1000))).toEqual([
      false,
      false,
      false,
    ]);
    expect(limiter.retryAfterSeconds('m', 3_500)).toBeUndefined();
    expect(limiter.recordFailure('m', 4_000)).toBe(true);
    expect(limiter.retryAfterSeconds('m', 4_000)).toBe(20);
    expect(limiter.retryAfterSeconds('m', 23_001)).toBe(1);
    expect(limiter.retryAfterSeconds('other', 5_000)).toBeUndefined();
    expect(limiter.retryAfterSeconds('m', 24_000)).toBeUndefined();
    // The lock cleared the count: it takes maxFailures + 1 new failures to lock again.
    expect(limiter.recordFailure('m', 24_000)).toBe(false);
  });

  it('answers an unreadable token under a locked key with its Retry-After, without counting it', () => {
    const limiter = new TokenFailureLimiter(limit);
    expect([1, 2, 3, 4].map((s) => limiter.unreadableToken('m', s * 1000))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(limiter.unreadableToken('m', 5_000)).toBe(19);
    expect(limiter.unreadableToken('m', 23_500)).toBe(1);
    // The lock ran out at 24 s and was not extended by the failures answered 429.
    expect(limiter.unreadableToken('m', 24_000)).toBeUndefined();
  });

  it('tracks at most maxKeys keys, dropping the oldest first', () => {
    const limiter = new TokenFailureLimiter(limit, 100);
    for (let i = 0; i < 1_000; i++) limiter.recordFailure(`signature-${i}`, 1_000);
    expect(limiter.trackedKeys).toBe(100);
    for (let i = 0; i < 4; i++) limiter.recordFailure('signature-999', 1_000);
    expect(limiter.retryAfterSeconds('signature-999', 1_000)).toBe(20);
  });

  it('forgets failures older than the window', () => {
    const limiter = new TokenFailureLimiter(limit);
    for (const second of [0, 1, 2]) limiter.recordFailure('m', second * 1000);
    expect(limiter.recordFailure('m', 10_500)).toBe(false);
    expect(limiter.recordFailure('m', 11_500)).toBe(false);
  });
});

describe('the unreadable-token lock-out over HTTP', () => {
  const clock = new TestClock(Math.floor(Date.now() / 1000) * 1000);
  let running: RunningSandbox;
  beforeAll(async () => {
    running = await startSandbox({
      now: clock.now,
      tokenFailureLimit: { maxFailures: 3, windowSeconds: 60, lockoutSeconds: 30 },
    });
  });
  afterAll(() => running.close());

  const garbage = '{"token":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}';

  it('cannot shut out the merchant: a replayed signature locks only its own unreadable tokens', async () => {
    const merchant = merchantOf(running.sandbox, FIXED_MERCHANT.merchantKey);
    const client = running.client(merchant.merchantKey, clock.now);
    // What an eavesdropper saw of one request: its date and Authorization (the signature covers
    // only the date), replayed with garbage bodies within the clock skew.
    const seen = signRequest({
      merchantKey: merchant.merchantKey,
      merchantSalt: merchant.salt,
      date: clock.now(),
    });
    const replay = { date: seen.date, authorization: seen.authorization };
    for (let i = 0; i < 4; i++) {
      const response = await client.call(
        'retrieveCustomer',
        {},
        { rawBody: garbage, headers: replay },
      );
      expect(response.status).toBe(400);
    }
    const locked = await client.call('retrieveCustomer', {}, { rawBody: garbage, headers: replay });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('30');
    expect(locked.json).toEqual({ responseMessage: 'TOO MANY UNREADABLE TOKENS; RETRY LATER' });

    // The merchant, signing in the same second (so with the very same signature), is answered.
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
    // And a second later, under a new signature, unreadable tokens get the plain 1055 again.
    clock.advanceSeconds(1);
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
    const own = await client.call('retrieveCustomer', {}, { rawBody: garbage });
    expect([own.status, own.json?.responseCode]).toEqual([400, '1055']);

    // The replayed signature stays locked for its 30 s, then counts afresh.
    const still = await client.call('retrieveCustomer', {}, { rawBody: garbage, headers: replay });
    expect([still.status, still.headers.get('retry-after')]).toEqual([429, '29']);
    clock.advanceSeconds(29);
    const after = await client.call('retrieveCustomer', {}, { rawBody: garbage, headers: replay });
    expect(after.status).toBe(400);
  });

  it('counts only failures inside the window', async () => {
    const merchant = merchantOf(running.sandbox);
    const client = running.client(merchant.merchantKey, clock.now);
    const seen = signRequest({
      merchantKey: merchant.merchantKey,
      merchantSalt: merchant.salt,
      date: clock.now(),
    });
    const replay = { date: seen.date, authorization: seen.authorization };
    // Six failures 25 s apart under one signature: never more than three within 60 s.
    for (let i = 0; i < 6; i++) {
      const response = await client.call(
        'retrieveCustomer',
        {},
        { rawBody: garbage, headers: replay },
      );
      expect(response.status).toBe(400);
      clock.advanceSeconds(25);
    }
    const response = await client.call(
      'retrieveCustomer',
      {},
      { rawBody: garbage, headers: replay },
    );
    expect(response.status).toBe(400);
  });

  it('never refuses a helper call whose token opens, nor an encrypt call', async () => {
    const merchant = merchantOf(running.sandbox);
    const decrypt = (body: string) =>
      fetch(`${running.url}${helperRoutes.decrypt.path}`, {
        method: 'POST',
        headers: { 'x-api-key': merchant.helper.apiKey, 'content-type': 'application/json' },
        body,
      });
    for (let i = 0; i < 4; i++) expect((await decrypt(garbage)).status).toBe(400);
    const locked = await decrypt(garbage);
    expect([locked.status, locked.headers.get('retry-after')]).toEqual([429, '30']);

    const plaintext = { messageCode: 1930, clientTxnId: 'helper-lock', urn: '1' };
    const token = createEnvelope({ key: merchant.encryptionKey }).seal(plaintext);
    const opened = await decrypt(JSON.stringify({ token }));
    expect([opened.status, await opened.json()]).toEqual([200, plaintext]);
    const sealed = await fetch(`${running.url}${helperRoutes.encrypt.path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': merchant.helper.apiKey,
        clientId: merchant.helper.clientId,
        bankId: merchant.helper.bankId,
        'X-Consumer-Custom-ID': 'consumer-1',
        secureCode: merchant.helper.secureCode,
      },
      body: JSON.stringify(plaintext),
    });
    expect(sealed.status).toBe(200);
    // Wallet calls of the same merchant are counted apart and still answer.
    const client = running.client(merchant.merchantKey, clock.now);
    expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
  });
});
