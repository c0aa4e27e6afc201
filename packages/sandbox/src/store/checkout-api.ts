import type {
  NewPayment,
  NewRefund,
  Payment,
  PaymentPatch,
  PaymentState,
  Refund,
} from './checkout-records.js';
import type { ListQuery, Page } from './records.js';

/** Names one payment of a merchant: by the merchant's `txnid` or the gateway's `mihpayid`. */
export type PaymentLookup = { readonly txnid: string } | { readonly mihpayid: string };

/**
 * The payment gateway's records inside a `transact` unit of work (`tx.checkout`), next to the
 * ledger calls of the same transaction, scoped to its merchant.
 */
export interface CheckoutTx {
  /** Finds a payment and locks its row until the transaction ends. */
  findPayment(lookup: PaymentLookup): Promise<Payment | null>;
  /** Changes a payment. NOT_FOUND when absent. */
  updatePayment(txnid: string, patch: PaymentPatch): Promise<Payment>;
  /**
   * Records a refund of a payment, issuing its `requestId`. UNIQUE_VIOLATION (`token`) when the
   * token is taken; NOT_FOUND when the payment is absent.
   */
  createRefund(input: NewRefund): Promise<Refund>;
  /** The refunds of one payment, oldest first. */
  refundsOf(mihpayid: string): Promise<Refund[]>;
}

/** The payment gateway's records outside transactions (`store.checkout`). */
export interface CheckoutStore {
  /**
   * Records a posted payment (state `initiated`), issuing its 18-digit `mihpayid`.
   * UNIQUE_VIOLATION (`txnid`) when the merchant already has a payment with this txnid;
   * UNKNOWN_MERCHANT for a key the store does not hold.
   */
  createPayment(merchantKey: string, input: NewPayment): Promise<Payment>;
  /** Reads a payment; null when absent or for an unknown merchant. */
  findPayment(merchantKey: string, lookup: PaymentLookup): Promise<Payment | null>;
  /**
   * Changes a payment only while it is in state `onlyIn` (so a page cannot undo what another
   * request settled); null when it is absent or in another state.
   */
  updatePayment(
    merchantKey: string,
    txnid: string,
    patch: PaymentPatch,
    onlyIn: PaymentState,
  ): Promise<Payment | null>;
  /** Counts one more wrong OTP on an `initiated` payment; null when it is absent or not initiated. */
  addOtpFailure(merchantKey: string, txnid: string): Promise<Payment | null>;
  /** The refund with this `requestId`; null when absent. */
  findRefund(merchantKey: string, requestId: string): Promise<Refund | null>;
  /** The refunds of the payments with these txnids, oldest first. */
  refundsOfTxnids(merchantKey: string, txnids: readonly string[]): Promise<Refund[]>;
  /** Payments, newest first. */
  listPayments(query?: ListQuery): Promise<Page<Payment>>;
  /** Refunds, newest first. */
  listRefunds(query?: ListQuery): Promise<Page<Refund>>;
}
