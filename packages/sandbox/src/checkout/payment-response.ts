/**
 * The payment response of checkout.md section 4: the callback body, the seamless response and (with
 * no hash) the detail `verify_payment` and `check_payment` give.
 */
import { responseHash } from '@wallet/checkout';
import type { Payment } from '../store/checkout-records.js';
import { formatAddedOn } from './addedon.js';
import { paiseToRupees } from './amount.js';

/** What a payment reads as at `now`: `status` and `unmappedstatus`. */
export interface ReportedStatus {
  readonly status: 'success' | 'failure' | 'pending';
  readonly unmappedstatus: string;
}

/**
 * A payment's reported status at `now`. A paid payment whose settling time lies ahead reads
 * `pending` (the magic "pending, then success"); one the customer has not finished reads
 * `pending` too: neither is a payment yet.
 */
export function reportedStatus(payment: Payment, now: Date): ReportedStatus {
  switch (payment.state) {
    case 'initiated':
      return { status: 'pending', unmappedstatus: 'pending' };
    case 'failure':
      return { status: 'failure', unmappedstatus: payment.unmappedStatus ?? 'failed' };
    case 'success':
      if (payment.settlesAt !== null && payment.settlesAt.getTime() > now.getTime()) {
        return { status: 'pending', unmappedstatus: 'pending' };
      }
      return { status: 'success', unmappedstatus: payment.unmappedStatus ?? 'captured' };
  }
}

/** The response fields of a payment at `now`, without the hash. */
export function paymentDetails(payment: Payment, now: Date): Record<string, string> {
  const { status, unmappedstatus } = reportedStatus(payment, now);
  const { fields } = payment;
  const paid = payment.state === 'success';
  return {
    mihpayid: payment.mihpayid,
    mode: 'CLW',
    status,
    unmappedstatus,
    key: payment.merchantKey,
    txnid: payment.txnid,
    amount: payment.amount,
    net_amount_debit: paid ? paiseToRupees(payment.amountPaise) : '0.00',
    addedon: formatAddedOn(payment.createdAt),
    productinfo: fields.productinfo,
    firstname: fields.firstname,
    lastname: fields.lastname,
    email: fields.email,
    phone: fields.phone,
    udf1: fields.udf1,
    udf2: fields.udf2,
    udf3: fields.udf3,
    udf4: fields.udf4,
    udf5: fields.udf5,
    bankcode: fields.bankcode,
    PG_TYPE: 'CLW-PG',
    bank_ref_num: payment.bankRefNum ?? '',
    error: payment.errorCode ?? (status === 'pending' ? 'E000' : ''),
    error_Message: payment.errorMessage ?? (status === 'pending' ? 'No Error' : ''),
  };
}

/** The response of a payment at `now` with its response hash under `salt`. */
export function paymentResponse(payment: Payment, now: Date, salt: string): Record<string, string> {
  const details = paymentDetails(payment, now);
  const hash = responseHash(
    {
      key: payment.merchantKey,
      txnid: payment.txnid,
      amount: payment.amount,
      productinfo: payment.fields.productinfo,
      firstname: payment.fields.firstname,
      email: payment.fields.email,
      status: details.status ?? '',
      udf1: payment.fields.udf1,
      udf2: payment.fields.udf2,
      udf3: payment.fields.udf3,
      udf4: payment.fields.udf4,
      udf5: payment.fields.udf5,
    },
    salt,
  );
  return { ...details, hash };
}
