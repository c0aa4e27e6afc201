import { describe, expect, it } from 'vitest';
import { validateRequest } from '../validate.js';

const head = { messageCode: 1930, clientTxnId: 'r-1', requestDateTime: '20240408101000' };

describe('Retrieve Customer Record request', () => {
  it.each([
    { customerMobile: '919988776655' },
    { customerId: '000000000081' },
    { urn: '5' },
    { urn: 5 },
    { emailId: 'a@example.com' },
  ])('accepts a single identifier %j', (identifier) => {
    expect(validateRequest('retrieveCustomer', { ...head, ...identifier }).ok).toBe(true);
  });

  it('requires at least one identifier and says which', () => {
    const result = validateRequest('retrieveCustomer', head);
    expect(result.ok || result.summary).toBe(
      'customerMobile: one of customerMobile, customerId, urn or emailId is required',
    );
  });

  it('checks every identifier given', () => {
    const result = validateRequest('retrieveCustomer', {
      ...head,
      customerId: 'ok',
      customerMobile: '12345',
    });
    expect(result.ok || result.summary).toBe(
      'customerMobile: must be 10 to 15 digits starting with the country calling code',
    );
  });
});
