/**
 * `createCheckout()`: one merchant's checkout, its configuration checked once. The functions
 * here are bound to a {@link Platform} by `index.ts`: node:crypto, or @noble/hashes and
 * @noble/ciphers in the web build.
 */
import {
  CryptoErrorCode,
  type Envelope,
  type EnvelopeOptions,
  WalletKeyError,
} from '@wallet/crypto';
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
import {
  type CheckoutConfig,
  type CheckoutEndpoints,
  type ResolvedCheckoutConfig,
  resolveCheckoutConfig,
} from './config.js';
import { confirmWith, type PaymentConfirmation } from './confirm.js';
import type { Digest } from './digest.js';
import { CheckoutConfigError } from './errors.js';
import {
  browserMode,
  formHtml,
  type PaymentForm,
  type PaymentFormHtmlOptions,
  type PaymentParams,
  paymentFields,
  type SeamlessPaymentParams,
} from './forms.js';
import {
  type PgLoadCallback,
  type PgLoadCallbackOptions,
  parsePgLoadCallbackWith,
  profileChecksumVerifier,
} from './pg-load.js';
import { Postservice } from './postservice.js';
import type { PaymentDetails, PaymentResponse } from './response.js';
import { payServerToServer } from './seamless.js';

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
   * The seamless mode: the merchant-hosted fields (and `loadmoney`, optionally) sealed into
   * `encdata` with the wallet's envelope and posted with `txn_s2s_flow=4`. Resolves to the
   * payment response once its hash verified; sent once, never retried (it is a debit).
   * @throws {CheckoutConfigError} when the checkout has no `encryptionKey`.
   * @throws {CheckoutHashError} when the response's hash does not verify.
   */
  payServerToServer(params: SeamlessPaymentParams): Promise<PaymentResponse>;
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
  /**
   * The PG Load callback posted after a card top-up, once its checksum verified: by the spec's
   * profile with this merchant's salt, or by `verifyChecksum`.
   * @throws {CheckoutHashError} when the checksum is absent or refused.
   */
  parsePgLoadCallback(body: CallbackBody, options?: PgLoadCallbackOptions): PgLoadCallback;
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

  const envelope = envelopeOf(resolved, platform);
  const postservice = new Postservice(resolved, platform.digest);
  const send = postservice.send.bind(postservice);
  const parseCallback = (body: CallbackBody) => parseCallbackWith(platform.digest, body, salt, key);

  return {
    endpoints,
    paymentForm,
    paymentFormHtml: (params, options) => formHtml(paymentForm(params), options),
    parseCallback,
    payServerToServer: async (params) => {
      if (envelope === undefined) {
        throw new CheckoutConfigError('encryptionKey', 'is required for payServerToServer');
      }
      return payServerToServer(resolved, platform.digest, envelope, params);
    },
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
    parsePgLoadCallback: (body, options = {}) =>
      parsePgLoadCallbackWith(
        body,
        options.verifyChecksum ?? profileChecksumVerifier(platform.digest, salt),
      ),
  };
}

/** The envelope of `encdata`, when a key is configured; a bad key or IV fails here, at creation. */
function envelopeOf(config: ResolvedCheckoutConfig, platform: Platform): Envelope | undefined {
  if (config.encryptionKey === undefined) return undefined;
  const options: { -readonly [K in keyof EnvelopeOptions]: EnvelopeOptions[K] } = {
    key: config.encryptionKey,
  };
  if (config.keyEncoding !== undefined) options.keyEncoding = config.keyEncoding;
  if (config.ivMode !== undefined) options.iv = config.ivMode;
  try {
    return platform.createEnvelope(options);
  } catch (error) {
    if (error instanceof WalletKeyError) {
      const setting = error.code === CryptoErrorCode.InvalidIv ? 'ivMode' : 'encryptionKey';
      throw new CheckoutConfigError(setting, error.expected);
    }
    throw error;
  }
}
