/**
 * `@wallet/crypto` on Node and Bun: AES-192-CBC through `node:crypto`.
 * @packageDocumentation
 */
import { nodeAes192Cbc } from './aes-cbc.node.js';
import {
  createEnvelopeWith,
  type Envelope,
  type EnvelopeOptions,
  generateKeyWith,
} from './envelope.js';

export * from './public.js';

/**
 * Creates an envelope that seals values into tokens and opens tokens back into values. The key
 * and IV are checked here, so a bad configuration fails at start-up.
 * @throws {WalletKeyError} `INVALID_KEY` or `INVALID_IV`, saying what was expected.
 */
export function createEnvelope(options: EnvelopeOptions): Envelope {
  return createEnvelopeWith(options, nodeAes192Cbc);
}

/** Returns a new random 24-byte AES-192 key as 48 lowercase hex characters. */
export function generateKey(): string {
  return generateKeyWith(nodeAes192Cbc);
}
