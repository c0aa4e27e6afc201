/**
 * Sending one request of a call, on ky used as designed. ky gets the request (URL, method, signed
 * headers, body), the retry policy's retry options and attempt timeout, the call's deadline as its
 * signal, and hooks: `beforeRetry` re-signs every retry with a fresh `date` (the body, so the
 * clientTxnId and the sealed plaintext, stays the same, and a retried write takes effect once);
 * `beforeRequest` and `afterResponse` carry the caller's `onRequest` and `onResponse`.
 *
 * ky's `fetch` is the configured fetch followed by reading the response body, within the attempt
 * (so the attempt timeout covers the body) and up to `maxResponseBytes`.
 *
 * Failures leave here as `WalletError`s; responses of any status come back, for the caller to read.
 */
import {
  type Deadline,
  kyRetryTimeoutOptions,
  type RetryHooks,
  readCappedBody,
} from '@wallet/http';
import ky, { type Hooks, type Input, isHTTPError, isTimeoutError, type Options } from 'ky';
import type { CallScope } from './call-options.js';
import type { WalletRequestEvent } from './config.js';
import type { CoreServices } from './core-internals.js';
import {
  WalletAbortError,
  type WalletCallContext,
  WalletError,
  WalletNetworkError,
  WalletResponseTooLargeError,
  WalletTimeoutError,
} from './errors.js';
import type { ReceivedResponse } from './response.js';

/** One request to send. */
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

/** A hook's own failure: carried through ky untouched, never retried, rethrown as it was. */
class HookFailure extends Error {
  constructor(readonly original: unknown) {
    super('wallet hook failed');
  }
}

const guarded = (run: () => void | Promise<void>): Promise<void> =>
  Promise.resolve()
    .then(run)
    .catch((error: unknown) => {
      throw new HookFailure(error);
    });

/** The error for a deadline that ended: the caller's abort, or the total timeout. */
function stopped(deadline: Deadline, context: WalletCallContext): WalletError {
  return deadline.reason === 'caller'
    ? new WalletAbortError(context, deadline.signal.reason)
    : new WalletTimeoutError(context, 'total', deadline.totalTimeout);
}

/**
 * Sends `outgoing` with retries within `scope` and returns the final response (any status), or
 * throws a `WalletError`: abort, timeout, network failure, a response too large. A hook's error is
 * rethrown as it was.
 */
export async function send(
  services: CoreServices,
  outgoing: Outgoing,
  scope: CallScope,
): Promise<ReceivedResponse> {
  const { config, log } = services;
  const { api, method, path, clientTxnId } = outgoing;
  const { deadline } = scope;
  const url = outgoing.baseUrl + path;
  let attempts = 0;
  let durationMs = 0;
  const context = (): WalletCallContext => ({ api, method, path, clientTxnId, attempts });
  const event = (attempt: number): WalletRequestEvent => {
    return { api, method, url, path, clientTxnId, attempt };
  };
  if (deadline.reason !== undefined) throw stopped(deadline, context());

  const fetchAttempt = async (input: Input, init?: RequestInit): Promise<Response> => {
    const request = input as Request;
    const attempt = ++attempts;
    const started = performance.now();
    let response: Response;
    let body: Uint8Array<ArrayBuffer> | undefined;
    try {
      response = await (config.fetch === undefined
        ? // ky's request as it is, but for its body: undici streams a Request's body, and takes
          // the same string (held for the whole call anyway) at less cost per call.
          fetch(request.url, {
            method: request.method,
            headers: request.headers,
            body: outgoing.body,
            signal: request.signal,
          })
        : config.fetch(request, init));
      body = await readCappedBody(response, config.maxResponseBytes);
    } catch (error) {
      const failure = deadline.reason ?? (request.signal.aborted ? 'attempt-timeout' : 'network');
      log.debug('wallet attempt failed', { api, method, path, clientTxnId, attempt, failure });
      throw error;
    }
    const { status, statusText, headers } = response;
    if (body === undefined) {
      throw new WalletResponseTooLargeError(context(), status, config.maxResponseBytes);
    }
    durationMs = Math.round(performance.now() - started);
    if (log.debugEnabled) {
      log.debug('wallet response', { api, method, path, status, durationMs, clientTxnId, attempt });
    }
    return new Response(body.byteLength === 0 ? null : body, { status, statusText, headers });
  };

  const hooks: Hooks = {
    beforeRetry: [
      ({ request }) => {
        for (const [name, value] of Object.entries(outgoing.headers())) {
          request.headers.set(name, value);
        }
      },
    ],
  };
  const { onRequest, onResponse } = config.hooks;
  if (onRequest !== undefined) {
    hooks.beforeRequest = [
      (_r, _o, { retryCount }) => guarded(() => onRequest(event(retryCount + 1))),
    ];
  }
  // ky clones every response for each afterResponse hook: none unless the caller wants one.
  if (onResponse !== undefined) {
    hooks.afterResponse = [
      (_r, _o, response, { retryCount }) =>
        guarded(() =>
          onResponse({ ...event(retryCount + 1), status: response.status, durationMs, response }),
        ),
    ];
  }
  const isFinal = (error: Error) => error instanceof HookFailure || error instanceof WalletError;
  const retryHooks: RetryHooks = log.debugEnabled
    ? {
        isFinal,
        onRetry: ({ retry, delayMs, reason }) =>
          log.debug('wallet retry', { api, method, path, clientTxnId, retry, delayMs, reason }),
      }
    : { isFinal };
  const options: Options = {
    method,
    headers: outgoing.headers(),
    body: outgoing.body,
    fetch: fetchAttempt,
    hooks,
    ...kyRetryTimeoutOptions(scope, deadline, retryHooks),
  };

  try {
    const response = await ky(url, options);
    return { response, text: await response.text(), context: context() };
  } catch (error) {
    if (error instanceof HookFailure) throw error.original;
    if (deadline.reason === 'caller') throw stopped(deadline, context());
    // A retriable response whose retries ran out (or whose wait would outlast the deadline) is a
    // response like any other.
    if (isHTTPError(error)) {
      return { response: error.response, text: await error.response.text(), context: context() };
    }
    if (deadline.reason !== undefined) throw stopped(deadline, context());
    if (isTimeoutError(error)) throw new WalletTimeoutError(context(), 'attempt', scope.timeout);
    if (error instanceof WalletError) throw error;
    throw new WalletNetworkError(context(), error);
  }
}
