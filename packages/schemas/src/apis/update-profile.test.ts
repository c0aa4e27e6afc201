import { describe, expect, it } from 'vitest';
import { examples } from '../examples.js';
import { validateRequest } from '../validate.js';

const head = { messageCode: 1280, clientTxnId: 'u-1', requestDateTime: '20240409090000' };

describe('Update Profile request', () => {
  it('needs the product and customerId or urn', () => {
    expect(validateRequest('updateProfile', { ...head, productId: 35, urn: 5 }).ok).toBe(true);
    const none = validateRequest('updateProfile', { ...head, productId: 35 });
    expect(none.ok || none.summary).toBe('customerId: one of customerId or urn is required');
    const noProduct = validateRequest('updateProfile', { ...head, customerId: 'c' });
    expect(noProduct.ok || noProduct.summary).toBe('productId: is required');
  });

  it.each([
    ['line1', 'x'.repeat(100), true],
    ['line1', 'x'.repeat(101), false],
    ['line2', 'x'.repeat(101), false],
    ['city', 'x'.repeat(100), true],
    ['state', 'x'.repeat(101), false],
    ['country', 'x'.repeat(50), true],
    ['country', 'x'.repeat(51), false],
    ['pincode', '5600011234', true],
    ['pincode', '56000112345', false],
  ])('address.%s of %#', (field, value, ok) => {
    const result = validateRequest('updateProfile', {
      ...examples.updateProfile.request,
      address: { [field]: value },
    });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.issues[0]?.path).toBe(`address.${field}`);
  });

  it('checks names, dates and the card profile like Register Customer does', () => {
    const base = examples.updateProfile.request;
    const badName = validateRequest('updateProfile', { ...base, firstName: 'R2D2' });
    expect(badName.ok || badName.issues[0]?.path).toBe('firstName');
    const badDate = validateRequest('updateProfile', { ...base, dateOfBirth: '29-02-2023' });
    expect(badDate.ok || badDate.summary).toBe('dateOfBirth: must be a real date in DD-MM-YYYY');
    const badProfile = validateRequest('updateProfile', { ...base, cardProfileId: 100 });
    expect(badProfile.ok || badProfile.summary).toBe('cardProfileId: must be 30, 150 or 300');
  });
});
