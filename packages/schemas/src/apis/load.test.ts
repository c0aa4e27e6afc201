import { describe, expect, it } from 'vitest';
import { examples } from '../examples.js';
import { validateRequest } from '../validate.js';

const load = examples.load.request;
const unload = examples.unload.request;

describe('Load request', () => {
  it('requires one of customerMobile, customerId, urn', () => {
    const { urn: _urn, ...rest } = load;
    const result = validateRequest('load', rest);
    expect(result.ok || result.summary).toBe(
      'customerMobile: one of customerMobile, customerId or urn is required',
    );
    expect(validateRequest('load', { ...rest, customerId: 'c-1' }).ok).toBe(true);
  });

  it.each([
    [1, true, undefined],
    [999_999_999_999, true, undefined],
    [1_000_000_000_000, false, '1020'],
    [0, false, '1322'],
    [-1, false, '1020'],
    [1.5, false, '1020'],
    ['100', false, '1020'],
    [2 ** 53, false, '1020'],
  ])('transactionAmount %j: ok=%s, code %s', (amount, ok, code) => {
    const result = validateRequest('load', { ...load, transactionAmount: amount });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.responseCode).toBe(code);
      expect(result.issues[0]?.path).toBe('transactionAmount');
    }
  });

  it('accepts INR only, source types 0 and 1, and a refund marker', () => {
    expect(validateRequest('load', { ...load, loadCurrency: 'USD' }).ok).toBe(false);
    expect(validateRequest('load', { ...load, sourceType: 0 }).ok).toBe(true);
    expect(validateRequest('load', { ...load, sourceType: 2 }).ok).toBe(false);
    expect(validateRequest('load', { ...load, originalClientTxnId: 'unload_0001' }).ok).toBe(true);
    expect(validateRequest('load', { ...load, originalClientTxnId: 'bad id' }).ok).toBe(false);
  });

  it('limits sender, implId and implType to 1-100 characters', () => {
    for (const field of ['sender', 'implId', 'implType']) {
      expect(validateRequest('load', { ...load, [field]: 'x'.repeat(100) }).ok).toBe(true);
      const long = validateRequest('load', { ...load, [field]: 'x'.repeat(101) });
      expect(long.ok || long.summary).toBe(`${field}: must be 1 to 100 characters`);
      expect(validateRequest('load', { ...load, [field]: '' }).ok).toBe(false);
    }
  });

  it('rejects Unload-only fields', () => {
    const result = validateRequest('load', { ...load, receiver: 'x' });
    expect(result.ok || result.summary).toBe('receiver: is not an allowed field');
  });
});

describe('Unload request', () => {
  it('takes a receiver instead of a sender, and no load-only fields', () => {
    expect(validateRequest('unload', unload).ok).toBe(true);
    const { receiver: _r, ...rest } = unload;
    const missing = validateRequest('unload', rest);
    expect(missing.ok || missing.summary).toBe('receiver: is required');
    const extra = validateRequest('unload', { ...unload, loadCurrency: 'INR' });
    expect(extra.ok || extra.summary).toBe('loadCurrency: is not an allowed field');
  });

  it('answers 1322 for a zero amount and accepts a zero fee', () => {
    const zero = validateRequest('unload', { ...unload, transactionAmount: 0 });
    expect(zero.ok || zero.responseCode).toBe('1322');
    expect(validateRequest('unload', { ...unload, fee: 0 }).ok).toBe(true);
    expect(validateRequest('unload', { ...unload, fee: -1 }).ok).toBe(false);
  });
});
