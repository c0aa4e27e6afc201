/**
 * Sending one call, on ky. ky runs the attempts: the retry loop (`retry.limit`, `retry.methods`
 * with POST and PATCH, `retry.statusCodes` 408, 429 and 5xx, `Retry-After` on 429 and 503 through
 * `retry.afterStatusCodes` and `retry.maxRetryAfter`, exponential backoff with equal jitter through
 * `retry.delay`, `retry.jitter` and `retry.backoffLimit`, `retry.retryOnTimeout`), the per-attempt
 * `timeout`, and the hooks: `beforeRetry` re-signs every retry with a fresh `date` (the body, so
 * the clientTxnId and the sealed plaintext, stays the same, and a retried write takes effect
 * once), `beforeRequest` and `afterResponse` carry the caller's `onRequest` and `onResponse`.
 *
 * Around ky, three small pieces do what it has no option for:
 * - {@link CallStop}: the call's `totalTimeout` and the caller's signal;
 * - ky's `shouldRetry`: no retry once the call has stopped or a hook failed, and none whose wait
 *   (predicted by retry-policy.ts) would outlast the total timeout: the real failure is reported
 *   at once instead of a timeout later;
 * - ky's `fetch` (`Exchange.sendAttempt`): it puts the attempt on the wire and reads the whole
 *   answer body within the attempt, so ky's per-attempt timeout covers the body too.
 *
 * ky's own request is the handle its machinery works on; what goes on the wire is built by
 * `sendAttempt` from the call's URL, method and body and the attempt's signed headers, with a
 * signal that ky's timeout and the call's stop abort. Handing ky the headers and body instead
 * measured 1.5-1.6x the hand-built call against 1.3-1.4x (bench/client.bench.mjs): ky merges the
 * headers into new Headers objects, and before every attempt clones its request to keep one for
 * a retry, which with a body is a stream tee (cancelled again afterwards). The body is a string
 * held for the whole call anyway.
 *
 * Failures leave here as `WalletError`s; answers of any status come back as they are, for the
 * caller to read.
 */
import ky, {
  type AfterResponseHook,
  type BeforeRequestHook,
  type BeforeRetryHook,
  type Hooks,
  isHTTPError,
  isTimeoutError,
  type Options as KyOptions,
  type ShouldRetryState,
} from 'ky';
import { checkCallOptions, type WalletCallOptions } from './call-options.js';
import { CallStop } from './call-stop.js';
import type { ResolvedConfig, WalletRequestEvent } from './config.js';
import type { CoreServices } from './core-internals.js';
import {
  WalletAbortError,
  type WalletCallContext,
  WalletError,
  WalletNetworkError,
  WalletTimeoutError,
} from './errors.js';
import type { LogSink } from './logger.js';
import {
  INITIAL_RETRY_DELAY_MS,
  isRetriableStatus,
  kyRetryOptions,
  kyRetryWait,
  type RetriedFailure,
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
  /** The headers of an attempt; called before every attempt (a fresh date and signature). */
  readonly headers: () => Record<string, string>;
}

/** The final answer of a call, whatever its status. */
export interface Answer {
  readonly response: Response;
  /** The body as received. */
  readonly text: string;
  readonly context: WalletCallContext;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id'] as const;

/** The answer's request id header, if it sent one. */
export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
}

/** A hook's own failure: carried through ky untouched, never retried, rethrown as it was. */
class HookFailure extends Error {
  constructor(readonly original: unknown) {
    super('wallet hook failed');
  }
}

/** Thrown by `beforeRetry` when the call stopped during ky's wait. */
class CallStopped extends Error {
  constructor() {
    super('wallet call stopped');
  }
}

/** One call in flight: what the attempts share, and ky's hooks and `fetch` over it. */
class Exchange {
  attempts = 0;
  /** The last answer and its body, read within its attempt. */
  response: Response | undefined;
  text = '';
  /** Milliseconds the last attempt took, answer body included. */
  durationMs = 0;
  /** The jitter ky's next backoff applies, drawn when the retry is decided. */
  jitter = 0;
  /** The headers of the next attempt: signed now, and again by `beforeRetry` before each retry. */
  headers: Record<string, string>;
  readonly url: string;

