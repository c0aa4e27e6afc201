/**
 * The only thing the Node and the web builds do differently: SHA-512 and SHA-256 of UTF-8 text as
 * lowercase hex, and a constant-time comparison of two hex strings. Everything else (the hash
 * strings, the field rules, the forms, the callback, the command API) is shared. `digest.node.ts`
 * and `digest.web.ts` both export it as `digest`; the web build is `index.ts` with the one swapped
 * for the other (tsup.config.ts).
 */
export interface Digest {
  /** Lowercase hex SHA-512 (128 characters) of the UTF-8 bytes of `text`. */
  sha512Hex(text: string): string;
  /** Lowercase hex SHA-256 (64 characters) of the UTF-8 bytes of `text`. */
  sha256Hex(text: string): string;
  /**
   * Whether `given` equals `expected` (a hex digest this package computed), in time that depends
   * only on `expected`'s length. `given` may be any string: another length is `false`.
   */
  equalHex(given: string, expected: string): boolean;
}
