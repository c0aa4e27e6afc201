/**
 * The codes the payment gateway answers with: a payment's `error` / `error_Message` (checkout.md
 * section 4) and the `error_code` of a refused `postservice` refund (section 5). Codes PayU does
 * not publish are the sandbox's **profile**, listed in the README.
 */
import { errorCatalogue, type PlatformCode } from '@wallet/schemas';

/** A payment's error: `E000` on success. */
export interface PaymentError {
  readonly code: string;
  readonly message: string;
}

export const paymentErrors = {
  none: { code: 'E000', message: 'No Error' },
  insufficientBalance: { code: 'E1605', message: 'Insufficient balance' },
  otpFailed: { code: 'E1301', message: 'OTP verification failed three times' },
  cancelled: { code: 'E1302', message: 'Transaction cancelled by the customer' },
  forcedFailure: { code: 'E1900', message: 'Transaction declined by the bank' },
} as const satisfies Record<string, PaymentError>;

/**
 * The payment error of a wallet movement the ledger declined: E1605 for a short balance (3007),
 * otherwise `E` and the platform code with its catalogue message (a blocked or closed wallet,
 * an unknown one).
 */
export function movementError(code: PlatformCode): PaymentError {
  if (code === '3007') return paymentErrors.insufficientBalance;
  return { code: `E${code}`, message: errorCatalogue[code].message };
}

/** The refusals of `cancel_refund_transaction`. */
export const refundRefusals = {
  invalidAmount: { error_code: 105, msg: 'Invalid amount: more than what is left to refund' },
  tokenReused: { error_code: 106, msg: 'Token already used for another refund' },
  notSuccessful: { error_code: 111, msg: 'Transaction is not a successful payment' },
  notFound: { error_code: 116, msg: 'Transaction not found' },
} as const;
export type RefundRefusal = (typeof refundRefusals)[keyof typeof refundRefusals];
