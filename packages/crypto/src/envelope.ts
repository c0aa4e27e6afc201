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
   * Encrypts the UTF-8 bytes of `text` as they are (no JSON), with the same key, IV mode and
   * token format as `seal`: for payloads that are not JSON, such as the payment gateway's
   * urlencoded `encdata`.
   * @throws {SealError} if `text` is not a string.
   */
  sealText(text: string): string;
  /**
   * Decrypts a token into the UTF-8 text it holds, unparsed.
   * @throws {EnvelopeError} for any unreadable token (bad base64, length, padding or UTF-8),
   * always with the same code and message.
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

  if (ivMode.kind === 'fixed') {
    const iv = ivMode.iv;
    const encrypt = (plaintext: Uint8Array): string =>
      encodeBase64(aes.encryptBlocks(key, iv, plaintext));
    const decrypt = (token: unknown): string => {
      const bytes = typeof token === 'string' ? decodeBase64(token) : undefined;
      if (bytes === undefined || bytes.length === 0 || bytes.length % BLOCK_SIZE !== 0) {
        throw new EnvelopeError();
      }
      return readText(aes, key, iv, bytes);
    };
    return {
      seal: (value) => encrypt(paddedPlaintext(value)),
      open: (token) => parsePlaintext(decrypt(token)),
      sealText: (text) => encrypt(paddedText(text)),
      openText: decrypt,
    };
  }

  const ivs = new RandomIvPool((target) => aes.fillRandom(target));
  const encrypt = (plaintext: Uint8Array): string => {
    const wire = new Uint8Array(IV_BYTES + plaintext.length);
    ivs.takeInto(wire, 0);
    wire.set(aes.encryptBlocks(key, wire.subarray(0, IV_BYTES), plaintext), IV_BYTES);
    return encodeBase64(wire);
  };
  const decrypt = (token: unknown): string => {
    const bytes = typeof token === 'string' ? decodeBase64(token) : undefined;
    if (
      bytes === undefined ||
      bytes.length < IV_BYTES + BLOCK_SIZE ||
      bytes.length % BLOCK_SIZE !== 0
    ) {
      throw new EnvelopeError();
    }
    return readText(aes, key, bytes.subarray(0, IV_BYTES), bytes.subarray(IV_BYTES));
  };
  return {
    seal: (value) => encrypt(paddedPlaintext(value)),
    open: (token) => parsePlaintext(decrypt(token)),
    sealText: (text) => encrypt(paddedText(text)),
    openText: decrypt,
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
  return encodeUtf8Padded(json);
}

/** The UTF-8 of `text` with PKCS#7 padding. */
function paddedText(text: unknown): Uint8Array {
  if (typeof text !== 'string') throw new SealError();
  return encodeUtf8Padded(text);
}

/** Decrypts, unpads and decodes; every failure is the same {@link EnvelopeError}. */
function readText(aes: Aes192Cbc, key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): string {
  let text: string | undefined;
  try {
    const blocks = aes.decryptBlocks(key, iv, ciphertext);
    const length = unpaddedLength(blocks);
    text = length < 0 ? undefined : decodeUtf8Strict(blocks.subarray(0, length));
  } catch {
    text = undefined;
  }
  if (text === undefined) throw new EnvelopeError();
  return text;
}

/** Parses decrypted text as a JSON object; any failure is the same {@link EnvelopeError}. */
function parsePlaintext(text: string): unknown {
  let value: unknown;
  try {
    value = parseJsonObject(text);
  } catch {
    value = undefined;
  }
  if (value === undefined) throw new EnvelopeError();
  return value;
}

/** A new random 24-byte key as 48 lowercase hex characters. */
export function generateKeyWith(aes: Aes192Cbc): string {
  const key = new Uint8Array(KEY_BYTES);
  aes.fillRandom(key);
  return encodeHex(key);
}
