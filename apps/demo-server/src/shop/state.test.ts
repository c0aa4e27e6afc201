import { describe, expect, it } from 'vitest';
import { paiseOf, rupees, ShopState } from './state.js';

describe('the shop amounts', () => {
  it('reads rupees typed by a customer as paise, exactly', () => {
    expect(paiseOf('525')).toBe(52_500);
    expect(paiseOf('249.5')).toBe(24_950);
    expect(paiseOf(' 0.01 ')).toBe(1);
    expect(paiseOf('1000.00')).toBe(100_000);
  });

  it('refuses what is not a positive amount of at most two decimals', () => {
    for (const text of ['', '0', '0.00', '-5', '1.234', '1e3', '12,50', 'abc', '12345678']) {
      expect(paiseOf(text)).toBeUndefined();
    }
  });

  it('writes paise as rupees and reads them back', () => {
    for (const paise of [1, 10, 99, 100, 24_950, 52_500, 99_998, 1_000_000]) {
      expect(paiseOf(rupees(paise))).toBe(paise);
    }
    expect(rupees(0)).toBe('0.00');
    expect(rupees(-150)).toBe('-1.50');
  });
});

describe('the shop txnids', () => {
  it('are unique and within PayU rules (1-25 of A-Z a-z 0-9 _ -)', () => {
    const state = new ShopState();
    const ids = Array.from({ length: 500 }, () => state.newTxnid());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,25}$/);
  });
});
