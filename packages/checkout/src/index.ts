/**
 * `@wallet/checkout`. Its one entry, built twice (tsup.config.ts): on Node and Bun SHA-2 runs
 * through `node:crypto` (`digest.node.ts`); the web build, for browsers and workers, is this same
 * entry with `digest.web.ts` (@noble/hashes) in its place.
 * @packageDocumentation
 */
import { createEnvelope } from '@wallet/crypto';
import type { CallbackBody } from './callback.js';
import { type Checkout, createCheckoutWith, type Platform } from './checkout.js';
import type { CheckoutConfig } from './config.js';
import { digest } from './digest.node.js';
import {
  type CommandHashParams,
  commandHashWith,
  type HashedResponse,
  type PaymentHashParams,
  type PgLoadChecksumFields,
  paymentHashWith,
  pgLoadChecksumWith,
  type ResponseHashFields,
  responseHashWith,
  verifyResponseHashWith,
} from './hashes.js';
import {
  type PgLoadCallback,
  type PgLoadChecksumVerifier,
  parsePgLoadCallbackWith,
  profileChecksumVerifier,
} from './pg-load.js';

export * from './public.js';

/**
 * The SHA-512 hash of a payment request (checkout.md section 1): lowercase hex of
 * `key|txnid|amount|productinfo|firstname|email|udf1|..|udf5||||||SALT`, then
 * `|additional_charges` when charges are posted. Values are hashed exactly as given.
 * @throws {CheckoutFieldError} naming the first field that breaks PayU's rules.
 */
export function paymentHash(params: PaymentHashParams, salt: string): string {
  return paymentHashWith(digest, params, salt);
}

/**
 * The SHA-512 hash a payment response (callback, seamless response) must carry:
 * `SALT|status||||||udf5|..|udf1|email|firstname|productinfo|amount|txnid|key`, with
 * `additionalCharges|` in front when it carries charges (either spelling).
 * @throws {CheckoutFieldError} naming the first field that breaks PayU's rules.
 */
export function responseHash(response: ResponseHashFields, salt: string): string {
  return responseHashWith(digest, response, salt);
}

/**
 * Whether `response.hash` is {@link responseHash} of the response, compared in constant time.
 * `false` for a response whose fields break PayU's rules (no hash of ours covers it).
 * @throws {CheckoutFieldError} only for a bad `salt` (empty, or holding `|`).
 */
export function verifyResponseHash(response: HashedResponse, salt: string): boolean {
  return verifyResponseHashWith(digest, response, salt);
}

/**
 * The SHA-512 hash of a `postservice` command: `key|command|var1|SALT`, var1 byte-exact as sent.
 * @throws {CheckoutFieldError} for a bad key, command or salt.
 */
export function commandHash(params: CommandHashParams, salt: string): string {
  return commandHashWith(digest, params, salt);
}

/**
 * The PG Load callback checksum (checkout.md section 3, a **profile**: PayU publishes none):
 * lowercase hex SHA-256 of `clientTxnId|status|loadAmount|accosaRefNo|SALT`.
 * @throws {CheckoutFieldError} naming the first field that breaks the rules.
 */
export function pgLoadChecksum(fields: PgLoadChecksumFields, salt: string): string {
  return pgLoadChecksumWith(digest, fields, salt);
}

const platform: Platform = { digest, createEnvelope };

/**
 * One merchant's checkout: payment forms, the seamless mode, callbacks, the command API. The
 * configuration is checked here, once.
 * @throws {CheckoutConfigError} naming the first setting at fault.
 */
export function createCheckout(config: CheckoutConfig): Checkout {
  return createCheckoutWith(config, platform);
}

/**
 * The PG Load callback posted after a card top-up, once its checksum verified: by the spec's
 * profile (SHA-256 of `clientTxnId|status|loadAmount|accosaRefNo|SALT`) with `salt`, or by your
 * own `verifyChecksum`. `createCheckout(...).parsePgLoadCallback` does the same with the
 * checkout's salt.
 * @throws {CheckoutHashError} when the checksum is absent or refused.
 * @throws {CheckoutResponseError} when the body is unreadable or its status unknown.
 */
export function parsePgLoadCallback(
  body: CallbackBody,
  options:
    | { readonly salt: string; readonly verifyChecksum?: PgLoadChecksumVerifier }
    | { readonly verifyChecksum: PgLoadChecksumVerifier; readonly salt?: string },
): PgLoadCallback {
  const verify = options.verifyChecksum ?? profileChecksumVerifier(digest, options.salt as string);
  return parsePgLoadCallbackWith(body, verify);
}
