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
  /** A payment response (callback or seamless answer) whose hash does not verify. */
  Hash: 'CHECKOUT_HASH_MISMATCH',
  /** A callback body or gateway answer that cannot be read as PayU's (not a form, a field twice, ...). */
  Response: 'CHECKOUT_RESPONSE_INVALID',
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

  constructor(setting: string, rule: string) {
    super(
      setting === ''
        ? `Invalid checkout configuration: ${rule}.`
        : `Invalid checkout setting ${setting}: ${rule}.`,
    );
    this.setting = setting;
  }
}

/**
 * A callback body or gateway answer this package cannot read: not a form or JSON, a field sent
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
