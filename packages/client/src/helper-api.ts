/**
 * The Wibmo Encrypt/Decrypt helper API (wallet-protocol.md section 5), for merchants who do not
 * hold the AES key: the platform seals a plaintext request into a token, and opens a response token
 * back into plaintext. Configured with `helper` in the client settings.
 */
import { type JsonObject, parseJsonObject } from '@wallet/crypto';
import { type HelperRoute, helperRoutes, JSON_CONTENT_TYPE } from '@wallet/schemas';
import { type CallScope, openCallScope, type WalletCallOptions } from './call-options.js';
import { clockNow } from './clock.js';
import type { ResolvedHelperConfig } from './config.js';
import type { WalletCore } from './core-internals.js';
import { type CoreServices, internalsOf, type Sealer } from './core-internals.js';
import { apiErrorFor } from './error-mapping.js';
import { WalletConfigError } from './errors.js';
import { requestIdOf, unreadable } from './response.js';
import { send } from './transport.js';
import { WalletPromise, type WalletResponse } from './wallet-promise.js';

/** Options of a helper API call: those of a wallet call without the request fields. */
export type HelperCallOptions = Omit<WalletCallOptions, 'clientTxnId' | 'requestDateTime'>;

/** The value each helper header carries, by lowercase header name. */
function headerValues(helper: ResolvedHelperConfig): Readonly<Record<string, string | undefined>> {
  return {
    'x-api-key': helper.apiKey,
    clientid: helper.clientId,
    bankid: helper.bankId,
    'x-consumer-custom-id': helper.consumerId,
    securecode: helper.secureCode,
    entityid: helper.entityId,
  };
}

/** The headers `route` requires (and the optional ones configured), named as documented. */
function helperHeaders(helper: ResolvedHelperConfig, route: HelperRoute): Record<string, string> {
  const values = headerValues(helper);
  const headers: Record<string, string> = { 'Content-Type': JSON_CONTENT_TYPE };
  for (const header of route.requiredHeaders) {
    const value = values[header.name.toLowerCase()];
    if (value !== undefined) headers[header.name] = value;
  }
  for (const header of route.optionalHeaders) {
    const value = values[header.name.toLowerCase()];
    if (value !== undefined) headers[header.name] = value;
  }
  return headers;
}

function helperOf(internals: CoreServices): ResolvedHelperConfig {
  const { helper } = internals.config;
  if (helper === undefined) {
    throw new WalletConfigError(
      'helper',
      'Invalid wallet client setting helper: it is required for encryptViaApi and decryptViaApi.',
    );
  }
  return helper;
}

/** Sends `body` to the helper `route` and returns its successful JSON response. */
async function callHelper(
  internals: CoreServices,
  route: HelperRoute,
  body: string,
  scope: CallScope,
): Promise<WalletResponse<JsonObject>> {
  const helper = helperOf(internals);
  const headers = helperHeaders(helper, route);
  const received = await send(
    internals,
    {
      api: route.name,
      method: route.methods[0],
      path: route.path,
      baseUrl: helper.baseUrl,
      body,
      clientTxnId: undefined,
      headers: () => headers,
    },
    scope,
  );
  const json = parseJsonObject(received.text);
  if (!received.response.ok) {
    throw apiErrorFor({
      context: received.context,
      response: received.response,
      text: received.text,
      body: json,
      title: `Helper API ${route.title}`,
      now: clockNow(internals),
    });
  }
  if (json === undefined || !route.response.safeParse(json).success) {
    throw unreadable(received, `the body is not a ${route.title.toLowerCase()} response`);
  }
  return {
    data: json,
    response: received.response,
    rawBody: received.text,
    clientTxnId: undefined,
    requestId: requestIdOf(received.response),
    attempts: received.context.attempts,
  };
}

async function encrypt(
  internals: CoreServices,
  plaintext: object,
  scope: CallScope,
): Promise<WalletResponse<string>> {
  const result = await callHelper(
    internals,
    helperRoutes.encrypt,
    JSON.stringify(plaintext),
    scope,
  );
  return { ...result, data: result.data.token as string };
}

async function decrypt(
  internals: CoreServices,
  token: string,
  scope: CallScope,
): Promise<WalletResponse<JsonObject>> {
  return callHelper(internals, helperRoutes.decrypt, JSON.stringify({ token }), scope);
}

/** Runs one helper call in a scope of its own. */
async function inScope<T>(
  core: WalletCore,
  options: HelperCallOptions,
  call: (internals: CoreServices, scope: CallScope) => Promise<T>,
): Promise<T> {
  const internals = internalsOf(core);
  const scope = openCallScope(internals.config, options);
  try {
    return await call(internals, scope);
  } finally {
    scope.deadline.end();
  }
}

/**
 * Seals `plaintext` (a decrypted request, with its `messageCode`, `clientTxnId` and
 * `requestDateTime`) into a token through the helper API's Encrypt call.
 */
export function encryptViaApi(
  core: WalletCore,
  plaintext: Readonly<Record<string, unknown>>,
  options: HelperCallOptions = {},
): WalletPromise<string> {
  return new WalletPromise(
    inScope(core, options, (internals, scope) => encrypt(internals, plaintext, scope)),
  );
}

/** Opens a response token into its plaintext JSON object through the helper API's Decrypt call. */
export function decryptViaApi(
  core: WalletCore,
  token: string,
  options: HelperCallOptions = {},
): WalletPromise<Readonly<Record<string, unknown>>> {
  return new WalletPromise(
    inScope(core, options, (internals, scope) => decrypt(internals, token, scope)),
  );
}

/**
 * Seals and opens wallet payloads through the helper API (when no encryptionKey is configured),
 * within the wallet call's scope: one deadline covers Encrypt, the call and Decrypt.
 */
export function helperSealer(internals: CoreServices): Sealer {
  return {
    seal: async (value, scope) => (await encrypt(internals, value, scope)).data,
    open: async (token, scope) => (await decrypt(internals, token, scope)).data,
  };
}
