/**
 * PayU's field rules for what is hashed and posted (checkout.md section 1). Each check throws a
 * {@link CheckoutFieldError} naming the field; none of them changes a value: what passes is
 * hashed and posted exactly as given.
 */
import { CheckoutFieldError } from './errors.js';

/** The separator of every hash string: a value holding it would shift the fields after it. */
const PIPE = '|';

/** `^\d+(\.\d{1,2})?$`: rupees with at most two decimals, written as the merchant posts them. */
const AMOUNT = /^\d+(?:\.\d{1,2})?$/;
const NON_ZERO_DIGIT = /[1-9]/;
const TXNID = /^[A-Za-z0-9_-]{1,25}$/;
const PHONE = /^\d{10,15}$/;

/** The longest value PayU accepts per field. */
export const FIELD_MAX_LENGTH = {
  key: 50,
  txnid: 25,
  productinfo: 100,
  firstname: 60,
  lastname: 60,
  email: 50,
  udf: 255,
  url: 255,
  clientTxnId: 100,
} as const;

/** A string, or a field error saying it must be one. */
function text(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new CheckoutFieldError(field, 'must be a string');
  return value;
}

/** A string without `|`, at most `max` characters (UTF-16 code units, as PayU counts them). */
export function checkText(field: string, value: unknown, max: number): string {
  const given = text(field, value);
  if (given.length > max) {
    throw new CheckoutFieldError(field, `must be at most ${max} characters`);
  }
  if (given.includes(PIPE)) throw new CheckoutFieldError(field, 'must not contain |');
  return given;
}

/** {@link checkText}, and not empty. */
export function checkRequiredText(field: string, value: unknown, max: number): string {
  const given = checkText(field, value, max);
  if (given === '') throw new CheckoutFieldError(field, 'must not be empty');
  return given;
}

/** An optional {@link checkText} field: absent (`undefined`) hashes as the empty string. */
export function checkOptionalText(field: string, value: unknown, max: number): string {
  return value === undefined ? '' : checkText(field, value, max);
}

/** A text of any length without `|` (a salt, a status, a posted charges list). */
export function checkNoPipe(field: string, value: unknown): string {
  const given = text(field, value);
  if (given.includes(PIPE)) throw new CheckoutFieldError(field, 'must not contain |');
  return given;
}

/** The merchant salt: not empty, no `|`. Its value never appears in an error. */
export function checkSalt(value: unknown): string {
  const salt = checkNoPipe('salt', value);
  if (salt === '') throw new CheckoutFieldError('salt', 'must not be empty');
  return salt;
}

/** The merchant key: 1 to 50 characters, no `|`. */
export function checkKey(value: unknown): string {
  return checkRequiredText('key', value, FIELD_MAX_LENGTH.key);
}

/** `txnid`: 1 to 25 of `A-Z a-z 0-9 _ -`. */
export function checkTxnid(value: unknown, field = 'txnid'): string {
  const txnid = text(field, value);
  if (!TXNID.test(txnid)) {
    throw new CheckoutFieldError(field, 'must be 1 to 25 of A-Z a-z 0-9 _ -');
  }
  return txnid;
}

/** An amount in rupees as posted: `^\d+(\.\d{1,2})?$` and greater than zero. Never re-formatted. */
export function checkAmount(value: unknown, field = 'amount'): string {
  const amount = text(field, value);
  if (!AMOUNT.test(amount)) {
    throw new CheckoutFieldError(
      field,
      'must be rupees written as digits with at most two decimals (^\\d+(\\.\\d{1,2})?$)',
    );
  }
  if (!NON_ZERO_DIGIT.test(amount)) {
    throw new CheckoutFieldError(field, 'must be greater than zero');
  }
  return amount;
}

/** `phone`: 10 to 15 digits. */
export function checkPhone(value: unknown, field = 'phone'): string {
  const phone = text(field, value);
  if (!PHONE.test(phone)) throw new CheckoutFieldError(field, 'must be 10 to 15 digits');
  return phone;
}

/** `surl` / `furl`: an absolute http(s) URL of at most 255 characters, without `|`. */
export function checkCallbackUrl(field: string, value: unknown): string {
  const url = checkRequiredText(field, value, FIELD_MAX_LENGTH.url);
  if (!URL.canParse(url)) throw new CheckoutFieldError(field, 'must be an absolute http(s) URL');
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new CheckoutFieldError(field, 'must be an absolute http(s) URL');
  }
  return url;
}
