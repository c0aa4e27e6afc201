/**
 * Reading a payment posted to `/_payment` (checkout.md section 2): which mode it is, its fields by
 * PayU's rules, its hash. Field rules the hash covers are checked by `paymentHash` itself (it
 * refuses what it cannot hash faithfully, naming the field); the others are checked here.
 */
import { timingSafeEqual } from 'node:crypto';
import { CheckoutFieldError, FIELD_MAX_LENGTH, paymentHash } from '@wallet/checkout';
import type { PaymentFields, PaymentMode } from '../store/checkout-records.js';
import { rupeesToPaise } from './amount.js';
import type { FormFields } from './form.js';

/** The default `bankcode` of the sandbox's CLW wallet. */
export const DEFAULT_BANKCODE = 'CLW';

const PHONE = /^\d{10,15}$/;

/** A checked payment request. */
export interface PaymentRequest {
  readonly key: string;
  readonly txnid: string;
  readonly mode: PaymentMode;
  /** Rupees as posted. */
  readonly amount: string;
  readonly amountPaise: number;
  /** The wallet named by `walleturn` / `walletUrn`. */
  readonly urn: string | undefined;
  /** The wallet named by `customer_id`. */
  readonly customerId: string | undefined;
  /** Load-and-pay: paise to top up with a card when the balance is short. */
  readonly loadPaise: number | undefined;
  readonly fields: PaymentFields;
}

/** Why a request was refused: the field and the rule it breaks (never its value). */
export interface RequestProblem {
  readonly field: string;
  readonly rule: string;
}

export type PaymentRequestResult =
  | { readonly ok: true; readonly request: PaymentRequest }
  | { readonly ok: false; readonly problem: RequestProblem };

function refuse(field: string, rule: string): PaymentRequestResult {
  return { ok: false, problem: { field, rule } };
}

/** Lowercase hex strings compared in constant time (another length is simply unequal). */
function sameHash(given: string, expected: string): boolean {
  const wanted = Buffer.from(expected, 'latin1');
  const received = given.length === expected.length ? Buffer.from(given, 'latin1') : wanted;
  return timingSafeEqual(received, wanted) && given.length === expected.length;
}

function textField(form: FormFields, name: string, max: number): string | RequestProblem {
  const value = form.get(name) ?? '';
  if (value.length > max) return { field: name, rule: `must be at most ${max} characters` };
  if (value.includes('|')) return { field: name, rule: 'must not contain |' };
  return value;
}

function callbackUrl(form: FormFields, name: 'surl' | 'furl'): string | RequestProblem {
  const value = form.get(name);
  if (value === undefined || value === '') return { field: name, rule: 'is required' };
  if (value.length > FIELD_MAX_LENGTH.url || value.includes('|') || !URL.canParse(value)) {
    return {
      field: name,
      rule: `must be an absolute http(s) URL of at most ${FIELD_MAX_LENGTH.url} characters`,
    };
  }
  const protocol = new URL(value).protocol;
  if (protocol !== 'http:' && protocol !== 'https:') {
    return { field: name, rule: 'must be an absolute http(s) URL' };
  }
  return value;
}

function isProblem(value: string | RequestProblem): value is RequestProblem {
  return typeof value !== 'string';
}

/** The mode a browser-posted form asks for (seamless is told apart before, by `txn_s2s_flow`). */
function browserMode(form: FormFields): PaymentMode | RequestProblem {
  const pg = form.get('pg');
  if (pg === undefined || pg === '') return 'hosted';
  if (pg !== 'CLW')
    return { field: 'pg', rule: 'must be CLW (the sandbox emulates the wallet only)' };
  return form.has('loadmoney') ? 'load-and-pay' : 'merchant-hosted';
}

/**
 * Checks a payment request's fields and hash with `salt`, the merchant's. `seamless` marks the
 * fields opened from `encdata`: they name their wallet like a merchant-hosted post, and a
 * seamless call has no browser to take a card, so `loadmoney` is refused.
 */
