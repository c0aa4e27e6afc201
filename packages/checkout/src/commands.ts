/**
 * The `postservice` command API (checkout.md section 5), typed: what each command sends and how
 * its response is read. Ids and amounts stay the strings PayU wrote.
 */
import type { Digest } from './digest.js';
import {
  CheckoutCommandError,
  CheckoutErrorCode,
  CheckoutFieldError,
  CheckoutRefundError,
  CheckoutResponseError,
} from './errors.js';
import { checkAmount, checkPhone, checkRequiredText, checkTxnid } from './fields.js';
import { isJsonObject, type LosslessJson, type LosslessJsonObject, scalarText } from './json.js';
import type { PostserviceCommand, PostserviceResponse } from './postservice.js';
import { isPaymentStatus, type PaymentDetails, paymentDetails } from './response.js';

/** Sends one command; {@link Postservice.send}. */
export type SendCommand = (
  command: PostserviceCommand,
  vars: readonly [string, ...(string | undefined)[]],
) => Promise<PostserviceResponse>;

/** `verify_payment`: each txnid asked for, with its payment or `null` when PayU has none. */
export type VerifiedPayments = Readonly<Record<string, PaymentDetails | null>>;

/** A refund to request: with the token to send, or a key to derive it from. */
export type RefundRequest = {
  /** The payment to refund. */
  readonly mihpayid: string;
  /** Rupees, as `^\d+(\.\d{1,2})?$`; partial refunds allowed. */
  readonly amount: string;
  /** Where PayU posts the refund's outcome (`var5`). */
  readonly callbackUrl?: string;
} & (
  | {
      /** The refund's token, 1 to 23 of `A-Z a-z 0-9 _ -`, unique per refund. */
      readonly token: string;
      readonly idempotencyKey?: never;
    }
  | {
      /**
       * Your own id for this refund (a return, a cancelled order line). The token is derived from
       * the payment, the amount and this key, so a retried refund is the same refund, and two
       * refunds of the same amount on one payment need two keys.
       */
      readonly idempotencyKey: string;
      readonly token?: never;
    }
);

/** A refund PayU queued. */
export interface RefundReceipt {
  /** PayU's refund request id: ask `refundStatus()` with it. */
  readonly requestId: string;
  readonly mihpayid: string;
  readonly bankRefNum: string;
  /** The token sent (given, or derived). */
  readonly token: string;
  readonly msg: string;
}

/** A refund's state. */
export interface RefundDetails {
  readonly requestId: string;
  readonly mihpayid: string;
  /** `refund`. */
  readonly action: string;
  /** `queued`, then `success` or `failure`. */
  readonly status: string;
  /** Rupees, as PayU wrote them (`amt`). */
  readonly amount: string;
  readonly token: string;
  readonly bankRefNum: string;
}

/** `check_balance`: the wallet's balance. */
export interface WalletBalance {
  /** Rupees as PayU wrote them (`cardBalance`, e.g. `117.83`): never rounded through a number. */
  readonly balance: string;
  readonly cardName: string;
}

const TOKEN = /^[A-Za-z0-9_-]{1,23}$/;
const MIHPAYID = /^[A-Za-z0-9]{1,40}$/;
const NOT_FOUND = 'Not Found';

/** A `status: 0` response to a look-up: `CHECKOUT_NOT_FOUND` when its `msg` says so. */
function lookupFailed(command: string, msg: string): CheckoutCommandError {
  const code = /not found/i.test(msg)
    ? CheckoutErrorCode.NotFound
    : CheckoutErrorCode.CommandFailed;
  return new CheckoutCommandError(code, command, msg, undefined);
}

function checkMihpayid(value: unknown, field = 'mihpayid'): string {
  if (typeof value !== 'string' || !MIHPAYID.test(value)) {
    throw new CheckoutFieldError(field, 'must be PayU’s payment id as a string of digits');
  }
  return value;
}

function checkTxnids(txnids: readonly string[]): readonly string[] {
  if (!Array.isArray(txnids) || txnids.length === 0) {
    throw new CheckoutFieldError('txnids', 'must be a non-empty array of txnids');
  }
  return txnids.map((txnid, i) => checkTxnid(txnid, `txnids[${i}]`));
}

