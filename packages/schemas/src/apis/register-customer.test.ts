import { describe, expect, it } from 'vitest';
import { examples } from '../examples.js';
import { validateRequest, validateResponse } from '../validate.js';
import {
  REGISTER_DEFAULTS,
  registerCustomerParamsSchema,
  registerCustomerResponseSchema,
} from './register-customer.js';

const sample = examples.registerCustomer.request;

describe('Register Customer request', () => {
  it('rejects unknown fields at the top and inside customerDetails', () => {
    const top = validateRequest('registerCustomer', { ...sample, nickname: 'Al' });
    expect(top.ok || top.summary).toBe('nickname: is not an allowed field');
    const nested = validateRequest('registerCustomer', {
      ...sample,
      customerDetails: { ...sample.customerDetails, age: 23 },
    });
    expect(nested.ok || nested.summary).toBe('customerDetails.age: is not an allowed field');
  });

  it('names the nested field and rule of a bad date of birth', () => {
    const result = validateRequest('registerCustomer', {
      ...sample,
      customerDetails: { ...sample.customerDetails, dateOfBirth: '31-02-2000' },
    });
    expect(result.ok || result.summary).toBe(
      'customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY',
    );
    expect(result.ok || result.responseCode).toBe('1020');
  });

  it('requires the mandatory fields, including those the SDK defaults', () => {
    const { kycProfile: _k, riskCategory: _r, formFactorRequired: _f, ...rest } = sample;
    const result = validateRequest('registerCustomer', rest);
    expect(result.ok || result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'kycProfile: is required',
      'riskCategory: is required',
      'formFactorRequired: is required',
    ]);
  });

  it('accepts an optional customerId of 1-50 characters and all optional details', () => {
    const result = validateRequest('registerCustomer', {
      ...sample,
      customerId: 'CUST-0001',
      customerDetails: {
        ...sample.customerDetails,
        middleName: 'B.',
        gender: 'F',
        emailAddress: 'alice@example.com',
      },
    });
    expect(result.ok).toBe(true);
  });
});

describe('Register Customer params (what a client method takes)', () => {
  it('fills the SDK defaults: kycProfile 30, riskCategory Low, formFactorRequired false', () => {
    const parsed = registerCustomerParamsSchema.parse({
      customerDetails: sample.customerDetails,
      productId: 35,
    });
    expect(parsed).toMatchObject(REGISTER_DEFAULTS);
    expect(REGISTER_DEFAULTS).toEqual({
      kycProfile: 30,
      riskCategory: 'Low',
      formFactorRequired: false,
    });
  });

  it('keeps values the caller gave', () => {
    const parsed = registerCustomerParamsSchema.parse({
      customerDetails: sample.customerDetails,
      productId: 35,
      kycProfile: 150,
      riskCategory: 'High',
      formFactorRequired: true,
    });
    expect(parsed).toMatchObject({
      kycProfile: 150,
      riskCategory: 'High',
      formFactorRequired: true,
    });
  });

  it('does not accept the three common fields', () => {
    const result = registerCustomerParamsSchema.safeParse({
      customerDetails: sample.customerDetails,
      productId: 35,
      clientTxnId: 'x',
    });
    expect(result.success).toBe(false);
  });
});

describe('Register Customer response', () => {
  it('keeps fields the platform adds and reads a numeric urn as a string', () => {
    const parsed = registerCustomerResponseSchema.parse({
      ...examples.registerCustomer.response,
      urn: 10000000005,
      newPlatformField: { a: 1 },
    });
    expect(parsed.urn).toBe('10000000005');
    expect((parsed as Record<string, unknown>).newPlatformField).toEqual({ a: 1 });
  });

  it('accepts a response without formFactor, and refuses a failure code', () => {
    const { formFactor: _f, ...rest } = examples.registerCustomer.response;
    expect(validateResponse('registerCustomer', rest).ok).toBe(true);
    const failure = validateResponse('registerCustomer', { ...rest, responseCode: '1030' });
    expect(failure.ok).toBe(false);
  });
});
