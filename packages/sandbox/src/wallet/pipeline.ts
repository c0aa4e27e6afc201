/**
 * The wallet call pipeline (wallet-protocol.md), in this order, the first failing step deciding
 * the response: body size (413) → walletIdentifier (1058, plain) → Authorization (401, plain) →
 * envelope (1055, plain, one body for every unreadable token; 429 instead once the signature
 * carried too many) → message code for this endpoint (1010, encrypted) → schema (1020 or the
 * rule's code, encrypted) → idempotent unit of work with the API's business logic → encrypted
 * response. An API whose clientTxnId names an earlier call (PG Load Enquiry) is answered from the
 * current state instead, outside the unit of work, and its response is not stored.
 */
import {
  type AnyRoute,
  clientTxnIdSchema,
  errorCatalogue,
  isPlatformCode,
  issueLine,
  type RequestOf,
  statementRangeProblem,
  validateRequest,
  WALLET_IDENTIFIER,
  walletHeaders,
} from '@wallet/schemas';
import type { ExchangeDraft } from '../exchange.js';
import { transactWithMagic } from '../faults/magic.js';
import type { FaultScope } from '../faults/scope.js';
import { readBodyLimited } from '../http/read-body.js';
import {
  AUTH_PROFILE_HEADER,
  catalogueResponse,
  encryptedResponse,
  jsonResponse,
  REPLAYED_HEADER,
  sandboxResponse,
} from '../http/responses.js';
import type { ActiveMerchant } from '../merchants/registry.js';
import type { JsonObject } from '../store/json.js';
import type { Outcome, TransactRequest } from '../store/records.js';
import type { Store, StoreTx, TransactWork } from '../store/store-api.js';
import { type ApiContext, apiHandlers, pgLoadEnquiry, type StoredApiName } from './apis/index.js';
import { type AuthSettings, authenticate } from './authenticate.js';
import { openRequestEnvelope } from './open-envelope.js';
import { failureBody, Responses } from './outcomes.js';
import { signatureLimitKey, type TokenFailureLimiter } from './rate-limit.js';

export interface WalletPipelineSettings extends AuthSettings {
  readonly store: Store;
  /** Whether magic values in requests force their outcomes (`transactWithMagic`). */
  readonly magicValues: boolean;
  readonly limiter: TokenFailureLimiter;
  readonly maxBodyBytes: number;
  readonly maxJsonDepth: number;
}

type AnyHandler = (request: unknown, tx: StoreTx, context: ApiContext) => Promise<Outcome>;

/** The `clientTxnId` of a decrypted request, when it is a valid one (responses echo only those). */
function validClientTxnId(request: JsonObject): string | undefined {
  const value = request.clientTxnId;
  return typeof value === 'string' && clientTxnIdSchema.safeParse(value).success
    ? value
    : undefined;
}

/** Seals `body` for `merchant` and answers it in the merchant's envelope field. */
function sealed(
  merchant: ActiveMerchant,
  status: number,
  body: JsonObject,
  headers: Readonly<Record<string, string>>,
  draft: ExchangeDraft,
): Response {
  draft.response = body;
  draft.responseCode = typeof body.responseCode === 'string' ? body.responseCode : undefined;
  const token = merchant.envelope.seal(body);
  return encryptedResponse(status, merchant.credentials.responseField, token, headers);
}

/**
 * A check the schema cannot make because it needs the sandbox clock: the statement range must not
 * reach past the sandbox's today (1074). Like schema failures, it is answered and not stored.
 */
function clockCheck(
  route: AnyRoute,
  request: JsonObject,
  now: Date,
): { code: '1074'; message: string } | undefined {
  if (route.name !== 'statement') return undefined;
  const { fromDate, toDate } = request;
  if (typeof fromDate !== 'string' || typeof toDate !== 'string') return undefined;
  const problem = statementRangeProblem(fromDate, toDate, now);
  return problem === undefined ? undefined : { code: '1074', message: problem };
}

