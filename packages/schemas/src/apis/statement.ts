/** Statement Inquiry: `POST /loyalty-points/v1/wallet/statement-inquiry`, 1072 → 1073. */
import * as z from 'zod';
import { requestHeaderShape, successHeaderShape } from '../common.js';
import { dayNumber, parseDayMonthYear, todayKey } from '../dates.js';
import { statementDateSchema, urnSchema } from '../fields.js';
import { ruleError } from '../rules.js';
import { responseAmountSchema, responseUrnSchema } from './response-fields.js';

/** What Statement Inquiry uses when the request leaves `pageNumber` or `count` out. */
export const STATEMENT_PAGE_DEFAULTS = { pageNumber: 1, count: 20 } as const;

/** The longest statement range, in days between `fromDate` and `toDate`. */
export const MAX_STATEMENT_RANGE_DAYS = 90;

/**
 * Why a statement range is refused with 1074, or `undefined` when it is allowed: `toDate` before
 * `fromDate`, either date after today (IST), or more than 90 days between them. Dates that are not
 * real `DD/MM/YYYY` days are a 1020 matter for the field schemas and are not judged here.
 */
export function statementRangeProblem(
  fromDate: string,
  toDate: string,
  now: Date = new Date(),
): string | undefined {
  const from = parseDayMonthYear(fromDate, '/');
  const to = parseDayMonthYear(toDate, '/');
  if (from === undefined || to === undefined) return undefined;
  const today = todayKey(now);
  if (from > today) return 'fromDate: must not be in the future';
  if (to > today) return 'toDate: must not be in the future';
  if (to < from) return 'toDate: must not be before fromDate';
  if (dayNumber(to) - dayNumber(from) > MAX_STATEMENT_RANGE_DAYS) {
    return `toDate: must be at most ${MAX_STATEMENT_RANGE_DAYS} days after fromDate`;
  }
  return undefined;
}

const statementShape = {
  urn: urnSchema,
  fromDate: statementDateSchema,
  toDate: statementDateSchema,
  pageNumber: z
    .number({ error: ruleError('must be an integer of at least 1') })
    .int({ error: 'must be an integer of at least 1' })
    .min(1, { error: 'must be an integer of at least 1' })
    .optional(),
  count: z
    .number({ error: ruleError('must be an integer from 1 to 100') })
    .int({ error: 'must be an integer from 1 to 100' })
    .min(1, { error: 'must be an integer from 1 to 100' })
    .max(100, { error: 'must be an integer from 1 to 100' })
    .optional(),
};

/** Adds the 1074 range rule to a statement object schema, reported on the offending date. */
function withRangeRule<T extends z.ZodType<{ fromDate: string; toDate: string }>>(schema: T): T {
  return schema.check((ctx) => {
    const problem = statementRangeProblem(ctx.value.fromDate, ctx.value.toDate);
    if (problem === undefined) return;
    const separator = problem.indexOf(': ');
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: [problem.slice(0, separator)],
      message: problem.slice(separator + 2),
      params: { platformCode: '1074' },
    });
  }) as T;
}

/** What a caller gives to read a statement page. */
export const statementParamsSchema = withRangeRule(z.strictObject(statementShape));

/** The decrypted Statement Inquiry request. */
export const statementRequestSchema = withRangeRule(
  z.strictObject({ ...requestHeaderShape(1072), ...statementShape }),
);

/** One ledger entry of a statement. */
export const statementEntrySchema = z.looseObject({
  transactionId: z.union([z.string(), z.number()]),
  clientTxnId: z.string(),
  transactionDate: z.string(),
  transactionTime: z.string(),
  transactionType: z.enum(['CREDIT', 'DEBIT']),
  transactionAmount: responseAmountSchema,
  availableBalance: responseAmountSchema,
  description: z.string().optional(),
  status: z.string(),
  referenceNumber: z.union([z.string(), z.number()]).optional(),
});

/** The decrypted Statement Inquiry success response. */
export const statementResponseSchema = z.looseObject({
  ...successHeaderShape(1073),
  urn: responseUrnSchema,
  openingBalance: responseAmountSchema,
  closingBalance: responseAmountSchema,
  availableBalance: responseAmountSchema,
  pageNumber: z.number(),
  count: z.number(),
  statementDetails: z.array(statementEntrySchema),
});

export type StatementParams = z.input<typeof statementParamsSchema>;
export type StatementRequest = z.output<typeof statementRequestSchema>;
export type StatementEntry = z.output<typeof statementEntrySchema>;
export type StatementResponse = z.output<typeof statementResponseSchema>;
