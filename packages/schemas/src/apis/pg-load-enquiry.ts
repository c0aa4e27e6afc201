/**
 * PG Load Enquiry: `POST /loyalty-points/ppi/payment/pg-load/enquiry/v1`, no message code
 * (checkout.md section 3). Its `clientTxnId` is the one of the PG Load asked about, not a new one:
 * the call changes nothing and answers the top-up's state at the time asked.
 */
import * as z from 'zod';
import { requestIdentityShape, uncodedSuccessHeaderShape } from '../common.js';
import { clientTxnIdSchema } from '../fields.js';

/** Where a top-up stands: `PENDING` until the card step ends in `SUCCESS` or `FAILED`. */
export const PG_LOAD_STATUSES = ['SUCCESS', 'FAILED', 'PENDING'] as const;
export type PgLoadStatus = (typeof PG_LOAD_STATUSES)[number];

/** What a caller gives: the `clientTxnId` of the PG Load to ask about. */
export const pgLoadEnquiryParamsSchema = z.strictObject({
  clientTxnId: clientTxnIdSchema.describe('The clientTxnId of the PG Load asked about.'),
});

/** The decrypted PG Load Enquiry request: no `messageCode`. */
export const pgLoadEnquiryRequestSchema = z.strictObject(requestIdentityShape);

/** The decrypted PG Load Enquiry success response: no `messageCode`. */
export const pgLoadEnquiryResponseSchema = z.looseObject({
  ...uncodedSuccessHeaderShape,
  merchantCode: z.string(),
  /** The top-up's amount in paise, as a string of digits. */
  txnAmount: z.string(),
  /** The ledger reference of the credit; null until the top-up succeeds. */
  accosaRefNo: z.string().nullable(),
  status: z.enum(PG_LOAD_STATUSES),
  refundTxnExist: z.boolean(),
});

export type PgLoadEnquiryParams = z.input<typeof pgLoadEnquiryParamsSchema>;
export type PgLoadEnquiryRequest = z.output<typeof pgLoadEnquiryRequestSchema>;
export type PgLoadEnquiryResponse = z.output<typeof pgLoadEnquiryResponseSchema>;
