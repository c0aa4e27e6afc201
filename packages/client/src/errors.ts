/**
 * The error tree of `@wallet/client`. Every error is a {@link WalletError} with a stable `code`.
 * Messages are built from fixed texts, route titles, field paths and platform codes only: they
 * never hold a secret, a token or decrypted personal data. The raw response body is available as a
 * (non-enumerable) property, never in a message.
 */
import type { FieldIssue, OutcomeClass } from '@wallet/schemas';
import { brandClass, hasBrand, ownBrand } from './brand.js';

/**
 * The stable `code` of every error this package throws. Compare against these (or use
 * `instanceof`), never against a message: messages may be reworded, codes never change.
 */
export const WalletErrorCode = {
  /** A setting of `createWalletClient()` is missing or unusable. */
  Config: 'WALLET_CONFIG_INVALID',
  /** A request broke a field rule before it was sent, or a response broke its schema. */
  Validation: 'WALLET_VALIDATION_FAILED',
  /** The API could not be reached (DNS, connection refused or reset, TLS). */
  Network: 'WALLET_NETWORK_ERROR',
  /** An attempt or the whole call took longer than its timeout. */
  Timeout: 'WALLET_TIMEOUT',
  /** The caller's `signal` aborted the call. */
  Abort: 'WALLET_ABORTED',
  /** A response could not be read: not JSON, no envelope, or an envelope that does not open. */
  Envelope: 'WALLET_ENVELOPE_UNREADABLE',
  /** A response body was larger than `maxResponseBytes`; the client stopped reading it. */
  ResponseTooLarge: 'WALLET_RESPONSE_TOO_LARGE',
  /** A failure response of no known outcome class. */
  Api: 'WALLET_API_ERROR',
  /** HTTP 401: the signature, the date (clock skew), the merchant key or the API key was refused. */
  Authentication: 'WALLET_AUTHENTICATION_FAILED',
  /** The platform refused the request itself: parameters, message code, envelope, walletIdentifier. */
  InvalidRequest: 'WALLET_INVALID_REQUEST',
  /** The `clientTxnId` was used before with a different request (5000). */
  DuplicateRequest: 'WALLET_DUPLICATE_REQUEST',
  /** The customer already exists: the mobile number or customerId is taken (1030). */
  Conflict: 'WALLET_CONFLICT',
  /** The customer, wallet, account or stored response does not exist. */
  NotFound: 'WALLET_NOT_FOUND',
  /** A limit or the balance forbids the operation. */
  Limit: 'WALLET_LIMIT_EXCEEDED',
  /** The wallet's status forbids the operation (blocked, dormant, closed). */
  WalletState: 'WALLET_STATE_FORBIDS',
  /** HTTP 429: too many requests, after every retry. */
  RateLimit: 'WALLET_RATE_LIMITED',
  /** The platform failed (HTTP 5xx), after every retry. */
  Server: 'WALLET_SERVER_ERROR',
  /** The Encrypt/Decrypt helper API refused a header (client id, bank id, consumer id, secure code). */
  Helper: 'WALLET_HELPER_REFUSED',
} as const;

/** One of the values of {@link WalletErrorCode}. */
export type WalletErrorCode = (typeof WalletErrorCode)[keyof typeof WalletErrorCode];

/** Base class of every error thrown by `@wallet/client`. */
export class WalletError extends Error {
  static {
    brandClass(WalletError, 'WalletError');
  }

  /** A stable code: one of {@link WalletErrorCode}. */
  readonly code: WalletErrorCode;

  constructor(code: WalletErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /**
   * `error instanceof WalletNotFoundError` holds for errors thrown by any copy of this package
   * (duplicated installs, ESM and CJS side by side), through a `Symbol.for` brand.
   */
  static override [Symbol.hasInstance]<T extends abstract new (...args: never) => unknown>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    // `this` is the class on the right of `instanceof` (a subclass, not WalletError itself).
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the point here.
    const brand = ownBrand(this);
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the point here.
    if (brand === undefined) return Function.prototype[Symbol.hasInstance].call(this, value);
    return hasBrand(value, brand);
  }
}

/** Defines `value` on `target` as a read-only property that `console.log` and JSON leave out. */
function hide(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false });
}

