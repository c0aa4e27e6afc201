/**
 * The outermost middleware: opens the exchange of each request, times it, and once it is answered
 * hands it to the log, the `onExchange` hook and the request journal.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { type ExchangeListener, newExchangeDraft, type SandboxExchange } from './exchange.js';
import { headerFields } from './http/header-fields.js';
import type { RequestJournal } from './journal/journal.js';
import { describeError, type Logger, logExchange } from './logging.js';

export interface ExchangeRecorderSettings {
  readonly logger: Logger;
  readonly now: () => Date;
  readonly onExchange: ExchangeListener | undefined;
  readonly journal: RequestJournal | undefined;
}

/** Hands a finished exchange to the hook, so that nothing the hook does can reach the caller. */
function notify(settings: ExchangeRecorderSettings, exchange: SandboxExchange): void {
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

export function recordExchange(settings: ExchangeRecorderSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const headers = headerFields(c.req.raw, c.env?.incoming?.rawHeaders);
    const draft = newExchangeDraft(randomUUID(), c.req.raw, headers, settings.now());
    c.set('exchange', draft);
    c.set('headerFields', headers);
    await next();
    draft.status = c.get('recordedStatus') ?? c.res.status;
    draft.durationMs = performance.now() - started;
    draft.responseHeaders = Object.fromEntries(c.res.headers);
    const exchange: SandboxExchange = { ...draft };
    logExchange(settings.logger, exchange);
    notify(settings, exchange);
    // The sandbox's own tools (admin routes, dashboard) and health checks stay out of the journal.
    if (settings.journal !== undefined && c.get('internal') !== true && draft.path !== '/healthz') {
      settings.journal.record(exchange);
    }
  };
}
