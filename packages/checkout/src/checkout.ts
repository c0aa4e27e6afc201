/**
 * `createCheckout()`: one merchant's checkout, its configuration checked once. The functions
 * here are bound to a {@link Platform} by `index.ts` (node:crypto) and `index.web.ts`
 * (@noble/hashes, @noble/ciphers).
 */
import type { Envelope, EnvelopeOptions } from '@wallet/crypto';
import { type CallbackBody, parseCallbackWith } from './callback.js';
import { type CheckoutConfig, type CheckoutEndpoints, resolveCheckoutConfig } from './config.js';
import type { Digest } from './digest.js';
import {
  browserMode,
  formHtml,
  type PaymentForm,
  type PaymentFormHtmlOptions,
  type PaymentParams,
  paymentFields,
} from './forms.js';
import type { PaymentResponse } from './response.js';

/** What differs between the Node and the web build. */
export interface Platform {
  readonly digest: Digest;
  readonly createEnvelope: (options: EnvelopeOptions) => Envelope;
}

/** One merchant's checkout. */
export interface Checkout {
  /** Where the gateway is, from `environment`. */
  readonly endpoints: CheckoutEndpoints;
  /**
   * The form to post from the customer's browser, hash filled in: hosted (no `mode`),
   * `mode: 'merchant-hosted'` (`pg=CLW`, `bankcode`, the wallet) or `mode: 'load-and-pay'`
   * (the same and `loadmoney`).
   * @throws {CheckoutFieldError} naming the first field that breaks PayU's rules.
   */
  paymentForm(params: PaymentParams): PaymentForm;
  /**
   * {@link Checkout.paymentForm} as a complete HTML page that posts itself at once, every value
   * HTML-escaped, with a `<noscript>` submit button.
   */
  paymentFormHtml(params: PaymentParams, options?: PaymentFormHtmlOptions): string;
  /**
   * The payment response posted to `surl`/`furl`, typed, once its hash verified and its key is
   * this merchant's. Ids stay strings. This says what the callback claims; confirm it with
   * `confirmPayment()` before delivering anything.
   * @throws {CheckoutHashError} when the hash is absent or does not verify.
   * @throws {CheckoutResponseError} when the body is unreadable.
   */
  parseCallback(body: CallbackBody): PaymentResponse;
}

/** Builds a checkout on `platform`; see `createCheckout()`. */
export function createCheckoutWith(config: CheckoutConfig, platform: Platform): Checkout {
  const resolved = resolveCheckoutConfig(config);
  const { key, salt, bankcode, endpoints } = resolved;
  const context = { key, salt, bankcode, digest: platform.digest };

  const paymentForm = (params: PaymentParams): PaymentForm => ({
    action: endpoints.payment,
    method: 'POST',
    fields: paymentFields(context, params, browserMode(params)),
  });

  return {
    endpoints,
    paymentForm,
    paymentFormHtml: (params, options) => formHtml(paymentForm(params), options),
    parseCallback: (body) => parseCallbackWith(platform.digest, body, salt, key),
  };
}