  constructor(
    readonly outgoing: Outgoing,
    readonly config: ResolvedConfig,
    readonly log: LogSink,
    readonly stop: CallStop,
    /** Whether ky runs a per-attempt timeout, which aborts its request's signal. */
    readonly kyTimesOut: boolean,
  ) {
    this.url = outgoing.baseUrl + outgoing.path;
    this.headers = outgoing.headers();
  }

  context(): WalletCallContext {
    const { api, method, path, clientTxnId } = this.outgoing;
    return { api, method, path, clientTxnId, attempts: this.attempts };
  }

  event(attempt: number): WalletRequestEvent {
    const { api, method, path, clientTxnId } = this.outgoing;
    return { api, method, url: this.url, path, clientTxnId, attempt };
  }

  /**
   * ky's `fetch`: one attempt. Sends the request (this attempt's headers, the call's body) with a
   * signal aborted by ky's timeout or the call's stop, and reads the whole answer body before
   * ky's timeout is over.
   */
  readonly sendAttempt = async (kyRequest: Request): Promise<Response> => {
    this.attempts += 1;
    const attempt = this.attempts;
    const started = performance.now();
    const { outgoing, log } = this;
    const signal = this.stop.attemptSignal(this.kyTimesOut ? kyRequest.signal : undefined);
    let response: Response;
    let text: string;
    try {
      response = await this.config.send(this.url, {
        method: outgoing.method,
        headers: this.headers,
        body: outgoing.body,
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (log.debugEnabled) {
        log.debug('wallet attempt failed', {
          api: outgoing.api,
          method: outgoing.method,
          path: outgoing.path,
          clientTxnId: outgoing.clientTxnId,
          attempt,
          durationMs: Math.round(performance.now() - started),
          failure: this.stop.reason ?? (signal.aborted ? 'attempt-timeout' : 'network'),
        });
      }
      throw error;
    }
    this.durationMs = Math.round(performance.now() - started);
    this.response = response;
    this.text = text;
    if (log.debugEnabled) {
      log.debug('wallet response', {
        api: outgoing.api,
        method: outgoing.method,
        path: outgoing.path,
        status: response.status,
        durationMs: this.durationMs,
        clientTxnId: outgoing.clientTxnId,
        attempt,
      });
    }
    // ky hands `afterResponse` hooks a clone, which needs a body still unread.
    if (this.config.hooks.onResponse === undefined) return response;
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  /**
   * ky's `shouldRetry`: `false` once the call stopped or a hook failed, and when the wait ky is
   * about to take would outlast the total timeout; otherwise `undefined`, leaving the decision
   * (status codes, timeouts, `Retry-After`) to ky.
   */
  readonly shouldRetry = ({ error, retryCount }: ShouldRetryState): false | undefined => {
    if (this.stop.reason !== undefined || error instanceof HookFailure) return false;
    let failure: RetriedFailure;
    if (isHTTPError(error)) {
      const { status, headers } = error.response;
      failure = { kind: 'status', status, headers };
    } else failure = { kind: isTimeoutError(error) ? 'timeout' : 'network' };
    this.jitter = Math.random();
    const wait = kyRetryWait(
      failure,
      retryCount,
      { initialDelayMs: INITIAL_RETRY_DELAY_MS, maxDelayMs: this.config.maxRetryDelay },
      this.jitter,
      Date.now(),
    );
    if (wait >= this.stop.remaining()) return false;
    if (this.log.debugEnabled) {
      const { api, method, path, clientTxnId } = this.outgoing;
      this.log.debug('wallet retry', {
        api,
        method,
        path,
        clientTxnId,
        retry: retryCount,
        delayMs: Math.max(0, wait),
        reason: failure.kind === 'status' ? `HTTP ${failure.status}` : failure.kind,
      });
    }
    return undefined;
  };

  /** ky's `beforeRetry`: a fresh date and signature for the retry. */
  readonly resign: BeforeRetryHook = () => {
    if (this.stop.reason !== undefined) throw new CallStopped();
    this.headers = this.outgoing.headers();
  };

  /** ky's `beforeRequest`, when the caller set `onRequest`. */
  readonly onRequest: BeforeRequestHook = async (_request, _options, { retryCount }) => {
    try {
      await this.config.hooks.onRequest?.(this.event(retryCount + 1));
    } catch (error) {
      throw new HookFailure(error);
    }
  };

  /** ky's `afterResponse`, when the caller set `onResponse`: it gets ky's clone of the answer. */
  readonly onResponse: AfterResponseHook = async (_request, _options, response, { retryCount }) => {
    try {
      await this.config.hooks.onResponse?.({
        ...this.event(retryCount + 1),
        status: response.status,
        durationMs: this.durationMs,
        response,
      });
    } catch (error) {
      throw new HookFailure(error);
    }
  };

  /** The answer ky ended on: the last one read. */
  answer(): Answer {
    return { response: this.response as Response, text: this.text, context: this.context() };
  }
}

/** ky's hooks for a call: re-signing always, the caller's hooks only when set. */
function hooksOf(exchange: Exchange, config: ResolvedConfig): Hooks {
  const hooks: Hooks = { beforeRetry: [exchange.resign] };
  if (config.hooks.onRequest !== undefined) hooks.beforeRequest = [exchange.onRequest];
  // ky clones every answer for each afterResponse hook: none unless the caller wants one.
  if (config.hooks.onResponse !== undefined) hooks.afterResponse = [exchange.onResponse];
  return hooks;
}

/**
 * Sends `outgoing` with retries and returns the final answer (any status), or throws a
 * `WalletError`: abort, timeout, network failure. A hook's error is rethrown as it was.
 */
export async function send(
  services: CoreServices,
  outgoing: Outgoing,
  options: WalletCallOptions,
): Promise<Answer> {
  checkCallOptions(options);
  const { config, log } = services;
  const timeout = options.timeout ?? config.timeout;
  const totalTimeout = options.totalTimeout ?? config.totalTimeout;
  const retries = options.retries ?? config.retries;
  const caller = options.signal;
  if (caller?.aborted) {
    const { api, method, path, clientTxnId } = outgoing;
    throw new WalletAbortError({ api, method, path, clientTxnId, attempts: 0 }, caller.reason);
  }

  const stop = new CallStop(totalTimeout, caller);
  // An attempt timeout that cannot come before the total one is left to the total one.
  const attemptTimeout = timeout < totalTimeout ? timeout : false;
  // Given a signal, ky ends its waits on it, but merges it into each request with
  // AbortSignal.any; without a caller's signal only the total timeout could end a wait, and
  // shouldRetry starts no wait that would outlast it.
  const kySignal = caller === undefined ? undefined : stop.signal();
  const exchange = new Exchange(outgoing, config, log, stop, attemptTimeout !== false);
  const kyOptions: KyOptions = {
    method: outgoing.method,
    // ky always hands its fetch the Request it built.
    fetch: exchange.sendAttempt as NonNullable<KyOptions['fetch']>,
    timeout: attemptTimeout,
    // Retriable answers become ky's HTTPError, so ky retries them; any other is the answer.
    throwHttpErrors: isRetriableStatus,
    retry: kyRetryOptions({
      retries,
      maxDelayMs: config.maxRetryDelay,
      jitter: () => exchange.jitter,
      shouldRetry: exchange.shouldRetry,
    }),
    hooks: hooksOf(exchange, config),
  };
  if (kySignal !== undefined) kyOptions.signal = kySignal;

  try {
    await ky(exchange.url, kyOptions);
    return exchange.answer();
  } catch (error) {
    if (error instanceof HookFailure) throw error.original;
    const context = exchange.context();
    if (stop.reason === 'caller') throw new WalletAbortError(context, caller?.reason);
    // A retriable answer whose retries ran out (or whose wait would outlast the total timeout) is
    // an answer like any other.
    if (isHTTPError(error) && exchange.response !== undefined) return exchange.answer();
    if (stop.reason === 'total-timeout')
      throw new WalletTimeoutError(context, 'total', totalTimeout);
    if (isTimeoutError(error)) throw new WalletTimeoutError(context, 'attempt', timeout);
    if (error instanceof WalletError) throw error;
    throw new WalletNetworkError(context, error);
  } finally {
    stop.end();
  }
}
