import { type ParsedAuthorization, parseAuthorization } from './authorization.js';
import { computeDigestWith } from './digest.js';
import { AuthorizationHeaderError, HmacOptionError } from './errors.js';
import type { HashFunctions } from './hashes.js';
import { readHttpDate } from './http-date.js';
import {
  type AuthProfile,
  DOCUMENTED_PROFILES,
  documentedProfile,
  type SignatureEncoding,
} from './profiles.js';
import { bodyOrEmpty, type RequestBody } from './request-body.js';
import { type RequestHeaders, readHeader } from './request-headers.js';
import { type SignedParts, startSignature } from './signature.js';

/**
 * Finds a merchant's salt by merchant key (the header's `username`): the salt, or `undefined`
 * (or `null`) for an unknown merchant. May be async.
 */
export type SaltLookup = (
  merchantKey: string,
) => string | undefined | null | PromiseLike<string | undefined | null>;

/** The request to check and how to check it. */
export interface VerifyRequestOptions {
  /** The request method. No documented profile signs it; accepted so a request passes as is. */
  readonly method?: string;
  /** The request headers: a `Headers` object or a plain record (names case-insensitive). */
  readonly headers: RequestHeaders;
  /** The raw body as received (a string is taken as UTF-8). Default: empty. */
  readonly body?: RequestBody;
  /** The merchant salt for a merchant key. */
  readonly lookupSalt: SaltLookup;
  /** The server clock: a `Date` or a function returning one. Default: the system clock. */
  readonly now?: Date | (() => Date);
  /** The largest accepted distance between the signed date and `now`. Default 300. */
  readonly clockSkewSeconds?: number;
  /** The accepted profiles, in order of preference. Default {@link DOCUMENTED_PROFILES}. */
  readonly profiles?: readonly AuthProfile[];
}

/** Why a request was refused. Each maps to one class of HTTP 401 response. */
export const VerifyFailureReason = {
  /** No `Authorization` header, or a header named in `headers="..."` is absent or empty. */
  Missing: 'missing',
  /** The `Authorization` header breaks the grammar, does not sign `date`, or `date` is not IMF-fixdate. */
  Malformed: 'malformed',
  /** The signed `date` is further than `clockSkewSeconds` from `now`. */
  ClockSkew: 'clock-skew',
  /** No accepted profile reproduces the signature, or the merchant is unknown. */
  BadSignature: 'bad-signature',
  /** The signature is good but the signed `digest` header does not match the body. */
  DigestMismatch: 'digest-mismatch',
} as const;

/** One of the values of {@link VerifyFailureReason}. */
export type VerifyFailureReason = (typeof VerifyFailureReason)[keyof typeof VerifyFailureReason];

/** A request signed by `merchantKey` with `profile` (a member of `DOCUMENTED_PROFILES`). */
export interface VerifySuccess {
  readonly ok: true;
  readonly merchantKey: string;
  readonly profile: AuthProfile;
}

/** A refused request. */
export interface VerifyFailure {
  readonly ok: false;
  readonly reason: VerifyFailureReason;
}

/** The outcome of {@link verifyRequest}. */
export type VerifyResult = VerifySuccess | VerifyFailure;

/** The clock skew `verifyRequest()` allows when not told otherwise, in seconds. */
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;

const SIGNATURE_BYTES = 64;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/;
const BASE64_SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;
/** Compared against when the given signature does not decode, so every candidate costs the same. */
const UNDECODABLE = new Uint8Array(SIGNATURE_BYTES);

let dummySalt: Uint8Array | undefined;

/** A random salt no merchant has, so an unknown merchant costs the same work as a known one. */
function unknownMerchantSalt(hashes: HashFunctions): Uint8Array {
  dummySalt ??= hashes.randomBytes(32);
  return dummySalt;
}

function failure(reason: VerifyFailureReason): VerifyFailure {
  return { ok: false, reason };
}

function acceptedProfiles(profiles: readonly AuthProfile[] | undefined): readonly AuthProfile[] {
  if (profiles === undefined) return DOCUMENTED_PROFILES;
  if (!Array.isArray(profiles) || profiles.length === 0) throw new HmacOptionError('profiles');
  return profiles.map((profile) => documentedProfile(profile, 'profiles'));
}

function clockSkewSeconds(seconds: number | undefined): number {
  if (seconds === undefined) return DEFAULT_CLOCK_SKEW_SECONDS;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new HmacOptionError('clockSkewSeconds');
  }
  return seconds;
}

/**
 * Whether the signed date lies more than `skewSeconds` from `now`. The header has whole seconds,
 * so the clock is cut to its whole second too: a date 300 s old passes at any millisecond of the
 * clock's second, and 301 s fails, in both directions.
 */
function outsideSkew(signedAt: Date, now: number, skewSeconds: number): boolean {
  const distance = Math.floor(now / 1000) - Math.floor(signedAt.getTime() / 1000);
  return Math.abs(distance) > skewSeconds;
}

