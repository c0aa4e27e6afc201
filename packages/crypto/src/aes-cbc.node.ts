import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import type { Aes192Cbc } from './aes-cbc.js';

const ALGORITHM = 'aes-192-cbc';

/**
 * AES-192-CBC through `node:crypto` (OpenSSL on Node, BoringSSL on Bun). A cipher object is
 * created per call (CBC needs a fresh IV each time); with padding off and whole blocks in,
 * `update()` returns every block, so `final()` has nothing to add and is skipped.
 */
export const nodeAes192Cbc: Aes192Cbc = {
  encryptBlocks(key, iv, blocks) {
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAutoPadding(false);
    return cipher.update(blocks);
  },
  decryptBlocks(key, iv, blocks) {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAutoPadding(false);
    return decipher.update(blocks);
  },
  fillRandom(target) {
    randomFillSync(target);
  },
};
