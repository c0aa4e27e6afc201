/** Every method against the real sandbox over real sockets (127.0.0.1, a free port). */
import { REPLAYED_HEADER } from '@wallet/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkStatus,
  createWalletClient,
  createWalletCore,
  load,
  registerCustomer,
  retrieveCustomer,
  statementEntries,
  type WalletClient,
} from './index.js';
import {
  credit,
  debit,
  type ListeningSandbox,
  MERCHANTS,
  newCustomer,
  startSandbox,
  today,
} from './test-sandbox.js';

let sandbox: ListeningSandbox;
let client: WalletClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = createWalletClient(sandbox.config());
});
afterAll(async () => {
  await sandbox.close();
});

describe('every API over a socket', () => {
  it('registers a customer and retrieves the record', async () => {
    const params = newCustomer({ formFactorRequired: true, kycProfile: 150 });
    const registered = await client.registerCustomer(params);
    expect(registered.responseMessage).toBe('CUSTOMER REGISTERED SUCCESSFULLY');
    expect(registered.urn).toMatch(/^\d{11}$/);
    expect(registered.formFactor?.urn).toBe(registered.urn);

    const record = await client.retrieveCustomer({
      customerMobile: params.customerDetails.mobileNumber,
    });
    expect(record).toMatchObject({
      customerId: registered.customerId,
      urn: registered.urn,
      mobile: params.customerDetails.mobileNumber,
      firstName: 'Asha',
      walletStatus: 'ACTIVE',
      kycProfile: 150,
      availableBalance: 0,
    });
  });

  it('updates a profile', async () => {
    const { urn } = await client.registerCustomer(newCustomer());
    const updated = await client.updateProfile({
      productId: 35,
      urn,
      firstName: 'Ashima',
      cardProfileId: 150,
    });
    expect(updated).toMatchObject({
      urn,
      cardProfileId: 150,
      responseMessage: 'PROFILE UPDATED SUCCESSFULLY',
    });
    expect((await client.retrieveCustomer({ urn })).firstName).toBe('Ashima');
  });

  it('loads and unloads money, and checks the status of an earlier call', async () => {
    const { urn } = await client.registerCustomer(newCustomer());
    const loaded = await client.load(credit(urn, 52_500), { clientTxnId: 'it-load-0001' });
    expect(loaded).toMatchObject({ urn, transactionAmount: 52_500, availableBalance: 52_500 });
    expect(loaded.accosaTransactionId).toMatch(/^\d{10}$/);
    const unloaded = await client.unload(debit(urn, 2_500));
    expect(unloaded).toMatchObject({
      availableBalance: 50_000,
      responseMessage: 'UNLOAD SUCCESSFUL',
    });

    const status = await client.checkStatus({ verifyclientTxnId: 'it-load-0001' });
    expect(status.responseDump).toHaveLength(1);
    expect(status.responseDump[0]).toMatchObject({
      clientTxnId: 'it-load-0001',
      messageCode: 1081,
      responseCode: '00',
    });
  });

  it('changes a wallet status', async () => {
    const { formFactor } = await client.registerCustomer(newCustomer({ formFactorRequired: true }));
    const accountNumber = formFactor?.accountNumber ?? '';
    const changed = await client.changeWalletStatus({
      accountNumber,
      statusType: 'Credit',
      reason: 'review',
    });
    expect(changed).toMatchObject({ accountNumber, statusType: 'Credit' });
    expect((await client.retrieveCustomer({ urn: formFactor?.urn ?? '' })).walletStatus).toBe(
      'CREDIT',
    );
  });

  it('reads a statement page, and walks every page with for await', async () => {
    const { urn } = await client.registerCustomer(newCustomer());
    for (const amount of [100, 200, 300, 400, 500]) await client.load(credit(urn, amount));
    const range = { urn, fromDate: today(), toDate: today() };

    const first = await client.statement({ ...range, count: 2 });
    expect(first.statementDetails.map((e) => e.transactionAmount)).toEqual([100, 200]);
    expect(first).toMatchObject({
      openingBalance: 0,
      closingBalance: 1500,
      pageNumber: 1,
      count: 2,
    });

    const pages: number[][] = [];
    for await (const page of client.statementPages({ ...range, count: 2 })) {
      pages.push(page.statementDetails.map((e) => e.transactionAmount));
    }
    expect(pages.flat()).toEqual([100, 200, 300, 400, 500]);
    expect(pages.slice(0, 3)).toEqual([[100, 200], [300, 400], [500]]);

    const entries = [];
    for await (const entry of client.statementEntries({ ...range, count: 3 })) entries.push(entry);
    expect(entries.map((e) => e.availableBalance)).toEqual([100, 300, 600, 1000, 1500]);
    expect(entries.every((e) => e.transactionType === 'CREDIT' && e.status === 'SUCCESS')).toBe(
      true,
    );

    // Breaking out of the walk stops it.
    let seen = 0;
    for await (const _entry of statementEntries(client.core, { ...range, count: 1 })) {
      seen += 1;
      if (seen === 2) break;
    }
    expect(seen).toBe(2);
  });

  it('encrypts and decrypts through the helper API', async () => {
    const plaintext = {
      messageCode: 1930,
      clientTxnId: 'helper-1',
      customerMobile: '919900000001',
    };
    const token = await client.encryptViaApi(plaintext);
    expect(token).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await client.decryptViaApi(token)).toEqual(plaintext);
  });
});

