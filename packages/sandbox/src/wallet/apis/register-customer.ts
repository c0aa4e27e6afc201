/** Register Customer: creates a customer and their wallet (URN, account number, form factor). */
import { isStoreError } from '../../store/errors.js';
import type { Account } from '../../store/records.js';
import { newAccountOf } from '../new-account.js';
import type { ApiHandler } from './handler.js';

export const registerCustomer: ApiHandler<'registerCustomer'> = async (
  request,
  tx,
  { responses },
) => {
  let account: Account;
  try {
    account = await tx.createAccount(
      newAccountOf({
        customerId: request.customerId,
        person: request.customerDetails,
        kycProfile: request.kycProfile,
        riskCategory: request.riskCategory,
        productId: request.productId,
        formFactor: request.formFactorRequired,
      }),
    );
  } catch (error) {
    // The mobile number or the customerId is taken.
    if (isStoreError(error, 'UNIQUE_VIOLATION')) return responses.decline('1030');
    throw error;
  }
  const { customer, wallet } = account;
  return responses.success({
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
