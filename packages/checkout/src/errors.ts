/**
 * The error tree of `@wallet/checkout`. Every error is a {@link WalletCheckoutError} with a stable
 * `code`. Messages name fields, settings and rules, never a value: salts, keys, e-mail addresses,
 * names and hashes stay out of messages, logs and snapshots.
 */

/**
 * The stable `code` of every error this package throws. Compare against these (or use
 * `instanceof`), never against a message: messages may be reworded, codes never change.
 */
export const CheckoutErrorCode = {
  /** A setting of `createCheckout()` is missing or unusable. */
  Config: 'CHECKOUT_CONFIG_INVALID',
  /** A field to hash or post breaks PayU's field rules (a `|`, a bad amount, too long, ...). */
  Field: 'CHECKOUT_FIELD_INVALID',
  /** A payment response (callback or seamless response) whose hash does not verify. */
  Hash: 'CHECKOUT_HASH_MISMATCH',
  /** A callback body or gateway response that cannot be read as PayU's (not a form, a field twice, ...). */
  Response: 'CHECKOUT_RESPONSE_INVALID',
  /** `postservice` could not be reached (DNS, connection refused or reset, TLS), after every retry. */
  Network: 'CHECKOUT_NETWORK_ERROR',
  /** A `postservice` attempt took longer than `timeout`, after every retry. */
  Timeout: 'CHECKOUT_TIMEOUT',
  /** `postservice` answered an HTTP error status (after every retry for 408, 429 and 5xx). */
  Http: 'CHECKOUT_HTTP_ERROR',
  /** A `postservice` response body larger than `maxResponseBytes`: not read further, not retried. */
  ResponseTooLarge: 'CHECKOUT_RESPONSE_TOO_LARGE',
  /** A `status: 0` response of no more specific kind. */
  CommandFailed: 'CHECKOUT_COMMAND_FAILED',
  /** `postservice` refused the command hash (`Invalid Hash.`): the key or salt is wrong. */
  CommandHash: 'CHECKOUT_COMMAND_HASH_REFUSED',
  /** The payment, refund or wallet asked about does not exist (refund code 116, `Source not found.`). */
  NotFound: 'CHECKOUT_NOT_FOUND',
  /** Refund code 105: the amount is invalid or more than what is left to refund. */
  RefundAmount: 'CHECKOUT_REFUND_AMOUNT_INVALID',
  /** Refund code 106: the token was used before for another amount. */
  RefundToken: 'CHECKOUT_REFUND_TOKEN_REUSED',
  /** Refund code 111: the payment is not a successful one, so there is nothing to refund. */
  RefundNotRefundable: 'CHECKOUT_REFUND_NOT_REFUNDABLE',
  /** A refund refused with another code. */
  RefundRefused: 'CHECKOUT_REFUND_REFUSED',
  /** `confirmPayment()`: the callback and `verify_payment` disagree. */
  Mismatch: 'CHECKOUT_CONFIRMATION_MISMATCH',
} as const;

/** One of the values of {@link CheckoutErrorCode}. */
export type CheckoutErrorCode = (typeof CheckoutErrorCode)[keyof typeof CheckoutErrorCode];

/** Base class of every error thrown by `@wallet/checkout`. */
export abstract class WalletCheckoutError extends Error {
  abstract readonly code: CheckoutErrorCode;
}

/**
 * A field breaks PayU's rules, found before anything is hashed or sent: a hash over it would be
 * a hash PayU refuses (or, with a `|`, the hash of other fields). `field` names it as posted
 * (`amount`, `udf3`, `salt`, ...); the message says the rule, never the value.
 */
export class CheckoutFieldError extends WalletCheckoutError {
  override readonly name = 'CheckoutFieldError';
  readonly code: typeof CheckoutErrorCode.Field = CheckoutErrorCode.Field;
  /** The field as posted: `amount`, `udf3`, `salt`, ... */
  readonly field: string;
  /** The rule it breaks, in words (`must not contain |`). */
  readonly rule: string;

  constructor(field: string, rule: string) {
    super(`Invalid checkout field ${field}: ${rule}.`);
    this.field = field;
    this.rule = rule;
  }
}

/**
 * A payment response whose `hash` is absent or is not the response hash of its fields under the
 * merchant salt: forged, altered on the way, or sent for another merchant. Nothing in it may be
 * trusted. The message holds neither the hash received nor the one expected.
 */
export class CheckoutHashError extends WalletCheckoutError {
  override readonly name = 'CheckoutHashError';
  readonly code: typeof CheckoutErrorCode.Hash = CheckoutErrorCode.Hash;

  constructor(message = 'The payment response hash does not verify: do not trust this response.') {
    super(message);
  }
}

/** A setting of `createCheckout()` is missing or unusable, found at creation. */
export class CheckoutConfigError extends WalletCheckoutError {
  override readonly name = 'CheckoutConfigError';
  readonly code: typeof CheckoutErrorCode.Config = CheckoutErrorCode.Config;
  /** The setting at fault (`salt`, `environment`, `ivMode.fixed`, ...). */
  readonly setting: string;
  /**
   * What the setting must be, without its name (`must be a non-empty string`): callers that name
   * the setting their own way (a CLI flag, an environment variable) read this, never the message.
   */
  readonly rule: string;

