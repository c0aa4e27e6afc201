/**
 * Building HTTP responses: plain JSON bodies (authentication failures, 1055, 1058, 1052, the helper
 * API) and encrypted envelopes. Platform codes and messages come from the error catalogue of
 * `@wallet/schemas`; only the responses the platform does not define (413, 429, 404, ...) are
 * worded here.
 */
import { errorCatalogue, JSON_CONTENT_TYPE, type PlatformCode } from '@wallet/schemas';
import type { JsonObject } from '../store/json.js';

/** The header that marks a replayed idempotent response. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** The header that names the auth profile a request was signed with. */
export const AUTH_PROFILE_HEADER = 'X-Sandbox-Auth-Profile';

/**
 * Responses that belong to the sandbox rather than the platform (plain JSON, no `responseCode`):
 * the HTTP status and the `responseMessage` of each.
 */
export const sandboxResponses = {
  badRequest: { httpStatus: 400, message: 'MALFORMED HTTP REQUEST' },
  notFound: { httpStatus: 404, message: 'NO SUCH API' },
  methodNotAllowed: { httpStatus: 405, message: 'METHOD NOT ALLOWED' },
  bodyTooLarge: { httpStatus: 413, message: 'REQUEST BODY TOO LARGE' },
  tooManyUnreadableTokens: { httpStatus: 429, message: 'TOO MANY UNREADABLE TOKENS; RETRY LATER' },
  headersTooLarge: { httpStatus: 431, message: 'REQUEST HEADERS TOO LARGE' },
  transferCodingNotImplemented: { httpStatus: 501, message: 'TRANSFER CODING NOT IMPLEMENTED' },
} as const satisfies Record<string, { httpStatus: number; message: string }>;
export type SandboxResponse = keyof typeof sandboxResponses;

/** The body text of every response built here, for the HTTP server to write without reading it back. */
const responseTexts = new WeakMap<Response, string>();

/** The body of `response` when it is a response built here, else undefined. */
export function responseText(response: Response): string | undefined {
  return responseTexts.get(response);
}

/** A JSON answer with the given status, body and extra headers. */
export function jsonResponse(
  status: number,
  body: Readonly<Record<string, unknown>>,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
  });
  responseTexts.set(response, text);
  return response;
}

/** The plain body of a catalogue code: `{"responseCode": ..., "responseMessage": ...}`. */
export function catalogueBody(code: PlatformCode): {
  responseCode: string;
  responseMessage: string;
} {
  const entry = errorCatalogue[code];
  return { responseCode: entry.code, responseMessage: entry.message };
}

/** A plain (unencrypted) response of a catalogue code, with the code's HTTP status. */
export function catalogueResponse(
  code: PlatformCode,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return jsonResponse(errorCatalogue[code].httpStatus, catalogueBody(code), headers);
}

/** A sandbox-own answer (400, 404, 405, 413, 429, 431, 501). */
export function sandboxResponse(
  received: SandboxResponse,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const { httpStatus, message } = sandboxResponses[received];
  return jsonResponse(httpStatus, { responseMessage: message }, headers);
}

/** The server-fault response: 500 with the catalogue's 1052 body and nothing else. */
export function serverFaultResponse(): Response {
  return catalogueResponse('1052');
}

/** An encrypted response: `{"<field>": "<token>"}` sealing the decrypted `body`. */
export function encryptedResponse(
  status: number,
  field: string,
  token: string,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return jsonResponse(status, { [field]: token }, headers);
}

/** The raw HTTP/1.1 bytes of a JSON response, for a socket node:http refused before routing. */
export function rawHttpResponse(status: number, reason: string, body: JsonObject): string {
  const text = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${reason}`,
    `Content-Type: ${JSON_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(text, 'utf8')}`,
    'Connection: close',
    '',
    text,
  ].join('\r\n');
}
