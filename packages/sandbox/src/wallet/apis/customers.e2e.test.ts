import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  codeOf,
  FIXED_MERCHANT,
  loadFields,
  PREFIX_MERCHANT,
  type RunningSandbox,
  register,
  registerFields,
  startSandbox,
  uniqueMobile,
} from '../../testing/fixtures.js';

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

describe.each([
  ['prefix IVs', PREFIX_MERCHANT.merchantKey],
  ['a fixed IV', FIXED_MERCHANT.merchantKey],
])('Register Customer (%s)', (_mode, merchantKey) => {
  it('issues an 11-digit URN, and a form factor with a 16-digit unique number when asked', async () => {
    const client = running.client(merchantKey);
    const response = await callApi(client, 'registerCustomer', registerFields());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      responseCode: '00',
      messageCode: 3511,
      responseMessage: 'CUSTOMER REGISTERED SUCCESSFULLY',
    });
    const body = response.body ?? {};
    expect(body.urn).toMatch(/^\d{11}$/);
    expect(body.customerId).toMatch(/^\d{12}$/);
    const formFactor = body.formFactor as Record<string, unknown>;
    expect(formFactor.uniqueNumber).toMatch(/^\d{16}$/);
    expect(formFactor.urn).toBe(body.urn);
    expect(typeof formFactor.accountNumber).toBe('string');
  });

  it('leaves the form factor out when formFactorRequired is false, and keeps a given customerId', async () => {
    const client = running.client(merchantKey);
    const customerId = `cust-${uniqueMobile()}`;
    const response = await callApi(
      client,
      'registerCustomer',
      registerFields({ formFactorRequired: false, customerId }),
    );
    expect(response.status).toBe(200);
    expect(response.body?.customerId).toBe(customerId);
    expect(response.body).not.toHaveProperty('formFactor');
  });
});

describe('Register Customer refusals', () => {
  it('answers 1030 (409) when the mobile number or the customerId is taken', async () => {
    const client = running.client();
    const first = await register(client, { customerId: `taken-${uniqueMobile()}` });
    const sameMobile = await callApi(
      client,
      'registerCustomer',
      registerFields({}, { mobileNumber: first.mobile }),
    );
    expect(codeOf(sameMobile)).toEqual({ status: 409, code: '1030' });
    expect(sameMobile.body?.responseMessage).toBe('CUSTOMER ALREADY EXISTS');
    const sameId = await callApi(
      client,
      'registerCustomer',
      registerFields({ customerId: first.customerId }),
    );
    expect(codeOf(sameId)).toEqual({ status: 409, code: '1030' });
  });

  it('scopes customers per merchant: another merchant may register the same mobile', async () => {
    const mine = await register(running.client(PREFIX_MERCHANT.merchantKey));
    const theirs = await callApi(
      running.client(FIXED_MERCHANT.merchantKey),
      'registerCustomer',
      registerFields({}, { mobileNumber: mine.mobile }),
    );
    expect(theirs.status).toBe(200);
  });

  it('answers 1020 naming the nested field and its rule', async () => {
    const response = await callApi(
      running.client(),
      'registerCustomer',
      registerFields({}, { dateOfBirth: '31-02-2000' }),
    );
    expect(codeOf(response)).toEqual({ status: 400, code: '1020' });
    expect(response.body?.responseMessage).toBe(
      'customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY',
    );
  });

  it('refuses a customerId holding a NUL (1020), which no store could keep as sent', async () => {
    const client = running.client();
    const response = await callApi(
      client,
      'registerCustomer',
      registerFields({ customerId: '\u0000' }),
    );
    expect(codeOf(response)).toEqual({ status: 400, code: '1020' });
    expect(response.body?.responseMessage).toBe(
      'customerId: must not contain the NUL character (U+0000)',
    );
    const lookup = await callApi(client, 'retrieveCustomer', { customerId: 'a\u0000b' });
    expect(codeOf(lookup)).toEqual({ status: 400, code: '1020' });
  });

  it('refuses a customerId with a lone surrogate (1020), so it never becomes another id', async () => {
    const client = running.client();
    const other = await register(client, { customerId: 't\ufffd\ufffd\ufffdX' });
    const response = await callApi(
      client,
      'registerCustomer',
      registerFields({ customerId: 't\ud800X' }),
    );
    expect(codeOf(response)).toEqual({ status: 400, code: '1020' });
    expect(response.body?.responseMessage).toBe(
      'customerId: must be well-formed Unicode (no lone surrogates)',
    );
    const lookup = await callApi(client, 'retrieveCustomer', { customerId: 't\ud800X' });
    expect(codeOf(lookup)).toEqual({ status: 400, code: '1020' });
    const found = await callApi(client, 'retrieveCustomer', { customerId: other.customerId });
    expect(found.body?.customerId).toBe('t\ufffd\ufffd\ufffdX');
  });
});

