import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckoutCommandError,
  CheckoutErrorCode,
  CheckoutHashError,
  CheckoutMismatchError,
  CheckoutRefundError,
  CheckoutResponseError,
  CheckoutTransportError,
} from './errors.js';
import { createCheckout, responseHash } from './index.js';
import { readResponse } from './postservice.js';
import { type StandIn, startPostserviceStandIn } from './test-postservice.js';

const KEY = 'sbxKey01';
const SALT = 'Qm9yZWRTYWx0MDE';
const PAID = {
  txnid: 'order_paid',
  mihpayid: '403993715521937565',
  status: 'success',
  amount: '525.00',
} as const;
const FAILED = {
  txnid: 'order_failed',
  mihpayid: '403993715521937566',
  status: 'failure',
  amount: '80.00',
} as const;
const PENDING = {
  txnid: 'order_pending',
  mihpayid: '403993715521937567',
  status: 'pending',
  amount: '10.00',
} as const;

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startPostserviceStandIn({
    key: KEY,
    salt: SALT,
    payments: [{ ...PAID }, { ...FAILED }, { ...PENDING }],
    wallets: { '919812345678': { balance: '117.83', cardName: 'Asha K' } },
  });
});
afterAll(() => standIn.close());
afterEach(() => {
  standIn.faults.length = 0;
});

/** Fast retries: real waits, but short ones. */
const checkout = (settings: Record<string, unknown> = {}) =>
  createCheckout({
    key: KEY,
    salt: SALT,
    environment: standIn.url,
    maxRetryDelay: 20,
    ...settings,
  });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('verifyPayment and checkPayment over a socket', () => {
  it('reads each payment, 18-digit ids kept exactly, unknown ones as null', async () => {
    const verified = await checkout().verifyPayment([PAID.txnid, 'order_unknown', FAILED.txnid]);
    expect(verified[PAID.txnid]).toMatchObject({
      mihpayid: PAID.mihpayid,
      status: 'success',
      amount: '525.00',
    });
    expect(verified[FAILED.txnid]?.status).toBe('failure');
    expect(verified.order_unknown).toBeNull();
    // The stand-in wrote the ids as bare numbers: JSON.parse would have rounded them.
    const sent = standIn.requests.at(-1);
    expect(sent?.form.get('var1')).toBe(`${PAID.txnid}|order_unknown|${FAILED.txnid}`);
    expect(JSON.parse(`{"id":${PAID.mihpayid}}`).id.toString()).not.toBe(PAID.mihpayid);
  });

  it('answers null for every txnid when none is found (status 0)', async () => {
    expect(await checkout().verifyPayment(['order_nobody'])).toEqual({ order_nobody: null });
  });

  it('finds a payment by mihpayid', async () => {
    const payment = await checkout().checkPayment(PENDING.mihpayid);
    expect(payment).toMatchObject({
      txnid: PENDING.txnid,
      status: 'pending',
      mihpayid: PENDING.mihpayid,
    });
    expect(await checkout().checkPayment('999999999999999999')).toBeNull();
  });

  it('reads a raw response with a bare 18-digit mihpayid losslessly', () => {
    const response = readResponse(
      'verify_payment',
      '{"status":1,"msg":"ok","transaction_details":{"t":{"mihpayid":403993715521937565,"amt":525.00}}}',
    );
    expect(response.body.transaction_details).toEqual({
      t: { mihpayid: '403993715521937565', amt: '525.00' },
    });
  });

  it('refuses responses that are not JSON objects with a status', async () => {
    expect(() => readResponse('verify_payment', '<html>')).toThrow(CheckoutResponseError);
    expect(() => readResponse('verify_payment', '{"msg":"x"}')).toThrow(CheckoutResponseError);
  });

  it('says so when PayU refuses the command hash (a wrong salt)', async () => {
    const error = await rejection(checkout({ salt: 'wrong-salt' }).verifyPayment([PAID.txnid]));
    expect(error).toBeInstanceOf(CheckoutCommandError);
    expect((error as CheckoutCommandError).code).toBe(CheckoutErrorCode.CommandHash);
    expect((error as Error).message).not.toContain('wrong-salt');
  });
});

