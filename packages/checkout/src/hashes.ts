/**
 * The hash strings of checkout.md section 1 and the functions over them, bound to a
 * {@link Digest} by `index.ts`: node:crypto, or @noble/hashes in the web build. Every field is
 * checked by PayU's rules first and then hashed exactly as given: a value that would give a hash
 * PayU refuses, or the hash of other fields, is a {@link CheckoutFieldError}, never a wrong hash.
 */
import type { Digest } from './digest.js';
import { CheckoutFieldError } from './errors.js';
import {
  checkAmount,
  checkKey,
  checkOptionalText,
  checkRequiredText,
  checkSalt,
  checkText,
  checkTxnid,
  FIELD_MAX_LENGTH,
} from './fields.js';

/** The fields of a payment request that its hash covers, as posted. */
export interface PaymentHashParams {
  /** The merchant key, 1 to 50 characters. */
  readonly key: string;
  /** The merchant's order id: 1 to 25 of `A-Z a-z 0-9 _ -`. */
  readonly txnid: string;
  /** Rupees, as posted: `^\d+(\.\d{1,2})?$`, greater than zero. `10.00` and `10.0` differ. */
  readonly amount: string;
  /** At most 100 characters. */
  readonly productinfo: string;
  /** At most 60 characters. */
  readonly firstname: string;
  /** At most 50 characters. */
  readonly email: string;
  /** At most 255 characters each; absent hashes as the empty string. */
  readonly udf1?: string;
  readonly udf2?: string;
  readonly udf3?: string;
  readonly udf4?: string;
  readonly udf5?: string;
  /** The posted `additional_charges` (`CC:12,NB:55`); hashed after the salt when not empty. */
  readonly additional_charges?: string;
}

/** The fields of a payment response (callback, seamless response) that its hash covers. */
export interface ResponseHashFields {
  readonly key: string;
  readonly txnid: string;
  /** The amount as posted with the payment, unchanged. */
  readonly amount: string;
  readonly productinfo: string;
  readonly firstname: string;
  readonly email: string;
  /** `success`, `failure` or `pending`. */
  readonly status: string;
  readonly udf1?: string;
  readonly udf2?: string;
  readonly udf3?: string;
  readonly udf4?: string;
  readonly udf5?: string;
  /** The charges, in front of the salt when not empty. PayU spells it both ways: both are read. */
  readonly additionalCharges?: string;
  readonly additional_charges?: string;
}

/** A payment response with the hash it carries. */
export interface HashedResponse extends ResponseHashFields {
  readonly hash: string;
}

/** What a `postservice` command's hash covers. */
export interface CommandHashParams {
  /** The merchant key. */
  readonly key: string;
  /** `verify_payment`, `check_payment`, `cancel_refund_transaction`, ... */
  readonly command: string;
  /** `var1` byte-exact as sent (txnids joined by `|`, a JSON text, ...). */
  readonly var1: string;
}

/** What the PG Load callback's checksum covers (the **profile** of checkout.md section 3). */
export interface PgLoadChecksumFields {
  readonly clientTxnId: string;
  /** `SUCCESS` or `FAILED`. */
  readonly status: string;
  /** Paise, as posted back. */
  readonly loadAmount: string;
  /** PayU's reference; may be empty on a failed load. */
  readonly accosaRefNo: string;
}

const COMMAND = /^[A-Za-z0-9_]+$/;

/**
 * `key|txnid|amount|productinfo|firstname|email|udf1|udf2|udf3|udf4|udf5||||||SALT`, then
 * `|additional_charges` when charges are posted.
 */
export function paymentHashString(params: PaymentHashParams, salt: string): string {
  // Checked one by one into locals: this runs on every payment, and allocates nothing else.
  const key = checkKey(params.key);
  const txnid = checkTxnid(params.txnid);
  const amount = checkAmount(params.amount);
  const productinfo = checkText('productinfo', params.productinfo, FIELD_MAX_LENGTH.productinfo);
  const firstname = checkText('firstname', params.firstname, FIELD_MAX_LENGTH.firstname);
  const email = checkText('email', params.email, FIELD_MAX_LENGTH.email);
  const udf1 = checkOptionalText('udf1', params.udf1, FIELD_MAX_LENGTH.udf);
  const udf2 = checkOptionalText('udf2', params.udf2, FIELD_MAX_LENGTH.udf);
  const udf3 = checkOptionalText('udf3', params.udf3, FIELD_MAX_LENGTH.udf);
  const udf4 = checkOptionalText('udf4', params.udf4, FIELD_MAX_LENGTH.udf);
  const udf5 = checkOptionalText('udf5', params.udf5, FIELD_MAX_LENGTH.udf);
  const checkedSalt = checkSalt(salt);
  const charges = checkOptionalText('additional_charges', params.additional_charges, 1000);
  const base = `${key}|${txnid}|${amount}|${productinfo}|${firstname}|${email}|${udf1}|${udf2}|${udf3}|${udf4}|${udf5}||||||${checkedSalt}`;
  return charges === '' ? base : `${base}|${charges}`;
}

