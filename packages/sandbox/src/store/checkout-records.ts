/*
 * The payment gateway's records (checkout.md): payments posted to `/_payment` and the refunds
 * `postservice` queues against them. Money is integer paise here, as in the ledger; the rupee
 * strings the gateway speaks are kept as posted, since its hashes cover them byte for byte.
 */

import type { PaymentDetails } from '@wallet/checkout';

/** How a payment reached the gateway (checkout.md section 2). */
export const PAYMENT_MODES = ['hosted', 'merchant-hosted', 'seamless', 'load-and-pay'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/**
 * Where a payment stands in the store. `initiated`: posted, the customer is still on the pages.
 * `success` and `failure` are final. A `success` whose `settlesAt` lies ahead is reported as
 * `pending` until then (the magic "pending, then success"): its money has already moved.
 */
export const PAYMENT_STATES = ['initiated', 'success', 'failure'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * The fields posted with a payment that its responses echo (all as posted; absent ones empty):
 * those of @wallet/checkout's PaymentDetails, and the callback URLs.
 */
export type PaymentFields = Pick<
  PaymentDetails,
  | 'productinfo'
  | 'firstname'
  | 'lastname'
  | 'email'
  | 'phone'
  | 'udf1'
  | 'udf2'
  | 'udf3'
  | 'udf4'
  | 'udf5'
  | 'bankcode'
> & {
  readonly surl: string;
  readonly furl: string;
};

export interface Payment {
  readonly merchantKey: string;
  /** The merchant's order id: unique per merchant. */
  readonly txnid: string;
  /** 18 digits, unique across the store; a string everywhere. */
  readonly mihpayid: string;
  readonly mode: PaymentMode;
  /** Rupees exactly as posted (`525.5`): the hashes cover this text. */
  readonly amount: string;
  /** The same amount in paise (`52550`): what the ledger moves. */
  readonly amountPaise: number;
  /** The wallet to debit, once known (hosted mode learns it on the options page). */
  readonly urn: string | null;
  /** The wallet as the merchant named it (`walleturn` or `customer_id`), when it did. */
  readonly customerId: string | null;
  /** Load-and-pay: paise the customer tops up with a card when the balance is short. */
  readonly loadPaise: number | null;
  readonly state: PaymentState;
  /** PayU's `unmappedstatus` once final: `captured`, `failed`, `userCancelled`. */
  readonly unmappedStatus: string | null;
  /** `E000` on success; the error code of a failure. */
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** The ledger's reference of the debit (`bank_ref_num`), once paid. */
  readonly bankRefNum: string | null;
  /** Wrong OTPs entered so far. */
  readonly otpFailures: number;
  /** A paid payment reads `pending` until this instant; null when it settles at once. */
  readonly settlesAt: Date | null;
  readonly fields: PaymentFields;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewPayment {
  txnid: string;
  mode: PaymentMode;
  amount: string;
  amountPaise: number;
  urn?: string | null | undefined;
  customerId?: string | null | undefined;
  loadPaise?: number | null | undefined;
  fields: PaymentFields;
}

/** What may change on a payment; absent fields stay. */
export interface PaymentPatch {
  urn?: string | undefined;
  state?: PaymentState | undefined;
  unmappedStatus?: string | undefined;
  errorCode?: string | undefined;
  errorMessage?: string | undefined;
  bankRefNum?: string | undefined;
  otpFailures?: number | undefined;
  settlesAt?: Date | null | undefined;
}

/**
 * A refund's final result. It reads `queued` until `settlesAt`, then this. A `failure` moved no
 * money; a `success` credited the wallet when it was queued.
 */
export const REFUND_RESULTS = ['success', 'failure'] as const;
export type RefundResult = (typeof REFUND_RESULTS)[number];

export interface Refund {
  readonly merchantKey: string;
  /** The payment refunded. */
  readonly mihpayid: string;
  readonly txnid: string;
  /** Digits, unique across the store: what `check_action_status` asks about. */
  readonly requestId: string;
  /** The merchant's token: unique per merchant. */
  readonly token: string;
  /** Rupees as posted. */
  readonly amount: string;
  readonly amountPaise: number;
  readonly result: RefundResult;
  /** The ledger reference of the credit; null for a failure (no money moved). */
  readonly bankRefNum: string | null;
  readonly settlesAt: Date;
  readonly createdAt: Date;
}

export interface NewRefund {
  mihpayid: string;
  token: string;
  amount: string;
  amountPaise: number;
  result: RefundResult;
  bankRefNum: string | null;
  settlesAt: Date;
}
