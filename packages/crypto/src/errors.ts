/**
 * The stable `code` of every error this package throws. Compare against these, never against a
 * message: messages may be reworded, codes never change.
 */
export const CryptoErrorCode = {
  /** The configured key is not a 24-byte AES-192 key in an accepted encoding. */
  InvalidKey: 'INVALID_KEY',
  /** The configured IV mode is neither `'prefix'` nor `{ fixed: <32 hex characters> }`. */
  InvalidIv: 'INVALID_IV',
  /** A token could not be opened. Deliberately says nothing about why. */
  EnvelopeUnreadable: 'ENVELOPE_UNREADABLE',
  /** `seal()` was given a value that does not serialize to a JSON object. */
  UnsealableValue: 'UNSEALABLE_VALUE',
} as const;

/** One of the values of {@link CryptoErrorCode}. */
export type CryptoErrorCode = (typeof CryptoErrorCode)[keyof typeof CryptoErrorCode];

/**
 * Base class of every error thrown by `@wallet/crypto`. Messages are fixed texts: they never
 * contain key material, IVs, tokens or plaintext.
 */
export abstract class WalletCryptoError extends Error {
  abstract readonly code: CryptoErrorCode;
}

/**
 * Configuration error raised by `createEnvelope()`: a bad key or IV, found at start-up. `code`
 * says which setting is at fault and `expected` what it should have been, so a caller that names
 * the setting its own way (a client setting, an environment variable) reads both and never parses
 * the message.
 */
export class WalletKeyError extends WalletCryptoError {
  override readonly name = 'WalletKeyError';
  readonly code: typeof CryptoErrorCode.InvalidKey | typeof CryptoErrorCode.InvalidIv;
  /** What was expected, without the setting's name: `expected 48 hex characters (24 bytes) ...`. */
  readonly expected: string;

  constructor(
    code: typeof CryptoErrorCode.InvalidKey | typeof CryptoErrorCode.InvalidIv,
    expected: string,
  ) {
    super(`Invalid envelope ${code === CryptoErrorCode.InvalidIv ? 'IV' : 'key'}: ${expected}.`);
    this.code = code;
    this.expected = expected;
  }
}

/** The one fixed message of {@link EnvelopeError}, whatever made the token unreadable. */
export const ENVELOPE_UNREADABLE_MESSAGE = 'The envelope token could not be opened.';

/**
 * Raised by `open()` for every kind of unreadable token (not a string, bad base64, wrong length,
 * bad padding, invalid UTF-8, not JSON, not a JSON object, duplicate or `__proto__` keys). It is
 * the same class, code and message in every case and carries no `cause`, so callers cannot turn
 * it into a padding oracle.
 */
export class EnvelopeError extends WalletCryptoError {
  override readonly name = 'EnvelopeError';
  readonly code: typeof CryptoErrorCode.EnvelopeUnreadable = CryptoErrorCode.EnvelopeUnreadable;

  constructor() {
    super(ENVELOPE_UNREADABLE_MESSAGE);
  }
}

/** Raised by `seal()` when the value does not serialize to a JSON object. */
export class SealError extends WalletCryptoError {
  override readonly name = 'SealError';
  readonly code: typeof CryptoErrorCode.UnsealableValue = CryptoErrorCode.UnsealableValue;

  constructor() {
    super(
      'seal() needs a value that JSON.stringify turns into a JSON object that open() accepts (not an array, a primitive, undefined, a BigInt, a cyclic structure, or one with a __proto__ key).',
    );
  }
}
