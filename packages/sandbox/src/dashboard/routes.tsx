/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/**
 * The dashboard: server-rendered pages (Hono JSX) for the journal, a request's detail, customers
 * and wallets, a wallet's ledger, merchant credentials and faults. Links and forms work without
 * JavaScript; the script adds live journal rows and copy buttons. Same access rule as the admin
 * routes, plus a sign-in form that sets a session cookie where the admin token is needed.
 */
import { apiNames, helperRoutes } from '@wallet/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { adminAccess, hasAdminCredential, SESSION_COOKIE, sessionValue } from '../admin/access.js';
import { accessGuard, isCrossSite, originOf, type ToolEnv } from '../admin/guard.js';
import type { ResetResult } from '../admin/routes.js';
import { FaultConfigError } from '../errors.js';
import { CHECKOUT_API_NAMES } from '../exchange.js';
import { type FaultInjector, parseFaultConfig } from '../faults/injector.js';
import { MAGIC_VALUES } from '../faults/magic.js';
import { filterQuery, parseJournalQuery } from '../journal/filter.js';
import type { RequestJournal } from '../journal/journal.js';
import type { SandboxMerchant } from '../merchants/registry.js';
import type { Account } from '../store/records.js';
import type { Store } from '../store/store-api.js';
import { DASHBOARD_CSS, DASHBOARD_JS } from './assets.js';
import { DetailPage, JournalPage } from './journal-pages.js';
import { type DashboardLink, ExtraLinks, href } from './layout.js';
import { PaymentsPage } from './payments-page.js';
import {
  CustomersPage,
  FaultsPage,
  MerchantsPage,
  NotFoundPage,
  SignInPage,
  WalletPage,
} from './state-pages.js';

export interface DashboardSettings {
  /** Where the dashboard is mounted: `/` or a path without a trailing slash. */
  readonly basePath: string;
  /** Links added to the navigation (`dashboard.links`), e.g. the demo server's shop. */
  readonly links: readonly DashboardLink[];
  /** Where the admin routes live (the journal stream). */
  readonly adminPrefix: string;
  readonly token: string | undefined;
  readonly journal: RequestJournal | undefined;
  readonly store: Store;
  /** The sandbox clock: what a pending payment or a queued refund reads as depends on it. */
  readonly now: () => Date;
  readonly faults: FaultInjector;
  readonly merchants: () => readonly SandboxMerchant[];
  readonly reset: (options: {
    merchantKey?: string | undefined;
    reseed: boolean;
  }) => Promise<ResetResult>;
}

const CUSTOMERS_PER_PAGE = 50;
const LEDGER_LIMIT = 200;
const PAYMENTS_LIMIT = 200;
const JOURNAL_APIS: readonly string[] = [
  ...apiNames,
  ...Object.keys(helperRoutes),
  ...CHECKOUT_API_NAMES,
];

async function render(
  c: Context<ToolEnv>,
  links: readonly DashboardLink[],
  node: JSX.Element,
  status: 200 | 400 | 401 | 404 = 200,
) {
  const framed = <ExtraLinks.Provider value={links}>{node}</ExtraLinks.Provider>;
  return c.html(`<!DOCTYPE html>${await framed.toString()}`, status, {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  });
}

async function findWallet(store: Store, urn: string): Promise<Account | null> {
  if (!/^\d{1,20}$/.test(urn)) return null;
  for (const merchant of await store.listMerchants()) {
    const account = await store.findAccount(merchant.merchantKey, { urn });
    if (account !== null) return account;
  }
  return null;
}

