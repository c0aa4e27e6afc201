/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * A small merchant, written the way a merchant would write it: only the public entry points of
 * `@wallet/client` (the wallet APIs) and `@wallet/checkout` (the payment gateway), talking over
 * HTTP to the base URL it is given (the demo server's own), with the demo merchant's credentials.
 *
 * A customer signs up (Register Customer), tops up by card (PG Load, checked with
 * `parsePgLoadCallback`), buys with the wallet (merchant-hosted checkout, or load-and-pay when the
 * balance may be short); `surl`/`furl` deliver only after `confirmPayment`; an order page refunds.
 */
import {
  type Checkout,
  CheckoutHashError,
  CheckoutMismatchError,
  createCheckout,
} from '@wallet/checkout';
import { createWalletClient, type WalletClient, WalletError } from '@wallet/client';
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import {
  HomePage,
  MessagePage,
  OrderPage,
  SignUpPage,
  type StatementLine,
  StatementPage,
} from './pages.js';
import { type Order, PRODUCTS, paiseOf, rupees, type ShopCustomer, ShopState } from './state.js';

export interface ShopMerchant {
  readonly merchantKey: string;
  readonly salt: string;
  readonly encryptionKey: string;
  /** How the wallet envelope's IV travels: before the ciphertext, or fixed (`iv`, hex). */
  readonly ivMode: 'prefix' | 'fixed';
  readonly iv: string | null;
}

export interface ShopOptions {
  /** The sandbox's base URL, known once the server listens. */
  readonly baseUrl: () => string;
  /** The merchant the shop is, known once the sandbox started. */
  readonly merchant: () => ShopMerchant;
}

export interface Shop {
  readonly fetch: (request: Request) => Response | Promise<Response>;
  readonly state: ShopState;
}

const SESSION_COOKIE = 'shop_customer';
/** The wallet product of the shop's customers (the sandbox's default product). */
const PRODUCT_ID = 35;

/** Today in India (the platform's day), as Statement Inquiry wants it: DD/MM/YYYY. */
function indianToday(): string {
  const ist = new Date(Date.now() + 330 * 60_000);
  const day = String(ist.getUTCDate()).padStart(2, '0');
  const month = String(ist.getUTCMonth() + 1).padStart(2, '0');
  return `${day}/${month}/${ist.getUTCFullYear()}`;
}

/** A problem to show the customer: the error's code and message (they never hold secrets). */
function problemOf(error: unknown): string {
  if (error instanceof WalletError) return `${error.message} (${error.code})`;
  if (error instanceof Error && 'code' in error) return `${error.message} (${String(error.code)})`;
  throw error;
}

async function page(c: Context, node: JSX.Element, status: 200 | 400 | 404 | 409 = 200) {
  return c.html(`<!DOCTYPE html>${await node.toString()}`, status, {
    'Cache-Control': 'no-store',
  });
}

async function formOf(c: Context): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(await c.req.text())) fields[name] = value;
  return fields;
}

