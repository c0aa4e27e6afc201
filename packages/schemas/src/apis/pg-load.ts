/**
 * PG Load (top-up by card): `POST /loyalty-points/ppi/payment/pg-load/v1`, no message code
 * (checkout.md section 3). The response carries the page the customer tops up on; the wallet is
 * credited once the card is taken, and the customer's browser is then posted to `surl` or `furl`.
 */
import * as z from 'zod';
import { requestIdentityShape, uncodedSuccessHeaderShape } from '../common.js';
import {
  emailSchema,
  hasNoNul,
  isWellFormedText,
  mobileSchema,
  NO_NUL_RULE,
  personNameSchema,
  transactionAmountSchema,
  urnSchema,
  WELL_FORMED_RULE,
} from '../fields.js';
import { ruleError } from '../rules.js';

const CALLBACK_URL_RULE = 'must be an absolute http(s) URL of at most 255 characters, without |';

function isHttpUrl(value: string): boolean {
  if (value.includes('|')) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `surl` / `furl`: where the customer's browser is posted after the card step. An absolute http(s)
 * URL of at most 255 characters; `|` is refused since it would shift the checksum's fields.
 */
export const callbackUrlSchema: z.ZodString = z
  .string({ error: ruleError(CALLBACK_URL_RULE) })
  .refine(isWellFormedText, { error: WELL_FORMED_RULE, abort: true })
  .refine(hasNoNul, { error: NO_NUL_RULE, abort: true })
  .max(255, { error: CALLBACK_URL_RULE, abort: true })
  .refine(isHttpUrl, { error: CALLBACK_URL_RULE })
  .describe('An absolute http(s) URL of at most 255 characters, without |.');

/** The customer paying for the top-up. */
export const pgLoadCustomerSchema = z.strictObject(
  {
    firstName: personNameSchema,
    lastName: personNameSchema.optional(),
    mobileNumber: mobileSchema,
    emailAddress: emailSchema.optional(),
  },
  { error: ruleError('must be an object') },
);

const pgLoadShape = {
  customer: pgLoadCustomerSchema,
  loadAmount: transactionAmountSchema,
  currency: z.literal('INR', { error: ruleError('must be INR') }).optional(),
  surl: callbackUrlSchema,
  furl: callbackUrlSchema,
  /** The wallet to credit; when absent, the wallet of `customer.mobileNumber`. */
  urn: urnSchema.optional(),
};

/** What a caller gives to start a top-up by card. `loadAmount` is in paise. */
export const pgLoadParamsSchema = z.strictObject(pgLoadShape);

/** The decrypted PG Load request: no `messageCode`. */
export const pgLoadRequestSchema = z.strictObject({ ...requestIdentityShape, ...pgLoadShape });

/** The decrypted PG Load success response: no `messageCode`. */
export const pgLoadResponseSchema = z.looseObject({
  ...uncodedSuccessHeaderShape,
  /** 32 hex characters naming the top-up on the platform. */
  referenceId: z.string(),
  data: z.looseObject({
    /** The page to send the customer's browser to. */
    redirectUrl: z.string(),
    /** The payment gateway's id of the top-up. */
    payuTxnId: z.string(),
  }),
});

export type PgLoadParams = z.input<typeof pgLoadParamsSchema>;
export type PgLoadRequest = z.output<typeof pgLoadRequestSchema>;
export type PgLoadResponse = z.output<typeof pgLoadResponseSchema>;
