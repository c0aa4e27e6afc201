/**
 * The admin routes, under `/__sandbox`: the request journal (query, one entry, clear, SSE stream),
 * faults (GET/PUT/DELETE), reset, seed, and the merchants' credentials. Every response is JSON;
 * refusals are `{"error": {"code", "message", "problems"?}}`.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { FaultConfigError, type SandboxProblem, SeedError, SeedRejectedError } from '../errors.js';
import type { FaultInjector } from '../faults/injector.js';
import { parseFaultConfig } from '../faults/injector.js';
import type { SeedResult } from '../fixtures/apply-seed.js';
import type { JournalEntry } from '../journal/entry.js';
import { parseJournalQuery } from '../journal/filter.js';
import type { RequestJournal } from '../journal/journal.js';
import type { SandboxMerchant } from '../merchants/registry.js';
import { accessGuard, type ToolEnv } from './guard.js';

/** Where the admin routes live. */
export const ADMIN_PREFIX = '/__sandbox';

/** How often an idle stream sends a comment, so proxies keep it open. */
const HEARTBEAT_MS = 15_000;

/** What a reset did. */
export interface ResetResult {
  readonly merchantKey: string | null;
  /** The start-up seed applied again, when there is one and `reseed` was not false. */
  readonly seed: SeedResult | null;
}

export interface AdminSettings {
  readonly journal: RequestJournal | undefined;
  readonly faults: FaultInjector;
  readonly token: string | undefined;
  readonly merchants: () => readonly SandboxMerchant[];
  readonly reset: (options: {
    merchantKey?: string | undefined;
    reseed: boolean;
  }) => Promise<ResetResult>;
  readonly seed: (value: unknown, source: string) => Promise<SeedResult>;
}

function refusal(code: string, message: string, problems?: readonly SandboxProblem[]) {
  return { error: { code, message, ...(problems === undefined ? {} : { problems }) } };
}

async function jsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  try {
    return { ok: true, value: JSON.parse(await request.text()) as unknown };
  } catch {
    return { ok: false };
  }
}

function sseEvent(entry: JournalEntry) {
  return { event: 'request', id: String(entry.seq), data: JSON.stringify(entry) };
}

export function adminRoutes(settings: AdminSettings): Hono<ToolEnv> {
  const admin = new Hono<ToolEnv>({ strict: false });
  admin.use(
    '*',
    accessGuard(settings.token, (c, decision) =>
      decision === 'not-found'
        ? c.json({ responseMessage: 'NO SUCH API' }, 404)
        : c.json(refusal('ADMIN_TOKEN_REQUIRED', 'Send the admin token as a bearer token'), 401, {
            'WWW-Authenticate': 'Bearer realm="wallet-sandbox"',
          }),
    ),
  );

  const journal = settings.journal;
  const noJournal = () =>
    refusal('JOURNAL_OFF', 'The request journal is turned off (journal: false)');

  admin.get('/requests', (c) => {
    if (journal === undefined) return c.json(noJournal(), 404);
    const query = parseJournalQuery(new URL(c.req.url).searchParams);
    if (!query.ok) {
      return c.json(
        refusal('INVALID_FILTER', `${query.problem.field}: ${query.problem.message}`, [
          { path: query.problem.field, message: query.problem.message },
        ]),
        400,
      );
    }
    const entries = journal.list(query.filter, query.limit);
    return c.json({ entries, kept: journal.count, size: journal.size });
  });

  admin.delete('/requests', (c) => {
    if (journal === undefined) return c.json(noJournal(), 404);
    journal.clear();
    return c.json({ cleared: true });
  });

  admin.get('/requests/stream', (c) => {
    if (journal === undefined) return c.json(noJournal(), 404);
    const params = new URL(c.req.url).searchParams;
    const sinceText = params.get('since') ?? c.req.header('last-event-id') ?? undefined;
    params.delete('since');
    params.delete('limit');
    const query = parseJournalQuery(params);
    if (!query.ok) {
      return c.json(
        refusal('INVALID_FILTER', `${query.problem.field}: ${query.problem.message}`, [
          { path: query.problem.field, message: query.problem.message },
        ]),
        400,
      );
    }
    const since =
      sinceText !== undefined && /^\d{1,15}$/.test(sinceText) ? Number(sinceText) : undefined;
    const signal = c.req.raw.signal;
    return streamSSE(c, async (stream) => {
      await new Promise<void>((resolve) => {
        let done = false;
        const finish = (): void => {
          if (done) return;
          done = true;
          clearInterval(heartbeat);
          unsubscribe();
          signal.removeEventListener('abort', finish);
          resolve();
        };
        const heartbeat = setInterval(() => {
          void stream.write(': keep-alive\n\n');
        }, HEARTBEAT_MS);
        heartbeat.unref?.();
        const unsubscribe = journal.subscribe(query.filter, {
          onEntry: (entry) => {
            void stream.writeSSE(sseEvent(entry));
          },
          onClose: finish,
        });
        stream.onAbort(finish);
        signal.addEventListener('abort', finish, { once: true });
        void stream.writeSSE({
          event: 'ready',
          data: JSON.stringify({ nextSeq: journal.nextSeq }),
        });
        if (since !== undefined) {
          for (const entry of journal.since(since, query.filter))
            void stream.writeSSE(sseEvent(entry));
        }
        if (signal.aborted) finish();
      });
    });
  });

  admin.get('/requests/:id', (c) => {
    if (journal === undefined) return c.json(noJournal(), 404);
    const entry = journal.get(c.req.param('id'));
    if (entry === undefined) {
      return c.json(refusal('NOT_IN_JOURNAL', 'No such request in the journal'), 404);
    }
    return c.json(entry);
  });

  admin.get('/faults', (c) => c.json(settings.faults.config));

  admin.put('/faults', async (c) => {
    const body = await jsonBody(c.req.raw);
    if (!body.ok) return c.json(refusal('INVALID_JSON', 'The body is not JSON'), 400);
    try {
      settings.faults.set(parseFaultConfig(body.value, 'request body'));
    } catch (error) {
      if (!(error instanceof FaultConfigError)) throw error;
      return c.json(refusal(error.code, error.message, error.problems), 400);
    }
    return c.json(settings.faults.config);
  });

  admin.delete('/faults', (c) => {
    settings.faults.clear();
    return c.json(settings.faults.config);
  });

  admin.post('/reset', async (c) => {
    const merchantKey = c.req.query('merchant');
    if (
      merchantKey !== undefined &&
      !settings.merchants().some((m) => m.merchantKey === merchantKey)
    ) {
      return c.json(refusal('UNKNOWN_MERCHANT', 'No such merchant'), 404);
    }
    const result = await settings.reset({ merchantKey, reseed: c.req.query('reseed') !== 'false' });
    return c.json(result);
  });

  admin.post('/seed', async (c) => {
    const body = await jsonBody(c.req.raw);
    if (!body.ok) return c.json(refusal('INVALID_JSON', 'The body is not JSON'), 400);
    try {
      return c.json(await settings.seed(body.value, 'request body'));
    } catch (error) {
      if (error instanceof SeedError)
        return c.json(refusal(error.code, error.message, error.problems), 400);
      if (error instanceof SeedRejectedError) {
        return c.json(refusal(error.code, error.message, error.problems), 409);
      }
      throw error;
    }
  });

  admin.get('/merchants', (c) => c.json({ merchants: settings.merchants() }));

  admin.all('*', (c) => c.json({ responseMessage: 'NO SUCH API' }, 404));
  return admin;
}
