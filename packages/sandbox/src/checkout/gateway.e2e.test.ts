import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyResponseHash } from '@wallet/checkout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  FIXED_MERCHANT,
  loadFields,
  PREFIX_MERCHANT,
  type RunningSandbox,
  register,
  startSandbox,
  TestClock,
} from '../testing/fixtures.js';
import { newTxnid, paymentFields, paySeamless, postservice } from '../testing/gateway-client.js';
import {
  createTestDatabase,
  PG_ADMIN_URL,
  requirePostgresInCi,
  type TestDatabase,
} from '../testing/postgres.js';
import type { WalletTestClient } from '../testing/wallet-test-client.js';

requirePostgresInCi();

/** Dozens of requests racing over sockets: generous for a loaded two-core machine. */
const RACE_TEST_MS = 60_000;

async function balanceOf(client: WalletTestClient, urn: string): Promise<unknown> {
  return (await callApi(client, 'retrieveCustomer', { urn })).body?.availableBalance;
}

/** A registered wallet holding `paise`. */
async function fundedWallet(client: WalletTestClient, paise: number) {
  const customer = await register(client);
  if (paise > 0) {
    const load = await callApi(client, 'load', loadFields(customer.urn, paise));
    expect(load.status).toBe(200);
  }
  return customer;
}