export function createShop(options: ShopOptions): Shop {
  const state = new ShopState();
  let wallet: WalletClient | undefined;
  let checkout: Checkout | undefined;

  const walletClient = (): WalletClient => {
    if (wallet === undefined) {
      const merchant = options.merchant();
      wallet = createWalletClient({
        baseUrl: options.baseUrl(),
        merchantKey: merchant.merchantKey,
        merchantSalt: merchant.salt,
        encryptionKey: merchant.encryptionKey,
        iv: merchant.ivMode === 'fixed' && merchant.iv !== null ? { fixed: merchant.iv } : 'prefix',
      });
    }
    return wallet;
  };
  const gateway = (): Checkout => {
    if (checkout === undefined) {
      const merchant = options.merchant();
      checkout = createCheckout({
        key: merchant.merchantKey,
        salt: merchant.salt,
        environment: options.baseUrl(),
      });
    }
    return checkout;
  };
  const customerOf = (c: Context): ShopCustomer | undefined => {
    const id = getCookie(c, SESSION_COOKIE);
    return id === undefined ? undefined : state.customers.get(id);
  };
  /** The order named in the path, if it is the signed-in customer's. */
  const ownOrder = (c: Context): Order | undefined => {
    const order = state.orders.get(c.req.param('txnid') ?? '');
    return order !== undefined && order.customerId === customerOf(c)?.id ? order : undefined;
  };
  /** Where PayU sends the browser back: this shop, as the browser reached it. */
  const returnUrl = (c: Context, path: string): string =>
    `${new URL(c.req.url).origin}/shop${path}`;

  const home = async (c: Context, customer: ShopCustomer, notice?: string, problem?: string) => {
    const { availableBalance } = await walletClient().retrieveCustomer({ urn: customer.urn });
    return page(
      c,
      <HomePage
        customer={customer}
        balance={availableBalance}
        orders={state.ordersOf(customer.id)}
        notice={notice}
        problem={problem}
      />,
      problem === undefined ? 200 : 400,
    );
  };

  const orderPage = async (c: Context, order: Order, notice?: string, problem?: string) => {
    const refunds = [];
    let refunded = 0;
    for (const refund of order.refunds) {
      const status = await gateway().refundStatus(refund.requestId);
      refunds.push({ requestId: refund.requestId, amount: refund.amount, status: status.status });
      if (status.status !== 'failure') refunded += paiseOf(refund.amount) ?? 0;
    }
    const refundable = rupees((paiseOf(order.amount) ?? 0) - refunded);
    return page(
      c,
      <OrderPage
        customer={customerOf(c)}
        order={order}
        refunds={refunds}
        refundable={refundable}
        notice={notice}
        problem={problem}
      />,
      problem === undefined ? 200 : 400,
    );
  };

  const app = new Hono().basePath('/shop');

  app.get('/', async (c) => {
    const customer = customerOf(c);
    if (customer === undefined) return page(c, <SignUpPage />);
    return home(c, customer, c.req.query('notice'));
  });

  app.post('/signup', async (c) => {
    const form = await formOf(c);
    const customer = {
      firstName: (form.firstName ?? '').trim(),
      lastName: (form.lastName ?? '').trim(),
      mobile: (form.mobile ?? '').trim(),
      email: (form.email ?? '').trim(),
    };
    try {
      const { urn } = await walletClient().registerCustomer({
        customerDetails: {
          firstName: customer.firstName,
          lastName: customer.lastName,
          dateOfBirth: (form.dateOfBirth ?? '').trim(),
          mobileNumber: customer.mobile,
          emailAddress: customer.email,
        },
        productId: PRODUCT_ID,
      });
      const id = state.newCustomerId();
      state.customers.set(id, { id, urn, ...customer });
      setCookie(c, SESSION_COOKIE, id, { path: '/shop', httpOnly: true, sameSite: 'Lax' });
      return c.redirect('/shop', 303);
    } catch (error) {
      return page(c, <SignUpPage problem={`Could not register: ${problemOf(error)}`} />, 400);
    }
  });

  app.post('/topup', async (c) => {
    const customer = customerOf(c);
    if (customer === undefined) return c.redirect('/shop', 303);
    const paise = paiseOf((await formOf(c)).amount ?? '');
    if (paise === undefined)
      return home(c, customer, undefined, 'Enter an amount such as 1000.00.');
    try {
      const started = await walletClient().pgLoad({
        customer: {
          firstName: customer.firstName,
          lastName: customer.lastName,
          mobileNumber: customer.mobile,
        },
        loadAmount: paise,
        currency: 'INR',
        surl: returnUrl(c, '/topup/return'),
        furl: returnUrl(c, '/topup/return'),
        urn: customer.urn,
      });
      return c.redirect(started.data.redirectUrl, 303);
    } catch (error) {
      return home(c, customer, undefined, `Could not start the top-up: ${problemOf(error)}`);
    }
  });

  app.post('/topup/return', async (c) => {
    let load: ReturnType<Checkout['parsePgLoadCallback']>;
    try {
      load = gateway().parsePgLoadCallback(await c.req.text());
    } catch (error) {
      if (!(error instanceof CheckoutHashError)) throw error;
      return page(
        c,
        <MessagePage
          title="Invalid top-up response"
          message="The top-up response did not verify; nothing was recorded."
        />,
        400,
      );
    }
    const amount = rupees(Number(load.loadAmount));
    const notice =
      load.status === 'SUCCESS'
        ? `Top-up of ₹${amount} done.`
        : `Top-up of ₹${amount} failed: ${load.responseMessage}.`;
    return c.redirect(`/shop?notice=${encodeURIComponent(notice)}`, 303);
  });

  app.post('/buy', async (c) => {
    const customer = customerOf(c);
    if (customer === undefined) return c.redirect('/shop', 303);
    const form = await formOf(c);
    const product = PRODUCTS.find((p) => p.id === form.product);
    if (product === undefined) return home(c, customer, undefined, 'No such product.');
    const txnid = state.newTxnid();
    state.orders.set(txnid, {
      txnid,
      customerId: customer.id,
      product: product.name,
      amount: product.price,
      status: 'awaiting payment',
      mihpayid: undefined,
      problem: undefined,
      refunds: [],
    });
    const order = {
      txnid,
      amount: product.price,
      productinfo: product.name,
      firstname: customer.firstName,
      lastname: customer.lastName,
      email: customer.email,
      phone: customer.mobile,
      surl: returnUrl(c, '/payu/return'),
      furl: returnUrl(c, '/payu/return'),
      walleturn: customer.urn,
    };
    const html =
      form.mode === 'load-and-pay'
        ? gateway().paymentFormHtml({ ...order, mode: 'load-and-pay', loadmoney: product.price })
        : gateway().paymentFormHtml({ ...order, mode: 'merchant-hosted' });
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  });

  // surl and furl: nothing is delivered before the callback verifies and verify_payment agrees.
  app.post('/payu/return', async (c) => {
    try {
      const { outcome, callback } = await gateway().confirmPayment(await c.req.text());
      const order = state.orders.get(callback.txnid);
      if (order === undefined) {
        return page(
          c,
          <MessagePage title="Unknown order" message="This payment is for no order of the shop." />,
          404,
        );
      }
      order.status = outcome;
      order.mihpayid = callback.mihpayid;
      order.problem =
        outcome === 'failed' ? `${callback.error_Message} (${callback.error})` : undefined;
      return c.redirect(`/shop/orders/${order.txnid}`, 303);
    } catch (error) {
      if (error instanceof CheckoutHashError) {
        return page(
          c,
          <MessagePage
            title="Invalid payment response"
            message="The payment response did not verify; the order is unchanged."
          />,
          400,
        );
      }
      if (error instanceof CheckoutMismatchError) {
        return page(
          c,
          <MessagePage
            title="Payment not confirmed"
            message="The payment response and PayU disagree; the order is unchanged."
          />,
          409,
        );
      }
      throw error;
    }
  });

  app.get('/orders/:txnid', async (c) => {
    const order = ownOrder(c);
    if (order === undefined) {
      return page(
        c,
        <MessagePage title="No such order" message="There is no order with this number." />,
        404,
      );
    }
    return orderPage(c, order, c.req.query('notice'));
  });

  // A pending payment: ask PayU again.
  app.post('/orders/:txnid/check', async (c) => {
    const order = ownOrder(c);
    if (order === undefined) return c.redirect('/shop', 303);
    const details = (await gateway().verifyPayment([order.txnid]))[order.txnid];
    if (details !== null && details !== undefined) {
      if (details.status === 'success') order.status = 'paid';
      else if (details.status === 'failure') order.status = 'failed';
      order.mihpayid = details.mihpayid;
    }
    return c.redirect(`/shop/orders/${order.txnid}`, 303);
  });

  app.post('/orders/:txnid/refund', async (c) => {
    const order = ownOrder(c);
    if (order === undefined) return c.redirect('/shop', 303);
    const asked = (await formOf(c)).amount ?? '';
    const paise = paiseOf(asked);
    if (order.status !== 'paid' || order.mihpayid === undefined || paise === undefined) {
      return orderPage(c, order, undefined, 'Enter an amount such as 100.00 for a paid order.');
    }
    const amount = rupees(paise);
    try {
      const receipt = await gateway().refund({
        mihpayid: order.mihpayid,
        amount,
        idempotencyKey: `${order.txnid}-${order.refunds.length + 1}`,
      });
      order.refunds.push({ requestId: receipt.requestId, amount });
      const notice = `Refund of ₹${amount} requested.`;
      return c.redirect(`/shop/orders/${order.txnid}?notice=${encodeURIComponent(notice)}`, 303);
    } catch (error) {
      return orderPage(c, order, undefined, `Could not refund: ${problemOf(error)}`);
    }
  });

  app.get('/statement', async (c) => {
    const customer = customerOf(c);
    if (customer === undefined) return c.redirect('/shop', 303);
    const client = walletClient();
    const lines: StatementLine[] = [];
    const today = indianToday();
    for await (const entry of client.statementEntries({
      urn: customer.urn,
      fromDate: today,
      toDate: today,
    })) {
      lines.push({
        date: `${entry.transactionDate} ${entry.transactionTime}`,
        description: entry.description ?? entry.clientTxnId,
        type: entry.transactionType,
        amount: rupees(entry.transactionAmount),
        balance: rupees(entry.availableBalance),
      });
    }
    const { availableBalance } = await client.retrieveCustomer({ urn: customer.urn });
    return page(c, <StatementPage customer={customer} balance={availableBalance} lines={lines} />);
  });

  return { fetch: (request) => app.fetch(request), state };
}
