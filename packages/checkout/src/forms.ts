/**
 * The payment request of checkout.md section 2: the fields posted to `/_payment` in the hosted,
 * merchant-hosted and load-and-pay modes (and sealed into `encdata` for the seamless one), with
 * the hash filled in, and the auto-submitting page that posts them from the customer's browser.
 */
import type { Digest } from './digest.js';
import { CheckoutFieldError } from './errors.js';
import {
  checkAmount,
  checkCallbackUrl,
  checkOptionalText,
  checkPhone,
  checkRequiredText,
  FIELD_MAX_LENGTH,
} from './fields.js';
import { paymentHashWith } from './hashes.js';

/** The fields every mode posts (the merchant key and the hash are added by the checkout). */
export interface PaymentRequestFields {
  /** The merchant's order id: 1 to 25 of `A-Z a-z 0-9 _ -`, unique per payment. */
  readonly txnid: string;
  /** Rupees as a string, posted and hashed as written: `^\d+(\.\d{1,2})?$`, above zero. */
  readonly amount: string;
  readonly productinfo: string;
  readonly firstname: string;
  readonly lastname?: string;
  readonly email: string;
  /** 10 to 15 digits. */
  readonly phone: string;
  /** Where the customer's browser is posted after a successful payment: absolute http(s). */
  readonly surl: string;
  /** Where it is posted after a failed or pending one. */
  readonly furl: string;
  readonly udf1?: string;
  readonly udf2?: string;
  readonly udf3?: string;
  readonly udf4?: string;
  readonly udf5?: string;
  /** Charges to post (`CC:12,NB:55`); covered by the hash. */
  readonly additional_charges?: string;
}

/** The wallet to debit: its URN, or the merchant's customer id. */
export type WalletTarget =
  | { readonly walleturn: string; readonly customer_id?: never }
  | { readonly customer_id: string; readonly walleturn?: never };

/** Hosted: PayU's page lists the payment options and the customer picks the wallet. */
export interface HostedPayment extends PaymentRequestFields {
  readonly mode?: 'hosted';
}

/** Merchant-hosted: straight to the wallet's OTP step (`pg=CLW`, `bankcode`, the wallet). */
export type MerchantHostedPayment = PaymentRequestFields &
  WalletTarget & { readonly mode: 'merchant-hosted' };

/** Load-and-pay: merchant-hosted, and a short balance is first topped up by card with `loadmoney`. */
export type LoadAndPayPayment = PaymentRequestFields &
  WalletTarget & {
    readonly mode: 'load-and-pay';
    /** Rupees the customer may top up by card when the balance is short. */
    readonly loadmoney: string;
  };

/** What `paymentForm()` takes: one of the three browser modes. */
export type PaymentParams = HostedPayment | MerchantHostedPayment | LoadAndPayPayment;

/** What the seamless mode seals: the merchant-hosted fields (optionally with `loadmoney`). */
export type SeamlessPaymentParams = PaymentRequestFields &
  WalletTarget & { readonly loadmoney?: string };

/** A form to post from the customer's browser. */
export interface PaymentForm {
  /** The gateway's `_payment` URL. */
  readonly action: string;
  readonly method: 'POST';
  /** Every field to post, in PayU's order, the hash last. */
  readonly fields: Readonly<Record<string, string>>;
}

/** What building the fields needs from the checkout. */
export interface PaymentFieldsContext {
  readonly key: string;
  readonly salt: string;
  readonly bankcode: string;
  readonly digest: Digest;
}

const COMMON_KEYS = [
  'txnid',
  'amount',
  'productinfo',
  'firstname',
  'lastname',
  'email',
  'phone',
  'surl',
  'furl',
  'udf1',
  'udf2',
  'udf3',
  'udf4',
  'udf5',
  'additional_charges',
] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...COMMON_KEYS,
  'mode',
  'walleturn',
  'customer_id',
  'loadmoney',
]);

type Mode = 'hosted' | 'merchant-hosted' | 'load-and-pay' | 'seamless';

/**
 * The posted fields of a payment, checked and hashed: `key`, the common fields (absent optional
 * ones left out), then `pg`, `bankcode`, the wallet and `loadmoney` as the mode wants, then `hash`.
 * @throws {CheckoutFieldError} naming the first field that breaks PayU's rules.
 */
