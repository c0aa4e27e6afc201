/**
 * The checkout side of PG Load: the page the PG Load response's `redirectUrl` points at. `GET` shows
 * the card form of a pending top-up; `POST` takes the card, settles the top-up once (a second
 * submission credits nothing more) and answers the form that posts the callback to `surl` or
 * `furl`. A settled top-up answers that callback form to either method.
 */
import { Hono } from 'hono';
import { readBodyLimited } from '../../http/read-body.js';
import type { TopUp } from '../../store/pg-load-records.js';
import type { Store } from '../../store/store-api.js';
import { pgLoadCallback } from './callback.js';
import { callbackPage, cardFormPage, notFoundPage } from './pages.js';
import { PG_LOAD_PAGE_PREFIX } from './paths.js';
import { settleWithCard } from './settle.js';
import { TEST_CARDS, testCardOf } from './test-cards.js';

export interface PgLoadCheckoutSettings {
  readonly store: Store;
  readonly maxBodyBytes: number;
}

const PAYU_TXN_ID = /^\d{18}$/;

function htmlResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  });
}

const UNKNOWN_CARD = `Use a sandbox test card: ${TEST_CARDS.map((card) => card.number).join(' or ')}.`;

export function pgLoadCheckoutRoutes(settings: PgLoadCheckoutSettings): Hono {
  const app = new Hono({ strict: false });
  const path = `${PG_LOAD_PAGE_PREFIX}:payuTxnId`;

  async function topUpOf(payuTxnId: string): Promise<TopUp | null> {
    return PAYU_TXN_ID.test(payuTxnId) ? settings.store.findTopUpByPayuTxnId(payuTxnId) : null;
  }

  async function callbackResponse(topUp: TopUp): Promise<Response> {
    const merchant = await settings.store.getMerchant(topUp.merchantKey);
    if (merchant === null) return htmlResponse(404, notFoundPage());
    return htmlResponse(200, callbackPage(pgLoadCallback(topUp, merchant.salt)));
  }

  app.get(path, async (c) => {
    const topUp = await topUpOf(c.req.param('payuTxnId'));
    if (topUp === null) return htmlResponse(404, notFoundPage());
    if (topUp.status !== 'PENDING') return callbackResponse(topUp);
    return htmlResponse(200, cardFormPage(topUp, new URL(c.req.url).pathname));
  });

  app.post(path, async (c) => {
    const payuTxnId = c.req.param('payuTxnId');
    const topUp = await topUpOf(payuTxnId);
    if (topUp === null) return htmlResponse(404, notFoundPage());
    if (topUp.status !== 'PENDING') return callbackResponse(topUp);

    const body = await readBodyLimited(c.req.raw, settings.maxBodyBytes);
    if (!body.ok)
      return htmlResponse(413, cardFormPage(topUp, c.req.path, 'The form is too large.'));
    const form = new URLSearchParams(new TextDecoder().decode(body.bytes));
    const card = testCardOf(form.get('cardNumber') ?? '');
    if (card === undefined) return htmlResponse(400, cardFormPage(topUp, c.req.path, UNKNOWN_CARD));

    const result = await settings.store.settleTopUp(payuTxnId, settleWithCard(card));
    if (result.status === 'not-found') return htmlResponse(404, notFoundPage());
    return callbackResponse(result.topUp);
  });

  return app;
}