/** A detail object with every scalar as a string. */
function textFields(value: LosslessJson | undefined): Record<string, string> | undefined {
  if (!isJsonObject(value)) return undefined;
  const fields: Record<string, string> = Object.create(null);
  for (const [name, field] of Object.entries(value)) {
    if (typeof field !== 'object' || field === null) fields[name] = scalarText(field);
  }
  return fields;
}

/** The `transaction_details` of a response: read at `status 1`, and at `status 0` when present. */
function details(command: string, response: PostserviceResponse): LosslessJsonObject {
  const found = response.body.transaction_details;
  if (isJsonObject(found)) return found;
  if (response.status === 0) {
    throw new CheckoutCommandError(
      CheckoutErrorCode.CommandFailed,
      command,
      response.msg,
      undefined,
    );
  }
  throw new CheckoutResponseError(
    `postservice ${command} answered without transaction_details.`,
    response.text,
  );
}

/** One payment detail, or `null` for PayU's `Not Found` entry. */
function paymentOf(
  command: string,
  value: LosslessJson | undefined,
  text: string,
): PaymentDetails | null {
  const fields = textFields(value);
  if (fields === undefined || fields.status === NOT_FOUND || fields.mihpayid === NOT_FOUND)
    return null;
  // PayU's verify detail has spelled the amount `amt`; the spec's `amount` wins when both are there.
  if (fields.amount === undefined && fields.amt !== undefined) fields.amount = fields.amt;
  const status = fields.status ?? '';
  if (!isPaymentStatus(status)) {
    throw new CheckoutResponseError(
      `postservice ${command} answered a payment of unknown status.`,
      text,
    );
  }
  return paymentDetails(fields, status);
}

/** `verify_payment`: the payments of `txnids`, `null` for those PayU does not know. */
export async function verifyPayment(
  send: SendCommand,
  txnids: readonly string[],
): Promise<VerifiedPayments> {
  const asked = checkTxnids(txnids);
  const response = await send('verify_payment', [asked.join('|')]);
  const found = details('verify_payment', response);
  const result: Record<string, PaymentDetails | null> = {};
  for (const txnid of asked)
    result[txnid] = paymentOf('verify_payment', found[txnid], response.text);
  return result;
}

/** `check_payment`: the payment with PayU id `mihpayid`, or `null`. */
export async function checkPayment(
  send: SendCommand,
  mihpayid: string,
): Promise<PaymentDetails | null> {
  const id = checkMihpayid(mihpayid);
  const response = await send('check_payment', [id]);
  return paymentOf('check_payment', details('check_payment', response)[id], response.text);
}

/** The token of a refund without one: `r` and 22 hex digits of SHA-256 over what identifies it. */
export function derivedRefundToken(
  digest: Digest,
  mihpayid: string,
  amount: string,
  idempotencyKey: string,
): string {
  return `r${digest.sha256Hex(`refund|${mihpayid}|${amount}|${idempotencyKey}`).slice(0, 22)}`;
}

const REFUND_CODES: Readonly<Record<string, CheckoutCommandError['code']>> = {
  '105': CheckoutErrorCode.RefundAmount,
  '106': CheckoutErrorCode.RefundToken,
  '111': CheckoutErrorCode.RefundNotRefundable,
  '116': CheckoutErrorCode.NotFound,
};

