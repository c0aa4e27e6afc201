/**
 * The Hono application: every route of the schemas' route table and the helper API, a middleware
 * that bounds header size, runs each API request through the fault injector, and records each
 * exchange (log line, journal, `onExchange` hook), the admin routes under `/__sandbox/`, the
 * dashboard, and the server-fault answer for anything unexpected.
 */
import { randomUUID } from 'node:crypto';
import { errorCatalogue, helperRoutes, routeList } from '@wallet/schemas';
import { Hono } from 'hono';
import type { NodeBindings } from './admin/guard.js';
import { ADMIN_PREFIX, type AdminSettings, adminRoutes } from './admin/routes.js';
import { toolSecurityHeaders } from './admin/security-headers.js';
import { pgLoadCheckoutRoutes } from './checkout/pg-load/routes.js';
import { checkoutRoutes } from './checkout/routes.js';
import { type DashboardSettings, dashboardRoutes } from './dashboard/routes.js';
import {
  type ExchangeDraft,
  type ExchangeListener,
  newExchangeDraft,
  type SandboxExchange,
} from './exchange.js';
import type { FaultInjector } from './faults/injector.js';
import type { FaultScope } from './faults/scope.js';
import { type HelperSettings, handleHelperCall } from './helper/helper-api.js';
import { sandboxAnswer, serverFaultAnswer } from './http/answers.js';
import { headerBytes } from './http/header-size.js';
import { hasUnsupportedTransferCoding } from './http/transfer-coding.js';
import type { RequestJournal } from './journal/journal.js';
import { describeError, type Logger, logExchange } from './logging.js';
import type { SandboxMount } from './options.js';
import { handleWalletCall, type WalletPipelineSettings } from './wallet/pipeline.js';

export interface AppSettings extends WalletPipelineSettings, HelperSettings {
  readonly logger: Logger;
  readonly maxHeaderBytes: number;
  readonly onExchange: ExchangeListener | undefined;
  readonly journal: RequestJournal | undefined;
  readonly faults: FaultInjector;
  /** The admin routes; undefined when they are turned off. */
  readonly admin: AdminSettings | undefined;
  /** The dashboard; undefined when it is turned off. */
  readonly dashboard: DashboardSettings | undefined;
  /** Applications served beside the sandbox (`mounts` option). */
  readonly mounts: readonly SandboxMount[];
}

type AppEnv = {
  Bindings: NodeBindings;
  Variables: { exchange: ExchangeDraft; internal: boolean; faultScope: FaultScope | undefined };
};

/** Hands a finished exchange to the hook, so that nothing the hook does can reach the caller. */
function notify(settings: AppSettings, exchange: SandboxExchange): void {
  const hook = settings.onExchange;
  if (hook === undefined) return;
  const failed = (error: unknown): void => {
    settings.logger.warn({ error: describeError(error) }, 'onExchange hook failed');
  };
  try {
    const pending = hook(exchange);
    if (pending !== undefined) Promise.resolve(pending).catch(failed);
  } catch (error) {
    failed(error);
  }
}

export function buildApp(settings: AppSettings): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.use('*', async (c, next) => {
    const started = performance.now();
    const draft = newExchangeDraft(randomUUID(), c.req.raw, settings.now());
    c.set('exchange', draft);
    let status: number;
    if (headerBytes(c.req.raw.headers) > settings.maxHeaderBytes) {
      draft.failure = 'headers-too-large';
      c.res = sandboxAnswer('headersTooLarge');
      status = c.res.status;
    } else if (hasUnsupportedTransferCoding(c.req.raw.headers)) {
      draft.failure = 'transfer-coding';
      c.res = sandboxAnswer('transferCodingNotImplemented');
      status = c.res.status;
    } else {
      let handled = false;
      const answer = await settings.faults.around(c.req.raw, draft, async (scope) => {
        c.set('faultScope', scope);
        await next();
        handled = true;
        return c.res;
      });
      if (!handled || answer.response !== c.res) c.res = answer.response;
      status = answer.status;
    }
    draft.status = status;
    draft.durationMs = performance.now() - started;
    draft.responseHeaders = Object.fromEntries(c.res.headers);
    const exchange: SandboxExchange = { ...draft };
    logExchange(settings.logger, exchange);
    notify(settings, exchange);
    // The sandbox's own tools (admin routes, dashboard) and health checks stay out of the journal.
    if (settings.journal !== undefined && c.get('internal') !== true && draft.path !== '/healthz') {
      settings.journal.record(exchange);
    }
  });

  app.use('*', toolSecurityHeaders);

  // Mounted applications are the embedder's own pages: out of the journal, with the tools' headers.
  for (const mount of settings.mounts) {
    app.all(`${mount.path}/*`, (c) => {
      c.set('internal', true);
      return mount.fetch(c.req.raw);
    });
  }

  // The dashboard first: mounted under /__sandbox, its pages must win over the admin catch-all.
  if (settings.dashboard !== undefined) {
    const base = settings.dashboard.basePath;
    app.route(base === '/' ? '' : base, dashboardRoutes(settings.dashboard));
  }
  if (settings.admin !== undefined) app.route(ADMIN_PREFIX, adminRoutes(settings.admin));

  // Liveness for process supervisors: 200 while the store answers, 503 (plain) while it does not.
  app.get('/healthz', async (c) => {
    try {
      await settings.store.ping();
      return c.json({ status: 'ok' });
    } catch {
      c.get('exchange').failure = 'server-fault';
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  app.route('', checkoutRoutes(settings));
  for (const route of routeList) {
    app.on([...route.methods], route.path, (c) =>
      handleWalletCall(route, c.req.raw, c.get('exchange'), c.get('faultScope'), settings),
    );
    app.all(route.path, (c) => {
      c.get('exchange').failure = 'method-not-allowed';
      return sandboxAnswer('methodNotAllowed', { Allow: route.methods.join(', ') });
    });
  }
  for (const route of Object.values(helperRoutes)) {
    app.on([...route.methods], route.path, (c) =>
      handleHelperCall(route, c.req.raw, c.get('exchange'), settings),
    );
    app.all(route.path, (c) => {
      c.get('exchange').failure = 'method-not-allowed';
      return sandboxAnswer('methodNotAllowed', { Allow: route.methods.join(', ') });
    });
  }

  app.route('', pgLoadCheckoutRoutes(settings));

  app.notFound((c) => {
    const draft = c.get('exchange') as ExchangeDraft | undefined;
    if (draft !== undefined) draft.failure = 'not-found';
    return sandboxAnswer('notFound');
  });

  app.onError((error, c) => {
    const draft = c.get('exchange') as ExchangeDraft | undefined;
    if (draft !== undefined) {
      draft.failure = 'server-fault';
      draft.responseCode = errorCatalogue['1052'].code;
    }
    settings.logger.error({ error: describeError(error) }, 'server fault');
    return serverFaultAnswer();
  });

  return app;
}
