import { kycLimits, WALLET_STATUS_TYPES, walletStatusEffects } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  codeOf,
  FIXED_MERCHANT,
  loadFields,
  PREFIX_MERCHANT,
  type RunningSandbox,
  register,
  startSandbox,
  unloadFields,
} from '../../testing/fixtures.js';
import type { WalletTestClient } from '../../testing/wallet-test-client.js';

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

async function balanceOf(client: WalletTestClient, urn: string): Promise<unknown> {
  return (await callApi(client, 'retrieveCustomer', { urn })).body?.availableBalance;
}

async function setStatus(client: WalletTestClient, accountNumber: string, statusType: string) {
  return callApi(client, 'changeWalletStatus', { accountNumber, statusType });
}

describe.each([
  ['prefix IVs', PREFIX_MERCHANT.merchantKey],
  ['a fixed IV', FIXED_MERCHANT.merchantKey],
])('Load and Unload (%s)', (_mode, merchantKey) => {
  it('credit and debit in paise, with platform ids and the new balance', async () => {
    const client = running.client(merchantKey);
    const customer = await register(client);
    const load = await callApi(client, 'load', loadFields(customer.urn, 52_500, { fee: 100 }));
    expect(load.status).toBe(200);
    expect(load.body).toMatchObject({
      responseCode: '00',
      messageCode: 1081,
      responseMessage: 'LOAD SUCCESSFUL',
      urn: customer.urn,
      transactionAmount: 52_500,
      availableBalance: 52_500,
    });
    expect(load.body?.accosaTransactionId).toMatch(/^\d{10}$/);
    expect(load.body?.accosaRefNo).toMatch(/^\d+$/);
    expect(load.body?.responseDateTime).toMatch(/^\d{14}$/);

    const unload = await callApi(client, 'unload', unloadFields(customer.urn, 2_500));
    expect(unload.status).toBe(200);
    expect(unload.body).toMatchObject({
      responseCode: '00',
      messageCode: 1481,
      responseMessage: 'UNLOAD SUCCESSFUL',
      transactionAmount: 2_500,
      availableBalance: 50_000,
    });
    expect(unload.body?.accosaTransactionId).not.toBe(load.body?.accosaTransactionId);
    expect(await balanceOf(client, customer.urn)).toBe(50_000);
  });

  it('finds the wallet by mobile number or customerId too', async () => {
    const client = running.client(merchantKey);
    const customer = await register(client);
    const { urn: _urn, ...rest } = loadFields(customer.urn, 100);
    expect(
      (await callApi(client, 'load', { ...rest, customerMobile: customer.mobile })).status,
    ).toBe(200);
    expect(
      (await callApi(client, 'load', { ...rest, customerId: customer.customerId })).status,
    ).toBe(200);
    expect(await balanceOf(client, customer.urn)).toBe(200);
  });
});

describe('Load refusals', () => {
  it('answers 1322 for a zero amount (validation: nothing stored)', async () => {
    const client = running.client();
    const customer = await register(client);
    const response = await callApi(client, 'load', loadFields(customer.urn, 0));
    expect(codeOf(response)).toEqual({ status: 400, code: '1322' });
  });

  it("answers 10153 outside the KYC profile's per-transaction range", async () => {
    const client = running.client();
    const customer = await register(client);
    const max = kycLimits[30].maxLoadPaise;
    expect(codeOf(await callApi(client, 'load', loadFields(customer.urn, max + 1)))).toEqual({
      status: 422,
      code: '10153',
    });
    expect(codeOf(await callApi(client, 'load', loadFields(customer.urn, max)))).toEqual({
      status: 200,
      code: '00',
    });
  });

  it('answers 1050 when the balance would pass the KYC cap, and keeps the balance', async () => {
    const client = running.client();
    const customer = await register(client);
    const cap = kycLimits[30].balanceCapPaise;
    await callApi(client, 'load', loadFields(customer.urn, cap - 100));
    const over = await callApi(client, 'load', loadFields(customer.urn, 101));
    expect(codeOf(over)).toEqual({ status: 422, code: '1050' });
    expect(over.body?.responseMessage).toBe('BALANCE LIMIT EXCEEDED');
    expect(await balanceOf(client, customer.urn)).toBe(cap - 100);
    expect(codeOf(await callApi(client, 'load', loadFields(customer.urn, 100)))).toEqual({
      status: 200,
      code: '00',
    });
  });

  it('answers 1040 for an unknown wallet', async () => {
    const response = await callApi(running.client(), 'load', loadFields('99999999999', 100));
    expect(codeOf(response)).toEqual({ status: 404, code: '1040' });
  });
});

