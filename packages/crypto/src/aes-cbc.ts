/**
 * The only thing the Node and the web builds do differently: raw AES-192-CBC over whole blocks
 * (padding is handled by the shared code) and the runtime's CSPRNG. Everything else (key parsing,
 * base64, UTF-8, PKCS#7, strict JSON, errors) is shared.
 */
export interface Aes192Cbc {
  /** Encrypts `blocks` (a multiple of 16 bytes) with no padding; returns a new array of equal length. */
  encryptBlocks(key: Uint8Array, iv: Uint8Array, blocks: Uint8Array): Uint8Array;
  /** Decrypts `blocks` (a non-empty multiple of 16 bytes) with no unpadding; equal length out. */
  decryptBlocks(key: Uint8Array, iv: Uint8Array, blocks: Uint8Array): Uint8Array;
  /** Fills `target` with cryptographically secure random bytes. */
  fillRandom(target: Uint8Array<ArrayBuffer>): void;
}
