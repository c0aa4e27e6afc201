/**
 * The payment response of checkout.md section 4: what the callback posts to `surl`/`furl`, what
 * the seamless mode responds, and (without `hash`) what `verify_payment` details. Every field is a
 * string as received: `mihpayid` is 18 digits, which a JavaScript number would round.
 */

/** The payment's outcome. Only `success` is a payment; `pending` is settled later. */
export type PaymentStatus = 'success' | 'failure' | 'pending';

/** The fields PayU sends about a payment (callback, seamless response, verify detail). */
export interface PaymentDetails {
  /** PayU's payment id: 18 digits, always a string. */
  readonly mihpayid: string;
  readonly status: PaymentStatus;
  /** `captured`, `failed`, `pending`, `userCancelled`, ... */
  readonly unmappedstatus: string;
  /** `CLW`. */
  readonly mode: string;
  readonly key: string;
  readonly txnid: string;
  /** The amount as posted, unchanged. */
  readonly amount: string;
  readonly net_amount_debit: string;
  /** `YYYY-MM-DD HH:mm:ss`, IST. */
  readonly addedon: string;
  readonly productinfo: string;
  readonly firstname: string;
  readonly lastname: string;
  readonly email: string;
  readonly phone: string;
  readonly udf1: string;
  readonly udf2: string;
  readonly udf3: string;
  readonly udf4: string;
  readonly udf5: string;
  readonly bankcode: string;
  readonly PG_TYPE: string;
  readonly bank_ref_num: string;
  /** `E000` on success, else the failure's code (`E1605`: insufficient balance). */
  readonly error: string;
  /** The failure's text, read from `error_Message` or `error_message`. */
  readonly error_Message: string;
  /** The charges, read from `additionalCharges` or `additional_charges`; `''` when none. */
  readonly additionalCharges: string;
  /** Every field as received, the ones above included. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A payment response whose hash verified. */
export interface PaymentResponse extends PaymentDetails {
  /** The response hash it carried (verified). */
  readonly hash: string;
}

const STATUSES: ReadonlySet<string> = new Set(['success', 'failure', 'pending']);

/** Whether `status` is a {@link PaymentStatus}. */
export function isPaymentStatus(status: string): status is PaymentStatus {
  return STATUSES.has(status);
}

/** The typed view of `fields`, whose `status` has been checked to be a {@link PaymentStatus}. */
export function paymentDetails(
  fields: Readonly<Record<string, string>>,
  status: PaymentStatus,
): PaymentDetails {
  const field = (name: string): string => fields[name] ?? '';
  return {
    mihpayid: field('mihpayid'),
    status,
    unmappedstatus: field('unmappedstatus'),
    mode: field('mode'),
    key: field('key'),
    txnid: field('txnid'),
    amount: field('amount'),
    net_amount_debit: field('net_amount_debit'),
    addedon: field('addedon'),
    productinfo: field('productinfo'),
    firstname: field('firstname'),
    lastname: field('lastname'),
    email: field('email'),
    phone: field('phone'),
    udf1: field('udf1'),
    udf2: field('udf2'),
    udf3: field('udf3'),
    udf4: field('udf4'),
    udf5: field('udf5'),
    bankcode: field('bankcode'),
    PG_TYPE: field('PG_TYPE'),
    bank_ref_num: field('bank_ref_num'),
    error: field('error'),
    error_Message: fields.error_Message ?? fields.error_message ?? '',
    additionalCharges: fields.additionalCharges ?? fields.additional_charges ?? '',
    fields,
  };
}
