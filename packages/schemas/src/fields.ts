/**
 * Field schemas shared by several APIs. Each encodes one rule of wallet-apis.md, with a failure
 * message that names the rule in plain words. The CLI and the sandbox reuse them individually.
 */
import * as z from 'zod';
import { isRequestDateTime, parseDayMonthYear, parseIsoDate, todayKey } from './dates.js';
import { ruleError } from './rules.js';

/** The most paise an amount may hold: 12 digits. */
export const MAX_AMOUNT_PAISE = 999_999_999_999;

/**
 * A UTF-16 surrogate that is not half of a pair. With the `u` flag a regular expression reads
 * strings by code point, so a paired surrogate is one astral character and never matches. (This
 * is `!String.prototype.isWellFormed()`, which older browsers lack.)
 */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** The rule a text field names when it holds a lone surrogate. */
export const WELL_FORMED_RULE = 'must be well-formed Unicode (no lone surrogates)';

/**
 * Whether `text` is well-formed Unicode: no lone surrogate. A lone surrogate cannot be written as
 * UTF-8, so a store or a platform would turn it into U+FFFD and the value would no longer be the
 * one the caller sent (two different ids could end up as one).
 */
export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

export const NO_NUL_RULE = 'must not contain the NUL character (U+0000)';

/**
 * Whether `text` holds no NUL (U+0000). PostgreSQL cannot store a NUL in text at all, and SQLite's
 * `length()` stops at the first one, so a value holding one could never be stored as it was sent.
 */
export function hasNoNul(text: string): boolean {
  return !text.includes('\u0000');
}

/**
 * A free-text field of `min` to `max` characters, counted in Unicode code points, refusing text
 * that is not well-formed Unicode or holds a NUL.
 */
export function textSchema(min: number, max: number): z.ZodString {
  const rule = min === max ? `must be ${max} characters` : `must be ${min} to ${max} characters`;
  return z
    .string({ error: ruleError('must be a string') })
    .refine(isWellFormedText, { error: WELL_FORMED_RULE, abort: true })
    .refine(hasNoNul, { error: NO_NUL_RULE, abort: true })
    .min(min, { error: rule })
    .max(max, { error: rule });
}

const CLIENT_TXN_ID = /^[A-Za-z0-9_-]{1,100}$/;
const CLIENT_TXN_ID_RULE = 'must be 1 to 100 characters of A-Z, a-z, 0-9, - and _';

/** `clientTxnId`: 1-100 characters of A-Z a-z 0-9 `-` `_`, unique per merchant. */
export const clientTxnIdSchema: z.ZodString = z
  .string({ error: ruleError(CLIENT_TXN_ID_RULE) })
  .regex(CLIENT_TXN_ID, { error: CLIENT_TXN_ID_RULE })
  .describe('Unique per merchant across all APIs: 1-100 characters of A-Z a-z 0-9 - _.');

const DATE_TIME_RULE = 'must be a real date and time in YYYYMMDDHHMMSS (14 digits)';

/** `requestDateTime`: 14 digits `YYYYMMDDHHMMSS` naming a real calendar time. */
export const requestDateTimeSchema: z.ZodString = z
  .string({ error: ruleError(DATE_TIME_RULE) })
  .regex(/^\d{14}$/, { error: DATE_TIME_RULE, abort: true })
  .refine(isRequestDateTime, { error: DATE_TIME_RULE })
  .describe('YYYYMMDDHHMMSS (14 digits), a real calendar time, IST wall clock.');

const MOBILE_RULE = 'must be 10 to 15 digits starting with the country calling code';

/** Mobile rule: 10-15 digits, starting with the country calling code (so never with 0). */
export const mobileSchema: z.ZodString = z
  .string({ error: ruleError(MOBILE_RULE) })
  .regex(/^[1-9]\d{9,14}$/, { error: MOBILE_RULE })
  .describe('10-15 digits starting with the country calling code, e.g. 919988776655.');

/**
 * Email rule: standard `local@domain` syntax, at most 50 characters. Internationalised addresses
 * (RFC 6531: letters beyond ASCII in the local part and the domain) are accepted.
 */