/**
 * The charges a response carries: `additionalCharges` or `additional_charges`. Both present and
 * different is refused: the hash could only cover one of them.
 */
function responseCharges(response: ResponseHashFields): string {
  const camel = checkOptionalText('additionalCharges', response.additionalCharges, 1000);
  const snake = checkOptionalText('additional_charges', response.additional_charges, 1000);
  if (camel !== '' && snake !== '' && camel !== snake) {
    throw new CheckoutFieldError(
      'additionalCharges',
      'must equal additional_charges when both are present',
    );
  }
  return camel === '' ? snake : camel;
}

/**
 * `SALT|status||||||udf5|udf4|udf3|udf2|udf1|email|firstname|productinfo|amount|txnid|key`, with
 * `additionalCharges|` in front when the response carries charges.
 */
export function responseHashString(response: ResponseHashFields, salt: string): string {
  const key = checkKey(response.key);
  const txnid = checkTxnid(response.txnid);
  const amount = checkAmount(response.amount);
  const productinfo = checkText('productinfo', response.productinfo, FIELD_MAX_LENGTH.productinfo);
  const firstname = checkText('firstname', response.firstname, FIELD_MAX_LENGTH.firstname);
  const email = checkText('email', response.email, FIELD_MAX_LENGTH.email);
  const udf1 = checkOptionalText('udf1', response.udf1, FIELD_MAX_LENGTH.udf);
  const udf2 = checkOptionalText('udf2', response.udf2, FIELD_MAX_LENGTH.udf);
  const udf3 = checkOptionalText('udf3', response.udf3, FIELD_MAX_LENGTH.udf);
  const udf4 = checkOptionalText('udf4', response.udf4, FIELD_MAX_LENGTH.udf);
  const udf5 = checkOptionalText('udf5', response.udf5, FIELD_MAX_LENGTH.udf);
  const status = checkRequiredText('status', response.status, 50);
  const checkedSalt = checkSalt(salt);
  const charges = responseCharges(response);
  const base = `${checkedSalt}|${status}||||||${udf5}|${udf4}|${udf3}|${udf2}|${udf1}|${email}|${firstname}|${productinfo}|${amount}|${txnid}|${key}`;
  return charges === '' ? base : `${charges}|${base}`;
}

/** `key|command|var1|SALT`: var1 exactly as sent, `|` and JSON included. */
export function commandHashString(params: CommandHashParams, salt: string): string {
  const key = checkKey(params.key);
  const command = checkRequiredText('command', params.command, 100);
  if (!COMMAND.test(command)) {
    throw new CheckoutFieldError('command', 'must be letters, digits and _');
  }
  if (typeof params.var1 !== 'string') throw new CheckoutFieldError('var1', 'must be a string');
  return `${key}|${command}|${params.var1}|${checkSalt(salt)}`;
}

/** `clientTxnId|status|loadAmount|accosaRefNo|SALT` (profile). */
export function pgLoadChecksumString(fields: PgLoadChecksumFields, salt: string): string {
  const clientTxnId = checkRequiredText(
    'clientTxnId',
    fields.clientTxnId,
    FIELD_MAX_LENGTH.clientTxnId,
  );
  const status = checkRequiredText('status', fields.status, 50);
  const loadAmount = checkRequiredText('loadAmount', fields.loadAmount, 20);
  const accosaRefNo = checkText('accosaRefNo', fields.accosaRefNo, 100);
  return `${clientTxnId}|${status}|${loadAmount}|${accosaRefNo}|${checkSalt(salt)}`;
}

/** Lowercase hex SHA-512 of the payment request string. */
export function paymentHashWith(digest: Digest, params: PaymentHashParams, salt: string): string {
  return digest.sha512Hex(paymentHashString(params, salt));
}

/** Lowercase hex SHA-512 of the response string. */
export function responseHashWith(
  digest: Digest,
  response: ResponseHashFields,
  salt: string,
): string {
  return digest.sha512Hex(responseHashString(response, salt));
}

/**
 * Whether `response.hash` is the response hash of its fields, compared in constant time. A
 * response that breaks the field rules (one `responseHash` refuses) is `false`; a bad salt is
 * the caller's error and throws.
 */
export function verifyResponseHashWith(
  digest: Digest,
  response: HashedResponse,
  salt: string,
): boolean {
  checkSalt(salt);
  if (typeof response !== 'object' || response === null) return false;
  let expected: string;
  try {
    expected = digest.sha512Hex(responseHashString(response, salt));
  } catch (error) {
    if (error instanceof CheckoutFieldError) return false;
    throw error;
  }
  const given: unknown = response.hash;
  return digest.equalHex(typeof given === 'string' ? given : '', expected);
}

/** Lowercase hex SHA-512 of the command string. */
export function commandHashWith(digest: Digest, params: CommandHashParams, salt: string): string {
  return digest.sha512Hex(commandHashString(params, salt));
}

/** Lowercase hex SHA-256 of the PG Load checksum string (profile). */
export function pgLoadChecksumWith(
  digest: Digest,
  fields: PgLoadChecksumFields,
  salt: string,
): string {
  return digest.sha256Hex(pgLoadChecksumString(fields, salt));
}
