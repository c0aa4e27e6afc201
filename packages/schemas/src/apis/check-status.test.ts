import { describe, expect, it } from 'vitest';
import { examples } from '../examples.js';
import { validateRequest, validateResponse } from '../validate.js';

const base = examples.checkStatus.request;

describe('Check Status', () => {
  it('requires the clientTxnId to verify and optional YYYY-MM-DD dates', () => {
    const { fromDate: _f, toDate: _t, ...minimal } = base;
    expect(validateRequest('checkStatus', minimal).ok).toBe(true);
    const bad = validateRequest('checkStatus', { ...base, fromDate: '01/04/2024' });
    expect(bad.ok || bad.summary).toBe('fromDate: must be a real date in YYYY-MM-DD');
    const { verifyclientTxnId: _v, ...missing } = base;
    const none = validateRequest('checkStatus', missing);
    expect(none.ok || none.summary).toBe('verifyclientTxnId: is required');
  });

  it('reads the stored response of any API, keeping all its fields', () => {
    const result = validateResponse('checkStatus', examples.checkStatus.response);
    expect(result.ok && result.value.responseDump[0]).toMatchObject({
      messageCode: 1081,
      availableBalance: 52500,
    });
  });
});
