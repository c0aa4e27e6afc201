/**
 * @wallet/schemas: the single source of truth for the PayU Closed-Loop Wallet API: zod schemas of
 * every decrypted request and response, the route table, the error catalogue, and the helpers that
 * build requests. The client, the sandbox and the CLI import these and restate none of them.
 * The OpenAPI document, the JSON Schemas and the examples are built by `@wallet/schemas/openapi`.
 */

export * from './apis/change-wallet-status.js';
export * from './apis/check-status.js';
export * from './apis/load.js';
export * from './apis/pg-load.js';
export * from './apis/pg-load-enquiry.js';
export * from './apis/register-customer.js';
export { responseAmountSchema, responseUrnSchema } from './apis/response-fields.js';
export * from './apis/retrieve-customer.js';
export * from './apis/statement.js';
export * from './apis/unload.js';
export * from './apis/update-profile.js';
export * from './builders.js';
export {
  type DayKey,
  formatDayMonthYear,
  formatRequestDateTime,
  IST_OFFSET_MINUTES,
  isLeapYear,
  isRealDate,
  isRequestDateTime,
  parseDayMonthYear,
  parseIsoDate,
  todayKey,
} from './dates.js';
export * from './envelope.js';
export * from './error-catalogue.js';
export * from './fields.js';
export * from './headers.js';
export * from './helper-api.js';
export * from './issues.js';
export * from './kyc-limits.js';
export * from './responses.js';
export * from './routes.js';
export { REQUIRED_MESSAGE, UNKNOWN_FIELD_MESSAGE } from './rules.js';
export * from './validate.js';
export * from './validation-error.js';
export * from './wallet-status.js';
