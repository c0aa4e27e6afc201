/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The browser side of `/_payment` (hosted, merchant-hosted, load-and-pay): after the post, the
 * customer's browser walks `/_payment/pages/<mihpayid>`: options (hosted), OTP, balance (and the
 * card top-up of load-and-pay), pay, then the callback form to `surl` or `furl`. Each step is a
 * plain form post answered by a redirect to the page of where the payment now stands.
 *
 * A correct OTP earns a proof (an HMAC of the mihpayid under the merchant salt) that the pay and
 * top-up forms carry back: no step past the OTP works without it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ExchangeDraft } from '../exchange.js';
import { hold } from '../faults/hold.js';
import type { ActiveMerchant } from '../merchants/registry.js';
import type { Payment } from '../store/checkout-records.js';
import type { Store } from '../store/store-api.js';
import { creditWallet } from '../wallet/apis/money-movement.js';
import { paymentErrors } from './gateway-errors.js';
import { CHECKOUT_MAGIC_VALUES, paymentMagicOf } from './magic.js';
import { maskGatewayFields } from './mask.js';
import {
  BalancePage,
  CallbackPage,
  OptionsPage,
  OtpPage,
  type PaymentSummary,
  ProblemPage,
} from './pages.js';
import { payPayment } from './pay.js';
import { paymentResponse } from './payment-response.js';

export const PAGES_PATH = '/_payment/pages';

/** The sandbox wallet's one-time password (checkout.md section 6, profile). */
export const SANDBOX_OTP = '123456';
/** Wrong OTPs after which the payment fails. */
export const OTP_TRIES = 3;
/** The card number the top-up page accepts. */
export const TEST_CARD = '4012001037141112';

export interface PageSettings {
  readonly store: Store;
  readonly now: () => Date;
  readonly magicValues: boolean;
}

type PageContext = Context<{ Variables: { exchange: ExchangeDraft } }>;

/** The page URL of a payment: `/_payment/pages/<merchant key>/<mihpayid>`. */
export function pagePath(payment: Payment): string {
  return `${PAGES_PATH}/${encodeURIComponent(payment.merchantKey)}/${payment.mihpayid}`;
}

function otpProof(merchant: ActiveMerchant, mihpayid: string): string {
  return createHmac('sha256', merchant.credentials.salt).update(`otp:${mihpayid}`).digest('hex');
}

function proofHolds(merchant: ActiveMerchant, mihpayid: string, given: string): boolean {
  const expected = Buffer.from(otpProof(merchant, mihpayid), 'latin1');
  const received = given.length === expected.length ? Buffer.from(given, 'latin1') : expected;
  return timingSafeEqual(received, expected) && given.length === expected.length;
}

function summary(payment: Payment): PaymentSummary {
  return {
    txnid: payment.txnid,
    productinfo: payment.fields.productinfo,
    amountPaise: payment.amountPaise,
    action: pagePath(payment),
  };
}

export async function renderPage(
  c: PageContext,
  page: JSX.Element,
  status = 200,
): Promise<Response> {
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status as 200, {
    'cache-control': 'no-store',
  });
}

/** The callback form of a settled payment: to `surl` on success, `furl` otherwise. */
function callbackPage(
  c: PageContext,
  payment: Payment,
  merchant: ActiveMerchant,
  settings: PageSettings,
): Promise<Response> {
  const fields = paymentResponse(payment, settings.now(), merchant.credentials.salt);
  const target = fields.status === 'success' ? payment.fields.surl : payment.fields.furl;
  const draft = c.get('exchange');
  draft.response = maskGatewayFields(fields);
  draft.responseCode = fields.error;
  return renderPage(c, <CallbackPage target={target} fields={fields} />);
}

/** The page of where an `initiated` payment stands (options or OTP), or its callback form. */
export async function currentPage(
  c: PageContext,
  payment: Payment,
  merchant: ActiveMerchant,
  settings: PageSettings,
  error?: string,
): Promise<Response> {
  if (payment.state !== 'initiated') return callbackPage(c, payment, merchant, settings);
  if (payment.urn === null && payment.customerId === null) {
    return renderPage(c, <OptionsPage payment={summary(payment)} error={error} />);
  }
  return renderPage(
    c,
    <OtpPage
      payment={summary(payment)}
      triesLeft={OTP_TRIES - payment.otpFailures}
      error={error}
    />,
  );
}

/** The balance page, once the OTP is proven. */
async function balancePage(
  c: PageContext,
  payment: Payment,
  merchant: ActiveMerchant,
  settings: PageSettings,
  error?: string,
): Promise<Response> {
  const lookup =
    payment.urn !== null ? { urn: payment.urn } : { customerId: payment.customerId ?? '' };
  const account = await settings.store.findAccount(payment.merchantKey, lookup);
  const balance = account?.wallet.balance ?? 0;
  const short = balance < payment.amountPaise;
  return renderPage(
    c,
    <BalancePage
      payment={summary(payment)}
      balancePaise={balance}
      proof={otpProof(merchant, payment.mihpayid)}
      topUpPaise={short && payment.loadPaise !== null ? payment.loadPaise : undefined}
      error={error}
    />,
  );
}

/** What the step handlers get: the payment, its merchant, and the posted form. */
export interface Step {
  readonly payment: Payment;
  readonly merchant: ActiveMerchant;
  readonly form: ReadonlyMap<string, string>;
}

