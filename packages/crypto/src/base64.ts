import { nativeBuffer } from './native-buffer.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='

/** Character code → 6-bit value, -1 for anything outside the standard alphabet. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
const CHAR_CODES = new Uint8Array(64);
for (let i = 0; i < ALPHABET.length; i++) CHAR_CODES[i] = ALPHABET.charCodeAt(i);

/** Only the standard alphabet, then at most two '='. Length and padding bits are checked apart. */
const STANDARD_SHAPE = /^[A-Za-z0-9+/]*={0,2}$/;
const latin1 = new TextDecoder('latin1');

/**
 * Whether `text` is canonical standard base64 (RFC 4648 §4): alphabet `A-Z a-z 0-9 + /`, length a
 * multiple of 4, '=' padding present and only at the end, and the unused bits of the last
 * character zero. No whitespace, no URL-safe alphabet, no missing padding.
 */
export function isCanonicalBase64(text: string): boolean {
  const length = text.length;
  if ((length & 3) !== 0 || !STANDARD_SHAPE.test(text)) return false;
  if (length === 0 || text.charCodeAt(length - 1) !== PAD) return true;
  const padding = text.charCodeAt(length - 2) === PAD ? 2 : 1;
  const lastValue = VALUES[text.charCodeAt(length - 1 - padding)] ?? -1;
  // Two '=' leave 4 unused bits in the last character, one '=' leaves 2.
  return (lastValue & (padding === 2 ? 0b1111 : 0b11)) === 0;
}

/** Decodes canonical standard base64; `undefined` for anything {@link isCanonicalBase64} rejects. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!isCanonicalBase64(text)) return undefined;
  return nativeBuffer === undefined ? decodeValidBase64(text) : nativeBuffer.from(text, 'base64');
}

/** The portable decoder behind {@link decodeBase64}; `text` must already be canonical. */
export function decodeValidBase64(text: string): Uint8Array {
  const length = text.length;
  const padding = length === 0 ? 0 : text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((length >>> 2) * 3 - padding);
  let o = 0;
  let i = 0;
  for (; o + 3 <= out.length; i += 4) {
    const n = quad(text, i);
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (padding !== 0) {
    const n = quad(text, i);
    out[o++] = n >>> 16;
    if (padding === 1) out[o] = (n >>> 8) & 0xff;
  }
  return out;
}

/** The 24 bits of four base64 characters ('=' counts as zero). */
function quad(text: string, i: number): number {
  return (
    (value(text.charCodeAt(i)) << 18) |
    (value(text.charCodeAt(i + 1)) << 12) |
    (value(text.charCodeAt(i + 2)) << 6) |
    value(text.charCodeAt(i + 3))
  );
}

function value(charCode: number): number {
  return charCode === PAD ? 0 : (VALUES[charCode] ?? 0);
}

/** Standard base64 with '=' padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return nativeBuffer === undefined
    ? encodeBase64Portable(bytes)
    : nativeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The portable encoder behind {@link encodeBase64}. */
export function encodeBase64Portable(bytes: Uint8Array): string {
  const length = bytes.length;
  const out = new Uint8Array(Math.ceil(length / 3) * 4);
  const whole = length - (length % 3);
  let o = 0;
  let i = 0;
  for (; i < whole; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = CHAR_CODES[n >>> 18] ?? 0;
    out[o++] = CHAR_CODES[(n >>> 12) & 63] ?? 0;
    out[o++] = CHAR_CODES[(n >>> 6) & 63] ?? 0;
    out[o++] = CHAR_CODES[n & 63] ?? 0;
  }
  const rest = length - whole;
  if (rest !== 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o++] = CHAR_CODES[n >>> 18] ?? 0;
    out[o++] = CHAR_CODES[(n >>> 12) & 63] ?? 0;
    out[o++] = rest === 2 ? (CHAR_CODES[(n >>> 6) & 63] ?? 0) : PAD;
    out[o] = PAD;
  }
  return latin1.decode(out);
}
