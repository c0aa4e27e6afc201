import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoreError } from './errors.js';
import { drawDigits, IDENTIFIER_LENGTHS, randomDigits } from './identifiers.js';

describe('randomDigits', () => {
  it('returns exactly the requested number of digits, never starting with 0 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (length) => {
        const digits = randomDigits(length);
        expect(digits).toHaveLength(length);
        expect(digits).toMatch(/^[1-9][0-9]*$/);
      }),
    );
  });

  it('spreads its draws (no repeats among a thousand 11-digit URNs)', () => {
    const draws = new Set(Array.from({ length: 1000 }, () => randomDigits(IDENTIFIER_LENGTHS.urn)));
    expect(draws.size).toBe(1000);
  });
});

describe('drawDigits', () => {
  it('rejects a source that breaks its contract with STORE_FAULT', () => {
    for (const bad of [() => '123', () => '12345678901x', () => '']) {
      let caught: unknown;
      try {
        drawDigits(bad, 11);
      } catch (error) {
        caught = error;
      }
      expect(isStoreError(caught, 'STORE_FAULT')).toBe(true);
    }
    expect(drawDigits(() => '01234567890', 11)).toBe('01234567890');
  });
});