function redirectTo(c: PageContext, payment: Payment): Response {
  return c.redirect(pagePath(payment), 303);
}

/** Hosted: the customer names the wallet by its mobile number. */
export async function chooseWallet(c: PageContext, step: Step, settings: PageSettings) {
  const { payment, merchant } = step;
  if (payment.state !== 'initiated' || payment.urn !== null) return redirectTo(c, payment);
  const mobile = step.form.get('mobile') ?? '';
  const account = /^\d{10,15}$/.test(mobile)
    ? await settings.store.findAccount(payment.merchantKey, { mobile })
    : null;
  if (account === null) {
    return currentPage(c, payment, merchant, settings, 'No wallet has this mobile number.');
  }
  const updated = await settings.store.checkout.updatePayment(
    payment.merchantKey,
    payment.txnid,
    { urn: account.wallet.urn },
    'initiated',
  );
  return redirectTo(c, updated ?? payment);
}

/** The OTP: right, the balance page; wrong, one try fewer; the third wrong one fails the payment. */
export async function checkOtp(c: PageContext, step: Step, settings: PageSettings) {
  const { payment, merchant } = step;
  if (payment.state !== 'initiated') return redirectTo(c, payment);
  if (payment.urn === null && payment.customerId === null) return redirectTo(c, payment);
  if (step.form.get('otp') === SANDBOX_OTP) return balancePage(c, payment, merchant, settings);
  const counted = await settings.store.checkout.addOtpFailure(payment.merchantKey, payment.txnid);
  if (counted === null) return redirectTo(c, payment);
  if (counted.otpFailures >= OTP_TRIES) {
    const failed = await settings.store.checkout.updatePayment(
      payment.merchantKey,
      payment.txnid,
      {
        state: 'failure',
        unmappedStatus: 'failed',
        errorCode: paymentErrors.otpFailed.code,
        errorMessage: paymentErrors.otpFailed.message,
      },
      'initiated',
    );
    return redirectTo(c, failed ?? counted);
  }
  return currentPage(c, counted, merchant, settings, 'Wrong OTP.');
}

/** Load-and-pay: the test card tops the wallet up by `loadmoney` (once), then back to paying. */
export async function topUp(c: PageContext, step: Step, settings: PageSettings) {
  const { payment, merchant } = step;
  if (payment.state !== 'initiated' || payment.loadPaise === null) return redirectTo(c, payment);
  if (!proofHolds(merchant, payment.mihpayid, step.form.get('proof') ?? '')) {
    return currentPage(c, payment, merchant, settings, 'Enter the OTP first.');
  }
  if ((step.form.get('card') ?? '').replace(/\s/g, '') !== TEST_CARD) {
    return balancePage(c, payment, merchant, settings, 'The card was declined: use the test card.');
  }
  const loadPaise = payment.loadPaise;
  const lookup =
    payment.urn !== null ? { urn: payment.urn } : { customerId: payment.customerId ?? '' };
  const result = await settings.store.transact(
    {
      merchantKey: payment.merchantKey,
      clientTxnId: `load:${payment.txnid}`,
      api: 'payment-load',
      request: { txnid: payment.txnid, loadPaise },
    },
    async (tx) => {
      const credit = await creditWallet(tx, lookup, {
        amount: loadPaise,
        description: `Card top-up ${payment.txnid}`,
        counterparty: 'PG_W2A_I',
      });
      return credit.ok
        ? { kind: 'success', httpStatus: 200, response: { loaded: loadPaise } }
        : { kind: 'decline', httpStatus: 422, response: { code: credit.code } };
    },
  );
  const outcome = result.status === 'conflict' ? result.existing : result.outcome;
  const error =
    outcome.kind === 'decline' ? 'The wallet refused the top-up (limit or status).' : undefined;
  return balancePage(c, payment, merchant, settings, error);
}

/** Pay: debits the wallet once, then the callback form. */
export async function pay(c: PageContext, step: Step, settings: PageSettings) {
  const { payment, merchant } = step;
  if (payment.state !== 'initiated') return redirectTo(c, payment);
  if (!proofHolds(merchant, payment.mihpayid, step.form.get('proof') ?? '')) {
    return currentPage(c, payment, merchant, settings, 'Enter the OTP first.');
  }
  const magic = paymentMagicOf(payment.amountPaise, settings.magicValues);
  const draft = c.get('exchange');
  if (magic !== undefined) draft.fault = CHECKOUT_MAGIC_VALUES[magic].label;
  if (magic === 'timeout') {
    await hold(c.req.raw.signal);
    return renderPage(
      c,
      <ProblemPage
        title="Timed out"
        message="The bank did not answer (magic amount). Nothing was debited."
      />,
      504,
    );
  }
  const paid = await payPayment(settings.store, payment, magic, settings.now);
  return redirectTo(c, paid);
}

/** Cancel: the payment fails as cancelled by the customer. */
export async function cancel(c: PageContext, step: Step, settings: PageSettings) {
  const { payment } = step;
  const cancelled = await settings.store.checkout.updatePayment(
    payment.merchantKey,
    payment.txnid,
    {
      state: 'failure',
      unmappedStatus: 'userCancelled',
      errorCode: paymentErrors.cancelled.code,
      errorMessage: paymentErrors.cancelled.message,
    },
    'initiated',
  );
  return redirectTo(c, cancelled ?? payment);
}
