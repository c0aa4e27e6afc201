/**
 * Building the platform's responses from the route table and the error catalogue, so a server (the
 * sandbox) never restates a message code, a success message or a platform message.
 */
import type { FailureResponse, PlainErrorBody } from './envelope.js';
import { type ErrorCatalogueEntry, lookupError, type PlatformCode } from './error-catalogue.js';
import { describeIssues } from './issues.js';
import { type ApiName, messageCodeField, type ResponseOf, routes } from './routes.js';
import { SchemaArgumentError, SchemaValidationError } from './validation-error.js';

/**
 * The decrypted success response of API `name`: `responseCode` `00`, the response's message code (for
 * an API that has one), the
 * echoed `clientTxnId`, the route's success message, then `fields`. The result is checked against
 * the route's response schema; a response that breaks it throws `SchemaValidationError`.
 */
export function successResponse<N extends ApiName>(
  name: N,
  clientTxnId: string,
  fields: Readonly<Record<string, unknown>>,
): ResponseOf<N> {
  const route = routes[name];
  const body = {
    responseCode: '00',
    ...messageCodeField(route.responseMessageCode),
    clientTxnId,
    responseMessage: route.successMessage,
    ...fields,
  };
  const result = route.response.safeParse(body);
  if (!result.success) {
    throw new SchemaValidationError(describeIssues(result.error), `${route.title} response`);
  }
  return result.data as ResponseOf<N>;
}

/** What a failure response echoes from the request, when the request got far enough to carry it. */
export interface FailureContext {
  /** The request's `messageCode`; the response carries it plus one. Absent for the PG Load APIs. */
  readonly requestMessageCode?: number;
  readonly clientTxnId?: string;
  /** Overrides the catalogue's message: 1020 names the first offending field here. */
  readonly responseMessage?: string;
}

function entryOf(code: PlatformCode | string): ErrorCatalogueEntry {
  const entry = lookupError(code);
  if (entry === undefined) throw new SchemaArgumentError(`unknown platform code ${String(code)}`);
  return entry;
}

/** The decrypted (encrypted on the wire) failure response for platform code `code`. */
export function failureResponse(code: PlatformCode, context: FailureContext = {}): FailureResponse {
  const entry = entryOf(code);
  if (!entry.encrypted || entry.code === '00') {
    throw new SchemaArgumentError(`platform code ${entry.code} is not answered encrypted`);
  }
  return {
    responseCode: entry.code,
    ...(context.requestMessageCode === undefined
      ? {}
      : { messageCode: context.requestMessageCode + 1 }),
    ...(context.clientTxnId === undefined ? {} : { clientTxnId: context.clientTxnId }),
    responseMessage: context.responseMessage ?? entry.message,
  };
}

/** The plain JSON failure body for platform code `code` (1052, 1055, 1058, helper codes). */
export function plainErrorResponse(code: PlatformCode): PlainErrorBody {
  const entry = entryOf(code);
  if (entry.encrypted) {
    throw new SchemaArgumentError(`platform code ${entry.code} is answered encrypted`);
  }
  return { responseCode: entry.code, responseMessage: entry.message };
}

/** @deprecated use {@link successResponse}: one word, "response", for what the platform sends back. */
export const successAnswer: typeof successResponse = successResponse;
/** @deprecated use {@link failureResponse}. */
export const failureAnswer: typeof failureResponse = failureResponse;
/** @deprecated use {@link plainErrorResponse}. */
export const plainErrorAnswer: typeof plainErrorResponse = plainErrorResponse;