/** Answers one wallet call. Rejects only on server faults (the caller answers 1052). */
export async function handleWalletCall(
  route: AnyRoute,
  request: Request,
  draft: ExchangeDraft,
  scope: FaultScope | undefined,
  settings: WalletPipelineSettings,
): Promise<Response> {
  draft.api = route.name;

  const body = await readBodyLimited(request, settings.maxBodyBytes);
  if (!body.ok) {
    draft.failure = 'body-too-large';
    return sandboxResponse('bodyTooLarge');
  }

  if (request.headers.get(walletHeaders.walletIdentifier)?.trim() !== WALLET_IDENTIFIER) {
    draft.failure = 'wallet-identifier';
    draft.responseCode = errorCatalogue['1058'].code;
    return catalogueResponse('1058');
  }

  const auth = await authenticate(request, body.bytes, settings);
  if (!auth.ok) {
    draft.failure = auth.failure;
    return jsonResponse(auth.httpStatus, { responseMessage: auth.message });
  }
  const { merchant } = auth;
  const merchantKey = merchant.credentials.merchantKey;
  draft.merchantKey = merchantKey;
  draft.authProfile = auth.profileName;
  const headers = { [AUTH_PROFILE_HEADER]: auth.profileName };

  const now = settings.now();
  const decrypted = openRequestEnvelope(body.bytes, merchant.envelope, settings.maxJsonDepth);
  if (decrypted === undefined) {
    // Only now, after the token failed to open, is the lock consulted: it never refuses a token
    // that opens. It counts per signature, so a replayed signature locks only itself.
    const limitKey = signatureLimitKey(merchantKey, auth.signature);
    const retryAfter = settings.limiter.unreadableToken(limitKey, now.getTime());
    if (retryAfter !== undefined) {
      draft.failure = 'rate-limited';
      return sandboxResponse('tooManyUnreadableTokens', {
        ...headers,
        'Retry-After': String(retryAfter),
      });
    }
    draft.failure = 'envelope';
    draft.responseCode = errorCatalogue['1055'].code;
    return catalogueResponse('1055', headers);
  }
  draft.request = decrypted;
  const echo = validClientTxnId(decrypted);
  draft.clientTxnId = echo;

  const checked = validateRequest(route.name, decrypted);
  if (!checked.ok) {
    const wrongCode = checked.issues.find((issue) => issue.platformCode === '1010');
    if (wrongCode !== undefined) {
      draft.failure = 'message-code';
      const received = failureBody(route, echo, '1010', issueLine(wrongCode));
      return sealed(merchant, errorCatalogue['1010'].httpStatus, received, headers, draft);
    }
    draft.failure = 'validation';
    const code = isPlatformCode(checked.responseCode) ? checked.responseCode : '1020';
    const received = failureBody(route, echo, code, checked.summary);
    return sealed(merchant, errorCatalogue[code].httpStatus, received, headers, draft);
  }
  const clientTxnId = checked.value.clientTxnId;

  const clockProblem = clockCheck(route, decrypted, now);
  if (clockProblem !== undefined) {
    draft.failure = 'validation';
    const received = failureBody(route, clientTxnId, clockProblem.code, clockProblem.message);
    return sealed(merchant, errorCatalogue[clockProblem.code].httpStatus, received, headers, draft);
  }

  const responses = new Responses(route, clientTxnId);
  if (route.clientTxnId === 'enquired') {
    const enquiry = checked.value as RequestOf<'pgLoadEnquiry'>;
    const outcome = await pgLoadEnquiry(enquiry, settings.store, merchantKey, responses);
    if (outcome.kind === 'decline') draft.failure = 'declined';
    return sealed(merchant, outcome.httpStatus, outcome.response, headers, draft);
  }

  const handler = apiHandlers[route.name as StoredApiName] as AnyHandler;
  const unit: TransactRequest = { merchantKey, clientTxnId, api: route.name, request: decrypted };
  const context: ApiContext = {
    responses,
    now: settings.now,
    // Only the PG Load APIs hand out addresses: the URL is parsed for them alone.
    get origin() {
      return new URL(request.url).origin;
    },
  };
  const work: TransactWork = (tx) => handler(checked.value, tx, context);
  const result = settings.magicValues
    ? await transactWithMagic(settings.store, scope, unit, work)
    : await settings.store.transact(unit, work);

  if (result.status === 'conflict') {
    draft.failure = 'duplicate';
    const received = failureBody(route, clientTxnId, '5000');
    return sealed(merchant, errorCatalogue['5000'].httpStatus, received, headers, draft);
  }
  const { outcome } = result;
  if (outcome.kind === 'decline') draft.failure = 'declined';
  if (result.status === 'replayed') {
    draft.replayed = true;
    return sealed(
      merchant,
      outcome.httpStatus,
      outcome.response,
      { ...headers, [REPLAYED_HEADER]: 'true' },
      draft,
    );
  }
  return sealed(merchant, outcome.httpStatus, outcome.response, headers, draft);
}