export const EMAIL_PATTERN: RegExp =
  /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?\.)+\p{L}[\p{L}\p{M}]+$/u;
const EMAIL_RULE = 'must be an email address (local@domain)';

export const emailSchema: z.ZodString = z
  .string({ error: ruleError(EMAIL_RULE) })
  .max(50, { error: 'must be at most 50 characters', abort: true })
  .regex(EMAIL_PATTERN, { error: EMAIL_RULE })
  .describe('An email address (local@domain, internationalised allowed), at most 50 characters.');

const NAME_RULE =
  'must be 1 to 50 letters, dots and spaces, starting and ending with a letter or a dot';

/** Name rule N: 1-50 of A-Z a-z `.` space; first and last a letter or `.`; no digits or symbols. */
export const personNameSchema: z.ZodString = z
  .string({ error: ruleError(NAME_RULE) })
  .regex(/^[A-Za-z.](?:[A-Za-z. ]{0,48}[A-Za-z.])?$/, { error: NAME_RULE })
  .describe('Name rule N: 1-50 of A-Z a-z . and space; first and last a letter or a dot.');

const AMOUNT_RULE = 'must be a whole number of paise (a JSON integer, not a string)';

/** An amount in paise: a JSON integer from 0 to 12 digits. Strings, fractions and negatives fail. */
export const amountPaiseSchema: z.ZodNumber = z
  .number({ error: ruleError(AMOUNT_RULE) })
  .max(MAX_AMOUNT_PAISE, { error: 'must have at most 12 digits', abort: true })
  .min(0, { error: 'must not be negative', abort: true })
  .int({ error: AMOUNT_RULE })
  .describe('An amount in paise (525 = 5.25 INR): a JSON integer of at most 12 digits.');

/** A transaction amount: an amount in paise greater than zero (zero answers 1322). */
export const transactionAmountSchema: z.ZodNumber = amountPaiseSchema
  .refine((v) => v > 0, {
    error: 'must be greater than zero',
    params: { platformCode: '1322' },
  })
  .describe('An amount in paise greater than zero, at most 12 digits (zero answers 1322).');

const DOB_RULE = 'must be a real date in DD-MM-YYYY';

/** `DD-MM-YYYY`, a real calendar day (used by Update Profile, where the future is not checked). */
export const dayMonthYearDashSchema: z.ZodString = z
  .string({ error: ruleError(DOB_RULE) })
  .regex(/^\d{2}-\d{2}-\d{4}$/, { error: DOB_RULE, abort: true })
  .refine((v) => parseDayMonthYear(v, '-') !== undefined, { error: DOB_RULE, abort: true })
  .describe('DD-MM-YYYY, a real calendar day.');

/** A date of birth: `DD-MM-YYYY`, a real day, not after today on the platform's clock (IST). */
export const dobSchema: z.ZodString = dayMonthYearDashSchema
  .refine((v) => (parseDayMonthYear(v, '-') ?? 0) <= todayKey(), {
    error: 'must not be in the future',
  })
  .describe('Date of birth: DD-MM-YYYY, a real calendar day, not after today (IST).');

const STATEMENT_DATE_RULE = 'must be a real date in DD/MM/YYYY';

/** Statement dates: `DD/MM/YYYY`, a real day. Range rules (1074) are checked on the whole request. */
export const statementDateSchema: z.ZodString = z
  .string({ error: ruleError(STATEMENT_DATE_RULE) })
  .regex(/^\d{2}\/\d{2}\/\d{4}$/, { error: STATEMENT_DATE_RULE, abort: true })
  .refine((v) => parseDayMonthYear(v, '/') !== undefined, { error: STATEMENT_DATE_RULE })
  .describe('DD/MM/YYYY, a real calendar day.');

const ISO_DATE_RULE = 'must be a real date in YYYY-MM-DD';

/** Check Status dates: `YYYY-MM-DD`, a real day. */
export const isoDateSchema: z.ZodString = z
  .string({ error: ruleError(ISO_DATE_RULE) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: ISO_DATE_RULE, abort: true })
  .refine((v) => parseIsoDate(v) !== undefined, { error: ISO_DATE_RULE })
  .describe('YYYY-MM-DD, a real calendar day.');

