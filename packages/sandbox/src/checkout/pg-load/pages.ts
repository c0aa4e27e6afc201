/**
 * The card pages of a PG Load top-up: plain HTML that works without JavaScript. Every value is
 * escaped by `html`. The callback page submits itself where scripts run and shows a button where
 * they do not.
 */
import type { TopUp } from '../../store/pg-load-records.js';
import type { PgLoadCallback } from './callback.js';
import { type Html, html } from './html.js';
import { TEST_CARDS } from './test-cards.js';

const STYLE = html`<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#222}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1.2rem}.error{color:#a00}table{border-collapse:collapse}
td{padding:.2rem .6rem .2rem 0}code{font-size:.95em}
</style>`;

function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${STYLE}</head>
<body>
${body}
</body>
</html>
`.markup;
}

/** `50000` paise → `500.00`. */
function rupees(paise: number): string {
  return `${Math.floor(paise / 100)}.${String(paise % 100).padStart(2, '0')}`;
}

/** The form that takes a test card for a pending top-up; `error` explains a refused number. */
export function cardFormPage(topUp: TopUp, action: string, error?: string): string {
  const cards = TEST_CARDS.map(
    (card) =>
      html`<tr><td><code>${card.number.replace(/(\d{4})(?=\d)/g, '$1 ')}</code></td><td>${card.description}</td></tr>`,
  );
  return page(
    'Top up your wallet',
    html`<h1>Top up your wallet</h1>
<p>Merchant <strong>${topUp.merchantKey}</strong> asks for <strong>INR ${rupees(topUp.amount)}</strong>
(order <code>${topUp.clientTxnId}</code>).</p>
${error === undefined ? '' : html`<p class="error" role="alert">${error}</p>`}
<form method="post" action="${action}">
<label for="cardNumber">Card number</label>
<input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required>
<label for="expiry">Expiry (MM/YY)</label>
<input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="12/30">
<label for="cvv">CVV</label>
<input id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc">
<label for="nameOnCard">Name on card</label>
<input id="nameOnCard" name="nameOnCard" autocomplete="cc-name">
<button type="submit">Pay INR ${rupees(topUp.amount)}</button>
</form>
<h2>Sandbox test cards</h2>
<table>${cards}</table>`,
  );
}

/** The page that posts the callback to the merchant: by itself, or with its button. */
export function callbackPage(callback: PgLoadCallback): string {
  const inputs = Object.entries(callback.fields).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">
`,
  );
  return page(
    'Returning to the merchant',
    html`<p>Returning to the merchant…</p>
<form id="callback" method="post" action="${callback.action}">
${inputs}<noscript><button type="submit">Continue to the merchant</button></noscript>
</form>
<script>document.getElementById('callback').submit();</script>`,
  );
}

/** The page for an address that names no top-up. */
export function notFoundPage(): string {
  return page(
    'No such top-up',
    html`<h1>No such top-up</h1><p>This payment link is not valid.</p>`,
  );
}
