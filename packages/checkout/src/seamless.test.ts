import { createEnvelope } from '@wallet/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckoutConfigError, CheckoutFieldError, CheckoutTransportError } from './errors.js';
import { createCheckout } from './index.js';
import { type StandIn, startPostserviceStandIn } from './test-postservice.js';

const KEY = 'sbxKey01';
const SALT = 'Qm9yZWRTYWx0MDE';
const AES_KEY = '000102030405060708090a0b0c0d0e0f1011121314151617';
const PAYMENT = {
  txnid: 'order_s2s_0001',
  amount: '525.00',
  productinfo: 'Monthly pass',
  firstname: 'Asha',
  email: 'asha@example.com',
  phone: '9812345678',
  surl: 'https://shop.example/pay/success',
  furl: 'https://shop.example/pay/failure',
  udf3: 'café & co',
  walleturn: '5000123',
} as const;

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startPostserviceStandIn({
    key: KEY,
    salt: SALT,
    payments: [],
    encryptionKey: AES_KEY,
  });
});
afterAll(() => standIn.close());

const checkout = (settings: Record<string, unknown> = {}) =>
  createCheckout({
    key: KEY,
    salt: SALT,
    environment: standIn.url,
    encryptionKey: AES_KEY,
    ...settings,
  });

describe('payServerToServer over a socket', () => {
  it('posts txn_s2s_flow=4 with the sealed merchant-hosted fields and reads the verified response', async () => {
    const response = await checkout().payServerToServer(PAYMENT);
    expect(response).toMatchObject({
      status: 'success',
      txnid: PAYMENT.txnid,
      amount: '525.00',
      udf3: 'café & co',
    });
    expect(response.mihpayid).toMatch(/^\d{18}$/);

    const sent = standIn.requests.at(-1)?.form;
    expect([...(sent?.keys() ?? [])]).toEqual(['key', 'txn_s2s_flow', 'encdata']);
    expect(sent?.get('txn_s2s_flow')).toBe('4');
    const opened = new URLSearchParams(
      createEnvelope({ key: AES_KEY }).openText(sent?.get('encdata')),
    );
    expect(Object.fromEntries(opened)).toMatchObject({
      pg: 'CLW',
      bankcode: 'CLW',
      walleturn: '5000123',
      udf3: 'café & co',
    });
    expect(opened.get('hash')).toMatch(/^[0-9a-f]{128}$/);
  });

  it('seals with a fixed IV when configured, and carries loadmoney', async () => {
    const iv = 'a0a1a2a3a4a5a6a7a8a9aaabacadaeaf';
    const fixed = await startPostserviceStandIn({
      key: KEY,
      salt: SALT,
      payments: [],
      encryptionKey: AES_KEY,
      iv: { fixed: iv },
    });
    try {
      const response = await createCheckout({
        key: KEY,
        salt: SALT,
        environment: fixed.url,
        encryptionKey: AES_KEY,
        ivMode: { fixed: iv },
      }).payServerToServer({ ...PAYMENT, txnid: 'order_s2s_0002', loadmoney: '50' });
      expect(response.status).toBe('success');
      const encdata = fixed.requests.at(-1)?.form.get('encdata');
      const opened = createEnvelope({ key: AES_KEY, iv: { fixed: iv } }).openText(encdata);
      expect(new URLSearchParams(opened).get('loadmoney')).toBe('50');
    } finally {
      await fixed.close();
    }
  });

  it('reads a failure as a verified response, not an error', async () => {
    const response = await checkout().payServerToServer({
      ...PAYMENT,
      txnid: 'order_s2s_0003',
      productinfo: 'force-failure',
    });
    expect(response).toMatchObject({
      status: 'failure',
      error: 'E1605',
      error_Message: 'Insufficient balance',
    });
  });

  it('needs the encryption key, checked at creation', async () => {
    await expect(
      createCheckout({ key: KEY, salt: SALT, environment: standIn.url }).payServerToServer(PAYMENT),
    ).rejects.toBeInstanceOf(CheckoutConfigError);
    expect(() => checkout({ encryptionKey: 'abc' })).toThrow(CheckoutConfigError);
    expect(() => checkout({ ivMode: { fixed: 'zz' } })).toThrow(
      expect.objectContaining({ setting: 'ivMode' }),
    );
  });

  it('checks the fields before sending, and never retries the debit', async () => {
    const before = standIn.requests.length;
    await expect(
      checkout().payServerToServer({ ...PAYMENT, amount: '1.234' }),
    ).rejects.toBeInstanceOf(CheckoutFieldError);
    expect(standIn.requests.length).toBe(before);
    standIn.faults.push({ kind: 'status', status: 503 });
    const error = await checkout()
      .payServerToServer({ ...PAYMENT, txnid: 'order_s2s_0004' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutTransportError);
    expect(standIn.requests.length).toBe(before + 1);
  });
});
