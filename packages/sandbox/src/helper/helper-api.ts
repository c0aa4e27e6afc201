/**
 * The Wibmo Encrypt / Decrypt helper API (wallet-protocol.md section 5), answered with the AES key
 * of the merchant whose helper `x-api-key` the call carries.
 *
 * Mapping: each merchant has helper credentials `apiKey`, `clientId`, `bankId`, `secureCode`
 * (configured, or derived from its salt). `x-api-key` selects the merchant (unknown: 401);
 * Encrypt then requires the merchant's `clientId` (wrong: 401, like a wrong key), `bankId` (wrong:
 * 1031) and `secureCode` (wrong: 1049). `X-Consumer-Custom-ID` must be present (1310) and is not
 * compared; `entityId` is optional (default 100) and not compared.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { EnvelopeError } from '@wallet/crypto';
import {
  authenticationFailures,
  errorCatalogue,
  type HelperRoute,
  helperWrongValueCodes,
  isPlatformCode,
  missingHelperHeader,
  plaintextObjectSchema,
  tokenEnvelopeSchema,
} from '@wallet/schemas';
import type { ExchangeDraft } from '../exchange.js';
import { valueNestsDeeperThan } from '../http/json-depth.js';
import { readBodyLimited } from '../http/read-body.js';
import { catalogueResponse, jsonResponse, sandboxResponse } from '../http/responses.js';
import type { MerchantRegistry } from '../merchants/registry.js';
import type { JsonObject } from '../store/json.js';
import { bodyText, parseBoundedJson } from '../wallet/open-envelope.js';
import { helperLimitKey, type TokenFailureLimiter } from '../wallet/rate-limit.js';

export interface HelperSettings {
  readonly registry: MerchantRegistry;
  readonly limiter: TokenFailureLimiter;
  readonly now: () => Date;
  readonly maxBodyBytes: number;
  readonly maxJsonDepth: number;
}

/** Header values compared in constant time (over their SHA-256, so lengths may differ). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function badApiKey(draft: ExchangeDraft, failure: 'helper-api-key' | 'helper-client-id'): Response {
  draft.failure = failure;
  return jsonResponse(401, { responseMessage: authenticationFailures['bad-api-key'].message });
}

function codeResponse(
  draft: ExchangeDraft,
  code: string,
  failure: ExchangeDraft['failure'],
): Response {
  draft.failure = failure;
  if (!isPlatformCode(code)) throw new TypeError('helper responses need catalogue codes');
  draft.responseCode = errorCatalogue[code].code;
  return catalogueResponse(code);
}

function malformed(draft: ExchangeDraft): Response {
  draft.failure = 'envelope';
  draft.responseCode = errorCatalogue['1055'].code;
  return catalogueResponse('1055');
}

/** Answers one helper call. Rejects only on server faults (the caller answers 1052). */
export async function handleHelperCall(
  route: HelperRoute,
  request: Request,
  draft: ExchangeDraft,
  settings: HelperSettings,
): Promise<Response> {
  draft.api = route.name;
  const body = await readBodyLimited(request, settings.maxBodyBytes);
  if (!body.ok) {
    draft.failure = 'body-too-large';
    return sandboxResponse('bodyTooLarge');
  }

  const headers = Object.fromEntries(request.headers);
  const missing = missingHelperHeader(route, headers);
  if (missing !== undefined) {
    if (missing.missingCode === undefined) return badApiKey(draft, 'helper-api-key');
    return codeResponse(draft, missing.missingCode, 'helper-header-missing');
  }
  const header = (name: string): string => request.headers.get(name)?.trim() ?? '';

  const merchant = await settings.registry.byApiKey(header('x-api-key'));
  if (merchant === undefined) return badApiKey(draft, 'helper-api-key');
  const { merchantKey, helper } = merchant.credentials;
  draft.merchantKey = merchantKey;

  if (route.name === 'encrypt') {
    if (!sameSecret(header('clientId'), helper.clientId))
      return badApiKey(draft, 'helper-client-id');
    if (!sameSecret(header('bankId'), helper.bankId)) {
      return codeResponse(draft, helperWrongValueCodes.bankId, 'helper-bank-id');
    }
    if (!sameSecret(header('secureCode'), helper.secureCode)) {
      return codeResponse(draft, helperWrongValueCodes.secureCode, 'helper-secure-code');
    }
  }

  const text = bodyText(body.bytes);
  const json = text === undefined ? undefined : parseBoundedJson(text, settings.maxJsonDepth);

  if (route.name === 'encrypt') {
    const plaintext = plaintextObjectSchema.safeParse(json);
    if (!plaintext.success || Array.isArray(json)) return malformed(draft);
    draft.request = json as JsonObject;
    return jsonResponse(200, { token: merchant.envelope.seal(json) });
  }

  const wire = tokenEnvelopeSchema.safeParse(json);
  let opened: unknown;
  try {
    opened = wire.success ? merchant.envelope.open(wire.data.token) : undefined;
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    opened = undefined;
  }
  if (opened === undefined || valueNestsDeeperThan(opened, settings.maxJsonDepth)) {
    // Consulted only for a token that did not open, like the wallet calls' lock.
    const now = settings.now().getTime();
    const retryAfter = settings.limiter.unreadableToken(helperLimitKey(merchantKey), now);
    if (retryAfter !== undefined) {
      draft.failure = 'rate-limited';
      return sandboxResponse('tooManyUnreadableTokens', { 'Retry-After': String(retryAfter) });
    }
    return malformed(draft);
  }
  draft.response = opened as JsonObject;
  return jsonResponse(200, opened as JsonObject);
}
