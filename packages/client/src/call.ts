/**
 * One wallet API call: build and check the decrypted request, seal it, sign and send it (with
 * retries), open the response, map a failure to its error, and check a success against its schema.
 */

import { CryptoErrorCode, type JsonObject, parseJsonObject } from '@wallet/crypto';
import {
  type ApiName,
  buildRequest,
  type FieldIssue,
  INVALID_PARAMETERS_CODE,
  issueLine,
  JSON_CONTENT_TYPE,
  lookupError,
  type ParamsOf,
  type RequestOf,
  type ResponseOf,
  routes,
  SchemaValidationError,
  validateResponse,
  walletHeaders,
} from '@wallet/schemas';
import { type CallScope, openCallScope, type WalletCallOptions } from './call-options.js';
import { clockNow } from './clock.js';
import type { CoreInternals, WalletCore } from './core-internals.js';
import { internalsOf } from './core-internals.js';
import { apiErrorFor } from './error-mapping.js';
import { WalletValidationError } from './errors.js';
import { envelopeToken, type ReceivedResponse, requestIdOf, unreadable } from './response.js';
import { send } from './transport.js';
import { WalletPromise, type WalletResponse } from './wallet-promise.js';

/**
 * The full decrypted request, built by `buildRequest` of `@wallet/schemas` (the three common
 * fields filled in or taken from `options`, the SDK defaults applied, the whole checked).
 * @throws {WalletValidationError} naming the first offending field.
 */
function buildWalletRequest<N extends ApiName>(
  internals: CoreInternals,
  name: N,
  params: ParamsOf<N>,
  options: WalletCallOptions,
): RequestOf<N> {
  const { clientTxnId, requestDateTime } = options;
  try {
    return buildRequest(name, params, {
      ...(clientTxnId === undefined ? {} : { clientTxnId }),
      ...(typeof requestDateTime === 'string'
        ? { requestDateTime }
        : { date: requestDateTime ?? clockNow(internals) }),
    });
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    throw new WalletValidationError({
      direction: 'request',
      api: name,
      issues: error.issues,
      clientTxnId,
      message: error.message,
    });
  }
}

/** The headers of one attempt: a fresh date and signature each time. */
export function walletRequestHeaders(
  internals: CoreInternals,
  body: string,
): Record<string, string> {
  const signed = internals.signer.sign({ body, date: clockNow(internals) });
  const headers: Record<string, string> = {
    [walletHeaders.walletIdentifier]: internals.config.walletIdentifier,
    [walletHeaders.contentType]: JSON_CONTENT_TYPE,
    [walletHeaders.date]: signed.date,
    [walletHeaders.authorization]: signed.authorization,
  };
  if (signed.digest !== undefined) headers[walletHeaders.digest] = signed.digest;
  return headers;
}

function isSuccess(body: JsonObject): boolean {
  const code = body.responseCode;
  return typeof code === 'string' && lookupError(code)?.outcome === 'success';
}

/** Checks a success response per the configured mode, and that it echoes our clientTxnId. */
function checkedResponse<N extends ApiName>(
  internals: CoreInternals,
  name: N,
  body: JsonObject,
  clientTxnId: string,
): ResponseOf<N> {
  const mode = internals.config.responseValidation;
  if (mode === 'off') return body as ResponseOf<N>;
  const result = validateResponse(name, body);
  const echoed = body.clientTxnId === clientTxnId;
  if (result.ok && echoed) return result.value;
  const issues: FieldIssue[] = result.ok ? [] : [...result.issues];
  if (!echoed) {
    issues.push({
      path: 'clientTxnId',
      message: 'must echo the clientTxnId of the request',
      platformCode: INVALID_PARAMETERS_CODE,
    });
  }
  const title = routes[name].title;
  if (mode === 'strict') {
    const first = issues[0];
    throw new WalletValidationError({
      direction: 'response',
      api: name,
      issues,
      clientTxnId,
      message: `${title} response: ${first === undefined ? 'is invalid' : issueLine(first)}`,
    });
  }
  internals.log.warn('wallet response failed validation', {
    api: name,
    clientTxnId,
    issues: issues.map(issueLine),
  });
  return (result.ok ? result.value : body) as ResponseOf<N>;
}

