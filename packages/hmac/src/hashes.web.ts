import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { CHash, Hash } from '@noble/hashes/utils.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import type { HashFunctions, PendingHash } from './hashes.js';
import type { SignatureEncoding } from './profiles.js';

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Written for `digest`'s two overloads; callers see the PendingHash signature.
function digestAs(bytes: Uint8Array, encoding?: SignatureEncoding): Uint8Array | string {
  if (encoding === undefined) return bytes;
  return encoding === 'hex' ? bytesToHex(bytes) : toBase64(bytes);
}

/** A @noble/hashes hash behind the `node:crypto`-shaped {@link PendingHash}. */
function pending<T extends Hash<T>>(hash: Hash<T>): PendingHash {
  const wrapper = {
    update(data: string | Uint8Array) {
      hash.update(typeof data === 'string' ? encoder.encode(data) : data);
      return wrapper;
    },
    digest: (encoding?: SignatureEncoding) => digestAs(hash.digest(), encoding),
  };
  return wrapper as PendingHash;
}

/** Whether `a` and `b` hold the same bytes: every byte is read, whatever the first difference. */
function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

const sha512Hash: CHash = sha512;

/**
 * Hashing in plain JavaScript through @noble/hashes (synchronous, unlike Web Crypto's `subtle`),
 * for runtimes without `node:crypto`: browsers and Cloudflare Workers without `nodejs_compat`.
 * Randomness from `crypto.getRandomValues`.
 */
export const webHashes: HashFunctions = {
  sha256: () => pending(sha256.create()),
  sha512: () => pending(sha512.create()),
  hmacSha512: (key) => pending(hmac.create(sha512Hash, key)),
  randomBytes: (length) => randomBytes(length),
  equalInConstantTime,
  utf8: (text) => encoder.encode(text),
  fromHex: (text) => hexToBytes(text),
  fromBase64,
  toBase64,
};
