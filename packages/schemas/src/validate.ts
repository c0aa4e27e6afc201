/** Validating decrypted bodies against the route table, with plain-words failure reports. */
import { describeIssues, type FieldIssue } from './issues.js';
import { type ApiName, type RequestOf, type ResponseOf, routes } from './routes.js';
import { SchemaValidationError } from './validation-error.js';

/** The outcome of a validation: the parsed value, or the report of what is wrong. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly issues: readonly FieldIssue[];
      /** `<path>: <rule>` of the first offending field. */
      readonly summary: string;
      /** The platform code to answer: 1020 unless a rule names another (1010, 1074, 1322, 3532). */
      readonly responseCode: string;
    };

/** Validates a decrypted request for API `name`. Never throws. */
export function validateRequest<N extends ApiName>(
  name: N,
  body: unknown,
): ValidationResult<RequestOf<N>> {
  const result = routes[name].request.safeParse(body);
  if (result.success) return { ok: true, value: result.data as RequestOf<N> };
  return { ok: false, ...describeIssues(result.error) };
}

/** Validates a decrypted request for API `name`, throwing `SchemaValidationError` on failure. */
export function parseRequest<N extends ApiName>(name: N, body: unknown): RequestOf<N> {
  const result = validateRequest(name, body);
  if (result.ok) return result.value;
  throw new SchemaValidationError(result, `${routes[name].title} request`);
}

/** Validates a decrypted success response for API `name`. Never throws. */
export function validateResponse<N extends ApiName>(
  name: N,
  body: unknown,
): ValidationResult<ResponseOf<N>> {
  const result = routes[name].response.safeParse(body);
  if (result.success) return { ok: true, value: result.data as ResponseOf<N> };
  return { ok: false, ...describeIssues(result.error) };
}

/** Validates a decrypted success response for API `name`, throwing `SchemaValidationError`. */
export function parseResponse<N extends ApiName>(name: N, body: unknown): ResponseOf<N> {
  const result = validateResponse(name, body);
  if (result.ok) return result.value;
  throw new SchemaValidationError(result, `${routes[name].title} response`);
}