export function paymentFields(
  context: PaymentFieldsContext,
  params: PaymentParams | SeamlessPaymentParams,
  mode: Mode,
): Record<string, string> {
  if (typeof params !== 'object' || params === null) {
    throw new CheckoutFieldError('params', 'must be an object of payment fields');
  }
  for (const name of Object.keys(params)) {
    if (!KNOWN_KEYS.has(name)) throw new CheckoutFieldError(name, 'is not a payment field');
  }
  const p = params as unknown as Partial<Record<string, string>>;
  // The hashed fields are checked by paymentHash; these are the form's own rules on top.
  checkRequiredText('productinfo', p.productinfo, FIELD_MAX_LENGTH.productinfo);
  checkRequiredText('firstname', p.firstname, FIELD_MAX_LENGTH.firstname);
  checkRequiredText('email', p.email, FIELD_MAX_LENGTH.email);
  checkOptionalText('lastname', p.lastname, FIELD_MAX_LENGTH.lastname);
  checkPhone(p.phone);
  checkCallbackUrl('surl', p.surl);
  checkCallbackUrl('furl', p.furl);
  const hash = paymentHashWith(
    context.digest,
    { ...(params as PaymentRequestFields), key: context.key },
    context.salt,
  );

  const fields: Record<string, string> = { key: context.key };
  for (const name of COMMON_KEYS) {
    const value = p[name];
    if (value !== undefined) fields[name] = value;
  }
  if (mode !== 'hosted') {
    fields.pg = 'CLW';
    fields.bankcode = context.bankcode;
    const { walleturn, customer_id: customerId } = p;
    if ((walleturn === undefined) === (customerId === undefined)) {
      throw new CheckoutFieldError('walleturn', 'or customer_id (exactly one) is required');
    }
    if (walleturn !== undefined) fields.walleturn = checkRequiredText('walleturn', walleturn, 100);
    if (customerId !== undefined) {
      fields.customer_id = checkRequiredText('customer_id', customerId, 100);
    }
    if (mode === 'load-and-pay' || (mode === 'seamless' && p.loadmoney !== undefined)) {
      fields.loadmoney = checkAmount(p.loadmoney, 'loadmoney');
    }
  } else if (
    p.walleturn !== undefined ||
    p.customer_id !== undefined ||
    p.loadmoney !== undefined
  ) {
    const name =
      p.walleturn !== undefined
        ? 'walleturn'
        : p.customer_id !== undefined
          ? 'customer_id'
          : 'loadmoney';
    throw new CheckoutFieldError(
      name,
      "is posted only in the 'merchant-hosted' and 'load-and-pay' modes",
    );
  }
  fields.hash = hash;
  return fields;
}

/** The mode `params.mode` names. */
export function browserMode(params: PaymentParams): 'hosted' | 'merchant-hosted' | 'load-and-pay' {
  const mode: unknown = (params as { mode?: unknown }).mode;
  if (mode === undefined || mode === 'hosted') return 'hosted';
  if (mode === 'merchant-hosted' || mode === 'load-and-pay') return mode;
  throw new CheckoutFieldError('mode', "must be 'hosted', 'merchant-hosted' or 'load-and-pay'");
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` safe inside an HTML attribute value or text node. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Options of `paymentFormHtml()`. */
export interface PaymentFormHtmlOptions {
  /** A CSP nonce for the auto-submitting script (`script-src 'nonce-...'`). */
  readonly nonce?: string;
  /** The page's title and the `<noscript>` button's text. Default: `Continue to payment`. */
  readonly buttonText?: string;
}

/**
 * A complete HTML page that posts `form` at once from the browser, every value HTML-escaped, and
 * a `<noscript>` submit button for browsers without JavaScript.
 */
export function formHtml(form: PaymentForm, options: PaymentFormHtmlOptions = {}): string {
  const label = escapeHtml(options.buttonText ?? 'Continue to payment');
  const nonce = options.nonce === undefined ? '' : ` nonce="${escapeHtml(options.nonce)}"`;
  const inputs = Object.entries(form.fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${label}</title>
</head>
<body>
<form id="payment" action="${escapeHtml(form.action)}" method="post" accept-charset="utf-8">
${inputs}
<noscript><button type="submit">${label}</button></noscript>
</form>
<script${nonce}>document.getElementById('payment').submit();</script>
</body>
</html>
`;
}
