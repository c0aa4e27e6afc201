import { createHash } from 'node:crypto';

/** A request body as it goes on the wire: text (sent as UTF-8) or raw bytes. */
export type RequestBody = string | Uint8Array;

/**
 * The value of the `digest` header for `body`: `SHA-256=` followed by the standard base64 (with
 * padding) of the SHA-256 of the raw body bytes. A string body is hashed as its UTF-8 bytes.
 */
export function computeDigest(body: RequestBody): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}