  constructor(setting: string, rule: string) {
    super(
      setting === ''
        ? `Invalid checkout configuration: ${rule}.`
        : `Invalid checkout setting ${setting}: ${rule}.`,
    );
    this.setting = setting;
    this.rule = rule;
  }
}

/**
 * A callback body or gateway response this package cannot read: not a form or JSON, a field sent
 * twice or not as a string, an unknown status. The raw body is kept as a non-enumerable `body`,
 * never in the message.
 */
export class CheckoutResponseError extends WalletCheckoutError {
  override readonly name = 'CheckoutResponseError';
  readonly code: typeof CheckoutErrorCode.Response = CheckoutErrorCode.Response;
  declare readonly body: string | undefined;

  constructor(message: string, body?: string) {
    super(message);
    Object.defineProperty(this, 'body', { value: body, enumerable: false });
  }
}

/** Which `postservice` call failed, carried by every error of the command API. */
export interface CheckoutCallContext {
  /** `verify_payment`, `cancel_refund_transaction`, ... */
  readonly command: string;
  /** Attempts made, 1 when not retried. */
  readonly attempts: number;
}

/** A `postservice` call that got no usable response: network, timeout, HTTP status, oversized body. */
export class CheckoutTransportError extends WalletCheckoutError {
  override readonly name = 'CheckoutTransportError';
  readonly code:
    | typeof CheckoutErrorCode.Network
    | typeof CheckoutErrorCode.Timeout
    | typeof CheckoutErrorCode.Http
    | typeof CheckoutErrorCode.ResponseTooLarge;
  readonly command: string;
  readonly attempts: number;
  /** The HTTP status, for `CHECKOUT_HTTP_ERROR` and `CHECKOUT_RESPONSE_TOO_LARGE`. */
  readonly status: number | undefined;

  constructor(
    code: CheckoutTransportError['code'],
    context: CheckoutCallContext,
    status?: number,
    options?: { readonly cause?: unknown },
  ) {
    const what =
      code === CheckoutErrorCode.Timeout
        ? 'timed out'
        : code === CheckoutErrorCode.Http
          ? `answered HTTP ${status}`
          : code === CheckoutErrorCode.ResponseTooLarge
            ? `answered a body larger than maxResponseBytes (HTTP ${status})`
            : 'could not be reached';
    super(
      `postservice ${context.command} ${what} (${context.attempts} attempt${context.attempts === 1 ? '' : 's'}).`,
      options,
    );
    this.code = code;
    this.command = context.command;
    this.attempts = context.attempts;
    this.status = status;
  }
}

/**
 * A `postservice` response with `status: 0`. `msg` and `errorCode` are PayU's; `code` says the kind:
 * a refused hash, something not found, a refund refused (105, 106, 111, ...), or another failure.
 */
export class CheckoutCommandError extends WalletCheckoutError {
  override readonly name: string = 'CheckoutCommandError';
  readonly code:
    | typeof CheckoutErrorCode.CommandFailed
    | typeof CheckoutErrorCode.CommandHash
    | typeof CheckoutErrorCode.NotFound
    | typeof CheckoutErrorCode.RefundAmount
    | typeof CheckoutErrorCode.RefundToken
    | typeof CheckoutErrorCode.RefundNotRefundable
    | typeof CheckoutErrorCode.RefundRefused;
  readonly command: string;
  /** PayU's `msg`. */
  readonly msg: string;
  /** PayU's `error_code` (`105`, `106`, `111`, `116`, ...), when it sent one. */
  readonly errorCode: string | undefined;

  constructor(
    code: CheckoutCommandError['code'],
    command: string,
    msg: string,
    errorCode: string | undefined,
  ) {
    super(
      `postservice ${command} failed${errorCode === undefined ? '' : ` with error_code ${errorCode}`}: ${msg}`,
    );
    this.code = code;
    this.command = command;
    this.msg = msg;
    this.errorCode = errorCode;
  }
}

/** `cancel_refund_transaction` refused the refund; `errorCode` is PayU's (105, 106, 111, 116, ...). */
export class CheckoutRefundError extends CheckoutCommandError {
  override readonly name = 'CheckoutRefundError';
}

/** A field on which the callback and `verify_payment` disagree. */
export type ConfirmationField = 'found' | 'status' | 'mihpayid' | 'amount';

/**
 * `confirmPayment()`: the callback (whose hash verified) and `verify_payment` tell different
 * stories. `disagreements` names the fields; `callbackStatus` and `verifiedStatus` are the two
 * statuses (`undefined` when `verify_payment` does not know the payment). Deliver nothing; ask
 * again later, or look into it.
 */
export class CheckoutMismatchError extends WalletCheckoutError {
  override readonly name = 'CheckoutMismatchError';
  readonly code: typeof CheckoutErrorCode.Mismatch = CheckoutErrorCode.Mismatch;
  readonly txnid: string;
  readonly disagreements: readonly ConfirmationField[];
  readonly callbackStatus: string;
  readonly verifiedStatus: string | undefined;

  constructor(
    txnid: string,
    disagreements: readonly ConfirmationField[],
    callbackStatus: string,
    verifiedStatus: string | undefined,
  ) {
    super(
      `The callback and verify_payment disagree on ${disagreements.join(', ')}: do not deliver.`,
    );
    this.txnid = txnid;
    this.disagreements = disagreements;
    this.callbackStatus = callbackStatus;
    this.verifiedStatus = verifiedStatus;
  }
}
