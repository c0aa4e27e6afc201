/**
 * One wallet API call: build and check the decrypted request, seal it, sign and send it (with
 * retries), open the answer, map a failure to its error, and check a success against its schema.
 */
import {
  type ApiName,
  clientTxnIdSchema,
  describeIssues,
  type FieldIssue,
  formatRequestDateTime,
  INVALID_PARAMETERS_CODE,
  type IssueReport,
  issueLine,
  JSON_CONTENT_TYPE,
  lookupError,
  newClientTxnId,
  type ParamsOf,
  type RequestOf,
  type ResponseOf,
  requestDateTimeSchema,
  routes,
  validateResponse,
  walletHeaders,
} from '@wallet/schemas';
import type { z } from 'zod';
import { envelopeToken, type JsonObject, parseJsonObject, unreadable } from './answer.js';
import { type CallScope, openCallScope, type WalletCallOptions } from './call-options.js';
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

const FOURTEEN_DIGITS = /^\d{14}$/;

function requestError(
  name: ApiName,
  report: IssueReport,
  clientTxnId: string,
): WalletValidationError {
  return new WalletValidationError({
    direction: 'request',
    api: name,
    issues: report.issues,
    clientTxnId,
    message: `${routes[name].title} request: ${report.summary}`,
  });
}

/** Checks one of the common fields the caller supplied, with its schema. */
function checkCommonField(
  schema: z.ZodType,
  path: 'clientTxnId' | 'requestDateTime',
  value: unknown,
  name: ApiName,
  clientTxnId: string,
): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const report = describeIssues(
    result.error.issues.map((issue) => ({ ...issue, path: [path, ...issue.path] })),
  );
  throw requestError(name, report, clientTxnId);
}

/**
 * The full decrypted request: the three common fields filled in (or taken from `options`), the
 * SDK defaults applied, the whole checked.
 *
 * The parameters are checked once, by the API's `params` schema, which holds every field rule and
 * cross-field rule of its `request` schema (with the SDK defaults): `request` adds only the three
 * common fields, so only those the caller supplied are checked again, and what the client fills in
 * is valid as made. `src/call-request.test.ts` proves the result equal to `buildRequest` of
 * `@wallet/schemas`, for requests mutated from every API's example.
 * @throws {WalletValidationError} naming the first offending field.
 */
export function buildWalletRequest<N extends ApiName>(
  internals: CoreInternals,
  name: N,
  params: ParamsOf<N>,
  options: WalletCallOptions,
  clientTxnId: string,
): RequestOf<N> {
  const route = routes[name];
  const fields = (route.params as z.ZodType).safeParse(params);
  if (!fields.success) throw requestError(name, describeIssues(fields.error), clientTxnId);
  if (options.clientTxnId !== undefined) {
    checkCommonField(clientTxnIdSchema, 'clientTxnId', clientTxnId, name, clientTxnId);
  }
  const { requestDateTime } = options;
  let dateTime: string;
  if (typeof requestDateTime === 'string') dateTime = requestDateTime;
  else {
    const date = requestDateTime instanceof Date ? requestDateTime : clockNow(internals);
    dateTime = Number.isNaN(date.getTime()) ? '' : formatRequestDateTime(date);
  }
  // Printed from a valid Date, 14 digits are a real calendar time; a year outside 0-9999 (or an
  // invalid Date, or the caller's string) is checked by the schema, which names the rule.
  if (typeof requestDateTime === 'string' || !FOURTEEN_DIGITS.test(dateTime)) {
    checkCommonField(requestDateTimeSchema, 'requestDateTime', dateTime, name, clientTxnId);
  }
  return {
    messageCode: route.requestMessageCode,
    clientTxnId,
    requestDateTime: dateTime,
    ...(fields.data as object),
  } as RequestOf<N>;
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

/** Opens an answer envelope; an envelope that does not open is an unreadable answer. */
function openEnvelope(
  internals: CoreInternals,
  answer: Answer,
  token: string,
  scope: CallScope,
): unknown {
  const notOpened = (error: unknown): never => {
    if ((error as { code?: unknown } | null)?.code !== ENVELOPE_UNREADABLE) throw error;
    throw unreadable(answer, 'the envelope does not open with the configured encryptionKey and iv');
  };
  try {
    const opened = internals.sealer.open(token, scope);
    // Only the helper API opens asynchronously: a local envelope costs no extra turn.
    return opened instanceof Promise ? opened.catch(notOpened) : opened;
  } catch (error) {
    return notOpened(error);
  }
}

/** The parsed answer, or the error the answer stands for. `body` is the opened envelope. */
function walletAnswer<N extends ApiName>(
  internals: CoreInternals,
  name: N,
  answer: Answer,
  token: string | undefined,
  body: JsonObject | undefined,
  clientTxnId: string,
): WalletResponse<ResponseOf<N>> {
  const { response } = answer;
  if (response.ok && token !== undefined && body !== undefined && isSuccess(body)) {
    return {
      data: checkedAnswer(internals, name, body, clientTxnId),
      response,
      rawBody: answer.text,
      clientTxnId,
      // Read on demand: most callers never ask.
      get requestId(): string | undefined {
        return requestIdOf(response);
      },
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
  // One deadline for the whole call, the helper API's Encrypt and Decrypt included.
  const scope = openCallScope(internals.config, options);
  try {
    // Only the helper API seals asynchronously: a local envelope costs no extra turn.
    const sealed = internals.sealer.seal(request, scope);
    const token = typeof sealed === 'string' ? sealed : await sealed;
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
      scope,
    );
    const json = parseJsonObject(answer.text);
    const answerToken = envelopeToken(json);
    let opened: unknown = json;
    if (answerToken !== undefined) {
      opened = openEnvelope(internals, answer, answerToken, scope);
      if (opened instanceof Promise) opened = await opened;
    }
    return walletAnswer(
      internals,
      name,
      answer,
      answerToken,
      opened as JsonObject | undefined,
      clientTxnId,
    );
  } finally {
    scope.deadline.end();
  }
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