describe('Retrieve Customer Record', () => {
  it('finds the customer by each identifier, and by all of them together', async () => {
    const client = running.client();
    const customer = await register(client);
    const lookups = [
      { customerMobile: customer.mobile },
      { customerId: customer.customerId },
      { urn: customer.urn },
      { urn: Number(customer.urn) },
      { emailId: 'asha.rao@example.com', customerId: customer.customerId },
      {
        customerMobile: customer.mobile,
        customerId: customer.customerId,
        urn: customer.urn,
      },
    ];
    for (const lookup of lookups) {
      const response = await callApi(client, 'retrieveCustomer', lookup);
      expect(response.status, JSON.stringify(lookup)).toBe(200);
      expect(response.body).toMatchObject({
        responseCode: '00',
        messageCode: 1931,
        responseMessage: 'CUSTOMER RECORD RETRIEVED SUCCESSFULLY',
        customerId: customer.customerId,
        mobile: customer.mobile,
        email: 'asha.rao@example.com',
        firstName: 'Asha',
        lastName: 'Rao',
        urn: customer.urn,
        accountNumber: customer.accountNumber,
        walletStatus: 'ACTIVE',
        kycProfile: 30,
        availableBalance: 0,
      });
    }
  });

  it('reports the balance after loads', async () => {
    const client = running.client();
    const customer = await register(client);
    await callApi(client, 'load', loadFields(customer.urn, 525));
    const response = await callApi(client, 'retrieveCustomer', { urn: customer.urn });
    expect(response.body?.availableBalance).toBe(525);
  });

  it('answers 1040 (404) when identifiers name different customers or nobody', async () => {
    const client = running.client();
    const one = await register(client);
    const other = await register(client);
    const mixed = await callApi(client, 'retrieveCustomer', {
      customerMobile: one.mobile,
      urn: other.urn,
    });
    expect(codeOf(mixed)).toEqual({ status: 404, code: '1040' });
    expect(mixed.body?.responseMessage).toBe('CUSTOMER NOT FOUND');
    const nobody = await callApi(client, 'retrieveCustomer', { customerMobile: uniqueMobile() });
    expect(codeOf(nobody)).toEqual({ status: 404, code: '1040' });
  });

  it("does not find another merchant's customer", async () => {
    const mine = await register(running.client(PREFIX_MERCHANT.merchantKey));
    const response = await callApi(running.client(FIXED_MERCHANT.merchantKey), 'retrieveCustomer', {
      urn: mine.urn,
    });
    expect(codeOf(response)).toEqual({ status: 404, code: '1040' });
  });

  it('answers 1020 when no identifier is given', async () => {
    const response = await callApi(running.client(), 'retrieveCustomer', {});
    expect(codeOf(response)).toEqual({ status: 400, code: '1020' });
    expect(response.body?.responseMessage).toBe(
      'customerMobile: one of customerMobile, customerId, urn or emailId is required',
    );
  });
});

describe('Update Profile', () => {
  it('changes the profile fields, by customerId or URN, over POST and PATCH', async () => {
    const client = running.client();
    const customer = await register(client);
    const newMobile = uniqueMobile();
    const response = await client.call(
      'updateProfile',
      client.request('updateProfile', {
        productId: 35,
        urn: customer.urn,
        firstName: 'Meera',
        lastName: 'Iyer',
        emailId: 'meera@example.com',
        mobileNumber: newMobile,
        address: { line1: '1 MG Road', city: 'Pune', pincode: '411001' },
      }),
      { method: 'PATCH' },
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      responseCode: '00',
      messageCode: 1281,
      responseMessage: 'PROFILE UPDATED SUCCESSFULLY',
      customerId: customer.customerId,
      urn: customer.urn,
      cardProfileId: 30,
    });
    const after = await callApi(client, 'retrieveCustomer', { customerId: customer.customerId });
    expect(after.body).toMatchObject({
      firstName: 'Meera',
      lastName: 'Iyer',
      email: 'meera@example.com',
      mobile: newMobile,
    });
    const byPost = await client.call(
      'updateProfile',
      client.request('updateProfile', { productId: 35, customerId: customer.customerId }),
      { method: 'POST' },
    );
    expect(byPost.status).toBe(200);
  });

  it('moves the wallet to another KYC profile with cardProfileId, which changes its limits', async () => {
    const client = running.client();
    const customer = await register(client);
    const tooMuchForMinimal = loadFields(customer.urn, 1_500_000);
    expect(codeOf(await callApi(client, 'load', tooMuchForMinimal))).toEqual({
      status: 422,
      code: '10153',
    });
    const response = await callApi(client, 'updateProfile', {
      productId: 35,
      customerId: customer.customerId,
      cardProfileId: 150,
    });
    expect(response.body?.cardProfileId).toBe(150);
    const retrieved = await callApi(client, 'retrieveCustomer', { urn: customer.urn });
    expect(retrieved.body?.kycProfile).toBe(150);
    expect(codeOf(await callApi(client, 'load', tooMuchForMinimal))).toEqual({
      status: 200,
      code: '00',
    });
  });

  it('answers 1030 when the new mobile belongs to another customer, and 1040 for nobody', async () => {
    const client = running.client();
    const one = await register(client);
    const other = await register(client);
    const taken = await callApi(client, 'updateProfile', {
      productId: 35,
      customerId: one.customerId,
      mobileNumber: other.mobile,
    });
    expect(codeOf(taken)).toEqual({ status: 409, code: '1030' });
    const stillMine = await callApi(client, 'retrieveCustomer', { customerId: one.customerId });
    expect(stillMine.body?.mobile).toBe(one.mobile);
    const nobody = await callApi(client, 'updateProfile', {
      productId: 35,
      customerId: 'no-such-customer',
    });
    expect(codeOf(nobody)).toEqual({ status: 404, code: '1040' });
    const mismatch = await callApi(client, 'updateProfile', {
      productId: 35,
      customerId: one.customerId,
      urn: other.urn,
    });
    expect(codeOf(mismatch)).toEqual({ status: 404, code: '1040' });
  });
});
