/**
 * `confirmPayment()`'s verdict: a callback is trusted only when its hash verifies and
 * `verify_payment` tells the same story (checkout.md section 4).
 */
import { CheckoutMismatchError, type ConfirmationField } from './errors.js';
import type { PaymentDetails, PaymentResponse, PaymentStatus } from './response.js';

/** What a confirmed payment is. */
export type PaymentOutcome = 'paid' | 'failed' | 'pending';

/** The callback and `verify_payment`, agreeing. */
export interface PaymentConfirmation {
  /** `paid` (deliver), `failed`, or `pending` (ask `verifyPayment` again later). */
  readonly outcome: PaymentOutcome;
  /** The callback, its hash verified. */
  readonly callback: PaymentResponse;
  /** What `verify_payment` answered for its txnid. */
  readonly verified: PaymentDetails;
}

const OUTCOMES: Readonly<Record<PaymentStatus, PaymentOutcome>> = {
  success: 'paid',
  failure: 'failed',
  pending: 'pending',
};

/** The confirmation, or the fields on which the two disagree. */
export function confirmWith(
  callback: PaymentResponse,
  verified: PaymentDetails | null,
): PaymentConfirmation {
  if (verified === null) {
    throw new CheckoutMismatchError(callback.txnid, ['found'], callback.status, undefined);
  }
  const disagreements: ConfirmationField[] = [];
  if (verified.status !== callback.status) disagreements.push('status');
  if (verified.mihpayid !== callback.mihpayid) disagreements.push('mihpayid');
  if (verified.amount !== callback.amount) disagreements.push('amount');
  if (disagreements.length > 0) {
    throw new CheckoutMismatchError(
      callback.txnid,
      disagreements,
      callback.status,
      verified.status,
    );
  }
  return { outcome: OUTCOMES[callback.status], callback, verified };
}
