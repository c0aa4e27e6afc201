/** Building requests: fresh transaction ids, timestamps, and the SDK defaults. */
import { formatRequestDateTime } from './dates.js';
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
  /** The `clientTxnId` to send; a fresh one when absent. Reuse one only to retry a request. */
  readonly clientTxnId?: string;
  /** The time stamped into `requestDateTime`; now when absent. */
  readonly date?: Date;
  /** The UTC offset of `requestDateTime`'s wall clock in minutes; IST (330) when absent. */
  readonly utcOffsetMinutes?: number;
}

/**
 * The full decrypted request of API `name`: `messageCode` (for an API that has one),
 * `clientTxnId` and `requestDateTime` filled in, the SDK defaults applied (Register Customer: `kycProfile` 30, `riskCategory` Low,
 * `formFactorRequired` false), and the whole validated. Throws `SchemaValidationError` naming the
 * first offending field when `params` break a rule.
 */
export function buildRequest<N extends ApiName>(
  name: N,
  params: ParamsOf<N>,
  options: BuildRequestOptions = {},
): RequestOf<N> {
  const route = routes[name];
  const fields = route.params.safeParse(params);
  if (!fields.success) {
    throw new SchemaValidationError(describeIssues(fields.error), `${route.title} request`);
  }
  const candidate = {
    ...messageCodeField(route.requestMessageCode),
    clientTxnId: options.clientTxnId ?? newClientTxnId(),
    requestDateTime: formatRequestDateTime(options.date ?? new Date(), options.utcOffsetMinutes),
    ...(fields.data as object),
  };
  const full = route.request.safeParse(candidate);
  if (!full.success) {
    throw new SchemaValidationError(describeIssues(full.error), `${route.title} request`);
  }
  return full.data as RequestOf<N>;
}
