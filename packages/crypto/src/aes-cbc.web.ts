import { cbc } from '@noble/ciphers/aes.js';
import type { Aes192Cbc } from './aes-cbc.js';

const NO_PADDING = { disablePadding: true } as const;

/**
 * AES-192-CBC in plain JavaScript (@noble/ciphers), for runtimes whose Web Crypto has no 192-bit
 * AES (Chromium, Cloudflare Workers); randomness from `crypto.getRandomValues`.
 */
export const webAes192Cbc: Aes192Cbc = {
  encryptBlocks(key, iv, blocks) {
    return cbc(key, iv, NO_PADDING).encrypt(blocks);
  },
  decryptBlocks(key, iv, blocks) {
    return cbc(key, iv, NO_PADDING).decrypt(blocks);
  },
  fillRandom(target) {
    globalThis.crypto.getRandomValues(target);
  },
};
