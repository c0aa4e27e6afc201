import { describe, expect, it } from 'vitest';
import { RandomIvPool } from './random-pool.js';
import { implementations } from './test-helpers.js';

describe.each(implementations)('RandomIvPool on $name randomness', ({ aes }) => {
  it('never hands out the same IV twice, across several refills', () => {
    const pool = new RandomIvPool((target) => aes.fillRandom(target));
    const seen = new Set<string>();
    const target = new Uint8Array(20);
    for (let i = 0; i < 1000; i++) {
      pool.takeInto(target, 2);
      seen.add(Buffer.from(target.subarray(2, 18)).toString('hex'));
    }
    expect(seen.size).toBe(1000);
    // Bytes around the IV are left alone.
    expect([target[0], target[1], target[18], target[19]]).toEqual([0, 0, 0, 0]);
  });

  it('asks the CSPRNG for fresh bytes only when the pool runs dry', () => {
    let refills = 0;
    const pool = new RandomIvPool((target) => {
      refills++;
      aes.fillRandom(target);
    });
    const target = new Uint8Array(16);
    for (let i = 0; i < 256; i++) pool.takeInto(target, 0);
    expect(refills).toBe(1);
    pool.takeInto(target, 0);
    expect(refills).toBe(2);
  });
});
