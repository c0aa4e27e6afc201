/** Building requests: fresh transaction ids, timestamps, and the SDK defaults. */
import type * as z from 'zod';
import { formatRequestDateTime } from './dates.js';
import { clientTxnIdSchema, requestDateTimeSchema } from './fields.js';
import { describeIssues } from './issues.js';
import { type ApiName, messageCodeField, type ParamsOf, type RequestOf, routes } from './routes.js';
import { SchemaValidationError } from './validation-error.js';

/**
 * A fresh `clientTxnId`: 32 lowercase hex characters from a random UUID (122 random bits), which
 * satisfies the 1-100 `A-Z a-z 0-9 - _` rule and is unique per merchant in practice. Web Crypto's
 * `randomUUID`, so the same code runs on Node, Bun, Deno, browsers and Cloudflare Workers.
 */
export function newClientTxnId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '');
}

export interface BuildRequestOptions {
  /** The `clientTxnId` to send (checked); a fresh one when absent. Reuse one only to retry a request. */
  readonly clientTxnId?: string;
  /** The `requestDateTime` to send as written, `YYYYMMDDHHMMSS` (checked); wins over `date`. */
  readonly requestDateTime?: string;
  /** The time stamped into `requestDateTime`; now when absent. */
  readonly date?: Date;
  /** The UTC offset of `requestDateTime`'s wall clock in minutes; IST (330) when absent. */
  readonly utcOffsetMinutes?: number;
}

const FOURTEEN_DIGITS = /^\d{14}$/;

/** Checks one of the common fields given by the caller; the issue paths start with its name. */
function checkCommonField(
  schema: z.ZodType,
  field: 'clientTxnId' | 'requestDateTime',
  value: unknown,
  subject: string,
): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] }));
  throw new SchemaValidationError(describeIssues(issues), subject);
}

/**
 * The full decrypted request of API `name`: `messageCode` (for an API that has one),
 * `clientTxnId` and `requestDateTime` filled in, the SDK defaults applied (Register Customer: `kycProfile` 30, `riskCategory` Low,
 * `formFactorRequired` false), and the whole validated. Throws `SchemaValidationError` naming the
 * first offending field when `params` (or a given `clientTxnId`, `requestDateTime` or `date`)
 * break a rule.
 *
 * One parse: the API's `params` schema holds every field and cross-field rule of its `request`
 * schema, which adds only the three common fields. Of those, only what the caller gave is checked;
 * what is filled in here is valid as made. `src/builders.test.ts` proves the result equal to a
 * parse by the `request` schema, for requests mutated from every API's example.
 */
export function buildRequest<N extends ApiName>(
  name: N,
  params: ParamsOf<N>,
  options: BuildRequestOptions = {},
): RequestOf<N> {
  const route = routes[name];
  const subject = `${route.title} request`;
  const fields = (route.params as z.ZodType).safeParse(params);
  if (!fields.success) throw new SchemaValidationError(describeIssues(fields.error), subject);
  const clientTxnId = options.clientTxnId ?? newClientTxnId();
  if (options.clientTxnId !== undefined) {
    checkCommonField(clientTxnIdSchema, 'clientTxnId', clientTxnId, subject);
  }
  let requestDateTime = options.requestDateTime;
  if (requestDateTime === undefined) {
    const date = options.date ?? new Date();
    requestDateTime = Number.isNaN(date.getTime())
      ? ''
      : formatRequestDateTime(date, options.utcOffsetMinutes);
  }
  // Printed from a valid Date, 14 digits are a real calendar time; a year outside 0-9999, an
  // invalid Date or the caller's own text is checked by the schema, which names the rule.
  if (options.requestDateTime !== undefined || !FOURTEEN_DIGITS.test(requestDateTime)) {
    checkCommonField(requestDateTimeSchema, 'requestDateTime', requestDateTime, subject);
  }
  return {
    ...messageCodeField(route.requestMessageCode),
    clientTxnId,
    requestDateTime,
    ...(fields.data as object),
  } as RequestOf<N>;
}
