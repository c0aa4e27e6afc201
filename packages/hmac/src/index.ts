/**
 * `@wallet/hmac` on Node, Bun and Deno: hashing through `node:crypto`.
 * @packageDocumentation
 */
import { computeDigestWith } from './digest.js';
import { nodeHashes } from './hashes.node.js';
import type { RequestBody } from './request-body.js';
import {
  createRequestSignerWith,
  type RequestSigner,
  type RequestSignerOptions,
  type SignedRequestHeaders,
  type SignRequestOptions,
  signRequestWith,
} from './sign.js';
import { type VerifyRequestOptions, type VerifyResult, verifyRequestWith } from './verify.js';

export * from './public.js';

/**
 * The value of the `digest` header for `body`: `SHA-256=` followed by the standard base64 (with
 * padding) of the SHA-256 of the raw body bytes. A string body is hashed as its UTF-8 bytes.
 */
export function computeDigest(body: RequestBody): string {
  return computeDigestWith(nodeHashes, body);
}

/**
 * Signs one request: returns the `date`, `authorization` and (with a `date digest` profile)
 * `digest` header values. With the default profile the header reads
 * `hmac username="<key>", algorithm="sha512", headers="date", signature="<128 hex>"`.
 * For many requests of one merchant, {@link createRequestSigner} does the set-up once.
 *
 * @throws {HmacOptionError} for unusable options; {@link HttpDateError} for an unusable `date`.
 */
export function signRequest(options: SignRequestOptions): SignedRequestHeaders {
  return signRequestWith(nodeHashes, options);
}

/**
 * Prepares signing for one merchant and profile. Reuse the signer for every request of that
 * merchant: it checks the options once, holds the salt's bytes and the fixed part of the header.
 *
 * @throws {HmacOptionError} for a merchant key that cannot be quoted in the header, an empty
 * salt, or an undocumented profile.
 */
export function createRequestSigner(options: RequestSignerOptions): RequestSigner {
  return createRequestSignerWith(nodeHashes, options);
}

/**
 * Checks a signed request, in this order (the first failing step decides the reason):
 *
 * 1. `Authorization` present and non-empty (`missing`), within the grammar of
 *    `parseAuthorization()` and signing `date` (`malformed`).
 * 2. Every header named in `headers="..."` present and non-empty (`missing`).
 * 3. The signed `date` is an IMF-fixdate (`malformed`) within `clockSkewSeconds` of `now`, either
 *    direction, inclusive, counted in whole seconds (`now` cut to its second) (`clock-skew`).
 * 4. The accepted profiles with the header's `algorithm` and `headers` are the candidates; each
 *    is tried in constant time, which tells hex from base64 and `hmac` from `payu-v2`. None
 *    matches, or the merchant is unknown (computed against a random salt): `bad-signature`.
 * 5. With a `date digest` profile, the `digest` header must equal `computeDigest(body)`
 *    (`digest-mismatch`).
 *
 * Never logs. Rejects only for unusable options ({@link HmacOptionError}) or when `lookupSalt`
 * throws.
 */
export function verifyRequest(options: VerifyRequestOptions): Promise<VerifyResult> {
  return verifyRequestWith(nodeHashes, options);
}