/** The call an error belongs to. */
export interface WalletCallContext {
  /** The API called, e.g. `registerCustomer`, or `encrypt` / `decrypt` for the helper API. */
  readonly api: string;
  /** The HTTP method sent. */
  readonly method: string;
  /** The path called, without the base URL. */
  readonly path: string;
  /** The `clientTxnId` of the call (the same on every attempt); absent for the helper API. */
  readonly clientTxnId: string | undefined;
  /** How many attempts were made (1 = no retry). */
  readonly attempts: number;
}

/** A setting of the client configuration is missing or unusable. Raised at creation, never later. */
export class WalletConfigError extends WalletError {
  static {
    brandClass(WalletConfigError, 'WalletConfigError');
  }

  /** The setting at fault, as written in the configuration (`merchantKey`, `helper.bankId`, ...). */
  readonly setting: string;

  constructor(setting: string, message: string, options?: { readonly cause?: unknown }) {
    super(WalletErrorCode.Config, message, options);
    this.setting = setting;
  }
}

/**
 * A request that breaks a field rule (`direction: 'request'`, raised before anything is sent), or
 * a response that breaks its schema (`direction: 'response'`, with `responseValidation: 'strict'`).
 * The message names the first offending field and its rule, never the rejected value.
 */
export class WalletValidationError extends WalletError {
  static {
    brandClass(WalletValidationError, 'WalletValidationError');
  }

  readonly direction: 'request' | 'response';
  /** The API whose request or response this is. */
  readonly api: string;
  /** Every offending field, in the order found (dotted paths, rules without values). */
  readonly issues: readonly FieldIssue[];
  /** The dotted path of the first offending field (`customerDetails.mobileNumber`). */
  readonly field: string;
  /** The `clientTxnId` of the request, when one was chosen. */
  readonly clientTxnId: string | undefined;

  constructor(details: {
    readonly direction: 'request' | 'response';
    readonly api: string;
    readonly issues: readonly FieldIssue[];
    readonly clientTxnId: string | undefined;
    readonly message: string;
  }) {
    super(WalletErrorCode.Validation, details.message);
    this.direction = details.direction;
    this.api = details.api;
    this.issues = details.issues;
    this.field = details.issues[0]?.path ?? '';
    this.clientTxnId = details.clientTxnId;
  }
}

/** Base of the errors raised once a call is on its way: they all know the call they belong to. */
export abstract class WalletCallError extends WalletError {
  static {
    brandClass(WalletCallError, 'WalletCallError');
  }

  readonly api: string;
  readonly method: string;
  readonly path: string;
  readonly clientTxnId: string | undefined;
  readonly attempts: number;

  constructor(
    code: WalletErrorCode,
    message: string,
    context: WalletCallContext,
    options?: { readonly cause?: unknown },
  ) {
    super(code, message, options);
    this.api = context.api;
    this.method = context.method;
    this.path = context.path;
    this.clientTxnId = context.clientTxnId;
    this.attempts = context.attempts;
  }
}

/** The API could not be reached, after every retry. `cause` holds the underlying error. */
export class WalletNetworkError extends WalletCallError {
  static {
    brandClass(WalletNetworkError, 'WalletNetworkError');
  }

  constructor(context: WalletCallContext, cause: unknown) {
    super(
      WalletErrorCode.Network,
      `Could not reach the wallet API (${context.method} ${context.path}) after ${attemptsText(context.attempts)}.`,
      context,
      { cause },
    );
  }
}

/**
 * The call took too long: one attempt exceeded `timeout` (`kind: 'attempt'`, after every retry),
 * or the call as a whole exceeded `totalTimeout` (`kind: 'total'`).
 */
export class WalletTimeoutError extends WalletCallError {
  static {
    brandClass(WalletTimeoutError, 'WalletTimeoutError');
  }