function gatewaySuite(name: string, open: (clock: TestClock) => Promise<RunningSandbox>) {
  describe(`payment gateway on ${name}`, () => {
    const clock = new TestClock();
    let running: RunningSandbox;
    beforeAll(async () => {
      running = await open(clock);
    });
    afterAll(() => running?.close());

    describe.each([
      ['prefix IVs', PREFIX_MERCHANT.merchantKey],
      ['a fixed IV', FIXED_MERCHANT.merchantKey],
    ])('seamless payments (%s)', (_mode, merchantKey) => {
      it('debits the wallet the way Unload does and answers the response with a valid hash', async () => {
        const client = running.client(merchantKey);
        const customer = await fundedWallet(client, 100_000);
        const fields = paymentFields(client, customer.urn, '525.5');
        const received = await paySeamless(running.url, client, fields);
        expect(received.status).toBe(200);
        expect(received.json).toMatchObject({
          status: 'success',
          unmappedstatus: 'captured',
          mode: 'CLW',
          key: merchantKey,
          txnid: fields.txnid,
          amount: '525.5',
          net_amount_debit: '525.50',
          productinfo: 'Coffee beans',
          firstname: 'Asha',
          email: 'asha.rao@example.com',
          udf1: 'order-1',
          PG_TYPE: 'CLW-PG',
          error: 'E000',
        });
        expect(received.json.mihpayid).toMatch(/^\d{18}$/);
        expect(received.json.addedon).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        const { salt } = client.merchant;
        expect(verifyResponseHash(received.json as never, salt)).toBe(true);
        expect(verifyResponseHash({ ...received.json, status: 'failure' } as never, salt)).toBe(
          false,
        );
        expect(await balanceOf(client, customer.urn)).toBe(100_000 - 52_550);

        const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Kolkata' });
        const statement = await callApi(client, 'statement', {
          urn: customer.urn,
          fromDate: today,
          toDate: today,
        });
        const entries = statement.body?.statementDetails as Record<string, unknown>[];
        expect(entries.at(-1)).toMatchObject({
          clientTxnId: `pay:${fields.txnid}`,
          transactionType: 'DEBIT',
          transactionAmount: 52_550,
          referenceNumber: received.json.bank_ref_num,
        });
      });
    });

    it('fails with E1605 on a short balance and moves nothing', async () => {
      const client = running.client();
      const customer = await fundedWallet(client, 1_000);
      const received = await paySeamless(
        running.url,
        client,
        paymentFields(client, customer.urn, '10.01'),
      );
      expect(received.json).toMatchObject({
        status: 'failure',
        unmappedstatus: 'failed',
        error: 'E1605',
        error_Message: 'Insufficient balance',
      });
      expect(verifyResponseHash(received.json as never, client.merchant.salt)).toBe(true);
      expect(await balanceOf(client, customer.urn)).toBe(1_000);
    });

    it('fails for a wallet whose status blocks debits, and for an unknown one', async () => {
      const client = running.client();
      const customer = await fundedWallet(client, 5_000);
      await callApi(client, 'changeWalletStatus', {
        accountNumber: customer.accountNumber,
        statusType: 'Debit',
      });
      const blocked = await paySeamless(
        running.url,
        client,
        paymentFields(client, customer.urn, '1'),
      );
      expect(blocked.json).toMatchObject({ status: 'failure', error: 'E1117' });
      expect(await balanceOf(client, customer.urn)).toBe(5_000);
      const unknown = await paySeamless(running.url, client, paymentFields(client, '1', '1'));
      expect(unknown.json).toMatchObject({ status: 'failure', error: 'E1040' });
    });

    it('refuses the same txnid twice and debits once', async () => {
      const client = running.client();
      const customer = await fundedWallet(client, 10_000);
      const fields = paymentFields(client, customer.urn, '20');
      expect((await paySeamless(running.url, client, fields)).json.status).toBe('success');
      const again = await paySeamless(running.url, client, fields);
      expect(again.status).toBe(409);
      expect(again.json).toEqual({
        status: 0,
        msg: 'txnid: already used for another payment of this merchant',
      });
      expect(await balanceOf(client, customer.urn)).toBe(8_000);
    });

    it('refuses a bad hash, a field posted twice, sloppy amounts and unreadable encdata', async () => {
      const client = running.client();
      const customer = await fundedWallet(client, 10_000);
      const badHash = await paySeamless(
        running.url,
        client,
        paymentFields(client, customer.urn, '1', { hash: 'ab'.repeat(64) }),
      );
      expect(badHash).toEqual({
        status: 400,
        json: { status: 0, msg: 'hash: does not match the payment hash' },
      });
      const threeDecimals = await paySeamless(running.url, client, {
        ...paymentFields(client, customer.urn, '1'),
        amount: '1.005',
      });
      expect(threeDecimals.json.msg).toMatch(/^amount: /);
      const twice = await fetch(`${running.url}/_payment`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `key=${client.merchant.merchantKey}&txn_s2s_flow=4&encdata=a&encdata=b`,
      });
      expect(twice.status).toBe(400);
      expect(await twice.json()).toEqual({ status: 0, msg: 'encdata: must be posted once' });
      const unreadable = await fetch(`${running.url}/_payment`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `key=${client.merchant.merchantKey}&txn_s2s_flow=4&encdata=AAAA`,
      });
      expect((await unreadable.json()).msg).toMatch(/^encdata: could not be opened/);
      expect(await balanceOf(client, customer.urn)).toBe(10_000);
    });

    describe('postservice', () => {
      it('verify_payment and check_payment report payments, found or not', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 10_000);
        const fields = paymentFields(client, customer.urn, '12.00');
        const paid = await paySeamless(running.url, client, fields);
        const txnid = fields.txnid ?? '';
        const verify = await postservice(running.url, client, 'verify_payment', [
          `${txnid}|nosuchtxn`,
        ]);
        expect(verify.json.status).toBe(1);
        expect(verify.json.msg).toBe('1 out of 2 Transactions Fetched Successfully');
        const details = verify.json.transaction_details as Record<string, Record<string, unknown>>;
        expect(details[txnid]).toMatchObject({
          mihpayid: paid.json.mihpayid,
          status: 'success',
          amount: '12.00',
          txnid,
        });
        expect(details[txnid]).not.toHaveProperty('hash');
        expect(details.nosuchtxn).toEqual({ mihpayid: 'Not Found', status: 'Not Found' });
        const none = await postservice(running.url, client, 'verify_payment', ['nosuchtxn']);
        expect(none.json.status).toBe(0);

        const mihpayid = String(paid.json.mihpayid);
        const check = await postservice(running.url, client, 'check_payment', [mihpayid]);
        expect(check.json.status).toBe(1);
        expect(
          (check.json.transaction_details as Record<string, Record<string, unknown>>)[mihpayid],
        ).toMatchObject({ txnid, status: 'success' });
      });

      it('answers Invalid Hash. for a wrong hash or an unknown key, before reading anything', async () => {
        const client = running.client();
        const wrong = await postservice(running.url, client, 'verify_payment', ['x'], 'ab');
        expect(wrong.json).toEqual({ status: 0, msg: 'Invalid Hash.' });
        const body = new URLSearchParams({
          key: 'no-such-merchant',
          command: 'verify_payment',
          var1: 'x',
          hash: 'ab'.repeat(64),
        });
        const unknown = await fetch(`${running.url}/merchant/postservice.php?form=2`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
        expect(await unknown.json()).toEqual({ status: 0, msg: 'Invalid Hash.' });
      });

      it('check_balance answers the balance in rupees, or Source not found.', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 11_783);
        const var1 = JSON.stringify({
          walletIdentifier: 'CLW',
          mobile: customer.mobile,
          ibibo_code: 'CLW',
        });
        const balance = await postservice(running.url, client, 'check_balance', [var1]);
        expect(balance.json).toMatchObject({ status: 1, cardBalance: '117.83' });
        const unknown = await postservice(running.url, client, 'check_balance', [
          JSON.stringify({ walletIdentifier: 'CLW', mobile: '915550000000', ibibo_code: 'CLW' }),
        ]);
        expect(unknown.json).toEqual({ status: 0, msg: 'Source not found.' });
      });

      it('refunds credit the wallet back, queued then success, idempotent by token, never more than paid', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 10_000);
        const fields = paymentFields(client, customer.urn, '60');
        const paid = await paySeamless(running.url, client, fields);
        const mihpayid = String(paid.json.mihpayid);
        const token = `r${newTxnid()}`.slice(0, 23);

        const first = await postservice(running.url, client, 'cancel_refund_transaction', [
          mihpayid,
          token,
          '25.50',
        ]);
        expect(first.json).toMatchObject({ status: 1, msg: 'Refund Request Queued', mihpayid });
        expect(first.json.request_id).toMatch(/^\d{12}$/);
        expect(await balanceOf(client, customer.urn)).toBe(4_000 + 2_550);

        const again = await postservice(running.url, client, 'cancel_refund_transaction', [
          mihpayid,
          token,
          '25.50',
        ]);
        expect(again.json).toEqual(first.json);
        const otherAmount = await postservice(running.url, client, 'cancel_refund_transaction', [
          mihpayid,
          token,
          '1',
        ]);
        expect(otherAmount.json).toMatchObject({ status: 0, error_code: 106 });
        const tooMuch = await postservice(running.url, client, 'cancel_refund_transaction', [
          mihpayid,
          `${token.slice(0, 20)}-2`,
          '34.51',
        ]);
        expect(tooMuch.json).toMatchObject({ status: 0, error_code: 105 });
        const unknown = await postservice(running.url, client, 'cancel_refund_transaction', [
          '123456789012345678',
          `${token.slice(0, 20)}-3`,
          '1',
        ]);
        expect(unknown.json).toMatchObject({ status: 0, error_code: 116 });
        expect(await balanceOf(client, customer.urn)).toBe(4_000 + 2_550);

        const requestId = String(first.json.request_id);
        const queued = await postservice(running.url, client, 'check_action_status', [requestId]);
        const action = (
          queued.json.transaction_details as Record<string, Record<string, Record<string, unknown>>>
        )[requestId]?.[requestId];
        expect(action).toMatchObject({
          mihpayid,
          action: 'refund',
          status: 'queued',
          amt: '25.50',
          token,
        });
        clock.advanceSeconds(6);
        const settled = await postservice(running.url, client, 'check_action_status', [requestId]);
        expect(
          (
            settled.json.transaction_details as Record<
              string,
              Record<string, Record<string, unknown>>
            >
          )[requestId]?.[requestId]?.status,
        ).toBe('success');

        const all = await postservice(running.url, client, 'getAllRefundsFromTxnIds', [
          fields.txnid ?? '',
        ]);
        expect(all.json.status).toBe(1);
        expect(
          (all.json.transaction_details as Record<string, unknown[]>)[fields.txnid ?? ''],
        ).toHaveLength(1);
      });

      it('refuses to refund a payment that failed (111)', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 0);
        const failed = await paySeamless(
          running.url,
          client,
          paymentFields(client, customer.urn, '5'),
        );
        expect(failed.json.status).toBe('failure');
        const refund = await postservice(running.url, client, 'cancel_refund_transaction', [
          String(failed.json.mihpayid),
          'tok-failed',
          '5',
        ]);
        expect(refund.json).toMatchObject({ status: 0, error_code: 111 });
      });
    });

    describe('magic amounts', () => {
      it('999.99 fails without debiting; 999.98 debits, reads pending, then success', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 300_000);
        const failed = await paySeamless(
          running.url,
          client,
          paymentFields(client, customer.urn, '999.99'),
        );
        expect(failed.json).toMatchObject({ status: 'failure', error: 'E1900' });
        expect(await balanceOf(client, customer.urn)).toBe(300_000);

        const fields = paymentFields(client, customer.urn, '999.98');
        const pending = await paySeamless(running.url, client, fields);
        expect(pending.json).toMatchObject({ status: 'pending', unmappedstatus: 'pending' });
        expect(verifyResponseHash(pending.json as never, client.merchant.salt)).toBe(true);
        expect(await balanceOf(client, customer.urn)).toBe(300_000 - 99_998);
        clock.advanceSeconds(31);
        const verify = await postservice(running.url, client, 'verify_payment', [
          fields.txnid ?? '',
        ]);
        expect(
          (verify.json.transaction_details as Record<string, Record<string, unknown>>)[
            fields.txnid ?? ''
          ]?.status,
        ).toBe('success');
      });

      it('999.97 answers nothing until the client gives up, and debits nothing', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 200_000);
        const fields = paymentFields(client, customer.urn, '999.97');
        const body = new URLSearchParams({
          key: client.merchant.merchantKey,
          txn_s2s_flow: '4',
          encdata: client.envelope.sealText(new URLSearchParams(fields).toString()),
        });
        const abandoned = fetch(`${running.url}/_payment`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
          signal: AbortSignal.timeout(300),
        });
        await expect(abandoned).rejects.toThrow();
        const verify = await postservice(running.url, client, 'verify_payment', [
          fields.txnid ?? '',
        ]);
        expect(verify.json.status).toBe(0);
        expect(await balanceOf(client, customer.urn)).toBe(200_000);
      });

      it('a refund of 9.99 is queued, then fails, crediting nothing', async () => {
        const client = running.client();
        const customer = await fundedWallet(client, 5_000);
        const paid = await paySeamless(
          running.url,
          client,
          paymentFields(client, customer.urn, '20'),
        );
        const refund = await postservice(running.url, client, 'cancel_refund_transaction', [
          String(paid.json.mihpayid),
          `m${newTxnid()}`.slice(0, 23),
          '9.99',
        ]);
        expect(refund.json.status).toBe(1);
        expect(await balanceOf(client, customer.urn)).toBe(3_000);
        clock.advanceSeconds(6);
        const requestId = String(refund.json.request_id);
        const status = await postservice(running.url, client, 'check_action_status', [requestId]);
        expect(
          (
            status.json.transaction_details as Record<
              string,
              Record<string, Record<string, unknown>>
            >
          )[requestId]?.[requestId]?.status,
        ).toBe('failure');
      });
    });

    describe('concurrency', () => {
      it(
        '30 payments racing on one wallet never overdraw it',
        async () => {
          const client = running.client();
          const customer = await fundedWallet(client, 10_000);
          // Each pays 7.00: the balance covers 14 of the 30 (98.00), never a 15th.
          const responses = await Promise.all(
            Array.from({ length: 30 }, () =>
              paySeamless(running.url, client, paymentFields(client, customer.urn, '7')),
            ),
          );
          const statuses = responses.map((received) => received.json.status);
          expect(statuses.filter((status) => status === 'success')).toHaveLength(14);
          expect(statuses.filter((status) => status === 'failure')).toHaveLength(16);
          expect(await balanceOf(client, customer.urn)).toBe(200);
        },
        RACE_TEST_MS,
      );

      it(
        'the same refund token sent 20 times at once refunds once',
        async () => {
          const client = running.client();
          const customer = await fundedWallet(client, 10_000);
          const paid = await paySeamless(
            running.url,
            client,
            paymentFields(client, customer.urn, '50'),
          );
          const mihpayid = String(paid.json.mihpayid);
          const token = `c${newTxnid()}`.slice(0, 23);
          const responses = await Promise.all(
            Array.from({ length: 20 }, () =>
              postservice(running.url, client, 'cancel_refund_transaction', [
                mihpayid,
                token,
                '10',
              ]),
            ),
          );
          const requestIds = new Set(responses.map((received) => received.json.request_id));
          expect(requestIds.size).toBe(1);
          expect(responses.every((received) => received.json.status === 1)).toBe(true);
          expect(await balanceOf(client, customer.urn)).toBe(5_000 + 1_000);
        },
        RACE_TEST_MS,
      );
    });
  });
}

gatewaySuite('SQLite', (clock) =>
  startSandbox({
    database: join(mkdtempSync(join(tmpdir(), 'sandbox-gateway-')), 'sandbox.db'),
    now: clock.now,
  }),
);

// Without WALLET_TEST_PG_URL (a developer machine without PostgreSQL) this suite cannot run;
// scripts/test.sh always sets it, and in CI its absence fails the file (requirePostgresInCi).
describe.skipIf(PG_ADMIN_URL === undefined)('with PostgreSQL', () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());
  gatewaySuite('PostgreSQL', async (clock) => {
    database = await createTestDatabase('sandbox_gateway');
    return startSandbox({ database: database.url, now: clock.now });
  });
});
