/** The response Load and Unload share. */
import * as z from 'zod';
import { successHeaderShape } from '../common.js';
import { responseAmountSchema, responseUrnSchema } from './response-fields.js';

/** A transaction identifier the platform may send as a number or a string; read as a string. */
const responseIdSchema = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === 'number' ? String(v) : v));

/** The decrypted success response of a credit or a debit, for the response code `code`. */
export function moneyMovementResponseSchema<const C extends number>(code: C) {
  return z.looseObject({
    ...successHeaderShape(code),
    urn: responseUrnSchema,
    transactionAmount: responseAmountSchema,
    availableBalance: responseAmountSchema,
    accosaTransactionId: responseIdSchema,
    accosaRefNo: responseIdSchema,
    responseDateTime: z.string(),
  });
}
