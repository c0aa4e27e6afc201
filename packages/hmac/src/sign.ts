import { authorizationPrefix, isParameterValue } from './authorization.js';
import { computeDigestWith } from './digest.js';
import { HmacOptionError } from './errors.js';
import type { HashFunctions } from './hashes.js';
import { formatHttpDate, parseHttpDate } from './http-date.js';
import { type AuthProfile, DEFAULT_PROFILE, documentedProfile } from './profiles.js';
import { bodyOrEmpty, type RequestBody } from './request-body.js';
import { startSignature } from './signature.js';

/** Who signs and how: fixed for the life of a {@link RequestSigner}. */
export interface RequestSignerOptions {
  /** The merchant key, sent as `username`. Printable ASCII without `"` or `\`. */
  readonly merchantKey: string;
  /** The merchant salt, the HMAC key; used as its UTF-8 bytes. */
  readonly merchantSalt: string;
  /** How to sign. Default {@link DEFAULT_PROFILE} (`payu-hmac`). */
  readonly profile?: AuthProfile;
}

/** What varies per request. */
export interface SignableRequest {
  /**
   * The request time: a `Date` (printed with `formatHttpDate`) or an IMF-fixdate string sent as
   * is. Default: now.
   */
  readonly date?: Date | string;
  /** The raw body as sent (a string goes out as UTF-8). Default: empty. */
  readonly body?: RequestBody;
}

/** The header values to send, under their lowercase header names. */
export interface SignedRequestHeaders {
  readonly date: string;
  readonly authorization: string;
  /** Present only with a profile that signs `date digest`. */
  readonly digest?: string;
}

/** A merchant's signing set-up, prepared once: salt bytes and header prefix are computed ahead. */
export interface RequestSigner {
  readonly merchantKey: string;
  /** The profile in use, as the frozen member of `DOCUMENTED_PROFILES`. */
  readonly profile: AuthProfile;
  /** Signs one request. */
  sign(request?: SignableRequest): SignedRequestHeaders;
}

/** Options of the one-shot {@link signRequest}. */
export interface SignRequestOptions extends RequestSignerOptions, SignableRequest {}

/**
 * The last date text found valid and the last second printed: request dates repeat within a
 * second, so most requests skip the strict parse or the formatting. Neither is secret.
 */
let lastCheckedDate: string | undefined;
let lastPrinted: { readonly second: number; readonly text: string } | undefined;

function requestDate(date: Date | string | undefined): string {
  if (typeof date === 'string') {
    if (date !== lastCheckedDate) {
      parseHttpDate(date);
      lastCheckedDate = date;
    }
    return date;
  }
  // A non-Date gives NaN, which formatHttpDate refuses with an HttpDateError.
  const time = date === undefined ? Date.now() : date instanceof Date ? date.getTime() : Number.NaN;
  const second = Math.floor(time / 1000);
  if (lastPrinted?.second !== second) {
    lastPrinted = { second, text: formatHttpDate(date ?? new Date(time)) };
  }
  return lastPrinted.text;
}

/** What signing needs beyond the request, checked and computed once. */
interface PreparedSigning {
  readonly hashes: HashFunctions;
  readonly profile: AuthProfile;
  readonly salt: Uint8Array;
  readonly prefix: string;
}

function prepareSigning(hashes: HashFunctions, options: RequestSignerOptions): PreparedSigning {
  const { merchantKey, merchantSalt } = options;
  if (typeof merchantKey !== 'string' || !isParameterValue(merchantKey)) {
    throw new HmacOptionError('merchantKey');
  }
  if (typeof merchantSalt !== 'string' || merchantSalt === '') {
    throw new HmacOptionError('merchantSalt');
  }
  const profile = documentedProfile(options.profile ?? DEFAULT_PROFILE, 'profile');
  return {
    hashes,
    profile,
    salt: hashes.utf8(merchantSalt),
    prefix: authorizationPrefix(merchantKey, profile),
  };
}

function signPrepared(
  { hashes, profile, salt, prefix }: PreparedSigning,
  request: SignableRequest,
): SignedRequestHeaders {
  const date = requestDate(request.date);
  const body = bodyOrEmpty(request.body);
  const digest = profile.headers === 'date digest' ? computeDigestWith(hashes, body) : undefined;
  const signature = startSignature(hashes, profile, salt, { date, digest, body }).digest(
    profile.encoding,
  );
  const authorization = `${prefix}${signature}"`;
  return digest === undefined ? { date, authorization } : { date, authorization, digest };
}

/** `createRequestSigner` over the given hash functions. */
export function createRequestSignerWith(
  hashes: HashFunctions,
  options: RequestSignerOptions,
): RequestSigner {
  const prepared = prepareSigning(hashes, options);
  return Object.freeze({
    merchantKey: options.merchantKey,
    profile: prepared.profile,
    sign: (request: SignableRequest = {}): SignedRequestHeaders => signPrepared(prepared, request),
  });
}

/** `signRequest` over the given hash functions. */
export function signRequestWith(
  hashes: HashFunctions,
  options: SignRequestOptions,
): SignedRequestHeaders {
  return signPrepared(prepareSigning(hashes, options), options);
}
