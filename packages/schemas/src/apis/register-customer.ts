/** Register Customer: `POST /loyalty-points/v1/wallet/enroll`, 3510 → 3511. */
import * as z from 'zod';
import { requestHeaderShape, successHeaderShape } from '../common.js';
import {
  booleanSchema,
  customerIdSchema,
  dobSchema,
  emailSchema,
  genderSchema,
  kycProfileSchema,
  mobileSchema,
  personNameSchema,
  productIdSchema,
  riskCategorySchema,
} from '../fields.js';
import { ruleError } from '../rules.js';
import { responseUrnSchema } from './response-fields.js';

/** The SDK's defaults for the fields a caller may omit when registering. */
export const REGISTER_DEFAULTS = {
  kycProfile: 30,
  riskCategory: 'Low',
  formFactorRequired: false,
} as const;

export const customerDetailsSchema = z.strictObject(
  {
    firstName: personNameSchema,
    middleName: personNameSchema.optional(),
    lastName: personNameSchema.optional(),
    gender: genderSchema.optional(),
    dateOfBirth: dobSchema,
    mobileNumber: mobileSchema,
    emailAddress: emailSchema.optional(),
  },
  { error: ruleError('must be an object') },
);

const registerFieldShape = {
  customerId: customerIdSchema.optional(),
  customerDetails: customerDetailsSchema,
  kycProfile: kycProfileSchema,
  riskCategory: riskCategorySchema,
  productId: productIdSchema,
  formFactorRequired: booleanSchema,
};

/** What a caller gives to register a customer; the SDK defaults fill the fields left out. */
export const registerCustomerParamsSchema = z.strictObject({
  ...registerFieldShape,
  kycProfile: kycProfileSchema.default(REGISTER_DEFAULTS.kycProfile),
  riskCategory: riskCategorySchema.default(REGISTER_DEFAULTS.riskCategory),
  formFactorRequired: booleanSchema.default(REGISTER_DEFAULTS.formFactorRequired),
});

/** The decrypted Register Customer request. */
export const registerCustomerRequestSchema = z.strictObject({
  ...requestHeaderShape(3510),
  ...registerFieldShape,
});

/** The card issued when `formFactorRequired` is true. */
export const formFactorSchema = z.looseObject({
  accountNumber: z.string(),
  uniqueNumber: z.string(),
  urn: responseUrnSchema,
});

/** The decrypted Register Customer success response. */
export const registerCustomerResponseSchema = z.looseObject({
  ...successHeaderShape(3511),
  customerId: z.string(),
  urn: responseUrnSchema,
  formFactor: formFactorSchema.optional(),
});

export type CustomerDetails = z.output<typeof customerDetailsSchema>;
export type RegisterCustomerParams = z.input<typeof registerCustomerParamsSchema>;
export type RegisterCustomerRequest = z.output<typeof registerCustomerRequestSchema>;
export type RegisterCustomerResponse = z.output<typeof registerCustomerResponseSchema>;
