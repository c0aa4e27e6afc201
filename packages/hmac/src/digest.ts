import type { HashFunctions } from './hashes.js';
import type { RequestBody } from './request-body.js';

/**
 * The value of the `digest` header for `body`: `SHA-256=` followed by the standard base64 (with
 * padding) of the SHA-256 of the raw body bytes. A string body is hashed as its UTF-8 bytes.
 */
export function computeDigestWith(hashes: HashFunctions, body: RequestBody): string {
  return `SHA-256=${hashes.sha256().update(body).digest('base64')}`;
}
