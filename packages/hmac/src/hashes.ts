import type { SignatureEncoding } from './profiles.js';

/** A started SHA-256, SHA-512 or HMAC-SHA512: fed with `update()`, read once with `digest()`. */
export interface PendingHash {
  /** Adds `data` (a string is hashed as its UTF-8 bytes). */
  update(data: string | Uint8Array): PendingHash;
  digest(): Uint8Array;
  digest(encoding: SignatureEncoding): string;
}

/**
 * The only thing the Node and the web builds do differently: hashing, randomness, the
 * constant-time comparison and the byte codecs. Everything else (the header grammar, profiles,
 * dates, the order of the checks, errors) is shared.
 */
export interface HashFunctions {
  sha256(): PendingHash;
  sha512(): PendingHash;
  hmacSha512(key: Uint8Array): PendingHash;
  /** `length` bytes from the runtime's CSPRNG. */
  randomBytes(length: number): Uint8Array;
  /** Whether `a` and `b` (of equal length) hold the same bytes, in time independent of where they differ. */
  equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean;
  utf8(text: string): Uint8Array;
  /** The bytes of lowercase hex (the caller checked the text's form). */
  fromHex(text: string): Uint8Array;
  /** The bytes of standard padded base64 (the caller checked the text's form). */
  fromBase64(text: string): Uint8Array;
  toBase64(bytes: Uint8Array): string;
}
