/**
 * The payment gateway's magic values: amounts that force an outcome, the same for the pages and
 * for seamless calls (checkout.md section 6). The README lists them with the wallet APIs' ones.
 */

/** What a payment's magic amount does. */
export type PaymentMagic = 'failure' | 'pending' | 'timeout';

/** A paid "pending" payment reads `pending` this long, then `success`. */
export const PENDING_SETTLE_MS = 30_000;
/** A refund reads `queued` this long, then its result. */
export const REFUND_SETTLE_MS = 5_000;

/** One magic value, as the README's table lists it. */
export interface CheckoutMagicValue {
  /** The label recorded as the exchange's fault. */
  readonly label: string;
  readonly applies: 'payment' | 'refund';
  /** Paise of the posted amount (`amount`, or `var3` of a refund). */
  readonly paise: number;
  readonly outcome: string;
}

export const CHECKOUT_MAGIC_VALUES = {
  failure: {
    label: 'magic=payment-999.99',
    applies: 'payment',
    paise: 99_999,
    outcome: '`failure` (E1900), nothing is debited; the callback goes to furl',
  },
  pending: {
    label: 'magic=payment-999.98',
    applies: 'payment',
    paise: 99_998,
    outcome:
      'debited at once, but reads `pending` (callback to furl, verify_payment) for 30 seconds, then `success`',
  },
  timeout: {
    label: 'magic=payment-999.97',
    applies: 'payment',
    paise: 99_997,
    outcome:
      'no response to the seamless call or to the pay step until the client gives up; nothing is debited',
  },
  refundFails: {
    label: 'magic=refund-9.99',
    applies: 'refund',
    paise: 999,
    outcome: '`Refund Request Queued`, then `failure` after 5 seconds; nothing is credited',
  },
} as const satisfies Record<string, CheckoutMagicValue>;

/** The magic a payment's amount carries, if any (only when magic values are on). */
export function paymentMagicOf(amountPaise: number, enabled: boolean): PaymentMagic | undefined {
  if (!enabled) return undefined;
  if (amountPaise === CHECKOUT_MAGIC_VALUES.failure.paise) return 'failure';
  if (amountPaise === CHECKOUT_MAGIC_VALUES.pending.paise) return 'pending';
  if (amountPaise === CHECKOUT_MAGIC_VALUES.timeout.paise) return 'timeout';
  return undefined;
}

/** Whether a refund of this amount is forced to fail. */
export function refundMagicFails(amountPaise: number, enabled: boolean): boolean {
  return enabled && amountPaise === CHECKOUT_MAGIC_VALUES.refundFails.paise;
}