/** Opens a response envelope; an envelope that does not open is an unreadable response. */
function openEnvelope(
  internals: CoreInternals,
  received: ReceivedResponse,
  token: string,
  scope: CallScope,
): unknown {
  const notOpened = (error: unknown): never => {
    if ((error as { code?: unknown } | null)?.code !== CryptoErrorCode.EnvelopeUnreadable) {
      throw error;
    }
    throw unreadable(
      received,
      'the envelope does not open with the configured encryptionKey and iv',
    );
  };
  try {
    const opened = internals.sealer.open(token, scope);
    // Only the helper API opens asynchronously: a local envelope costs no extra turn.
    return opened instanceof Promise ? opened.catch(notOpened) : opened;
  } catch (error) {
    return notOpened(error);
  }
}

/** The parsed response, or the error the response stands for. `body` is the opened envelope. */
function toWalletResponse<N extends ApiName>(
  internals: CoreInternals,
  name: N,
  received: ReceivedResponse,
  token: string | undefined,
  body: JsonObject | undefined,
  clientTxnId: string,
): WalletResponse<ResponseOf<N>> {
  const { response } = received;
  if (response.ok && token !== undefined && body !== undefined && isSuccess(body)) {
    return {
      data: checkedResponse(internals, name, body, clientTxnId),
      response,
      rawBody: received.text,
      clientTxnId,
      // Read on demand: most callers never ask.
      get requestId(): string | undefined {
        return requestIdOf(response);
      },
      attempts: received.context.attempts,
    };
  }
  if (response.ok && (body === undefined || body.responseCode === undefined)) {
    throw unreadable(
      received,
      body === undefined
        ? 'the body is not a JSON object'
        : 'the body is neither an envelope nor a platform response',
    );
  }
  throw apiErrorFor({
    context: received.context,
    response,
    text: received.text,
    body,
    title: routes[name].title,
    now: clockNow(internals),
  });
}

async function run<N extends ApiName>(
  core: WalletCore,
  name: N,
  params: ParamsOf<N>,
  options: WalletCallOptions,
): Promise<WalletResponse<ResponseOf<N>>> {
  const internals = internalsOf(core);
  const route = routes[name];
  const request = buildWalletRequest(internals, name, params, options);
  const { clientTxnId } = request;
  // One deadline for the whole call, the helper API's Encrypt and Decrypt included.
  const scope = openCallScope(internals.config, options);
  try {
    // Only the helper API seals asynchronously: a local envelope costs no extra turn.
    const sealed = internals.sealer.seal(request, scope);
    const token = typeof sealed === 'string' ? sealed : await sealed;
    const body = JSON.stringify({ token });
    const received = await send(
      internals,
      {
        api: name,
        method: route.methods[0],
        path: route.path,
        baseUrl: internals.config.baseUrl,
        body,
        clientTxnId,
        headers: () => walletRequestHeaders(internals, body),
      },
      scope,
    );
    const json = parseJsonObject(received.text);
    const responseToken = envelopeToken(json);
    let opened: unknown = json;
    if (responseToken !== undefined) {
      opened = openEnvelope(internals, received, responseToken, scope);
      if (opened instanceof Promise) opened = await opened;
    }
    return toWalletResponse(
      internals,
      name,
      received,
      responseToken,
      opened as JsonObject | undefined,
      clientTxnId,
    );
  } finally {
    scope.deadline.end();
  }
}

/**
 * Calls wallet API `name` with `params` (the decrypted request without `messageCode`,
 * `clientTxnId` and `requestDateTime`) and resolves to its parsed, decrypted response.
 */
export function callApi<N extends ApiName>(
  core: WalletCore,
  name: N,
  params: ParamsOf<N>,
  options: WalletCallOptions = {},
): WalletPromise<ResponseOf<N>> {
  return new WalletPromise(run(core, name, params, options));
}