export function dashboardRoutes(settings: DashboardSettings): Hono<ToolEnv> {
  const base = settings.basePath;
  const dash = new Hono<ToolEnv>({ strict: false });
  const page = (c: Context<ToolEnv>, node: JSX.Element, status?: 200 | 400 | 401 | 404) =>
    render(c, settings.links, node, status);

  const signIn = (c: Context<ToolEnv>, failed: boolean) =>
    page(c, <SignInPage base={base} failed={failed} />, 401);

  // Sign-in is reachable without credentials wherever a token is configured.
  dash.get('/login', (c) => {
    c.set('internal', true);
    const decision = adminAccess(originOf(c), settings.token);
    if (decision === 'not-found') return c.json({ responseMessage: 'NO SUCH API' }, 404);
    if (decision === 'allow') return c.redirect(href(base), 303);
    return signIn(c, false);
  });
  dash.post('/login', async (c) => {
    c.set('internal', true);
    const token = settings.token;
    if (token === undefined || adminAccess(originOf(c), token) === 'not-found') {
      return c.json({ responseMessage: 'NO SUCH API' }, 404);
    }
    if (isCrossSite(c.req.raw)) return signIn(c, true);
    const form = await c.req.parseBody();
    const given = typeof form.token === 'string' ? form.token : '';
    const origin = { ...originOf(c), authorization: `Bearer ${given}`, cookie: undefined };
    if (!hasAdminCredential(origin, token)) return signIn(c, true);
    const secure = new URL(c.req.url).protocol === 'https:' ? '; Secure' : '';
    c.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict${secure}`,
    );
    return c.redirect(href(base), 303);
  });

  // Per route, not `use('*')`: mounted at `/`, a catch-all would also guard the wallet APIs.
  const guard = accessGuard(settings.token, (c, decision) =>
    decision === 'not-found'
      ? c.json({ responseMessage: 'NO SUCH API' }, 404)
      : c.req.method === 'GET'
        ? (c.redirect(href(base, 'login'), 303) as Response)
        : c.json({ error: { code: 'ADMIN_TOKEN_REQUIRED', message: 'Sign in first' } }, 401),
  );

  dash.get('/assets/dashboard.css', guard, (c) =>
    c.body(DASHBOARD_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  );
  dash.get('/assets/dashboard.js', guard, (c) =>
    c.body(DASHBOARD_JS, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    }),
  );

  dash.get('/', guard, (c) => {
    const journal = settings.journal;
    const query = parseJournalQuery(new URL(c.req.url).searchParams);
    const filter = query.ok ? query.filter : {};
    const limit = query.ok ? query.limit : 100;
    const stream = `${settings.adminPrefix}/requests/stream`;
    const filters = filterQuery(filter);
    return page(
      c,
      <JournalPage
        base={base}
        streamUrl={filters === '' ? stream : `${stream}?${filters}`}
        filter={filter}
        limit={limit}
        entries={journal?.list(filter, limit) ?? []}
        apiNames={JOURNAL_APIS}
        kept={journal?.count ?? 0}
        size={journal?.size ?? 0}
        problem={
          journal === undefined
            ? 'The request journal is turned off (journal: false).'
            : query.ok
              ? undefined
              : `${query.problem.field}: ${query.problem.message}`
        }
      />,
      query.ok ? 200 : 400,
    );
  });

  dash.get('/requests/:id', guard, (c) => {
    const entry = settings.journal?.get(c.req.param('id'));
    if (entry === undefined) {
      return page(
        c,
        <NotFoundPage
          base={base}
          what="That request is not in the journal (it may have been dropped: the journal keeps the latest requests only)."
        />,
        404,
      );
    }
    return page(c, <DetailPage base={base} entry={entry} />);
  });

  dash.get('/customers', guard, async (c) => {
    const requested = Number(c.req.query('page') ?? '1');
    const pageNumber = Number.isSafeInteger(requested) && requested >= 1 ? requested : 1;
    const found = await settings.store.listAccounts({
      limit: CUSTOMERS_PER_PAGE,
      offset: (pageNumber - 1) * CUSTOMERS_PER_PAGE,
    });
    return page(
      c,
      <CustomersPage
        base={base}
        accounts={found.items}
        total={found.total}
        page={pageNumber}
        pageSize={CUSTOMERS_PER_PAGE}
        notice={c.req.query('reset') === '1' ? 'Sandbox data reset.' : undefined}
      />,
    );
  });

  dash.get('/payments', guard, async (c) => {
    const payments = await settings.store.checkout.listPayments({ limit: PAYMENTS_LIMIT });
    const refunds = await settings.store.checkout.listRefunds({ limit: 1000 });
    return page(
      c,
      <PaymentsPage
        base={base}
        payments={payments.items}
        refunds={refunds.items}
        total={payments.total}
        now={settings.now()}
      />,
    );
  });

  dash.get('/wallets/:urn', guard, async (c) => {
    const urn = c.req.param('urn');
    const account = await findWallet(settings.store, urn);
    if (account === null) {
      return page(c, <NotFoundPage base={base} what="No wallet has that URN." />, 404);
    }
    const entries = await settings.store.listEntries({
      merchantKey: account.customer.merchantKey,
      urn,
      limit: LEDGER_LIMIT,
    });
    return page(
      c,
      <WalletPage
        base={base}
        account={account}
        entries={entries.items}
        totalEntries={entries.total}
      />,
    );
  });

  dash.get('/merchants', guard, (c) =>
    page(
      c,
      <MerchantsPage
        base={base}
        baseUrl={new URL(c.req.url).origin}
        merchants={settings.merchants()}
      />,
    ),
  );

  dash.get('/faults', guard, (c) =>
    page(
      c,
      <FaultsPage
        base={base}
        config={settings.faults.config}
        magicValues={MAGIC_VALUES}
        notice={c.req.query('applied') === '1' ? 'Faults updated.' : undefined}
      />,
    ),
  );

  dash.post('/faults', guard, async (c) => {
    const form = await c.req.parseBody();
    const text = typeof form.config === 'string' ? form.config : '';
    let problem: string;
    try {
      settings.faults.set(parseFaultConfig(text.trim() === '' ? {} : JSON.parse(text), 'form'));
      return c.redirect(`${href(base, 'faults')}?applied=1`, 303);
    } catch (error) {
      if (error instanceof SyntaxError) problem = 'The configuration is not valid JSON.';
      else if (error instanceof FaultConfigError) problem = error.message;
      else throw error;
    }
    return page(
      c,
      <FaultsPage
        base={base}
        config={settings.faults.config}
        magicValues={MAGIC_VALUES}
        problem={problem}
        draft={text}
      />,
      400,
    );
  });

  dash.post('/faults/clear', guard, (c) => {
    settings.faults.clear();
    return c.redirect(`${href(base, 'faults')}?applied=1`, 303);
  });

  dash.post('/reset', guard, async (c) => {
    await settings.reset({ reseed: true });
    return c.redirect(`${href(base, 'customers')}?reset=1`, 303);
  });

  return dash;
}
