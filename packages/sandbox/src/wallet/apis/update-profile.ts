/** Update Profile: changes profile fields; `cardProfileId` changes the KYC profile. */
import { riskCategoryName } from '@wallet/schemas';
import { isStoreError } from '../../store/errors.js';
import type { Account, CustomerPatch } from '../../store/records.js';
import { dayMonthYearToIso } from '../dates.js';
import type { ApiHandler } from './handler.js';

export const updateProfile: ApiHandler<'updateProfile'> = async (request, tx, { responses }) => {
  const found = await tx.findAccount({
    ...(request.customerId === undefined ? {} : { customerId: request.customerId }),
    ...(request.urn === undefined ? {} : { urn: request.urn }),
  });
  if (found === null) return responses.decline('1040');

  const patch: CustomerPatch = { productId: request.productId };
  if (request.firstName !== undefined) patch.firstName = request.firstName;
  if (request.lastName !== undefined) patch.lastName = request.lastName;
  if (request.emailId !== undefined) patch.email = request.emailId;
  if (request.mobileNumber !== undefined) patch.mobile = request.mobileNumber;
  if (request.dateOfBirth !== undefined) patch.dateOfBirth = dayMonthYearToIso(request.dateOfBirth);
  if (request.gender !== undefined) patch.gender = request.gender;
  if (request.riskCategory !== undefined)
    patch.riskCategory = riskCategoryName(request.riskCategory);
  if (request.cardProfileId !== undefined) patch.kycProfile = request.cardProfileId;
  if (request.address !== undefined) {
    // Only the lines given change.
    patch.address = Object.fromEntries(
      Object.entries(request.address).filter(([, value]) => value !== undefined),
    ) as NonNullable<CustomerPatch['address']>;
  }

  let account: Account;
  try {
    account = await tx.updateCustomer(found.customer.customerId, patch);
  } catch (error) {
    // The new mobile number belongs to another customer.
    if (isStoreError(error, 'UNIQUE_VIOLATION')) return responses.decline('1030');
    if (isStoreError(error, 'NOT_FOUND')) return responses.decline('1040');
    throw error;
  }
  return responses.success({
    customerId: account.customer.customerId,
    urn: account.wallet.urn,
    cardProfileId: account.customer.kycProfile,
  });
};
