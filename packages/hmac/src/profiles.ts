import { HmacOptionError } from './errors.js';

/** How the signature is computed: HMAC-SHA512 over a signing string, or PayU's v2 plain hash. */
export type AuthScheme = 'hmac' | 'payu-v2';

/** The `algorithm="..."` label written into the header. Either way the MAC is HMAC-SHA512. */
export type AlgorithmLabel = 'sha512' | 'hmac-sha512';

/** The `headers="..."` parameter: which request headers the signing string covers, in order. */
export type SignedHeaders = 'date' | 'date digest';

/** How the 64 signature bytes are written into `signature="..."`. */
export type SignatureEncoding = 'hex' | 'base64';

/**
 * The documented `hmac` scheme: signature = HMAC-SHA512(key = merchant salt, message = signing
 * string), where the signing string is `date: <date>` or `date: <date>\ndigest: <digest>`.
 */
export interface HmacAuthProfile {
  readonly scheme: 'hmac';
  readonly algorithm: AlgorithmLabel;
  readonly headers: SignedHeaders;
  readonly encoding: SignatureEncoding;
}

/**
 * PayU's v2 scheme: signature = lowercase hex of plain SHA-512 (not HMAC) over
 * `<raw body>|<date>|<merchant salt>`. It shares the header syntax of the documented form
 * (`algorithm="sha512", headers="date"`), so its other options are fixed.
 */
export interface PayuV2AuthProfile {
  readonly scheme: 'payu-v2';
  readonly algorithm: 'sha512';
  readonly headers: 'date';
  readonly encoding: 'hex';
}

/** One way of signing a request, as documented in section 2 of the wire protocol. */
export type AuthProfile = HmacAuthProfile | PayuV2AuthProfile;

function hmacProfile(
  algorithm: AlgorithmLabel,
  headers: SignedHeaders,
  encoding: SignatureEncoding,
): HmacAuthProfile {
  return Object.freeze({ scheme: 'hmac', algorithm, headers, encoding });
}

/** `payu-hmac`: the documented form and the default. `algorithm="sha512"`, `date`, hex. */
export const PAYU_HMAC: HmacAuthProfile = hmacProfile('sha512', 'date', 'hex');

/** `payu-hmac+digest`: the documented form, also signing the `digest` header of the body. */
export const PAYU_HMAC_DIGEST: HmacAuthProfile = hmacProfile('sha512', 'date digest', 'hex');

/** `payu-hmac+hmac-sha512+base64`: what stock Kong hmac-auth expects. */
export const KONG_HMAC: HmacAuthProfile = hmacProfile('hmac-sha512', 'date', 'base64');

/** `payu-hmac+hmac-sha512+digest+base64`: stock Kong with the body digest signed too. */
export const KONG_HMAC_DIGEST: HmacAuthProfile = hmacProfile(
  'hmac-sha512',
  'date digest',
  'base64',
);

/** `payu-v2`: lowercase hex SHA-512 of `<raw body>|<date>|<merchant salt>`. */
export const PAYU_V2: PayuV2AuthProfile = Object.freeze({
  scheme: 'payu-v2',
  algorithm: 'sha512',
  headers: 'date',
  encoding: 'hex',
});

/** The profile `signRequest()` uses when none is given: {@link PAYU_HMAC}. */
export const DEFAULT_PROFILE: AuthProfile = PAYU_HMAC;

/**
 * Every profile the protocol documents: each combination of algorithm label, signed headers and
 * encoding for the `hmac` scheme (8), then `payu-v2`. The default comes first. This is what
 * `verifyRequest()` accepts unless told otherwise; when two accepted profiles both match a
 * request, the one listed first is reported.
 */
export const DOCUMENTED_PROFILES: readonly AuthProfile[] = Object.freeze([
  PAYU_HMAC,
  hmacProfile('sha512', 'date', 'base64'),
  PAYU_HMAC_DIGEST,
  hmacProfile('sha512', 'date digest', 'base64'),
  hmacProfile('hmac-sha512', 'date', 'hex'),
  KONG_HMAC,
  hmacProfile('hmac-sha512', 'date digest', 'hex'),
  KONG_HMAC_DIGEST,
  PAYU_V2,
]);

/**
 * A stable name for `profile`, what the sandbox reports. `payu-v2` for the v2 scheme; otherwise
 * `payu-hmac` followed by one suffix per option that differs from the documented form, in this
 * order: `+hmac-sha512` (algorithm label), `+digest` (signed headers `date digest`), `+base64`
 * (encoding). Examples: `payu-hmac`, `payu-hmac+digest`, `payu-hmac+hmac-sha512+base64`.
 *
 * @throws {HmacOptionError} `profile` when `profile` is not a documented profile.
 */
export function profileName(value: AuthProfile): string {
  const profile = documentedProfile(value, 'profile');
  if (profile.scheme === 'payu-v2') return 'payu-v2';
  let name = 'payu-hmac';
  if (profile.algorithm === 'hmac-sha512') name += '+hmac-sha512';
  if (profile.headers === 'date digest') name += '+digest';
  if (profile.encoding === 'base64') name += '+base64';
  return name;
}

/**
 * The documented profile named `name` (the inverse of {@link profileName}), e.g. for reading the
 * accepted profiles from configuration.
 *
 * @throws {HmacOptionError} `profileName` for any other string.
 */
export function profileFromName(name: string): AuthProfile {
  const profile = DOCUMENTED_PROFILES.find((candidate) => profileName(candidate) === name);
  if (profile === undefined) throw new HmacOptionError('profileName');
  return profile;
}

function findDocumentedProfile(value: unknown): AuthProfile | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (DOCUMENTED_PROFILES.includes(value as AuthProfile)) return value as AuthProfile;
  const { scheme, algorithm, headers, encoding } = value as Record<string, unknown>;
  return DOCUMENTED_PROFILES.find(
    (profile) =>
      profile.scheme === scheme &&
      profile.algorithm === algorithm &&
      profile.headers === headers &&
      profile.encoding === encoding,
  );
}

/**
 * True when `value` is one of the documented profiles, compared field by field (for values read
 * from configuration or passed by callers without TypeScript).
 */
export function isAuthProfile(value: unknown): value is AuthProfile {
  return findDocumentedProfile(value) !== undefined;
}

/**
 * The frozen member of {@link DOCUMENTED_PROFILES} equal to `value`, so that later changes to the
 * caller's object cannot change a prepared signer, and results compare with `===`.
 *
 * @throws {HmacOptionError} for `option` when `value` is not a documented profile.
 */
export function documentedProfile(value: unknown, option: 'profile' | 'profiles'): AuthProfile {
  const profile = findDocumentedProfile(value);
  if (profile === undefined) throw new HmacOptionError(option);
  return profile;
}
