/**
 * `createCheckout()`: one merchant's checkout, its configuration checked once. The functions
 * here are bound to a {@link Platform} by `index.ts` (node:crypto) and `index.web.ts`
 * (@noble/hashes, @noble/ciphers).
 */
import type { Envelope, EnvelopeOptions } from '@wallet/crypto';
import { type CallbackBody, parseCallbackWith } from './callback.js';
import {
  balance,
  checkPayment,
  type RefundDetails,
  type RefundReceipt,
  type RefundRequest,
  refund,
  refundStatus,
  refunds,
  type VerifiedPayments,
  verifyPayment,
  type WalletBalance,
} from './commands.js';
import { type CheckoutConfig, type CheckoutEndpoints, resolveCheckoutConfig } from './config.js';
import { confirmWith, type PaymentConfirmation } from './confirm.js';
import type { Digest } from './digest.js';
import {
  browserMode,
  formHtml,
  type PaymentForm,
  type PaymentFormHtmlOptions,
  type PaymentParams,
  paymentFields,
} from './forms.js';
import { Postservice } from './postservice.js';
import type { PaymentDetails, PaymentResponse } from './response.js';

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
  /**
   * `parseCallback`, then `verify_payment` for its txnid: resolves only when both agree on the
   * payment (found, status, mihpayid, amount), to `paid`, `failed` or `pending`.
   * @throws {CheckoutHashError} when the callback's hash does not verify.
   * @throws {CheckoutMismatchError} naming the fields on which they disagree.
   */
  confirmPayment(body: CallbackBody): Promise<PaymentConfirmation>;
  /** `verify_payment`: each txnid's payment, `null` for those PayU does not know. */
  verifyPayment(txnids: readonly string[]): Promise<VerifiedPayments>;
  /** `check_payment`: the payment with PayU id `mihpayid`, `null` when unknown. */
  checkPayment(mihpayid: string): Promise<PaymentDetails | null>;
  /**
   * `cancel_refund_transaction`: queues a (partial) refund. Without a `token`, one is derived
   * from the payment, the amount and `idempotencyKey`, so a retried refund is the same refund.
   * @throws {CheckoutRefundError} with PayU's `errorCode` (105, 106, 111, 116, ...).
   */
  refund(request: RefundRequest): Promise<RefundReceipt>;
  /** `check_action_status`: the state of a refund request. */
  refundStatus(requestId: string): Promise<RefundDetails>;
  /** `getAllRefundsFromTxnIds`: every refund of each payment. */
  refunds(txnids: readonly string[]): Promise<Readonly<Record<string, readonly RefundDetails[]>>>;
  /** `check_balance`: the balance of the wallet of a mobile number. */
  balance(query: { readonly mobile: string }): Promise<WalletBalance>;
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

  const postservice = new Postservice(resolved, platform.digest);
  const send = postservice.send.bind(postservice);
  const parseCallback = (body: CallbackBody) => parseCallbackWith(platform.digest, body, salt, key);

  return {
    endpoints,
    paymentForm,
    paymentFormHtml: (params, options) => formHtml(paymentForm(params), options),
    parseCallback,
    confirmPayment: async (body) => {
      const callback = parseCallback(body);
      const verified = await verifyPayment(send, [callback.txnid]);
      return confirmWith(callback, verified[callback.txnid] ?? null);
    },
    verifyPayment: (txnids) => verifyPayment(send, txnids),
    checkPayment: (mihpayid) => checkPayment(send, mihpayid),
    refund: (request) => refund(send, platform.digest, request),
    refundStatus: (requestId) => refundStatus(send, requestId),
    refunds: (txnids) => refunds(send, txnids),
    balance: (query) => balance(send, bankcode, query),
  };
}
