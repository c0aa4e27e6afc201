/**
 * One wallet API call: build and check the decrypted request, seal it, sign and send it (with
 * retries), open the answer, map a failure to its error, and check a success against its schema.
 */
import {
  type ApiName,
  buildRequest,
  type FieldIssue,
  INVALID_PARAMETERS_CODE,
  issueLine,
  JSON_CONTENT_TYPE,
  lookupError,
  newClientTxnId,
  type ParamsOf,
  type RequestOf,
  type ResponseOf,
  routes,
  validateRequest,
  validateResponse,
  walletHeaders,
} from '@wallet/schemas';
import { envelopeToken, type JsonObject, parseJsonObject, unreadable } from './answer.js';
import type { WalletCallOptions } from './call-options.js';
import { clockNow } from './clock.js';
import type { WalletCore } from './core.js';
import type { CoreInternals } from './core-internals.js';
import { internalsOf } from './core-internals.js';
import { apiErrorFor } from './error-mapping.js';
import { WalletValidationError } from './errors.js';
import { type Answer, requestIdOf, send } from './transport.js';
import { WalletPromise, type WalletResponse } from './wallet-promise.js';

/** The unreadable-envelope error of `@wallet/crypto`, told by its stable code. */
const ENVELOPE_UNREADABLE = 'ENVELOPE_UNREADABLE';

interface SchemaFailure {
  readonly code: 'SCHEMA_VALIDATION_FAILED';
  readonly issues: readonly FieldIssue[];
  readonly message: string;
}

function isSchemaFailure(error: unknown): error is SchemaFailure {
  return (
    error instanceof Error && (error as { code?: unknown }).code === 'SCHEMA_VALIDATION_FAILED'
  );
}

/**
 * The full decrypted request: the three common fields filled in (or taken from `options`), the
 * SDK defaults applied, the whole checked.
 * @throws {WalletValidationError} naming the first offending field.
 */
export function buildWalletRequest<N extends ApiName>(
  internals: CoreInternals,
  name: N,
  params: ParamsOf<N>,
  options: WalletCallOptions,
  clientTxnId: string,
): RequestOf<N> {
  const { requestDateTime } = options;
  try {
    const built = buildRequest(name, params, {
      clientTxnId,
      date: requestDateTime instanceof Date ? requestDateTime : clockNow(internals),
    });
    if (typeof requestDateTime !== 'string') return built;
    const checked = validateRequest(name, { ...built, requestDateTime });
    if (checked.ok) return checked.value;
    throw new WalletValidationError({
      direction: 'request',
      api: name,
      issues: checked.issues,
      clientTxnId,
      message: `${routes[name].title} request: ${checked.summary}`,
    });
  } catch (error) {
    if (!isSchemaFailure(error)) throw error;
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

/** Checks a success answer per the configured mode, and that it echoes our clientTxnId. */
function checkedAnswer<N extends ApiName>(
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
      message: `${title} answer: ${first === undefined ? 'is invalid' : issueLine(first)}`,
    });
  }
  internals.log.warn('wallet answer failed validation', {
    api: name,
    clientTxnId,
    issues: issues.map(issueLine),
  });
  return (result.ok ? result.value : body) as ResponseOf<N>;
}

/** Opens and checks the final answer of a wallet call, or throws the error it stands for. */
async function readWalletAnswer<N extends ApiName>(
  internals: CoreInternals,
  name: N,
  answer: Answer,
  clientTxnId: string,
  options: WalletCallOptions,
): Promise<WalletResponse<ResponseOf<N>>> {
  const json = parseJsonObject(answer.text);
  const token = envelopeToken(json);
  let body: JsonObject | undefined = json;
  if (token !== undefined) {
    let opened: unknown;
    try {
      opened = await internals.sealer.open(token, options);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== ENVELOPE_UNREADABLE) throw error;
      throw unreadable(
        answer,
        'the envelope does not open with the configured encryptionKey and iv',
      );
    }
    body = opened as JsonObject;
  }
  const { response } = answer;
  if (response.ok && token !== undefined && body !== undefined && isSuccess(body)) {
    return {
      data: checkedAnswer(internals, name, body, clientTxnId),
      response,
      rawBody: answer.text,
      clientTxnId,
      requestId: requestIdOf(response),
      attempts: answer.context.attempts,
    };
  }
  if (response.ok && (body === undefined || body.responseCode === undefined)) {
    throw unreadable(
      answer,
      body === undefined
        ? 'the body is not a JSON object'
        : 'the body is neither an envelope nor a platform answer',
    );
  }
  throw apiErrorFor({
    context: answer.context,
    response,
    text: answer.text,
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
  const clientTxnId = options.clientTxnId ?? newClientTxnId();
  const request = buildWalletRequest(internals, name, params, options, clientTxnId);
  const token = await internals.sealer.seal(request, options);
  const body = JSON.stringify({ token });
  const answer = await send(
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
    options,
  );
  return readWalletAnswer(internals, name, answer, clientTxnId, options);
}

/**
 * Calls wallet API `name` with `params` (the decrypted request without `messageCode`,
 * `clientTxnId` and `requestDateTime`) and resolves to its parsed, decrypted answer.
 */
export function callApi<N extends ApiName>(
  core: WalletCore,
  name: N,
  params: ParamsOf<N>,
  options: WalletCallOptions = {},
): WalletPromise<ResponseOf<N>> {
  return new WalletPromise(run(core, name, params, options));
}