describe('the same client in other shapes', () => {
  it('works as standalone functions over a core', async () => {
    const core = createWalletCore(sandbox.config());
    const params = newCustomer();
    const { urn } = await registerCustomer(core, params);
    await load(core, credit(urn, 700), { clientTxnId: 'standalone-load-1' });
    expect((await retrieveCustomer(core, { urn })).availableBalance).toBe(700);
    expect(
      (await checkStatus(core, { verifyclientTxnId: 'standalone-load-1' })).responseDump,
    ).toHaveLength(1);
  });

  it('works with a fixed IV and answers in the token field', async () => {
    const fixed = createWalletClient(sandbox.config(MERCHANTS[1].merchantKey));
    const { urn } = await fixed.registerCustomer(newCustomer());
    const { rawBody } = await fixed.retrieveCustomer({ urn }).withResponse();
    expect(Object.keys(JSON.parse(rawBody))).toEqual(['token']);
  });

  it('signs with every documented profile', async () => {
    for (const authProfile of [
      'payu-hmac',
      'payu-hmac+digest',
      'payu-hmac+hmac-sha512+base64',
      'payu-v2',
    ]) {
      const signed = createWalletClient(sandbox.config(undefined, { authProfile }));
      const { response } = await signed.registerCustomer(newCustomer()).withResponse();
      expect(response.headers.get('x-sandbox-auth-profile')).toBe(authProfile);
    }
  });

  it('seals through the helper API when it has no encryption key', async () => {
    const { encryptionKey: _key, ...config } = sandbox.config();
    const keyless = createWalletClient(config);
    expect(keyless.core.encryption).toBe('helper-api');
    const params = newCustomer();
    const { urn } = await keyless.registerCustomer(params);
    expect((await keyless.retrieveCustomer({ urn })).mobile).toBe(
      params.customerDetails.mobileNumber,
    );
  });

  it('repeats a call with the same clientTxnId as a replay: same response, one effect', async () => {
    const { urn } = await client.registerCustomer(newCustomer());
    const first = await client
      .load(credit(urn, 1_000), { clientTxnId: 'replay-load-1' })
      .withResponse();
    const again = await client
      .load(credit(urn, 1_000), { clientTxnId: 'replay-load-1' })
      .withResponse();
    expect(again.data).toEqual(first.data);
    expect(again.response.headers.get(REPLAYED_HEADER)).toBe('true');
    expect((await client.retrieveCustomer({ urn })).availableBalance).toBe(1_000);
  });
});
