import { IV_BYTES } from './key.js';

/** IVs drawn per refill: one CSPRNG call serves this many messages. */
const IVS_PER_REFILL = 256;

/**
 * Hands out fresh random IVs from a buffer refilled by the runtime's CSPRNG. A CSPRNG call costs
 * about as much as a whole AES call, so one call fills 256 IVs, as Node's own `randomUUID()`
 * does. IVs are public (they travel in the token), every byte is handed out once, and keys are
 * never drawn from here.
 */
export class RandomIvPool {
  private readonly pool = new Uint8Array(IV_BYTES * IVS_PER_REFILL);
  private offset = this.pool.length;

  constructor(private readonly fillRandom: (target: Uint8Array<ArrayBuffer>) => void) {}

  /** Copies a fresh 16-byte IV into `target` at `at`. */
  takeInto(target: Uint8Array, at: number): void {
    if (this.offset === this.pool.length) {
      this.fillRandom(this.pool);
      this.offset = 0;
    }
    const start = this.offset;
    this.offset = start + IV_BYTES;
    target.set(this.pool.subarray(start, start + IV_BYTES), at);
  }
}
