const HEX_DIGITS = /^[0-9a-fA-F]*$/;

/** Decodes an even-length hex string (either case); `undefined` if it is not one. */
export function decodeHex(text: string): Uint8Array | undefined {
  if ((text.length & 1) !== 0 || !HEX_DIGITS.test(text)) return undefined;
  const out = new Uint8Array(text.length >>> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Lowercase hex of `bytes`. */
export function encodeHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
