// Everything both builds export besides the two functions bound to their AES implementation.
export type { Envelope, EnvelopeIv, EnvelopeOptions } from './envelope.js';
export {
  CryptoErrorCode,
  ENVELOPE_UNREADABLE_MESSAGE,
  EnvelopeError,
  SealError,
  WalletCryptoError,
  WalletKeyError,
} from './errors.js';
export type { KeyEncoding } from './key.js';
export { type JsonObject, type JsonValue, parseJsonObject } from './strict-json.js';