export function readPaymentRequest(
  form: FormFields,
  salt: string,
  seamless: boolean,
): PaymentRequestResult {
  const mode = seamless ? 'seamless' : browserMode(form);
  if (isProblem(mode)) return { ok: false, problem: mode };
  if (seamless && form.get('pg') !== 'CLW') return refuse('pg', 'must be CLW');
  if (seamless && form.has('loadmoney')) {
    return refuse('loadmoney', 'is not available in seamless mode (no browser for the card page)');
  }

  const hashed = {
    key: form.get('key') ?? '',
    txnid: form.get('txnid') ?? '',
    amount: form.get('amount') ?? '',
    productinfo: form.get('productinfo') ?? '',
    firstname: form.get('firstname') ?? '',
    email: form.get('email') ?? '',
    udf1: form.get('udf1') ?? '',
    udf2: form.get('udf2') ?? '',
    udf3: form.get('udf3') ?? '',
    udf4: form.get('udf4') ?? '',
    udf5: form.get('udf5') ?? '',
    ...(form.has('additional_charges')
      ? { additional_charges: form.get('additional_charges') ?? '' }
      : {}),
  };
  for (const required of ['txnid', 'amount', 'productinfo', 'firstname', 'email'] as const) {
    if (hashed[required] === '') return refuse(required, 'is required');
  }
  let expected: string;
  try {
    expected = paymentHash(hashed, salt);
  } catch (error) {
    if (error instanceof CheckoutFieldError) return refuse(error.field, error.rule);
    throw error;
  }
  const amountPaise = rupeesToPaise(hashed.amount);
  if (amountPaise === undefined) {
    return refuse('amount', 'must be rupees greater than zero with at most two decimals');
  }

  const phone = form.get('phone') ?? '';
  if (!PHONE.test(phone)) return refuse('phone', 'must be 10 to 15 digits');
  const lastname = textField(form, 'lastname', FIELD_MAX_LENGTH.lastname);
  if (isProblem(lastname)) return { ok: false, problem: lastname };
  const surl = callbackUrl(form, 'surl');
  if (isProblem(surl)) return { ok: false, problem: surl };
  const furl = callbackUrl(form, 'furl');
  if (isProblem(furl)) return { ok: false, problem: furl };
  const bankcode = textField(form, 'bankcode', 50);
  if (isProblem(bankcode)) return { ok: false, problem: bankcode };

  const urn = form.get('walleturn') ?? form.get('walletUrn');
  if (form.has('walleturn') && form.has('walletUrn')) {
    return refuse('walletUrn', 'must not be posted with walleturn');
  }
  if (urn !== undefined && !/^\d{1,20}$/.test(urn))
    return refuse('walleturn', 'must be 1 to 20 digits');
  const customerId = form.get('customer_id');
  if (customerId !== undefined && (customerId === '' || customerId.length > 50)) {
    return refuse('customer_id', 'must be 1 to 50 characters');
  }
  if (mode !== 'hosted') {
    if (bankcode === '') return refuse('bankcode', 'is required with pg=CLW');
    if (urn === undefined && customerId === undefined) {
      return refuse('walleturn', 'walleturn or customer_id is required with pg=CLW');
    }
  }
  let loadPaise: number | undefined;
  if (mode === 'load-and-pay') {
    loadPaise = rupeesToPaise(form.get('loadmoney') ?? '');
    if (loadPaise === undefined) {
      return refuse('loadmoney', 'must be rupees greater than zero with at most two decimals');
    }
  }

  const hash = form.get('hash') ?? '';
  if (!sameHash(hash.toLowerCase(), expected))
    return refuse('hash', 'does not match the payment hash');

  return {
    ok: true,
    request: {
      key: hashed.key,
      txnid: hashed.txnid,
      mode,
      amount: hashed.amount,
      amountPaise,
      urn,
      customerId,
      loadPaise,
      fields: {
        productinfo: hashed.productinfo,
        firstname: hashed.firstname,
        lastname,
        email: hashed.email,
        phone,
        udf1: hashed.udf1,
        udf2: hashed.udf2,
        udf3: hashed.udf3,
        udf4: hashed.udf4,
        udf5: hashed.udf5,
        surl,
        furl,
        bankcode: bankcode === '' ? DEFAULT_BANKCODE : bankcode,
      },
    },
  };
}