describe('retries and timeouts', () => {
  it('retries a read after 503s and succeeds', async () => {
    standIn.faults.push({ kind: 'status', status: 503 }, { kind: 'status', status: 502 });
    const before = standIn.requests.length;
    const verified = await checkout().verifyPayment([PAID.txnid]);
    expect(verified[PAID.txnid]?.status).toBe('success');
    expect(standIn.requests.length - before).toBe(3);
  });

  it('gives up after the configured retries with a typed HTTP error', async () => {
    standIn.faults.push({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const error = (await rejection(
      checkout({ retries: 1 }).verifyPayment([PAID.txnid]),
    )) as CheckoutTransportError;
    expect(error).toBeInstanceOf(CheckoutTransportError);
    expect(error).toMatchObject({
      code: CheckoutErrorCode.Http,
      status: 503,
      attempts: 2,
      command: 'verify_payment',
    });
  });

  it('does not retry a 4xx', async () => {
    standIn.faults.push({ kind: 'status', status: 400 });
    const before = standIn.requests.length;
    const error = (await rejection(
      checkout().verifyPayment([PAID.txnid]),
    )) as CheckoutTransportError;
    expect(error.status).toBe(400);
    expect(standIn.requests.length - before).toBe(1);
  });

  it('times an attempt out, retries, and reports a timeout', async () => {
    standIn.faults.push({ kind: 'delay', ms: 400 }, { kind: 'delay', ms: 400 });
    const error = (await rejection(
      checkout({ timeout: 100, retries: 1 }).balance({ mobile: '919812345678' }),
    )) as CheckoutTransportError;
    expect(error.code).toBe(CheckoutErrorCode.Timeout);
    expect(error.attempts).toBe(2);
  });

  it('stops at totalTimeout, retries and waits included', async () => {
    standIn.faults.push({ kind: 'delay', ms: 3000 });
    const started = performance.now();
    const error = (await rejection(
      checkout({ timeout: 5000, totalTimeout: 150 }).verifyPayment([PAID.txnid]),
    )) as CheckoutTransportError;
    expect(error.code).toBe(CheckoutErrorCode.Timeout);
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('waits what a 429 names in Retry-After, capped at maxRetryDelay', async () => {
    standIn.faults.push({ kind: 'status', status: 429, retryAfter: '1' });
    const started = performance.now();
    const verified = await checkout({ maxRetryDelay: 5000 }).verifyPayment([PAID.txnid]);
    expect(verified[PAID.txnid]?.status).toBe('success');
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not start a named wait that would run past totalTimeout', async () => {
    standIn.faults.push({ kind: 'status', status: 503, retryAfter: '30' });
    const before = standIn.requests.length;
    const error = (await rejection(
      checkout({ maxRetryDelay: 60_000, totalTimeout: 5000 }).verifyPayment([PAID.txnid]),
    )) as CheckoutTransportError;
    expect(error).toMatchObject({ code: CheckoutErrorCode.Http, status: 503, attempts: 1 });
    expect(standIn.requests.length - before).toBe(1);
  });

  it('stops reading a response past maxResponseBytes, and does not retry it', async () => {
    standIn.faults.push({ kind: 'large', bytes: 4096 }, { kind: 'large', bytes: 4096 });
    const before = standIn.requests.length;
    const error = (await rejection(
      checkout({ maxResponseBytes: 1024 }).verifyPayment([PAID.txnid]),
    )) as CheckoutTransportError;
    expect(error).toBeInstanceOf(CheckoutTransportError);
    expect(error).toMatchObject({
      code: CheckoutErrorCode.ResponseTooLarge,
      status: 200,
      attempts: 1,
    });
    expect(standIn.requests.length - before).toBe(1);
  });

  it('reports an unreachable host as a network error', async () => {
    const closed = await startPostserviceStandIn({ key: KEY, salt: SALT, payments: [] });
    await closed.close();
    const error = (await rejection(
      createCheckout({ key: KEY, salt: SALT, environment: closed.url, retries: 0 }).verifyPayment([
        PAID.txnid,
      ]),
    )) as CheckoutTransportError;
    expect(error.code).toBe(CheckoutErrorCode.Network);
  });
});

describe('refunds', () => {
  it('derives a token of at most 23 characters, so a retried refund is the same refund', async () => {
    const request = {
      mihpayid: PAID.mihpayid,
      amount: '100.00',
      idempotencyKey: 'return-881',
    } as const;
    standIn.faults.push({ kind: 'status', status: 503 });
    const first = await checkout().refund(request);
    const again = await checkout().refund(request);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{1,23}$/);
    expect(again).toEqual(first);
    expect([...standIn.refunds.values()].filter((r) => r.token === first.token)).toHaveLength(1);
    expect(first).toMatchObject({ mihpayid: PAID.mihpayid, msg: 'Refund Request Queued' });

    const other = await checkout().refund({ ...request, idempotencyKey: 'return-882' });
    expect(other.token).not.toBe(first.token);
    expect(other.requestId).not.toBe(first.requestId);
  });

  it('reads the refund state and every refund of a payment', async () => {
    const receipt = await checkout().refund({
      mihpayid: PAID.mihpayid,
      amount: '5.00',
      token: 'tok-status-1',
    });
    expect(await checkout().refundStatus(receipt.requestId)).toEqual({
      requestId: receipt.requestId,
      mihpayid: PAID.mihpayid,
      action: 'refund',
      status: 'queued',
      amount: '5.00',
      token: 'tok-status-1',
      bankRefNum: receipt.bankRefNum,
    });
    const all = await checkout().refunds([PAID.txnid, FAILED.txnid]);
    expect(all[PAID.txnid]?.map((r) => r.requestId)).toContain(receipt.requestId);
    expect(all[FAILED.txnid]).toEqual([]);
    const unknown = (await rejection(checkout().refundStatus('1'))) as CheckoutCommandError;
    expect(unknown.code).toBe(CheckoutErrorCode.CommandFailed);
  });

  it.each([
    [
      '105',
      CheckoutErrorCode.RefundAmount,
      { mihpayid: PAID.mihpayid, amount: '9999.00', token: 'tok-105' },
    ],
    [
      '111',
      CheckoutErrorCode.RefundNotRefundable,
      { mihpayid: FAILED.mihpayid, amount: '1.00', token: 'tok-111' },
    ],
    [
      '116',
      CheckoutErrorCode.NotFound,
      { mihpayid: '111111111111111111', amount: '1.00', token: 'tok-116' },
    ],
  ])('maps error_code %s to %s', async (errorCode, code, request) => {
    const error = (await rejection(checkout().refund(request))) as CheckoutRefundError;
    expect(error).toBeInstanceOf(CheckoutRefundError);
    expect(error).toMatchObject({ code, errorCode, command: 'cancel_refund_transaction' });
  });

  it('maps a token reused for another amount to 106', async () => {
    await checkout().refund({ mihpayid: PAID.mihpayid, amount: '1.00', token: 'tok-106' });
    const error = (await rejection(
      checkout().refund({ mihpayid: PAID.mihpayid, amount: '2.00', token: 'tok-106' }),
    )) as CheckoutRefundError;
    expect(error).toMatchObject({ code: CheckoutErrorCode.RefundToken, errorCode: '106' });
  });

  it('refuses a bad token or amount before sending', async () => {
    const before = standIn.requests.length;
    await expect(
      checkout().refund({ mihpayid: PAID.mihpayid, amount: '1.00', token: 't'.repeat(24) }),
    ).rejects.toMatchObject({ field: 'token' });
    await expect(
      checkout().refund({ mihpayid: PAID.mihpayid, amount: '1.000', token: 'ok' }),
    ).rejects.toMatchObject({ field: 'amount' });
    expect(standIn.requests.length).toBe(before);
  });
});

describe('balance', () => {
  it('reads the balance as PayU wrote it, the JSON var1 hashed as sent', async () => {
    expect(await checkout().balance({ mobile: '919812345678' })).toEqual({
      balance: '117.83',
      cardName: 'Asha K',
    });
    const sent = standIn.requests.at(-1)?.form.get('var1');
    expect(JSON.parse(sent ?? '')).toEqual({
      walletIdentifier: 'CLW',
      mobile: '919812345678',
      ibibo_code: 'CLW',
    });
  });

  it('says an unknown wallet is not found', async () => {
    const error = (await rejection(
      checkout().balance({ mobile: '919800000000' }),
    )) as CheckoutCommandError;
    expect(error.code).toBe(CheckoutErrorCode.NotFound);
  });
});

describe('confirmPayment', () => {
  function callbackOf(
    payment: { txnid: string; mihpayid: string; amount: string },
    status: string,
  ) {
    const fields = {
      mihpayid: payment.mihpayid,
      status,
      key: KEY,
      txnid: payment.txnid,
      amount: payment.amount,
      productinfo: 'Monthly pass',
      firstname: 'Asha',
      email: 'asha@example.com',
    };
    return new URLSearchParams({ ...fields, hash: responseHash(fields, SALT) }).toString();
  }

  it('resolves when the callback and verify_payment agree', async () => {
    expect((await checkout().confirmPayment(callbackOf(PAID, 'success'))).outcome).toBe('paid');
    expect((await checkout().confirmPayment(callbackOf(FAILED, 'failure'))).outcome).toBe('failed');
    const pending = await checkout().confirmPayment(callbackOf(PENDING, 'pending'));
    expect(pending.outcome).toBe('pending');
    expect(pending.verified.mihpayid).toBe(PENDING.mihpayid);
  });

  it('says which fields disagree', async () => {
    const claimed = (await rejection(
      checkout().confirmPayment(callbackOf(PENDING, 'success')),
    )) as CheckoutMismatchError;
    expect(claimed).toBeInstanceOf(CheckoutMismatchError);
    expect(claimed).toMatchObject({
      disagreements: ['status'],
      callbackStatus: 'success',
      verifiedStatus: 'pending',
    });
    const amount = (await rejection(
      checkout().confirmPayment(callbackOf({ ...PAID, amount: '5.00' }, 'success')),
    )) as CheckoutMismatchError;
    expect(amount.disagreements).toEqual(['amount']);
    const unknown = (await rejection(
      checkout().confirmPayment(
        callbackOf({ txnid: 'order_ghost', mihpayid: '1', amount: '1.00' }, 'success'),
      ),
    )) as CheckoutMismatchError;
    expect(unknown.disagreements).toEqual(['found']);
  });

  it('asks nothing when the callback hash does not verify', async () => {
    const before = standIn.requests.length;
    const forged = callbackOf(PAID, 'success').replace('amount=525.00', 'amount=5.00');
    expect(await rejection(checkout().confirmPayment(forged))).toBeInstanceOf(CheckoutHashError);
    expect(standIn.requests.length).toBe(before);
  });
});