  readonly kind: 'attempt' | 'total';
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(context: WalletCallContext, kind: 'attempt' | 'total', timeoutMs: number) {
    super(
      WalletErrorCode.Timeout,
      kind === 'attempt'
        ? `The wallet API did not answer ${context.method} ${context.path} within the ${timeoutMs} ms timeout (${attemptsText(context.attempts)}).`
        : `${context.method} ${context.path} did not complete within the ${timeoutMs} ms totalTimeout (${attemptsText(context.attempts)}).`,
      context,
    );
    this.kind = kind;
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `signal` aborted the call. `cause` holds the signal's reason. */
export class WalletAbortError extends WalletCallError {
  static {
    brandClass(WalletAbortError, 'WalletAbortError');
  }

  constructor(context: WalletCallContext, reason: unknown) {
    super(
      WalletErrorCode.Abort,
      `${context.method} ${context.path} was aborted by the caller's signal.`,
      context,
      { cause: reason },
    );
  }
}

/** What an HTTP response carried, for the errors built from one. */
export interface WalletResponseDetails {
  /** The HTTP status. */
  readonly status: number;
  /** The response's request id header (`x-request-id`), when the platform sent one. */
  readonly requestId: string | undefined;
  /** The response body exactly as received (an envelope's ciphertext, or plain JSON). */
  readonly rawBody: string;
  /** The response headers. */
  readonly headers: Headers;
}

/**
 * A response that could not be read: not JSON, neither an envelope nor a platform failure body, or
 * an envelope that does not open with the configured key and IV mode.
 */
export class WalletEnvelopeError extends WalletCallError {
  static {
    brandClass(WalletEnvelopeError, 'WalletEnvelopeError');
  }

  readonly status: number;
  readonly requestId: string | undefined;
  /** The response body as received. Not enumerable, never in the message. */
  declare readonly rawBody: string;
  /** The response headers. Not enumerable. */
  declare readonly headers: Headers;

  constructor(context: WalletCallContext, response: WalletResponseDetails, reason: string) {
    super(
      WalletErrorCode.Envelope,
      `The response to ${context.method} ${context.path} (HTTP ${response.status}) could not be read: ${reason}.`,
      context,
    );
    this.status = response.status;
    this.requestId = response.requestId;
    hide(this, 'rawBody', response.rawBody);
    hide(this, 'headers', response.headers);
  }
}

/**
 * A response whose body is larger than `maxResponseBytes`. The client stops reading at the cap
 * (or at once, when `Content-Length` says so) and closes the connection; it does not retry.
 */
export class WalletResponseTooLargeError extends WalletCallError {
  static {
    brandClass(WalletResponseTooLargeError, 'WalletResponseTooLargeError');
  }

  readonly status: number;
  /** The cap that was passed, in bytes. */
  readonly maxResponseBytes: number;

  constructor(context: WalletCallContext, status: number, maxResponseBytes: number) {
    super(
      WalletErrorCode.ResponseTooLarge,
      `The response to ${context.method} ${context.path} (HTTP ${status}) is larger than maxResponseBytes (${maxResponseBytes} bytes): the client stopped reading it.`,
      context,
    );
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }
}

/** Everything a failure response of the platform carried. */
export interface WalletApiErrorDetails extends WalletCallContext, WalletResponseDetails {
  /** The platform code (`responseCode`), when the response carried one (authentication failures do not). */
  readonly responseCode: string | undefined;
  /** The platform's `responseMessage`. */
  readonly responseMessage: string | undefined;
  /** The response's `messageCode` (request code + 1), when it carried one. */
  readonly messageCode: number | undefined;
  /** The outcome class of `responseCode` in the error catalogue, or `undefined` if unknown. */
  readonly outcome: OutcomeClass | undefined;
  /** The decrypted (or plain) response body, when it was a JSON object. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A failure response of the platform. Subclasses name the outcome class; this class itself is used
 * for responses of no known class. `status`, `responseCode` and `messageCode` come from the response;
 * `clientTxnId` is the one sent; `rawBody` and `body` hold the response (not enumerable).
 */
export class WalletApiError extends WalletCallError {
  static {
    brandClass(WalletApiError, 'WalletApiError');
  }

  readonly status: number;
  readonly responseCode: string | undefined;
  readonly responseMessage: string | undefined;
  readonly messageCode: number | undefined;
  readonly outcome: OutcomeClass | undefined;
  readonly requestId: string | undefined;
  /** The response body as received (ciphertext or plain JSON). Not enumerable, never in the message. */
  declare readonly rawBody: string;
  /** The decrypted (or plain) response, when it was a JSON object. Not enumerable. */
  declare readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The response headers. Not enumerable. */
  declare readonly headers: Headers;

  constructor(details: WalletApiErrorDetails, message: string, code?: WalletErrorCode) {
    super(code ?? WalletErrorCode.Api, message, details);
    this.status = details.status;
    this.responseCode = details.responseCode;
    this.responseMessage = details.responseMessage;
    this.messageCode = details.messageCode;
    this.outcome = details.outcome;
    this.requestId = details.requestId;
    hide(this, 'rawBody', details.rawBody);
    hide(this, 'body', details.body);
    hide(this, 'headers', details.headers);
  }
}

/** Which authentication check failed, when the platform's message names it. */
export type AuthenticationFailureReason =
  | 'missing-header'
  | 'malformed-header'
  | 'clock-skew'
  | 'bad-signature'
  | 'bad-api-key';

/**
 * HTTP 401. `reason` tells which check failed when the platform named it; with `clock-skew`, the
 * message suggests checking this machine's clock.
 */
export class WalletAuthenticationError extends WalletApiError {
  static {
    brandClass(WalletAuthenticationError, 'WalletAuthenticationError');
  }

  readonly reason: AuthenticationFailureReason | undefined;

  constructor(
    details: WalletApiErrorDetails,
    message: string,
    reason: AuthenticationFailureReason | undefined,
  ) {
    super(details, message, WalletErrorCode.Authentication);
    this.reason = reason;
  }
}

/**
 * The platform refused the request itself (HTTP 400): a missing or invalid parameter (1020 and the
 * field codes), a wrong message code (1010), an envelope it could not open (1055: check the
 * encryption key and IV mode), or a wrong `walletIdentifier` (1058). `outcome` tells which.
 */
export class WalletInvalidRequestError extends WalletApiError {
  static {
    brandClass(WalletInvalidRequestError, 'WalletInvalidRequestError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.InvalidRequest);
  }
}

/** The `clientTxnId` was already used for a different request (5000). Use a fresh one. */
export class WalletDuplicateRequestError extends WalletApiError {
  static {
    brandClass(WalletDuplicateRequestError, 'WalletDuplicateRequestError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.DuplicateRequest);
  }
}

/** The customer already exists: the mobile number or customerId belongs to a customer (1030). */
export class WalletConflictError extends WalletApiError {
  static {
    brandClass(WalletConflictError, 'WalletConflictError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.Conflict);
  }
}

/** The customer, wallet, account or stored response does not exist (1040, 29201). */
export class WalletNotFoundError extends WalletApiError {
  static {
    brandClass(WalletNotFoundError, 'WalletNotFoundError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.NotFound);
  }
}

/** A limit or the balance forbids the operation (1050, 1135, 3007, 10153). */
export class WalletLimitError extends WalletApiError {
  static {
    brandClass(WalletLimitError, 'WalletLimitError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.Limit);
  }
}

/** The wallet's status forbids the operation: blocked, dormant or closed (1117, 1118, 6002, ...). */
export class WalletStateError extends WalletApiError {
  static {
    brandClass(WalletStateError, 'WalletStateError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.WalletState);
  }
}

/** HTTP 429 after every retry. `retryAfterMs` is the wait the last response asked for, if any. */
export class WalletRateLimitError extends WalletApiError {
  static {
    brandClass(WalletRateLimitError, 'WalletRateLimitError');
  }

  readonly retryAfterMs: number | undefined;

  constructor(details: WalletApiErrorDetails, message: string, retryAfterMs: number | undefined) {
    super(details, message, WalletErrorCode.RateLimit);
    this.retryAfterMs = retryAfterMs;
  }
}

/** The platform failed (HTTP 5xx, 1052), after every retry. */
export class WalletServerError extends WalletApiError {
  static {
    brandClass(WalletServerError, 'WalletServerError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.Server);
  }
}

/**
 * The Encrypt/Decrypt helper API refused a header: a missing client id (1262), bank id (1264),
 * consumer id (1310) or secure code (1311), or a wrong bank id (1031) or secure code (1049).
 */
export class WalletHelperError extends WalletApiError {
  static {
    brandClass(WalletHelperError, 'WalletHelperError');
  }

  constructor(details: WalletApiErrorDetails, message: string) {
    super(details, message, WalletErrorCode.Helper);
  }
}

function attemptsText(attempts: number): string {
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

/** @deprecated use {@link WalletResponseDetails}: one word, "response", for what the platform sends back. */
export type WalletAnswerDetails = WalletResponseDetails;
