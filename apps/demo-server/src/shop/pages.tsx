/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** The shop's pages: server-rendered, plain forms that work without JavaScript, every value escaped by JSX. */
import type { Child, FC } from 'hono/jsx';
import { type Order, PRODUCTS, rupees, type ShopCustomer } from './state.js';

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
header,main{max-width:56rem;margin:0 auto;padding:1rem}
header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}
header a{color:#0b4f8a}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ccc}
td.amount,th.amount{text-align:right;font-variant-numeric:tabular-nums}
form.inline{display:inline}label{display:block;margin:.4rem 0}input{font:inherit;padding:.25rem}
button{font:inherit;padding:.3rem .8rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px;cursor:pointer}
a:focus,button:focus,input:focus{outline:3px solid #e8a200;outline-offset:2px}
.notice{padding:.5rem 1rem;border-left:4px solid #0b4f8a;background:#eef4fa}
.problem{padding:.5rem 1rem;border-left:4px solid #a40000;background:#fbeaea}
`;

export const ShopLayout: FC<{
  title: string;
  customer?: ShopCustomer | undefined;
  children?: Child;
}> = ({ title, customer, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · Demo shop`}</title>
      <link rel="icon" href="data:," />
      <style>{STYLE}</style>
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <strong>Demo shop</strong>
        <nav aria-label="Shop">
          <a href="/shop">Shop</a>
          {customer === undefined ? null : (
            <>
              {' · '}
              <a href="/shop/statement">Statement</a>
            </>
          )}
          {' · '}
          <a href="/">Sandbox dashboard</a>
        </nav>
        {customer === undefined ? null : <span>Signed in as {customer.firstName}</span>}
      </header>
      <main id="main">{children}</main>
    </body>
  </html>
);

/** What the last action did (a status) or why it failed (an alert); nothing when neither is set. */
const Messages: FC<{ notice?: string | undefined; problem?: string | undefined }> = ({
  notice,
  problem,
}) => (
  <>
    {notice === undefined ? null : (
      <p class="notice" role="status">
        {notice}
      </p>
    )}
    {problem === undefined ? null : (
      <p class="problem" role="alert">
        {problem}
      </p>
    )}
  </>
);

export const SignUpPage: FC<{ problem?: string | undefined }> = ({ problem }) => (
  <ShopLayout title="Sign up">
    <h1>Sign up</h1>
    <p>Open a wallet with the shop to pay in one step.</p>
    <Messages problem={problem} />
    <form method="post" action="/shop/signup">
      <label>
        First name <input name="firstName" required autocomplete="given-name" />
      </label>
      <label>
        Last name <input name="lastName" required autocomplete="family-name" />
      </label>
      <label>
        Mobile number (with 91){' '}
        <input name="mobile" required inputmode="numeric" autocomplete="tel" />
      </label>
      <label>
        E-mail <input name="email" type="email" required autocomplete="email" />
      </label>
      <label>
        Date of birth (DD-MM-YYYY) <input name="dateOfBirth" required value="15-08-1990" />
      </label>
      <button type="submit">Register</button>
    </form>
  </ShopLayout>
);

const OrderRows: FC<{ orders: readonly Order[] }> = ({ orders }) => (
  <table>
    <caption>Your orders</caption>
    <thead>
      <tr>
        <th scope="col">Order</th>
        <th scope="col">Item</th>
        <th scope="col" class="amount">
          Amount (₹)
        </th>
        <th scope="col">Status</th>
      </tr>
    </thead>
    <tbody>
      {orders.map((order) => (
        <tr>
          <td>
            <a href={`/shop/orders/${order.txnid}`}>{order.txnid}</a>
          </td>
          <td>{order.product}</td>
          <td class="amount">{order.amount}</td>
          <td>{order.status}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

export const HomePage: FC<{
  customer: ShopCustomer;
  balance: number;
  orders: readonly Order[];
  notice?: string | undefined;
  problem?: string | undefined;
}> = ({ customer, balance, orders, notice, problem }) => (
  <ShopLayout title="Shop" customer={customer}>
    <h1>Welcome, {customer.firstName}</h1>
    <Messages notice={notice} problem={problem} />
    <p>
      Wallet <code>{customer.urn}</code>: balance <strong id="balance">₹{rupees(balance)}</strong>
    </p>
    <h2>Top up by card</h2>
    <form method="post" action="/shop/topup">
      <label>
        Amount (₹) <input name="amount" required inputmode="decimal" value="1000.00" />
      </label>
      <button type="submit">Top up</button>
    </form>
    <h2>Products</h2>
    <ul>
      {PRODUCTS.map((product) => (
        <li>
          {product.name}, ₹{product.price}
          {product.note === undefined ? null : <small> ({product.note})</small>}{' '}
          <form class="inline" method="post" action="/shop/buy">
            <input type="hidden" name="product" value={product.id} />
            <button
              type="submit"
              name="mode"
              value="wallet"
              aria-label={`Buy with the wallet: ${product.name}`}
            >
              Buy with the wallet
            </button>{' '}
            <button
              type="submit"
              name="mode"
              value="load-and-pay"
              aria-label={`Buy, top up if short: ${product.name}`}
            >
              Buy, top up if short
            </button>
          </form>
        </li>
      ))}
    </ul>
    {orders.length === 0 ? null : <OrderRows orders={orders} />}
  </ShopLayout>
);

export const OrderPage: FC<{
  customer: ShopCustomer | undefined;
  order: Order;
  refunds: readonly { requestId: string; amount: string; status: string }[];
  refundable: string;
  notice?: string | undefined;
  problem?: string | undefined;
}> = ({ customer, order, refunds, refundable, notice, problem }) => (
  <ShopLayout title={`Order ${order.txnid}`} customer={customer}>
    <h1>Order {order.txnid}</h1>
    <Messages notice={notice} problem={problem} />
    <dl>
      <dt>Item</dt>
      <dd>{order.product}</dd>
      <dt>Amount</dt>
      <dd>₹{order.amount}</dd>
      <dt>Status</dt>
      <dd id="order-status">{order.status}</dd>
      {order.mihpayid === undefined ? null : (
        <>
          <dt>PayU payment id</dt>
          <dd>{order.mihpayid}</dd>
        </>
      )}
      {order.problem === undefined ? null : (
        <>
          <dt>Why</dt>
          <dd>{order.problem}</dd>
        </>
      )}
    </dl>
    {order.status === 'pending' ? (
      <form method="post" action={`/shop/orders/${order.txnid}/check`}>
        <button type="submit">Check the payment again</button>
      </form>
    ) : null}
    {refunds.length === 0 ? null : (
      <table>
        <caption>Refunds</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col" class="amount">
              Amount (₹)
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {refunds.map((refund) => (
            <tr>
              <td>{refund.requestId}</td>
              <td class="amount">{refund.amount}</td>
              <td>{refund.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    {order.status === 'paid' && refundable !== '0.00' ? (
      <form method="post" action={`/shop/orders/${order.txnid}/refund`}>
        <h2>Refund</h2>
        <label>
          Amount to refund (₹, up to {refundable}){' '}
          <input name="amount" required inputmode="decimal" />
        </label>
        <button type="submit">Refund</button>
      </form>
    ) : null}
    <p>
      <a href="/shop">Back to the shop</a>
    </p>
  </ShopLayout>
);

export interface StatementLine {
  readonly date: string;
  readonly description: string;
  readonly type: string;
  readonly amount: string;
  readonly balance: string;
}

export const StatementPage: FC<{
  customer: ShopCustomer;
  balance: number;
  lines: readonly StatementLine[];
}> = ({ customer, balance, lines }) => (
  <ShopLayout title="Statement" customer={customer}>
    <h1>Wallet statement</h1>
    <p>
      Balance <strong id="balance">₹{rupees(balance)}</strong>
    </p>
    <table>
      <caption>Today's entries</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Description</th>
          <th scope="col">Type</th>
          <th scope="col" class="amount">
            Amount (₹)
          </th>
          <th scope="col" class="amount">
            Balance (₹)
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr>
            <td>{line.date}</td>
            <td>{line.description}</td>
            <td>{line.type}</td>
            <td class="amount">{line.amount}</td>
            <td class="amount">{line.balance}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </ShopLayout>
);

export const MessagePage: FC<{
  title: string;
  message: string;
  customer?: ShopCustomer | undefined;
}> = ({ title, message, customer }) => (
  <ShopLayout title={title} customer={customer}>
    <h1>{title}</h1>
    <p>{message}</p>
    <p>
      <a href="/shop">Back to the shop</a>
    </p>
  </ShopLayout>
);
