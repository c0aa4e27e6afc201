// Shared by the test files only; no entry point imports this module, so it is never published.
import { readFileSync } from 'node:fs';
import type { Aes192Cbc } from './aes-cbc.js';
import { nodeAes192Cbc } from './aes-cbc.node.js';
import { webAes192Cbc } from './aes-cbc.web.js';

/** One `envelope` vector of fixtures/wallet-vectors.json, computed with the openssl CLI. */
export interface EnvelopeVector {
  readonly name: string;
  readonly keyHex: string;
  readonly ivHex: string;
  readonly plaintext: string;
  readonly fixedIvToken: string;
  readonly ivPrefixedToken: string;
}

/** Read relative to this file so it works under Node 20, Node 24 and Bun alike. */
export const envelopeVectors: readonly EnvelopeVector[] = JSON.parse(
  readFileSync(new URL('../../../fixtures/wallet-vectors.json', import.meta.url), 'utf8'),
).envelope;

/** Both AES implementations, so every behaviour is checked on the Node and the web build. */
export const implementations: readonly { readonly name: string; readonly aes: Aes192Cbc }[] = [
  { name: 'node:crypto', aes: nodeAes192Cbc },
  { name: '@noble/ciphers', aes: webAes192Cbc },
];

/**
 * `aes` with its randomness replaced by the repeated `iv`, so prefix-mode tokens are
 * reproducible. Test-only: it makes every message use the same IV.
 */
export function withForcedIv(aes: Aes192Cbc, iv: Uint8Array): Aes192Cbc {
  return {
    encryptBlocks: aes.encryptBlocks,
    decryptBlocks: aes.decryptBlocks,
    fillRandom(target) {
      for (let at = 0; at < target.length; at += iv.length) target.set(iv, at);
    },
  };
}

/** The error `action` throws; fails the test if it returns instead. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw, but it returned');
}

export function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}