const URN_RULE = 'must be 1 to 20 digits, as a string or a safe integer';

/**
 * `urn` in requests: 1-20 digits sent as a string or as a JSON integer. The parsed value is always
 * the digit string (`5` becomes `"5"`), so callers compare URNs as strings. Integers must be safe
 * (at most 2^53 - 1); longer URNs must be sent as strings to survive JSON.
 */
export const urnSchema: z.ZodPipe<
  z.ZodUnion<readonly [z.ZodString, z.ZodNumber]>,
  z.ZodTransform<string, string | number>
> = z
  .union(
    [
      z.string().regex(/^\d{1,20}$/, { error: URN_RULE }),
      z.number().int({ error: URN_RULE }).min(0, { error: URN_RULE }),
    ],
    { error: ruleError(URN_RULE) },
  )
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .describe('Wallet reference number: 1-20 digits, as a string or a safe integer.');

/** `customerId`: 1-50 characters. */
export const customerIdSchema: z.ZodString = textSchema(1, 50);

const PRODUCT_ID_RULE = 'must be an integer of 1 to 5 digits (1 to 99999)';

/** `productId`: an integer of 1-5 digits (1 to 99999). */
export const productIdSchema: z.ZodNumber = z
  .number({ error: ruleError(PRODUCT_ID_RULE) })
  .int({ error: PRODUCT_ID_RULE })
  .min(1, { error: PRODUCT_ID_RULE })
  .max(99_999, { error: PRODUCT_ID_RULE })
  .describe('Product id: an integer of 1-5 digits.');

/** KYC profiles: 30 minimal, 150 full, 300 shortfall. */
export const KYC_PROFILES = [30, 150, 300] as const;
export type KycProfile = (typeof KYC_PROFILES)[number];

/** `kycProfile` / `cardProfileId`: 30, 150 or 300, as a JSON number. */
export const kycProfileSchema: z.ZodLiteral<KycProfile> = z
  .literal(KYC_PROFILES, {
    error: ruleError('must be 30, 150 or 300'),
  })
  .describe('KYC profile: 30 minimal, 150 full, 300 shortfall.');

/** Risk categories by name, with the numeric code each stands for. */
export const RISK_CATEGORY_CODES = { Low: '100', Medium: '500', High: '200' } as const;
export type RiskCategoryName = keyof typeof RISK_CATEGORY_CODES;
/** Every value `riskCategory` may take: the name or its code, the code as a string or a number. */
export const RISK_CATEGORIES = [
  'Low',
  'Medium',
  'High',
  '100',
  '500',
  '200',
  100,
  500,
  200,
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** `riskCategory`: `Low`/`100`, `Medium`/`500`, `High`/`200`. */
export const riskCategorySchema: z.ZodLiteral<RiskCategory> = z
  .literal(RISK_CATEGORIES, {
    error: ruleError('must be Low, Medium, High or their codes 100, 500, 200'),
  })
  .describe('Risk category: Low/100, Medium/500, High/200.');

/** The name a risk category value stands for (`'100'` and `100` are `Low`). */
export function riskCategoryName(value: RiskCategory): RiskCategoryName {
  switch (String(value)) {
    case 'Medium':
    case '500':
      return 'Medium';
    case 'High':
    case '200':
      return 'High';
    default:
      return 'Low';
  }
}

/** `gender`: `M`, `F` or `O`. */
export const genderSchema: z.ZodEnum<{ M: 'M'; F: 'F'; O: 'O' }> = z.enum(['M', 'F', 'O'], {
  error: ruleError('must be M, F or O'),
});

/** Fund flow types of Load and Unload. */
export const FUND_FLOW_TYPES = ['O', 'I', 'IO', 'OR', 'IR', 'IOR'] as const;
export type FundFlowType = (typeof FUND_FLOW_TYPES)[number];
export const fundFlowTypeSchema: z.ZodEnum<{ [K in FundFlowType]: K }> = z.enum(FUND_FLOW_TYPES, {
  error: ruleError('must be one of O, I, IO, OR, IR, IOR'),
});

/** `formFactorRequired`: a JSON boolean. */
export const booleanSchema: z.ZodBoolean = z.boolean({
  error: ruleError('must be true or false'),
});
