/**
 * The Hono application: every route of the schemas' route table and the helper API, middleware
 * that records each exchange (log line, journal, `onExchange` hook), bounds header size, refuses
 * unknown transfer codings and runs each API request through the fault injector, the admin routes
 * under `/__sandbox/`, the dashboard, and the server-fault response for anything unexpected.
 */
import { errorCatalogue, helperRoutes, routeList } from '@wallet/schemas';
import { Hono } from 'hono';
import { ADMIN_PREFIX, type AdminSettings, adminRoutes } from './admin/routes.js';
import { toolSecurityHeaders } from './admin/security-headers.js';
import type { AppEnv } from './app-env.js';
import { pgLoadCheckoutRoutes } from './checkout/pg-load/routes.js';
import { checkoutRoutes } from './checkout/routes.js';
import { type DashboardSettings, dashboardRoutes } from './dashboard/routes.js';
import type { ExchangeDraft } from './exchange.js';
import { type ExchangeRecorderSettings, recordExchange } from './exchange-recorder.js';
import type { FaultInjector } from './faults/injector.js';
import { faultInjection } from './faults/middleware.js';
import { type HelperSettings, handleHelperCall } from './helper/helper-api.js';
import { headerCap } from './http/header-size.js';
import { sandboxResponse, serverFaultResponse } from './http/responses.js';
import { refuseUnknownTransferCoding } from './http/transfer-coding.js';
import { describeError } from './logging.js';
import type { SandboxMount } from './options.js';
import { handleWalletCall, type WalletPipelineSettings } from './wallet/pipeline.js';

export interface AppSettings
  extends WalletPipelineSettings,
    HelperSettings,
    ExchangeRecorderSettings {
  readonly maxHeaderBytes: number;
  readonly faults: FaultInjector;
  /** The admin routes; undefined when they are turned off. */
  readonly admin: AdminSettings | undefined;
  /** The dashboard; undefined when it is turned off. */
  readonly dashboard: DashboardSettings | undefined;
  /** Applications served beside the sandbox (`mounts` option). */
  readonly mounts: readonly SandboxMount[];
}

export function buildApp(settings: AppSettings): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // One job each, outermost first: record the exchange, cap the headers, refuse unknown transfer
  // codings, inject faults, add the tools' security headers.
  app.use('*', recordExchange(settings));
  app.use('*', headerCap(settings.maxHeaderBytes));
  app.use('*', refuseUnknownTransferCoding);
  app.use('*', faultInjection(settings.faults));
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
      return sandboxResponse('methodNotAllowed', { Allow: route.methods.join(', ') });
    });
  }
  for (const route of Object.values(helperRoutes)) {
    app.on([...route.methods], route.path, (c) =>
      handleHelperCall(route, c.req.raw, c.get('exchange'), settings),
    );
    app.all(route.path, (c) => {
      c.get('exchange').failure = 'method-not-allowed';
      return sandboxResponse('methodNotAllowed', { Allow: route.methods.join(', ') });
    });
  }

  app.route('', pgLoadCheckoutRoutes(settings));

  app.notFound((c) => {
    const draft = c.get('exchange') as ExchangeDraft | undefined;
    if (draft !== undefined) draft.failure = 'not-found';
    return sandboxResponse('notFound');
  });

  app.onError((error, c) => {
    const draft = c.get('exchange') as ExchangeDraft | undefined;
    if (draft !== undefined) {
      draft.failure = 'server-fault';
      draft.responseCode = errorCatalogue['1052'].code;
    }
    settings.logger.error({ error: describeError(error) }, 'server fault');
    return serverFaultResponse();
  });

  return app;
}