describe('Refunds (Load with originalClientTxnId)', () => {
  it('refunds up to what remains of the debit: 1135 beyond, 1246 for an unknown debit', async () => {
    const client = running.client();
    const customer = await register(client);
    await callApi(client, 'load', loadFields(customer.urn, 1_000));
    const debit = client.request('unload', unloadFields(customer.urn, 300));
    expect((await client.call('unload', debit)).status).toBe(200);
    const original = String(debit.clientTxnId);

    const part = await callApi(
      client,
      'load',
      loadFields(customer.urn, 200, { originalClientTxnId: original }),
    );
    expect(codeOf(part)).toEqual({ status: 200, code: '00' });
    const tooMuch = await callApi(
      client,
      'load',
      loadFields(customer.urn, 101, { originalClientTxnId: original }),
    );
    expect(codeOf(tooMuch)).toEqual({ status: 422, code: '1135' });
    const rest = await callApi(
      client,
      'load',
      loadFields(customer.urn, 100, { originalClientTxnId: original }),
    );
    expect(codeOf(rest)).toEqual({ status: 200, code: '00' });
    expect(await balanceOf(client, customer.urn)).toBe(1_000);

    const unknown = await callApi(
      client,
      'load',
      loadFields(customer.urn, 1, { originalClientTxnId: 'never-sent' }),
    );
    expect(codeOf(unknown)).toEqual({ status: 400, code: '1246' });
  });

  it("answers 1246 when the original is a credit or another wallet's debit", async () => {
    const client = running.client();
    const one = await register(client);
    const other = await register(client);
    const credit = client.request('load', loadFields(one.urn, 500));
    await client.call('load', credit);
    const debit = client.request('unload', unloadFields(one.urn, 100));
    await client.call('unload', debit);
    const ofCredit = await callApi(
      client,
      'load',
      loadFields(one.urn, 1, { originalClientTxnId: String(credit.clientTxnId) }),
    );
    expect(codeOf(ofCredit)).toEqual({ status: 400, code: '1246' });
    const elsewhere = await callApi(
      client,
      'load',
      loadFields(other.urn, 1, { originalClientTxnId: String(debit.clientTxnId) }),
    );
    expect(codeOf(elsewhere)).toEqual({ status: 400, code: '1246' });
  });
});

describe('Unload refusals', () => {
  it('answers 3007 beyond the balance; the balance never goes negative', async () => {
    const client = running.client();
    const customer = await register(client);
    await callApi(client, 'load', loadFields(customer.urn, 1_000));
    const over = await callApi(client, 'unload', unloadFields(customer.urn, 1_001));
    expect(codeOf(over)).toEqual({ status: 422, code: '3007' });
    expect(over.body?.responseMessage).toBe('INSUFFICIENT BALANCE');
    expect(codeOf(await callApi(client, 'unload', unloadFields(customer.urn, 1_000)))).toEqual({
      status: 200,
      code: '00',
    });
    expect(await balanceOf(client, customer.urn)).toBe(0);
  });

  it('answers 1322 for zero and 1040 for an unknown wallet', async () => {
    const client = running.client();
    const customer = await register(client);
    expect(codeOf(await callApi(client, 'unload', unloadFields(customer.urn, 0)))).toEqual({
      status: 400,
      code: '1322',
    });
    expect(codeOf(await callApi(client, 'unload', unloadFields('12345678901', 1)))).toEqual({
      status: 404,
      code: '1040',
    });
  });
});

