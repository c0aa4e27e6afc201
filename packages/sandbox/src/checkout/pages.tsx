/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The pages a customer's browser goes through on the sandbox's gateway: payment options (hosted),
 * the wallet's OTP, the balance and pay step, the test-card top-up of load-and-pay, and the
 * callback form. Plain HTML forms: everything works without JavaScript, except that the final
 * callback form submits itself when it can (a `<noscript>` button does it otherwise).
 */
import type { Child, FC } from 'hono/jsx';
import { paiseToRupees } from './amount.js';

const STYLE = `
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.3rem}.amount{font-size:1.6rem;font-weight:600}
form{margin:1rem 0}label{display:block;margin:.5rem 0 .2rem}
input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}
button{font-size:1rem;padding:.5rem 1rem;margin-top:.8rem}
.error{color:#a30000;border-left:4px solid #a30000;padding-left:.6rem}
.muted{color:#555;font-size:.9rem}`;

export interface PageFrameProps {
  readonly title: string;
  readonly children?: Child;
}

export const PageFrame: FC<PageFrameProps> = ({ title, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · sandbox payment gateway`}</title>
      <link rel="icon" href="data:," />
      <style dangerouslySetInnerHTML={{ __html: STYLE }} />
    </head>
    <body>
      <main>
        <p class="muted">wallet sandbox · payment gateway (test mode)</p>
        {children}
      </main>
    </body>
  </html>
);

/** What every step shows about the payment. */
export interface PaymentSummary {
  readonly txnid: string;
  readonly productinfo: string;
  readonly amountPaise: number;
  /** Where the step forms post: `/_payment/pages/<mihpayid>`. */
  readonly action: string;
}

const Summary: FC<{ payment: PaymentSummary }> = ({ payment }) => (
  <section aria-label="Payment">
    <p class="amount">₹ {paiseToRupees(payment.amountPaise)}</p>
    <p>
      {payment.productinfo} <span class="muted">(order {payment.txnid})</span>
    </p>
  </section>
);

const ErrorLine: FC<{ error: string | undefined }> = ({ error }) =>
  error === undefined ? null : (
    <p class="error" role="alert">
      {error}
    </p>
  );

const CancelForm: FC<{ action: string }> = ({ action }) => (
  <form method="post" action={`${action}/cancel`}>
    <button type="submit">Cancel payment</button>
  </form>
);

/** Hosted mode: the payment options; the customer picks the wallet and names it by mobile. */
export const OptionsPage: FC<{ payment: PaymentSummary; error?: string | undefined }> = ({
  payment,
  error,
}) => (
  <PageFrame title="Choose how to pay">
    <h1>Choose how to pay</h1>
    <Summary payment={payment} />
    <ErrorLine error={error} />
    <form method="post" action={`${payment.action}/wallet`}>
      <fieldset>
        <legend>Closed-loop wallet (CLW)</legend>
        <label for="mobile">Wallet mobile number</label>
        <input
          id="mobile"
          name="mobile"
          inputmode="numeric"
          autocomplete="tel"
          required
          pattern="[0-9]{10,15}"
        />
        <button type="submit">Pay with the wallet</button>
      </fieldset>
    </form>
    <CancelForm action={payment.action} />
  </PageFrame>
);

/** The wallet's OTP step. */
export const OtpPage: FC<{
  payment: PaymentSummary;
  triesLeft: number;
  error?: string | undefined;
}> = ({ payment, triesLeft, error }) => (
  <PageFrame title="Confirm with the OTP">
    <h1>Confirm with the one-time password</h1>
    <Summary payment={payment} />
    <ErrorLine error={error} />
    <p class="muted">
      The sandbox's OTP is 123456. {triesLeft} {triesLeft === 1 ? 'try' : 'tries'} left.
    </p>
    <form method="post" action={`${payment.action}/otp`}>
      <label for="otp">OTP sent to the wallet's mobile number</label>
      <input
        id="otp"
        name="otp"
        inputmode="numeric"
        autocomplete="one-time-code"
        required
        pattern="[0-9]{6}"
      />
      <button type="submit">Verify</button>
    </form>
    <CancelForm action={payment.action} />
  </PageFrame>
);

/** The balance and pay step, or (load-and-pay, balance short) the offer to top up first. */
export const BalancePage: FC<{
  payment: PaymentSummary;
  balancePaise: number;
  proof: string;
  /** Load-and-pay with a short balance: paise the card top-up adds. */
  topUpPaise: number | undefined;
  error?: string | undefined;
}> = ({ payment, balancePaise, proof, topUpPaise, error }) => (
  <PageFrame title="Pay from the wallet">
    <h1>Pay from the wallet</h1>
    <Summary payment={payment} />
    <ErrorLine error={error} />
    <p>
      Wallet balance: <strong>₹ {paiseToRupees(balancePaise)}</strong>
    </p>
    {topUpPaise === undefined ? (
      <form method="post" action={`${payment.action}/pay`}>
        <input type="hidden" name="proof" value={proof} />
        <button type="submit">Pay ₹ {paiseToRupees(payment.amountPaise)}</button>
      </form>
    ) : (
      <form method="post" action={`${payment.action}/topup`}>
        <p>The balance is short. Top up ₹ {paiseToRupees(topUpPaise)} with a card first.</p>
        <input type="hidden" name="proof" value={proof} />
        <label for="card">Card number (test card 4012 0010 3714 1112)</label>
        <input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required />
        <label for="expiry">Expiry (MM/YY)</label>
        <input id="expiry" name="expiry" autocomplete="cc-exp" required />
        <label for="cvv">CVV</label>
        <input id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" required />
        <button type="submit">Top up and continue</button>
      </form>
    )}
    <CancelForm action={payment.action} />
  </PageFrame>
);

/**
 * The last page: a form that carries the payment response to `surl` or `furl`. A one-line script
 * submits it; without JavaScript the customer presses the button.
 */
export const CallbackPage: FC<{ target: string; fields: Readonly<Record<string, string>> }> = ({
  target,
  fields,
}) => (
  <PageFrame title="Returning to the merchant">
    <h1>Returning to the merchant</h1>
    <form id="callback" method="post" action={target}>
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <noscript>
        <button type="submit">Continue to the merchant</button>
      </noscript>
    </form>
    <script dangerouslySetInnerHTML={{ __html: 'document.getElementById("callback").submit();' }} />
  </PageFrame>
);

/** A refused payment request or a page that cannot go on. */
export const ProblemPage: FC<{ title: string; message: string }> = ({ title, message }) => (
  <PageFrame title={title}>
    <h1>{title}</h1>
    <p class="error" role="alert">
      {message}
    </p>
  </PageFrame>
);
