import { createHash } from 'node:crypto';
import { canonicalJson, type JsonObject } from './json.js';

/** The request field that retries may change without making the request a different one. */
const VOLATILE_FIELD = 'requestDateTime';

/**
 * The fingerprint that decides whether a repeated `clientTxnId` is an idempotent retry: SHA-256
 * (lowercase hex) over the API name and the canonical JSON (keys sorted at every depth) of the
 * decrypted request without its top-level `requestDateTime`.
 */
export function requestFingerprint(api: string, request: JsonObject): string {
  const { [VOLATILE_FIELD]: _ignored, ...content } = request;
  return createHash('sha256')
    .update(`${api}\n${canonicalJson(content)}`, 'utf8')
    .digest('hex');
}
