import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HashFunctions } from './hashes.js';

/** Hashing through `node:crypto` (OpenSSL on Node, BoringSSL on Bun), codecs through `Buffer`. */
export const nodeHashes: HashFunctions = {
  sha256: () => createHash('sha256'),
  sha512: () => createHash('sha512'),
  hmacSha512: (key) => createHmac('sha512', key),
  randomBytes: (length) => randomBytes(length),
  equalInConstantTime: (a, b) => timingSafeEqual(a, b),
  utf8: (text) => Buffer.from(text, 'utf8'),
  fromHex: (text) => Buffer.from(text, 'hex'),
  fromBase64: (text) => Buffer.from(text, 'base64'),
  toBase64: (bytes) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
};
