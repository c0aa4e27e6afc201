/** Register Customer: creates a customer and their wallet (URN, account number, form factor). */
import { riskCategoryName } from '@wallet/schemas';
import { isStoreError } from '../../store/errors.js';
import type { Account } from '../../store/records.js';
import { dayMonthYearToIso } from '../dates.js';
import type { ApiHandler } from './handler.js';

export const registerCustomer: ApiHandler<'registerCustomer'> = async (
  request,
  tx,
  { answers },
) => {
  const details = request.customerDetails;
  let account: Account;
  try {
    account = await tx.createAccount({
      customerId: request.customerId,
      mobile: details.mobileNumber,
      email: details.emailAddress ?? null,
      firstName: details.firstName,
      middleName: details.middleName ?? null,
      lastName: details.lastName ?? null,
      gender: details.gender ?? null,
      dateOfBirth: dayMonthYearToIso(details.dateOfBirth),
      kycProfile: request.kycProfile,
      riskCategory: riskCategoryName(request.riskCategory),
      productId: request.productId,
      issueFormFactor: request.formFactorRequired,
    });
  } catch (error) {
    // The mobile number or the customerId is taken.
    if (isStoreError(error, 'UNIQUE_VIOLATION')) return answers.decline('1030');
    throw error;
  }
  const { customer, wallet } = account;
  return answers.success({
    customerId: customer.customerId,
    urn: wallet.urn,
    ...(request.formFactorRequired && wallet.uniqueNumber !== null
      ? {
          formFactor: {
            accountNumber: wallet.accountNumber,
            uniqueNumber: wallet.uniqueNumber,
            urn: wallet.urn,
          },
        }
      : {}),
  });
};
