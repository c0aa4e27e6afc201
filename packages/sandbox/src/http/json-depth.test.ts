import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textNestsDeeperThan, valueNestsDeeperThan } from './json-depth.js';

/** The nesting depth of a JSON value, by plain recursion (fine for the small values generated here). */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('JSON nesting bounds', () => {
  it('agree with the real depth of any JSON value, for the text and for the parsed value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 0, max: 14 }), (value, max) => {
        const deeper = depthOf(value) > max;
        expect(textNestsDeeperThan(JSON.stringify(value), max)).toBe(deeper);
        expect(valueNestsDeeperThan(value, max)).toBe(deeper);
      }),
    );
  });

  it('ignore brackets inside strings, escaped quotes included', () => {
    expect(textNestsDeeperThan('{"a":"[[[[{{{{\\"[[["}', 1)).toBe(false);
    expect(textNestsDeeperThan('[[1]]', 1)).toBe(true);
  });

  it('handle nesting far beyond the stack without recursion', () => {
    const text = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(textNestsDeeperThan(text, 32)).toBe(true);
    let value: unknown = [];
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(valueNestsDeeperThan(value, 32)).toBe(true);
  });
});
