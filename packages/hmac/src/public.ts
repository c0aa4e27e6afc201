// Everything both builds export besides the four functions bound to their hash functions.
export {
  MAX_AUTHORIZATION_LENGTH,
  type ParsedAuthorization,
  parseAuthorization,
} from './authorization.js';
export {
  AuthorizationHeaderError,
  type AuthorizationProblem,
  HmacErrorCode,
  HmacOptionError,
  type HmacOptionName,
  HttpDateError,
  type HttpDateProblem,
  WalletHmacError,
} from './errors.js';
export { formatHttpDate, parseHttpDate } from './http-date.js';
export {
  type AlgorithmLabel,
  type AuthProfile,
  type AuthScheme,
  DEFAULT_PROFILE,
  DOCUMENTED_PROFILES,
  type HmacAuthProfile,
  isAuthProfile,
  KONG_HMAC,
  KONG_HMAC_DIGEST,
  PAYU_HMAC,
  PAYU_HMAC_DIGEST,
  PAYU_V2,
  type PayuV2AuthProfile,
  profileFromName,
  profileName,
  type SignatureEncoding,
  type SignedHeaders,
} from './profiles.js';
export type { RequestBody } from './request-body.js';
export type { HeaderRecord, HeadersLike, RequestHeaders } from './request-headers.js';
export type {
  RequestSigner,
  RequestSignerOptions,
  SignableRequest,
  SignedRequestHeaders,
  SignRequestOptions,
} from './sign.js';
export {
  DEFAULT_CLOCK_SKEW_SECONDS,
  type SaltLookup,
  type VerifyFailure,
  VerifyFailureReason,
  type VerifyRequestOptions,
  type VerifyResult,
  type VerifySuccess,
} from './verify.js';