/** `cancel_refund_transaction`: queues a refund, the same one again for the same token and amount. */
export async function refund(
  send: SendCommand,
  digest: Digest,
  request: RefundRequest,
): Promise<RefundReceipt> {
  if (typeof request !== 'object' || request === null) {
    throw new CheckoutFieldError('request', 'must be { mihpayid, amount, token | idempotencyKey }');
  }
  const mihpayid = checkMihpayid(request.mihpayid);
  const amount = checkAmount(request.amount);
  let token: string;
  if (request.token !== undefined) {
    if (request.idempotencyKey !== undefined) {
      throw new CheckoutFieldError('token', 'and idempotencyKey cannot both be given');
    }
    if (typeof request.token !== 'string' || !TOKEN.test(request.token)) {
      throw new CheckoutFieldError('token', 'must be 1 to 23 of A-Z a-z 0-9 _ -');
    }
    token = request.token;
  } else {
    const key = checkRequiredText('idempotencyKey', request.idempotencyKey, 255);
    token = derivedRefundToken(digest, mihpayid, amount, key);
  }
  const callbackUrl =
    request.callbackUrl === undefined
      ? undefined
      : checkRequiredText('callbackUrl', request.callbackUrl, 255);
  const response = await send('cancel_refund_transaction', [
    mihpayid,
    token,
    amount,
    undefined,
    callbackUrl,
  ]);
  if (response.status === 0) {
    const errorCode = scalarText(response.body.error_code) || undefined;
    const code =
      (errorCode === undefined ? undefined : REFUND_CODES[errorCode]) ??
      CheckoutErrorCode.RefundRefused;
    throw new CheckoutRefundError(code, 'cancel_refund_transaction', response.msg, errorCode);
  }
  const requestId = scalarText(response.body.request_id);
  if (requestId === '') {
    throw new CheckoutResponseError(
      'postservice cancel_refund_transaction answered without a request_id.',
      response.text,
    );
  }
  return {
    requestId,
    mihpayid: scalarText(response.body.mihpayid) || mihpayid,
    bankRefNum: scalarText(response.body.bank_ref_num),
    token,
    msg: response.msg,
  };
}

function refundOf(requestId: string, value: LosslessJson | undefined): RefundDetails | undefined {
  const fields = textFields(value);
  if (fields === undefined) return undefined;
  return {
    requestId: fields.request_id ?? requestId,
    mihpayid: fields.mihpayid ?? '',
    action: fields.action ?? '',
    status: fields.status ?? '',
    amount: fields.amt ?? fields.amount ?? '',
    token: fields.token ?? '',
    bankRefNum: fields.bank_ref_num ?? '',
  };
}

/** `check_action_status`: the state of refund request `requestId`. */
export async function refundStatus(send: SendCommand, requestId: string): Promise<RefundDetails> {
  const id = checkRequiredText('requestId', requestId, 64);
  const response = await send('check_action_status', [id]);
  if (response.status === 0 && !isJsonObject(response.body.transaction_details)) {
    throw lookupFailed('check_action_status', response.msg);
  }
  const outer = details('check_action_status', response)[id];
  const inner = isJsonObject(outer) ? (outer[id] ?? outer) : undefined;
  const found = refundOf(id, inner);
  if (found === undefined) {
    throw new CheckoutCommandError(
      CheckoutErrorCode.NotFound,
      'check_action_status',
      response.msg,
      undefined,
    );
  }
  return found;
}

/** `getAllRefundsFromTxnIds`: every refund of each payment (an empty list when it has none). */
export async function refunds(
  send: SendCommand,
  txnids: readonly string[],
): Promise<Readonly<Record<string, readonly RefundDetails[]>>> {
  const asked = checkTxnids(txnids);
  const response = await send('getAllRefundsFromTxnIds', [asked.join('|')]);
  const found = details('getAllRefundsFromTxnIds', response);
  const result: Record<string, readonly RefundDetails[]> = {};
  for (const txnid of asked) {
    const entry = found[txnid];
    // A list of refunds, or an object of them keyed by request id.
    const entries: [string, LosslessJson][] = Array.isArray(entry)
      ? entry.map((value: LosslessJson) => ['', value])
      : isJsonObject(entry)
        ? Object.entries(entry)
        : [];
    result[txnid] = entries.flatMap(([requestId, value]) => refundOf(requestId, value) ?? []);
  }
  return result;
}

/** `check_balance`: the balance of the wallet of `mobile`. */
export async function balance(
  send: SendCommand,
  bankcode: string,
  query: { readonly mobile: string },
): Promise<WalletBalance> {
  const mobile = checkPhone(query?.mobile, 'mobile');
  const var1 = JSON.stringify({ walletIdentifier: 'CLW', mobile, ibibo_code: bankcode });
  const response = await send('check_balance', [var1]);
  if (response.status === 0) throw lookupFailed('check_balance', response.msg);
  const cardBalance = scalarText(response.body.cardBalance);
  if (cardBalance === '') {
    throw new CheckoutResponseError(
      'postservice check_balance answered without cardBalance.',
      response.text,
    );
  }
  return { balance: cardBalance, cardName: scalarText(response.body.cardName) };
}
