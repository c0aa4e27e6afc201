/**
 * The Hono application: every route of the schemas' route table and the helper API, a middleware
 * that bounds header size and records each exchange (log line and `onExchange` hook), and the
 * server-fault answer for anything unexpected. Paths under `/__sandbox/` are reserved for the
 * sandbox's own tools.
 */
import { randomUUID } from 'node:crypto';
import { errorCatalogue, helperRoutes, routeList } from '@wallet/schemas';
import { Hono } from 'hono';
import {
  type ExchangeDraft,
  type ExchangeListener,
  newExchangeDraft,
  type SandboxExchange,
} from './exchange.js';
import { type HelperSettings, handleHelperCall } from './helper/helper-api.js';
import { sandboxAnswer, serverFaultAnswer } from './http/answers.js';
import { headerBytes } from './http/header-size.js';
import { describeError, type Logger, logExchange } from './logging.js';
import { handleWalletCall, type WalletPipelineSettings } from './wallet/pipeline.js';

export interface AppSettings extends WalletPipelineSettings, HelperSettings {
  readonly logger: Logger;
  readonly maxHeaderBytes: number;
  readonly onExchange: ExchangeListener | undefined;
}

type AppEnv = { Variables: { exchange: ExchangeDraft } };

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
    if (headerBytes(c.req.raw.headers) > settings.maxHeaderBytes) {
      draft.failure = 'headers-too-large';
      c.res = sandboxAnswer('headersTooLarge');
    } else {
      await next();
    }
    draft.status = c.res.status;
    draft.durationMs = performance.now() - started;
    const exchange: SandboxExchange = { ...draft };
    logExchange(settings.logger, exchange);
    notify(settings, exchange);
  });

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

  for (const route of routeList) {
    app.on([...route.methods], route.path, (c) =>
      handleWalletCall(route, c.req.raw, c.get('exchange'), settings),
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
