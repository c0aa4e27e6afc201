import type { Aes192Cbc } from './aes-cbc.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { EnvelopeError, SealError } from './errors.js';
import { encodeHex } from './hex.js';
import { IV_BYTES, KEY_BYTES, type KeyEncoding, parseIvMode, parseKey } from './key.js';
import { BLOCK_SIZE, unpaddedLength } from './pkcs7.js';
import { RandomIvPool } from './random-pool.js';
import { parseJsonObject } from './strict-json.js';
import { decodeUtf8Strict, encodeUtf8Padded } from './utf8.js';

/**
 * Where the IV comes from. `'prefix'` (the default): a fresh random 16-byte IV per message, sent
 * in front of the ciphertext (token = base64(IV ‖ ciphertext)). `{ fixed }`: a static IV of 32
 * hex characters issued with the key (token = base64(ciphertext)).
 */
export type EnvelopeIv = 'prefix' | { readonly fixed: string };

/** Options of `createEnvelope()`. */
export interface EnvelopeOptions {
  /**
   * The 24-byte AES-192 key: 48 hex characters, standard base64 of 24 bytes, or a
   * `Uint8Array` of 24 bytes; with `keyEncoding: 'utf8'`, text whose UTF-8 bytes are the key.
   */
  readonly key: string | Uint8Array;
  /** IV mode; defaults to `'prefix'`. */
  readonly iv?: EnvelopeIv;
  /** How a string `key` is written; defaults to `'auto'` (hex or base64). */
  readonly keyEncoding?: KeyEncoding;
}

/** Seals values into tokens and opens tokens back into values, with one key and IV mode. */
export interface Envelope {
  /**
   * Encrypts the compact JSON of `value` (which must serialize to a JSON object) into a token.
   * @throws {SealError} if `value` does not serialize to a JSON object.
   */
  seal(value: unknown): string;
  /**
   * Decrypts a token into the JSON object it holds (a plain object; never an array or primitive).
   * @throws {EnvelopeError} for any unreadable token, always with the same code and message.
   */
  open(token: unknown): unknown;
  /**
   * Encrypts the UTF-8 of `text` exactly as it is (no JSON), for payloads that are not JSON
   * objects, such as the form-urlencoded `encdata` of PayU's seamless checkout.
   * @throws {SealError} if `text` is not a string.
   */
  sealText(text: string): string;
  /**
   * Decrypts a token into the UTF-8 text it holds, without parsing it.
   * @throws {EnvelopeError} for any unreadable token, always with the same code and message.
   */
  openText(token: unknown): string;
}

/**
 * Builds an envelope on the given AES implementation. Key and IV are parsed and checked here,
 * once; `seal` and `open` only encrypt, decrypt and convert.
 */
export function createEnvelopeWith(options: EnvelopeOptions, aes: Aes192Cbc): Envelope {
  const {
    key: keyOption,
    iv: ivOption,
    keyEncoding,
  } = typeof options === 'object' && options !== null ? options : ({} as Partial<EnvelopeOptions>);
  const key = parseKey(keyOption, keyEncoding);
  const ivMode = parseIvMode(ivOption);

  const encrypt =
    ivMode.kind === 'fixed' ? fixedIvEncrypt(aes, key, ivMode.iv) : prefixEncrypt(aes, key);
  const decrypt =
    ivMode.kind === 'fixed' ? fixedIvDecrypt(aes, key, ivMode.iv) : prefixDecrypt(aes, key);
  return {
    seal: (value) => encrypt(paddedPlaintext(value)),
    open(token) {
      const text = decrypt(token);
      const value = text === undefined ? undefined : parseJsonObject(text);
      if (value === undefined) throw new EnvelopeError();
      return value;
    },
    sealText(text) {
      if (typeof text !== 'string') throw new SealError();
      return encrypt(encodeUtf8Padded(text));
    },
    openText(token) {
      const text = decrypt(token);
      if (text === undefined) throw new EnvelopeError();
      return text;
    },
  };
}

/** Encrypts padded plaintext into a token: with a static IV, the ciphertext alone. */
function fixedIvEncrypt(aes: Aes192Cbc, key: Uint8Array, iv: Uint8Array) {
  return (padded: Uint8Array): string => encodeBase64(aes.encryptBlocks(key, iv, padded));
}

/** Encrypts padded plaintext into a token: a fresh random IV, then the ciphertext. */
function prefixEncrypt(aes: Aes192Cbc, key: Uint8Array) {
  const ivs = new RandomIvPool((target) => aes.fillRandom(target));
  return (padded: Uint8Array): string => {
    const wire = new Uint8Array(IV_BYTES + padded.length);
    ivs.takeInto(wire, 0);
    wire.set(aes.encryptBlocks(key, wire.subarray(0, IV_BYTES), padded), IV_BYTES);
    return encodeBase64(wire);
  };
}

/** The text a static-IV token holds, or `undefined` for any unreadable token. */
function fixedIvDecrypt(aes: Aes192Cbc, key: Uint8Array, iv: Uint8Array) {
  return (token: unknown): string | undefined => {
    const bytes = typeof token === 'string' ? decodeBase64(token) : undefined;
    if (bytes === undefined || bytes.length === 0 || bytes.length % BLOCK_SIZE !== 0) {
      return undefined;
    }
    return readText(aes, key, iv, bytes);
  };
}

/** The text an IV-prefixed token holds, or `undefined` for any unreadable token. */
function prefixDecrypt(aes: Aes192Cbc, key: Uint8Array) {
  return (token: unknown): string | undefined => {
    const bytes = typeof token === 'string' ? decodeBase64(token) : undefined;
    if (
      bytes === undefined ||
      bytes.length < IV_BYTES + BLOCK_SIZE ||
      bytes.length % BLOCK_SIZE !== 0
    ) {
      return undefined;
    }
    return readText(aes, key, bytes.subarray(0, IV_BYTES), bytes.subarray(IV_BYTES));
  };
}

/** The UTF-8 of `JSON.stringify(value)` with PKCS#7 padding; only JSON objects are sealed. */
function paddedPlaintext(value: unknown): Uint8Array {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // Cycles and BigInts. The original error is dropped: its message can quote property names.
    throw new SealError();
  }
  // JSON.stringify returns undefined for undefined, functions and symbols.
  if (json === undefined || json.charCodeAt(0) !== 0x7b /* { */) throw new SealError();
  // What `open` refuses is never sealed: a `__proto__` key, or a `constructor` holding a
  // `prototype`. Both names are rare, so the strict parser only runs when one of them appears.
  if (
    (json.includes('__proto__') || json.includes('prototype')) &&
    parseJsonObject(json) === undefined
  ) {
    throw new SealError();
  }
  return encodeUtf8Padded(json);
}

/** Decrypts, unpads and decodes strict UTF-8; `undefined` for every failure alike. */
function readText(
  aes: Aes192Cbc,
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
): string | undefined {
  try {
    const blocks = aes.decryptBlocks(key, iv, ciphertext);
    const length = unpaddedLength(blocks);
    return length < 0 ? undefined : decodeUtf8Strict(blocks.subarray(0, length));
  } catch {
    return undefined;
  }
}

/** A new random 24-byte key as 48 lowercase hex characters. */
export function generateKeyWith(aes: Aes192Cbc): string {
  const key = new Uint8Array(KEY_BYTES);
  aes.fillRandom(key);
  return encodeHex(key);
}
