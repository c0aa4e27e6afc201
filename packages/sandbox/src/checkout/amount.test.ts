import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paiseToRupees, rupeesToPaise } from './amount.js';

describe('rupeesToPaise', () => {
  it('converts by the digits, never through a float', () => {
    expect(rupeesToPaise('525.5')).toBe(52_550);
    expect(rupeesToPaise('525.50')).toBe(52_550);
    expect(rupeesToPaise('10')).toBe(1000);
    expect(rupeesToPaise('0.01')).toBe(1);
    expect(rupeesToPaise('1.1')).toBe(110);
    expect(rupeesToPaise('0.29')).toBe(29);
    expect(rupeesToPaise('007.05')).toBe(705);
  });

  it('refuses more than two decimals, zero, signs, exponents and other syntax', () => {
    for (const bad of [
      '1.005',
      '0',
      '0.00',
      '-1',
      '+1',
      '1e3',
      ' 1',
      '1.',
      '.5',
      '1,00',
      '',
      'NaN',
    ]) {
      expect(rupeesToPaise(bad), bad).toBeUndefined();
    }
    expect(rupeesToPaise('99999999999999999999')).toBeUndefined();
  });

  it('round-trips every paise amount through its two-decimal rupees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (paise) => {
        expect(rupeesToPaise(paiseToRupees(paise))).toBe(paise);
      }),
    );
  });
});
