/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The payment gateway's routes (checkout.md sections 2, 4, 5): `POST /_payment` in its four modes
 * and `POST /merchant/postservice.php?form=2`. The app mounts them with one line.
 */
import { EnvelopeError } from '@wallet/crypto';
import { type Context, Hono } from 'hono';
import type { ExchangeDraft } from '../exchange.js';
import { hold } from '../faults/hold.js';
import { readBodyLimited } from '../http/read-body.js';
import { jsonResponse } from '../http/responses.js';
import type { MerchantRegistry } from '../merchants/registry.js';
import { isStoreError } from '../store/errors.js';
import type { Store } from '../store/store-api.js';
import { bodyText, type FormFields, isFormContentType, parseForm } from './form.js';
import { CHECKOUT_MAGIC_VALUES, paymentMagicOf } from './magic.js';
import { maskGatewayFields } from './mask.js';
import {
  cancel,
  checkOtp,
  chooseWallet,
  currentPage,
  PAGES_PATH,
  type PageSettings,
  pagePath,
  pay,
  renderPage,
  type Step,
  topUp,
} from './page-routes.js';
import { ProblemPage } from './pages.js';
import { payPayment } from './pay.js';
import { type PaymentRequest, readPaymentRequest } from './payment-request.js';
import { paymentResponse } from './payment-response.js';
import { respondToPostservice } from './postservice.js';

export interface CheckoutSettings {
  readonly store: Store;
  readonly registry: MerchantRegistry;
  readonly now: () => Date;
  readonly maxBodyBytes: number;
  /** Whether magic amounts force their outcomes. */
  readonly magicValues: boolean;
}

type CheckoutEnv = { Variables: { exchange: ExchangeDraft } };

export const PAYMENT_PATH = '/_payment';
export const POSTSERVICE_PATH = '/merchant/postservice.php';

/** A gateway refusal as JSON: `{status: 0, msg}` naming the field and rule, never a value. */
function refusal(draft: ExchangeDraft, httpStatus: number, msg: string, hash = false): Response {
  draft.failure = hash ? 'gateway-hash' : 'gateway-refused';
  const body = { status: 0, msg };
  draft.response = body;
  return jsonResponse(httpStatus, body);
}

type FormRead =
  | { readonly ok: true; readonly form: FormFields }
  | { readonly ok: false; readonly response: Response };

/** Reads a form body strictly: size cap, content type, UTF-8, each field once. */
async function readFormBody(
  request: Request,
  draft: ExchangeDraft,
  maxBytes: number,
): Promise<FormRead> {
  if (!isFormContentType(request.headers.get('content-type'))) {
    await request.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      response: refusal(draft, 415, 'content-type: must be application/x-www-form-urlencoded'),
    };
  }
  const body = await readBodyLimited(request, maxBytes);
  if (!body.ok) {
    draft.failure = 'body-too-large';
    return { ok: false, response: jsonResponse(413, { status: 0, msg: 'body: too large' }) };
  }
  const text = bodyText(body.bytes);
  if (text === undefined)
    return { ok: false, response: refusal(draft, 400, 'body: must be UTF-8') };
  const parsed = parseForm(text);
  if (!parsed.ok) return { ok: false, response: refusal(draft, 400, parsed.problem) };
  draft.request = maskGatewayFields(Object.fromEntries(parsed.fields));
  return { ok: true, form: parsed.fields };
}

/** The seamless call: `key`, `txn_s2s_flow=4`, `encdata`; the §4 response as JSON at once. */
async function seamlessPayment(
  request: Request,
  form: FormFields,
  draft: ExchangeDraft,
  settings: CheckoutSettings,
): Promise<Response> {
  if (form.get('txn_s2s_flow') !== '4') return refusal(draft, 400, 'txn_s2s_flow: must be 4');
  const key = form.get('key') ?? '';
  const merchant = key === '' ? undefined : await settings.registry.get(key);
  if (merchant === undefined) return refusal(draft, 400, 'key: is not a merchant of this sandbox');
  draft.merchantKey = key;
  let sealed: string;
  try {
    sealed = merchant.envelope.openText(form.get('encdata'));
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    return refusal(draft, 400, "encdata: could not be opened with the merchant's key and IV mode");
  }
  const inner = parseForm(sealed);
  if (!inner.ok) return refusal(draft, 400, `encdata.${inner.problem}`);
  draft.request = maskGatewayFields(Object.fromEntries(inner.fields));
  if (inner.fields.get('key') !== key)
    return refusal(draft, 400, 'encdata.key: must be the posted key');
  const read = readPaymentRequest(inner.fields, merchant.credentials.salt, true);
  if (!read.ok) {
    const { field, rule } = read.problem;
    return refusal(draft, 400, `${field}: ${rule}`, field === 'hash');
  }
  return startPayment(request, read.request, draft, settings, merchant.credentials.salt);
}

