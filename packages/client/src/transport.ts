/**
 * Sending one call: ky runs the attempts (per-attempt timeout, retry loop, abortable waits), the
 * policy of retry-policy.ts decides whether and when to retry, and `beforeRetry` re-signs the
 * request with a fresh date. The body (same clientTxnId, same sealed plaintext) is sent unchanged
 * on every attempt, so a retried write takes effect once.
 *
 * The whole call is bounded by `totalTimeout` and by the caller's signal, merged into the signal
 * ky sends with. Failures leave here as `WalletError`s; answers of any status come back as they
 * are, for the caller to read.
 */
import ky, { type BeforeRetryState, isHTTPError, isTimeoutError } from 'ky';
import { checkCallOptions, type WalletCallOptions } from './call-options.js';
import type { WalletResponseEvent } from './config.js';
import type { CoreServices } from './core-internals.js';
import {
  WalletAbortError,
  type WalletCallContext,
  WalletError,
  WalletNetworkError,
  WalletTimeoutError,
} from './errors.js';
import {
  type AttemptFailure,
  INITIAL_RETRY_DELAY_MS,
  isRetriableStatus,
  parseRetryAfter,
  retryDelay,
} from './retry-policy.js';

/** One call to send. */
export interface Outgoing {
  readonly api: string;
  readonly method: string;
  readonly path: string;
  readonly baseUrl: string;
  readonly body: string;
  /** The same on every attempt; `undefined` for the helper API. */
  readonly clientTxnId: string | undefined;
  /** The headers of an attempt; called again before every retry (a fresh date and signature). */
  readonly headers: () => Record<string, string>;
}

/** The final answer of a call, whatever its status. */
export interface Answer {
  readonly response: Response;
  /** The body as received. */
  readonly text: string;
  readonly context: WalletCallContext;
}

/** A hook's own failure, carried through ky untouched and rethrown as it was. */
class HookFailure extends Error {
  constructor(readonly original: unknown) {
    super('hook failed');
  }
}

const RETRY_METHODS = ['post', 'patch'];
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id'] as const;

/** The answer's request id header, if it sent one. */
export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
}

function failureOf(error: unknown, signal: AbortSignal): AttemptFailure {
  if (signal.aborted) return { kind: 'aborted' };
  if (isHTTPError(error)) {
    return {
      kind: 'status',
      status: error.response.status,
      retryAfterMs: parseRetryAfter(error.response.headers.get('retry-after'), Date.now()),
    };
  }
  if (isTimeoutError(error)) return { kind: 'timeout' };
  if (error instanceof HookFailure || error instanceof WalletError) return { kind: 'other' };
  return { kind: 'network' };
}

function reasonText(failure: AttemptFailure): string {
  return failure.kind === 'status' ? `HTTP ${failure.status}` : failure.kind;
}

/**
 * Sends `outgoing` with retries and returns the final answer (any status), or throws a
 * `WalletError`: abort, timeout, network failure. A hook's error is rethrown as it was.
 */
export async function send(
  internals: CoreServices,
  outgoing: Outgoing,
  options: WalletCallOptions,
): Promise<Answer> {
  checkCallOptions(options);
  const { config, log } = internals;
  const timeout = options.timeout ?? config.timeout;
  const totalTimeout = options.totalTimeout ?? config.totalTimeout;
  const retries = options.retries ?? config.retries;
  const { hooks } = config;
  const url = outgoing.baseUrl + outgoing.path;
  const { api, method, path, clientTxnId } = outgoing;

  let attempts = 0;
  const context = (): WalletCallContext => ({ api, method, path, clientTxnId, attempts });

  const userSignal = options.signal;
  if (userSignal?.aborted) throw new WalletAbortError(context(), userSignal.reason);
  const deadline = Date.now() + totalTimeout;
  const totalSignal = AbortSignal.timeout(totalTimeout);
  const signal =
    userSignal === undefined ? totalSignal : AbortSignal.any([userSignal, totalSignal]);

  const attempt = async (request: Request, init?: RequestInit): Promise<Response> => {
    attempts += 1;
    const event = { api, method, url, path, clientTxnId, attempt: attempts };
    if (hooks.onRequest !== undefined) {
      try {
        await hooks.onRequest(event);
      } catch (error) {
        throw new HookFailure(error);
      }
    }
    const started = performance.now();
    let response: Response;
    try {
      response = await config.fetch(request, init);
    } catch (error) {
      if (log.debugEnabled) {
        log.debug('wallet attempt failed', {
          api,
          method,
          path,
          clientTxnId,
          attempt: event.attempt,
          durationMs: Math.round(performance.now() - started),
          failure: signal.aborted ? 'aborted' : 'network',
        });
      }
      throw error;
    }
    const durationMs = Math.round(performance.now() - started);
    if (log.debugEnabled) {
      log.debug('wallet response', {
        api,
        method,
        path,
        status: response.status,
        durationMs,
        clientTxnId,
        attempt: event.attempt,
      });
    }
    if (hooks.onResponse !== undefined) {
      const heard: WalletResponseEvent = {
        ...event,
        status: response.status,
        durationMs,
        response: response.clone(),
      };
      try {
        await hooks.onResponse(heard);
      } catch (error) {
        throw new HookFailure(error);
      }
    }
    return response;
  };

  // The wait chosen by shouldRetry, read back by ky's `delay` right after.
  let nextDelay = 0;
  const shouldRetry = ({ error, retryCount }: { error: Error; retryCount: number }): boolean => {
    const failure = failureOf(error, signal);
    const delay = retryDelay({
      failure,
      retryNumber: retryCount,
      retries,
      remainingMs: deadline - Date.now(),
      initialDelayMs: INITIAL_RETRY_DELAY_MS,
      maxDelayMs: config.maxRetryDelay,
    });
    if (delay === undefined) return false;
    nextDelay = delay;
    if (log.debugEnabled) {
      log.debug('wallet retry', {
        api,
        method,
        path,
        clientTxnId,
        retry: retryCount,
        delayMs: delay,
        reason: reasonText(failure),
      });
    }
    return true;
  };
  const resign = ({ request }: BeforeRetryState): void => {
    for (const [name, value] of Object.entries(outgoing.headers()))
      request.headers.set(name, value);
  };

  try {
    const response = await ky(url, {
      method,
      body: outgoing.body,
      headers: outgoing.headers(),
      // ky always hands its fetch a Request.
      fetch: attempt as (input: unknown, init?: RequestInit) => Promise<Response>,
      signal,
      timeout,
      throwHttpErrors: isRetriableStatus,
      retry: {
        limit: retries,
        methods: RETRY_METHODS,
        shouldRetry,
        delay: () => nextDelay,
        // Every wait is decided (and capped) by retryDelay above.
        backoffLimit: Number.POSITIVE_INFINITY,
      },
      hooks: { beforeRetry: [resign] },
    });
    return { response, text: await response.text(), context: context() };
  } catch (error) {
    if (error instanceof HookFailure) throw error.original;
    if (userSignal?.aborted) throw new WalletAbortError(context(), userSignal.reason);
    if (totalSignal.aborted) throw new WalletTimeoutError(context(), 'total', totalTimeout);
    if (isHTTPError(error)) {
      // A retriable status whose retries ran out: an answer like any other.
      try {
        return { response: error.response, text: await error.response.text(), context: context() };
      } catch (readError) {
        throw new WalletNetworkError(context(), readError);
      }
    }
    if (isTimeoutError(error)) throw new WalletTimeoutError(context(), 'attempt', timeout);
    if (error instanceof WalletError) throw error;
    throw new WalletNetworkError(context(), error);
  }
}
