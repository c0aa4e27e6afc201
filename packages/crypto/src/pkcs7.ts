/** AES block size in bytes. */
export const BLOCK_SIZE = 16;

/** How many PKCS#7 padding bytes follow `length` bytes of data: 1 to 16, never 0. */
export function paddingFor(length: number): number {
  return BLOCK_SIZE - (length % BLOCK_SIZE);
}

/**
 * The length of the data inside PKCS#7-padded `blocks`, or -1 when the padding is invalid (last
 * byte 0 or above 16, or the padding bytes not all equal to it). Every padding byte is checked,
 * as OpenSSL and Java's PKCS5Padding do.
 */
export function unpaddedLength(blocks: Uint8Array): number {
  const length = blocks.length;
  const padding = blocks[length - 1] ?? 0;
  if (padding === 0 || padding > BLOCK_SIZE || padding > length) return -1;
  let mismatch = 0;
  for (let i = length - padding; i < length; i++) mismatch |= (blocks[i] ?? 0) ^ padding;
  return mismatch === 0 ? length - padding : -1;
}