describe('Wallet statuses block movements as the status table says', () => {
  it.each(WALLET_STATUS_TYPES.map((status) => [status]))('%s', async (status) => {
    const client = running.client();
    const customer = await register(client);
    await callApi(client, 'load', loadFields(customer.urn, 1_000));
    const changed = await setStatus(client, customer.accountNumber, status);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      responseCode: '00',
      messageCode: 3531,
      responseMessage: 'WALLET STATUS UPDATED SUCCESSFULLY',
      accountNumber: customer.accountNumber,
      statusType: status,
    });
    const effect = walletStatusEffects[status];
    const retrieved = await callApi(client, 'retrieveCustomer', { urn: customer.urn });
    expect(retrieved.body?.walletStatus).toBe(effect.walletStatus);

    const credit = await callApi(client, 'load', loadFields(customer.urn, 10));
    const debit = await callApi(client, 'unload', unloadFields(customer.urn, 10));
    const blocksCredit = effect.blocks === 'credit' || effect.blocks === 'both';
    const blocksDebit = effect.blocks === 'debit' || effect.blocks === 'both';
    expect(codeOf(credit)).toEqual(
      blocksCredit ? { status: 422, code: effect.code } : { status: 200, code: '00' },
    );
    expect(codeOf(debit)).toEqual(
      blocksDebit ? { status: 422, code: effect.code } : { status: 200, code: '00' },
    );
    // Declines have no effect.
    const expected = 1_000 + (blocksCredit ? 0 : 10) - (blocksDebit ? 0 : 10);
    expect(await balanceOf(client, customer.urn)).toBe(expected);
  });

  it('lifts blocks when set back to Active', async () => {
    const client = running.client();
    const customer = await register(client);
    await setStatus(client, customer.accountNumber, 'CreditDebit');
    expect(codeOf(await callApi(client, 'load', loadFields(customer.urn, 10)))).toEqual({
      status: 422,
      code: '1121',
    });
    await setStatus(client, customer.accountNumber, 'Active');
    expect(codeOf(await callApi(client, 'load', loadFields(customer.urn, 10)))).toEqual({
      status: 200,
      code: '00',
    });
  });
});

describe('Change Wallet Status', () => {
  it.each([['Permanent'], ['Closed']])(
    'refuses any change after %s with 3533, and keeps blocking with 6002',
    async (final) => {
      const client = running.client();
      const customer = await register(client);
      await setStatus(client, customer.accountNumber, final);
      const back = await setStatus(client, customer.accountNumber, 'Active');
      expect(codeOf(back)).toEqual({ status: 422, code: '3533' });
      expect(back.body?.responseMessage).toBe('STATUS CHANGE NOT ALLOWED');
      expect(codeOf(await callApi(client, 'load', loadFields(customer.urn, 10)))).toEqual({
        status: 422,
        code: '6002',
      });
    },
  );

  it('answers 3532 for an unknown status type and 1040 for an unknown account', async () => {
    const client = running.client();
    const customer = await register(client);
    const unknown = await setStatus(client, customer.accountNumber, 'Frozen');
    expect(codeOf(unknown)).toEqual({ status: 400, code: '3532' });
    const nobody = await setStatus(client, '000000000000', 'Debit');
    expect(codeOf(nobody)).toEqual({ status: 404, code: '1040' });
  });

  it('accepts POST as well as PATCH, and the reserved1/reserved2 names', async () => {
    const client = running.client();
    const customer = await register(client);
    const response = await client.call(
      'changeWalletStatus',
      client.request('changeWalletStatus', {
        accountNumber: customer.accountNumber,
        statusType: 'Dormant',
        reserved1: 'no activity',
        reserved2: 'moved to dormant by a test',
      }),
      { method: 'POST' },
    );
    expect(response.status).toBe(200);
  });
});
