/**
 * The stable `code` of every error this package throws. Compare against these, never against a
 * message: messages may be reworded, codes never change.
 */
export const HmacErrorCode = {
  /** An `Authorization` header does not follow the grammar of the `hmac` scheme. */
  AuthorizationMalformed: 'AUTHORIZATION_MALFORMED',
  /** A value is not an IMF-fixdate HTTP date, or a `Date` cannot be printed as one. */
  HttpDateInvalid: 'HTTP_DATE_INVALID',
  /** An option given to `signRequest()`, `createRequestSigner()` or `verifyRequest()` is unusable. */
  OptionInvalid: 'HMAC_OPTION_INVALID',
} as const;

/** One of the values of {@link HmacErrorCode}. */
export type HmacErrorCode = (typeof HmacErrorCode)[keyof typeof HmacErrorCode];

/**
 * Base class of every error thrown by `@wallet/hmac`. Messages are fixed texts: they never contain
 * salts, signatures, merchant keys or any part of the header that was parsed.
 */
export abstract class WalletHmacError extends Error {
  abstract readonly code: HmacErrorCode;
}

/** What exactly is wrong with a rejected `Authorization` header. */
export type AuthorizationProblem =
  | 'too-long'
  | 'scheme'
  | 'syntax'
  | 'unquoted-value'
  | 'empty-value'
  | 'unknown-parameter'
  | 'duplicate-parameter'
  | 'missing-parameter'
  | 'headers-list';

const AUTHORIZATION_MESSAGES: Readonly<Record<AuthorizationProblem, string>> = {
  'too-long': 'The Authorization header is longer than 4096 characters.',
  scheme: 'The Authorization header does not use the hmac scheme.',
  syntax: 'The Authorization header is not a comma-separated list of name="value" parameters.',
  'unquoted-value': 'An Authorization header parameter value is not double-quoted.',
  'empty-value': 'An Authorization header parameter value is empty.',
  'unknown-parameter':
    'The Authorization header has a parameter other than username, algorithm, headers and signature.',
  'duplicate-parameter': 'An Authorization header parameter appears more than once.',
  'missing-parameter':
    'The Authorization header lacks one of username, algorithm, headers and signature.',
  'headers-list':
    'The headers parameter of the Authorization header is not a list of distinct header names separated by single spaces.',
};

/**
 * Raised by `parseAuthorization()` for a header outside the grammar. `problem` says which rule
 * failed; the message is fixed per problem and never quotes the header.
 */
export class AuthorizationHeaderError extends WalletHmacError {
  override readonly name = 'AuthorizationHeaderError';
  readonly code: typeof HmacErrorCode.AuthorizationMalformed = HmacErrorCode.AuthorizationMalformed;
  readonly problem: AuthorizationProblem;

  constructor(problem: AuthorizationProblem) {
    super(AUTHORIZATION_MESSAGES[problem]);
    this.problem = problem;
  }
}

/** Why a date was refused: a string that is not IMF-fixdate, or a `Date` that cannot be printed. */
export type HttpDateProblem = 'not-imf-fixdate' | 'unprintable';

const HTTP_DATE_MESSAGES: Readonly<Record<HttpDateProblem, string>> = {
  'not-imf-fixdate':
    'The value is not an HTTP date in IMF-fixdate form (e.g. "Thu, 17 Feb 2022 08:17:59 GMT").',
  unprintable:
    'The Date is invalid or outside the years 0000-9999 and cannot be printed as an HTTP date.',
};

/** Raised by `parseHttpDate()`, `formatHttpDate()` and by signing with an unusable `date`. */
export class HttpDateError extends WalletHmacError {
  override readonly name = 'HttpDateError';
  readonly code: typeof HmacErrorCode.HttpDateInvalid = HmacErrorCode.HttpDateInvalid;
  readonly problem: HttpDateProblem;

  constructor(problem: HttpDateProblem) {
    super(HTTP_DATE_MESSAGES[problem]);
    this.problem = problem;
  }
}

/** The options whose values {@link HmacOptionError} can refuse. */
export type HmacOptionName =
  | 'merchantKey'
  | 'merchantSalt'
  | 'body'
  | 'profile'
  | 'profiles'
  | 'profileName'
  | 'clockSkewSeconds'
  | 'now'
  | 'lookupSalt';

/** What each option must be, said after its name (without the name, so callers can name it). */
const OPTION_RULES: Readonly<Record<HmacOptionName, string>> = {
  merchantKey: 'must be a non-empty string of printable ASCII characters other than " and \\',
  merchantSalt: 'must be a non-empty string',
  body: 'must be a string or a Uint8Array',
  profile: 'is not one of the documented authorization profiles',
  profiles: 'must be a non-empty array of documented authorization profiles',
  profileName: 'does not denote a documented authorization profile',
  clockSkewSeconds: 'must be a finite number of seconds, zero or more',
  now: 'must be a valid Date or a function returning one',
  lookupSalt:
    'must be a function returning the merchant salt (a non-empty string), or undefined for an unknown merchant',
};

/**
 * A programming or configuration error: an option that cannot work. Raised at once (by
 * `createRequestSigner()` at start-up), never turned into a verification failure. `option` names
 * the option; the message never contains its value.
 */
export class HmacOptionError extends WalletHmacError {
  override readonly name = 'HmacOptionError';
  readonly code: typeof HmacErrorCode.OptionInvalid = HmacErrorCode.OptionInvalid;
  readonly option: HmacOptionName;
  /**
   * What the option must be, without its name (`must be a non-empty string`): callers that name
   * the option their own way (a client setting, an environment variable) read this, never the
   * message.
   */
  readonly rule: string;

  constructor(option: HmacOptionName) {
    const rule = OPTION_RULES[option];
    super(`${option === 'profileName' ? 'The name' : option} ${rule}.`);
    this.option = option;
    this.rule = rule;
  }
}
