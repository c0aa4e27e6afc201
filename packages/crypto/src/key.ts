import { decodeBase64 } from './base64.js';
import { CryptoErrorCode, WalletKeyError } from './errors.js';
import { decodeHex } from './hex.js';

/** AES-192 key length in bytes. */
export const KEY_BYTES = 24;
/** CBC IV length in bytes. */
export const IV_BYTES = 16;

/**
 * How a string key is written. `'auto'` (the default) takes 48 hex characters or standard base64
 * of 24 bytes (32 characters, refused if all of them are hex digits: that is a 16-byte key in
 * hex); `'hex'` and `'base64'` take only that form; `'utf8'` takes text whose UTF-8 bytes are
 * the key, as Java integrations often hold it.
 */
export type KeyEncoding = 'auto' | 'hex' | 'base64' | 'utf8';

/** A parsed IV mode. */
export type IvMode =
  | { readonly kind: 'prefix' }
  | { readonly kind: 'fixed'; readonly iv: Uint8Array };

const HEX_KEY_LENGTH = KEY_BYTES * 2;
const BASE64_KEY_LENGTH = (KEY_BYTES / 3) * 4;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const HEX_ONLY = /^[0-9a-fA-F]*$/;
const utf8 = new TextEncoder();

const EXPECTED = {
  type: 'expected a string (48 hex characters, or base64 of 24 bytes) or a Uint8Array of 24 bytes',
  auto: "expected 48 hex characters or standard base64 of 24 bytes (32 characters); for a 24-character text key pass keyEncoding: 'utf8'",
  hex: "expected 48 hex characters (24 bytes) for keyEncoding 'hex'",
  base64: "expected standard base64 of exactly 24 bytes (32 characters) for keyEncoding 'base64'",
  utf8: "expected text whose UTF-8 encoding is exactly 24 bytes (for example 24 ASCII characters) for keyEncoding 'utf8'",
  hex16:
    "expected 48 hex characters (24 bytes), but 32 hex characters are a 16-byte (AES-128) key; if it really is base64 of 24 bytes, pass keyEncoding: 'base64'",
  bytes: 'expected a Uint8Array of exactly 24 bytes (AES-192)',
  bytesEncoding: 'keyEncoding applies to string keys only; pass a Uint8Array key without it',
  encoding: "expected keyEncoding 'auto', 'hex', 'base64' or 'utf8'",
} as const;

function invalidKey(expected: string): WalletKeyError {
  return new WalletKeyError(CryptoErrorCode.InvalidKey, expected);
}

function isKeyEncoding(value: unknown): value is KeyEncoding {
  return value === 'auto' || value === 'hex' || value === 'base64' || value === 'utf8';
}

/**
 * Turns a configured key into its 24 bytes (a private copy), or throws a {@link WalletKeyError}
 * with code `INVALID_KEY` that says what was expected and never repeats the key.
 */
export function parseKey(key: unknown, keyEncoding: unknown = 'auto'): Uint8Array {
  if (!isKeyEncoding(keyEncoding)) throw invalidKey(EXPECTED.encoding);
  if (key instanceof Uint8Array) {
    if (keyEncoding !== 'auto') throw invalidKey(EXPECTED.bytesEncoding);
    if (key.length !== KEY_BYTES) throw invalidKey(EXPECTED.bytes);
    return Uint8Array.from(key);
  }
  if (typeof key !== 'string') throw invalidKey(EXPECTED.type);
  const bytes = decodeKeyString(key, keyEncoding);
  if (bytes === undefined || bytes.length !== KEY_BYTES) throw invalidKey(EXPECTED[keyEncoding]);
  return bytes;
}

function decodeKeyString(key: string, keyEncoding: KeyEncoding): Uint8Array | undefined {
  switch (keyEncoding) {
    case 'hex':
      return key.length === HEX_KEY_LENGTH ? decodeHex(key) : undefined;
    case 'base64':
      return key.length === BASE64_KEY_LENGTH ? copy(decodeBase64(key)) : undefined;
    case 'utf8':
      return LONE_SURROGATE.test(key) ? undefined : utf8.encode(key);
    case 'auto':
      if (key.length === HEX_KEY_LENGTH) return decodeHex(key);
      // 32 hex digits are also valid base64 of 24 bytes, but far more likely a 16-byte
      // (AES-128) key in hex; a random base64 key is all hex digits with odds of about 1e-15.
      if (key.length === BASE64_KEY_LENGTH && HEX_ONLY.test(key)) throw invalidKey(EXPECTED.hex16);
      if (key.length === BASE64_KEY_LENGTH) return copy(decodeBase64(key));
      return undefined;
  }
}

/** A standalone copy, so a key never lives in a shared Buffer pool slab. */
function copy(bytes: Uint8Array | undefined): Uint8Array | undefined {
  return bytes === undefined ? undefined : Uint8Array.from(bytes);
}

/**
 * Turns the configured IV option into an {@link IvMode}: `undefined` or `'prefix'` for a fresh
 * random IV per message, `{ fixed: <32 hex characters> }` for a static IV. Anything else throws a
 * {@link WalletKeyError} with code `INVALID_IV`.
 */
export function parseIvMode(iv: unknown): IvMode {
  if (iv === undefined || iv === 'prefix') return { kind: 'prefix' };
  if (typeof iv === 'object' && iv !== null && 'fixed' in iv) {
    const fixed: unknown = iv.fixed;
    const bytes =
      typeof fixed === 'string' && fixed.length === IV_BYTES * 2 ? decodeHex(fixed) : undefined;
    if (bytes !== undefined) return { kind: 'fixed', iv: bytes };
  }
  throw new WalletKeyError(
    CryptoErrorCode.InvalidIv,
    "expected 'prefix' or { fixed: <32 hex characters> } (16 bytes)",
  );
}
