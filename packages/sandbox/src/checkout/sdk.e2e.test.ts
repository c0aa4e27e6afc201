/** The SDK (@wallet/checkout) against the sandbox's gateway over real sockets: the two agree. */
import { createCheckout } from '@wallet/checkout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  FIXED_MERCHANT,
  loadFields,
  PREFIX_MERCHANT,
  type RunningSandbox,
  register,
  startSandbox,
} from '../testing/fixtures.js';
import { newTxnid } from '../testing/gateway-client.js';

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

describe.each([
  ['prefix IVs', PREFIX_MERCHANT.merchantKey],
  ['a fixed IV', FIXED_MERCHANT.merchantKey],
])('@wallet/checkout against the sandbox (%s)', (_mode, merchantKey) => {
  it('pays server to server, confirms, refunds, reads the refund and the balance', async () => {
    const client = running.client(merchantKey);
    const merchant = client.merchant;
    const checkout = createCheckout({
      key: merchant.merchantKey,
      salt: merchant.salt,
      environment: running.url,
      encryptionKey: merchant.encryptionKey,
      ...(merchant.ivMode === 'fixed' && merchant.iv !== null
        ? { ivMode: { fixed: merchant.iv } }
        : {}),
    });
    const customer = await register(client);
    await callApi(client, 'load', loadFields(customer.urn, 20_000));

    const txnid = newTxnid();
    const paid = await checkout.payServerToServer({
      txnid,
      amount: '150.75',
      productinfo: 'Tea',
      firstname: 'Asha',
      email: 'asha.rao@example.com',
      phone: '919988776655',
      surl: 'https://merchant.example/success',
      furl: 'https://merchant.example/failure',
      walleturn: customer.urn,
    });
    expect(paid).toMatchObject({ status: 'success', txnid, amount: '150.75' });

    const confirmed = await checkout.confirmPayment(paid.fields);
    expect(confirmed.outcome).toBe('paid');
    const verified = await checkout.verifyPayment([txnid, 'unknown-txnid']);
    expect(verified[txnid]).toMatchObject({ status: 'success' });
    expect(verified['unknown-txnid']).toBeNull();

    const receipt = await checkout.refund({
      mihpayid: paid.mihpayid,
      amount: '50.25',
      idempotencyKey: 'return-1',
    });
    const again = await checkout.refund({
      mihpayid: paid.mihpayid,
      amount: '50.25',
      idempotencyKey: 'return-1',
    });
    expect(again.requestId).toBe(receipt.requestId);
    expect((await checkout.refundStatus(receipt.requestId)).status).toBe('queued');
    const refunds = await checkout.refunds([txnid]);
    expect(refunds[txnid]).toHaveLength(1);
    expect(await checkout.balance({ mobile: customer.mobile })).toMatchObject({
      balance: '99.50',
    });
  });
});
