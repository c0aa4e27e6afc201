/** Retrieve Customer Record: `POST /loyalty-points/v1/wallet/retrieveCustRecord`, 1930 → 1931. */
import * as z from 'zod';
import { oneOfRequired, requestHeaderShape, successHeaderShape } from '../common.js';
import { customerIdSchema, emailSchema, mobileSchema, urnSchema } from '../fields.js';
import { responseAmountSchema, responseUrnSchema } from './response-fields.js';

const lookupShape = {
  customerMobile: mobileSchema.optional(),
  customerId: customerIdSchema.optional(),
  urn: urnSchema.optional(),
  emailId: emailSchema.optional(),
};
const atLeastOne = oneOfRequired(['customerMobile', 'customerId', 'urn', 'emailId']);

/** What a caller gives to look a customer up: at least one identifier. */
export const retrieveCustomerParamsSchema = z.strictObject(lookupShape).refine(...atLeastOne);

/** The decrypted Retrieve Customer Record request. */
export const retrieveCustomerRequestSchema = z
  .strictObject({ ...requestHeaderShape(1930), ...lookupShape })
  .refine(...atLeastOne);

/** The decrypted Retrieve Customer Record success response. */
export const retrieveCustomerResponseSchema = z.looseObject({
  ...successHeaderShape(1931),
  customerId: z.string(),
  mobile: z.string(),
  email: z.string().optional(),
  firstName: z.string(),
  lastName: z.string().optional(),
  urn: responseUrnSchema,
  accountNumber: z.string(),
  walletStatus: z.string(),
  kycProfile: z.number(),
  availableBalance: responseAmountSchema,
});

export type RetrieveCustomerParams = z.input<typeof retrieveCustomerParamsSchema>;
export type RetrieveCustomerRequest = z.output<typeof retrieveCustomerRequestSchema>;
export type RetrieveCustomerResponse = z.output<typeof retrieveCustomerResponseSchema>;