function currentTime(now: Date | (() => Date) | undefined): number {
  const date = typeof now === 'function' ? now() : (now ?? new Date());
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isFinite(time)) throw new HmacOptionError('now');
  return time;
}

/**
 * The 64 bytes `signature` denotes in `encoding`, or `undefined` when it is not exactly a
 * 64-byte value in canonical form: 128 lowercase hex digits, or 88 characters of standard
 * padded base64 whose unused bits are zero.
 */
function decodeSignature(
  hashes: HashFunctions,
  signature: string,
  encoding: SignatureEncoding,
): Uint8Array | undefined {
  if (encoding === 'hex') {
    return HEX_SIGNATURE.test(signature) ? hashes.fromHex(signature) : undefined;
  }
  if (!BASE64_SIGNATURE.test(signature)) return undefined;
  const bytes = hashes.fromBase64(signature);
  return hashes.toBase64(bytes) === signature ? bytes : undefined;
}

/**
 * The first candidate whose signature equals `signature`. Every candidate is computed and
 * compared in constant time over 64-byte strings, whatever the earlier ones gave, so the
 * time spent does not depend on which candidate (if any) matches. Profiles that differ only in
 * label or encoding share one MAC computation.
 */
function matchingProfile(
  hashes: HashFunctions,
  candidates: readonly AuthProfile[],
  salt: Uint8Array,
  parts: SignedParts,
  signature: string,
): AuthProfile | undefined {
  const macs = new Map<string, Uint8Array>();
  const given = new Map<SignatureEncoding, Uint8Array | undefined>();
  let matched: AuthProfile | undefined;
  for (const profile of candidates) {
    const macKey = `${profile.scheme} ${profile.headers}`;
    let mac = macs.get(macKey);
    if (mac === undefined) {
      mac = startSignature(hashes, profile, salt, parts).digest();
      macs.set(macKey, mac);
    }
    if (!given.has(profile.encoding)) {
      given.set(profile.encoding, decodeSignature(hashes, signature, profile.encoding));
    }
    const decoded = given.get(profile.encoding);
    const equal = hashes.equalInConstantTime(mac, decoded ?? UNDECODABLE);
    if (equal && decoded !== undefined && matched === undefined) matched = profile;
  }
  return matched;
}

function parseOrUndefined(header: string): ParsedAuthorization | undefined {
  try {
    return parseAuthorization(header);
  } catch (error) {
    if (error instanceof AuthorizationHeaderError) return undefined;
    throw error;
  }
}

async function merchantSalt(
  hashes: HashFunctions,
  lookupSalt: SaltLookup,
  merchantKey: string,
): Promise<Uint8Array | undefined> {
  const salt = await lookupSalt(merchantKey);
  if (salt === undefined || salt === null) return undefined;
  if (typeof salt !== 'string' || salt === '') throw new HmacOptionError('lookupSalt');
  return hashes.utf8(salt);
}

/** `verifyRequest` over the given hash functions. */
export async function verifyRequestWith(
  hashes: HashFunctions,
  options: VerifyRequestOptions,
): Promise<VerifyResult> {
  const { headers, lookupSalt } = options;
  const profiles = acceptedProfiles(options.profiles);
  const skew = clockSkewSeconds(options.clockSkewSeconds);
  const now = currentTime(options.now);
  const body = bodyOrEmpty(options.body);
  if (typeof lookupSalt !== 'function') throw new HmacOptionError('lookupSalt');

  const header = readHeader(headers, 'authorization');
  if (header === undefined) return failure('missing');
  const authorization = parseOrUndefined(header);
  if (authorization === undefined || !authorization.headers.includes('date')) {
    return failure('malformed');
  }

  const signedValues = new Map<string, string>();
  for (const name of authorization.headers) {
    const value = readHeader(headers, name);
    if (value === undefined) return failure('missing');
    signedValues.set(name, value);
  }
  const date = signedValues.get('date') ?? '';
  const signedAt = readHttpDate(date);
  if (signedAt === undefined) return failure('malformed');
  if (outsideSkew(signedAt, now, skew)) return failure('clock-skew');

  const signedHeaders = authorization.headers.join(' ');
  const candidates = profiles.filter(
    (profile) => profile.algorithm === authorization.algorithm && profile.headers === signedHeaders,
  );
  if (candidates.length === 0) return failure('bad-signature');

  const salt = await merchantSalt(hashes, lookupSalt, authorization.username);
  const digest = signedValues.get('digest');
  const profile = matchingProfile(
    hashes,
    candidates,
    salt ?? unknownMerchantSalt(hashes),
    { date, digest, body },
    authorization.signature,
  );
  // An unknown merchant cannot match a random salt; refusing it by name as well costs nothing.
  if (salt === undefined || profile === undefined) return failure('bad-signature');
  if (profile.headers === 'date digest' && digest !== computeDigestWith(hashes, body)) {
    return failure('digest-mismatch');
  }
  return { ok: true, merchantKey: authorization.username, profile };
}