/** Records a checked payment, then (seamless) pays it and answers the response. */
async function startPayment(
  request: Request,
  payment: PaymentRequest,
  draft: ExchangeDraft,
  settings: CheckoutSettings,
  salt: string,
): Promise<Response> {
  draft.clientTxnId = payment.txnid;
  const magic = paymentMagicOf(payment.amountPaise, settings.magicValues);
  if (magic === 'timeout') {
    draft.fault = CHECKOUT_MAGIC_VALUES.timeout.label;
    await hold(request.signal);
    return refusal(draft, 504, 'the gateway timed out (magic amount); nothing was debited');
  }
  let created: Awaited<ReturnType<Store['checkout']['createPayment']>>;
  try {
    created = await settings.store.checkout.createPayment(payment.key, {
      txnid: payment.txnid,
      mode: payment.mode,
      amount: payment.amount,
      amountPaise: payment.amountPaise,
      urn: payment.urn,
      customerId: payment.customerId,
      loadPaise: payment.loadPaise,
      fields: payment.fields,
    });
  } catch (error) {
    if (isStoreError(error, 'UNIQUE_VIOLATION')) {
      return refusal(draft, 409, 'txnid: already used for another payment of this merchant');
    }
    throw error;
  }
  if (magic !== undefined) draft.fault = CHECKOUT_MAGIC_VALUES[magic].label;
  const paid = await payPayment(settings.store, created, magic, settings.now);
  const body = paymentResponse(paid, settings.now(), salt);
  draft.responseCode = body.error;
  draft.response = maskGatewayFields(body);
  if (body.status !== 'success') draft.failure = 'declined';
  return jsonResponse(200, body);
}

export function checkoutRoutes(settings: CheckoutSettings): Hono<CheckoutEnv> {
  const app = new Hono<CheckoutEnv>({ strict: false });

  app.post(PAYMENT_PATH, async (c) => {
    const draft = c.get('exchange');
    draft.api = 'payment';
    const read = await readFormBody(c.req.raw, draft, settings.maxBodyBytes);
    if (!read.ok) return read.response;
    if (read.form.has('txn_s2s_flow'))
      return seamlessPayment(c.req.raw, read.form, draft, settings);

    // Hosted, merchant-hosted, load-and-pay: a browser posted the form; it gets pages.
    const problem = (status: number, message: string, hash = false) => {
      draft.failure = hash ? 'gateway-hash' : 'gateway-refused';
      return renderPage(c, <ProblemPage title="Payment refused" message={message} />, status);
    };
    const key = read.form.get('key') ?? '';
    const merchant = key === '' ? undefined : await settings.registry.get(key);
    if (merchant === undefined) return problem(400, 'key: is not a merchant of this sandbox');
    draft.merchantKey = key;
    const checked = readPaymentRequest(read.form, merchant.credentials.salt, false);
    if (!checked.ok) {
      const { field, rule } = checked.problem;
      return problem(400, `${field}: ${rule}`, field === 'hash');
    }
    const { request } = checked;
    draft.clientTxnId = request.txnid;
    try {
      const created = await settings.store.checkout.createPayment(key, {
        txnid: request.txnid,
        mode: request.mode,
        amount: request.amount,
        amountPaise: request.amountPaise,
        urn: request.urn,
        customerId: request.customerId,
        loadPaise: request.loadPaise,
        fields: request.fields,
      });
      return c.redirect(pagePath(created), 303);
    } catch (error) {
      if (isStoreError(error, 'UNIQUE_VIOLATION')) {
        return problem(409, 'txnid: already used for another payment of this merchant');
      }
      throw error;
    }
  });

  const pageSettings: PageSettings = settings;
  /** The payment and merchant a page URL names, or a 404 page. */
  const pageOf = async (c: Context<CheckoutEnv>) => {
    const draft = c.get('exchange');
    draft.api = 'payment-page';
    const merchant = await settings.registry.get(c.req.param('merchant') ?? '');
    const mihpayid = c.req.param('mihpayid') ?? '';
    const payment =
      merchant === undefined || !/^\d{18}$/.test(mihpayid)
        ? null
        : await settings.store.checkout.findPayment(merchant.credentials.merchantKey, { mihpayid });
    if (merchant === undefined || payment === null) {
      draft.failure = 'not-found';
      return renderPage(
        c,
        <ProblemPage title="No such payment" message="This payment page does not exist." />,
        404,
      );
    }
    draft.merchantKey = payment.merchantKey;
    draft.clientTxnId = payment.txnid;
    return { merchant, payment };
  };

  app.get(`${PAGES_PATH}/:merchant/:mihpayid`, async (c) => {
    const found = await pageOf(c);
    if (found instanceof Response) return found;
    return currentPage(c, found.payment, found.merchant, pageSettings);
  });

  const steps = { wallet: chooseWallet, otp: checkOtp, topup: topUp, pay, cancel } as const;
  app.post(`${PAGES_PATH}/:merchant/:mihpayid/:step`, async (c) => {
    const found = await pageOf(c);
    if (found instanceof Response) return found;
    const name = c.req.param('step');
    const handler = Object.hasOwn(steps, name) ? steps[name as keyof typeof steps] : undefined;
    if (handler === undefined) {
      return renderPage(
        c,
        <ProblemPage title="No such step" message="This payment step does not exist." />,
        404,
      );
    }
    const draft = c.get('exchange');
    const read = await readFormBody(c.req.raw, draft, settings.maxBodyBytes);
    if (!read.ok) return read.response;
    const step: Step = { ...found, form: read.form };
    return handler(c, step, pageSettings);
  });

  app.post(POSTSERVICE_PATH, async (c) => {
    const draft = c.get('exchange');
    draft.api = 'postservice';
    if (c.req.query('form') !== '2') return refusal(draft, 400, 'form: must be 2');
    const read = await readFormBody(c.req.raw, draft, settings.maxBodyBytes);
    if (!read.ok) return read.response;
    const received = await respondToPostservice(read.form, settings);
    draft.merchantKey = received.merchantKey;
    draft.response = maskGatewayFields(received.body);
    if (received.merchantKey === undefined) draft.failure = 'gateway-hash';
    else if (received.body.status !== 1) draft.failure = 'declined';
    return jsonResponse(200, received.body);
  });

  return app;
}
