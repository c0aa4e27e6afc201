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
/** {@link AMOUNT} with at least one non-zero digit: the one test on the usual path. */
const POSITIVE_AMOUNT = /^(?=[\d.]*[1-9])\d+(?:\.\d{1,2})?$/;
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

/**
 * A string without `|`, at most `max` characters (UTF-16 code units, as PayU counts them). The
 * passing case is one small test, kept apart from the errors so the engine inlines it.
 */
export function checkText(field: string, value: unknown, max: number): string {
  if (typeof value === 'string' && value.length <= max && !value.includes(PIPE)) return value;
  return refuseText(field, value, max);
}

/** The error for a value {@link checkText} refused. */
function refuseText(field: string, value: unknown, max: number): never {
  const given = text(field, value);
  if (given.length > max) {
    throw new CheckoutFieldError(field, `must be at most ${max} characters`);
  }
  throw new CheckoutFieldError(field, 'must not contain |');
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

/**
 * The last salt and key that passed, so the per-payment path does not check the same merchant's
 * settings again (strings are immutable: equal means it passed).
 */
let checkedSalt: string | undefined;
let checkedKey: string | undefined;

/** The merchant salt: not empty, no `|`. Its value never appears in an error. */
export function checkSalt(value: unknown): string {
  if (value === checkedSalt && checkedSalt !== undefined) return checkedSalt;
  const salt = checkNoPipe('salt', value);
  if (salt === '') throw new CheckoutFieldError('salt', 'must not be empty');
  checkedSalt = salt;
  return salt;
}

/** The merchant key: 1 to 50 characters, no `|`. */
export function checkKey(value: unknown): string {
  if (value === checkedKey && checkedKey !== undefined) return checkedKey;
  const key = checkRequiredText('key', value, FIELD_MAX_LENGTH.key);
  checkedKey = key;
  return key;
}

/** `txnid`: 1 to 25 of `A-Z a-z 0-9 _ -`. */
export function checkTxnid(value: unknown, field = 'txnid'): string {
  if (typeof value === 'string' && TXNID.test(value)) return value;
  text(field, value);
  throw new CheckoutFieldError(field, 'must be 1 to 25 of A-Z a-z 0-9 _ -');
}

/** An amount in rupees as posted: `^\d+(\.\d{1,2})?$` and greater than zero. Never re-formatted. */
export function checkAmount(value: unknown, field = 'amount'): string {
  if (typeof value === 'string' && POSITIVE_AMOUNT.test(value)) return value;
  const amount = text(field, value);
  if (!AMOUNT.test(amount)) {
    throw new CheckoutFieldError(
      field,
      'must be rupees written as digits with at most two decimals (^\\d+(\\.\\d{1,2})?$)',
    );
  }
  throw new CheckoutFieldError(field, 'must be greater than zero');
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
