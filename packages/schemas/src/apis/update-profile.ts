/** Update Profile: `POST|PATCH /loyalty-points/v1/wallet/onboarding/v3/updateProfile`, 1280 → 1281. */
import * as z from 'zod';
import { oneOfRequired, requestHeaderShape, successHeaderShape } from '../common.js';
import {
  customerIdSchema,
  dayMonthYearDashSchema,
  emailSchema,
  genderSchema,
  kycProfileSchema,
  mobileSchema,
  personNameSchema,
  productIdSchema,
  riskCategorySchema,
  textSchema,
  urnSchema,
} from '../fields.js';
import { ruleError } from '../rules.js';
import { responseUrnSchema } from './response-fields.js';

/** A postal address: lines, city and state up to 100 characters, country 50, pincode 10. */
export const addressSchema = z.strictObject(
  {
    line1: textSchema(1, 100).optional(),
    line2: textSchema(1, 100).optional(),
    city: textSchema(1, 100).optional(),
    state: textSchema(1, 100).optional(),
    country: textSchema(1, 50).optional(),
    pincode: textSchema(1, 10).optional(),
  },
  { error: ruleError('must be an object') },
);

const updateShape = {
  productId: productIdSchema,
  customerId: customerIdSchema.optional(),
  urn: urnSchema.optional(),
  firstName: personNameSchema.optional(),
  lastName: personNameSchema.optional(),
  emailId: emailSchema.optional(),
  mobileNumber: mobileSchema.optional(),
  dateOfBirth: dayMonthYearDashSchema.optional(),
  gender: genderSchema.optional(),
  riskCategory: riskCategorySchema.optional(),
  cardProfileId: kycProfileSchema.optional(),
  address: addressSchema.optional(),
};
const customerOrUrn = oneOfRequired(['customerId', 'urn']);

/** What a caller gives to update a profile: the product, the customer, and the fields to change. */
export const updateProfileParamsSchema = z.strictObject(updateShape).refine(...customerOrUrn);

/** The decrypted Update Profile request. */
export const updateProfileRequestSchema = z
  .strictObject({ ...requestHeaderShape(1280), ...updateShape })
  .refine(...customerOrUrn);

/** The decrypted Update Profile success response. */
export const updateProfileResponseSchema = z.looseObject({
  ...successHeaderShape(1281),
  customerId: z.string(),
  urn: responseUrnSchema,
  cardProfileId: z.number().optional(),
});

export type Address = z.output<typeof addressSchema>;
export type UpdateProfileParams = z.input<typeof updateProfileParamsSchema>;
export type UpdateProfileRequest = z.output<typeof updateProfileRequestSchema>;
export type UpdateProfileResponse = z.output<typeof updateProfileResponseSchema>;
