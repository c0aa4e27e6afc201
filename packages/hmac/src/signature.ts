import type { HashFunctions, PendingHash } from './hashes.js';
import type { AuthProfile } from './profiles.js';
import type { RequestBody } from './request-body.js';

/** What a signature covers, besides the salt. */
export interface SignedParts {
  /** The `date` header value, verbatim. */
  readonly date: string;
  /** The `digest` header value; read only by profiles that sign `date digest`. */
  readonly digest: string | undefined;
  /** The raw body; read only by `payu-v2`. */
  readonly body: RequestBody;
}

/**
 * Feeds `parts` into the hash or HMAC that `profile` prescribes, keyed by (or, for `payu-v2`,
 * ending with) the merchant salt's UTF-8 bytes. The caller picks raw bytes or an encoding.
 */
export function startSignature(
  hashes: HashFunctions,
  profile: AuthProfile,
  salt: Uint8Array,
  parts: SignedParts,
): PendingHash {
  if (profile.scheme === 'payu-v2') {
    return hashes.sha512().update(parts.body).update(`|${parts.date}|`).update(salt);
  }
  const signingString =
    profile.headers === 'date'
      ? `date: ${parts.date}`
      : `date: ${parts.date}\ndigest: ${parts.digest ?? ''}`;
  return hashes.hmacSha512(salt).update(signingString);
}
