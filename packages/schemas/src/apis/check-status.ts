/** Check Status: `POST /loyalty-points/v1/wallet/check-status`, 2050 → 2051. */
import * as z from 'zod';
import { requestHeaderShape, responseHeaderShape, successHeaderShape } from '../common.js';
import { clientTxnIdSchema, isoDateSchema } from '../fields.js';

const checkStatusShape = {
  verifyclientTxnId: clientTxnIdSchema,
  fromDate: isoDateSchema.optional(),
  toDate: isoDateSchema.optional(),
};

/** What a caller gives to fetch the stored response of an earlier call. */
export const checkStatusParamsSchema = z.strictObject(checkStatusShape);

/** The decrypted Check Status request. */
export const checkStatusRequestSchema = z.strictObject({
  ...requestHeaderShape(2050),
  ...checkStatusShape,
});

/** A stored decrypted response, as kept: any API's response, read by its common fields. */
export const storedResponseSchema = z.looseObject(responseHeaderShape);

/** The decrypted Check Status success response. */
export const checkStatusResponseSchema = z.looseObject({
  ...successHeaderShape(2051),
  responseDump: z.array(storedResponseSchema),
});

export type CheckStatusParams = z.input<typeof checkStatusParamsSchema>;
export type CheckStatusRequest = z.output<typeof checkStatusRequestSchema>;
export type CheckStatusResponse = z.output<typeof checkStatusResponseSchema>;
