/** Retrieve Customer Record: finds a customer by any identifier; all given must agree. */
import { walletStatusEffects } from '@wallet/schemas';
import type { ApiHandler } from './handler.js';

export const retrieveCustomer: ApiHandler<'retrieveCustomer'> = async (
  request,
  tx,
  { responses },
) => {
  const account = await tx.findAccount({
    ...(request.customerMobile === undefined ? {} : { mobile: request.customerMobile }),
    ...(request.customerId === undefined ? {} : { customerId: request.customerId }),
    ...(request.urn === undefined ? {} : { urn: request.urn }),
    ...(request.emailId === undefined ? {} : { email: request.emailId }),
  });
  if (account === null) return responses.decline('1040');
  const { customer, wallet } = account;
  return responses.success({
    customerId: customer.customerId,
    mobile: customer.mobile,
    ...(customer.email === null ? {} : { email: customer.email }),
    firstName: customer.firstName,
    ...(customer.lastName === null ? {} : { lastName: customer.lastName }),
    urn: wallet.urn,
    accountNumber: wallet.accountNumber,
    walletStatus: walletStatusEffects[wallet.status].walletStatus,
    kycProfile: customer.kycProfile,
    availableBalance: wallet.balance,
  });
};
