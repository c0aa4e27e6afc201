/** Change Wallet Status: sets what a wallet refuses; Permanent and Closed are final (3533). */
import { statusChangeReason, statusChangeRemarks, walletStatusEffects } from '@wallet/schemas';
import { isStoreError } from '../../store/errors.js';
import type { ApiHandler } from './handler.js';

export const changeWalletStatus: ApiHandler<'changeWalletStatus'> = async (
  request,
  tx,
  { responses },
) => {
  const account = await tx.findAccount({ accountNumber: request.accountNumber });
  if (account === null) return responses.decline('1040');
  if (walletStatusEffects[account.wallet.status].permanent) return responses.decline('3533');
  try {
    await tx.setWalletStatus(account.wallet.urn, {
      status: request.statusType,
      reason: statusChangeReason(request) ?? null,
      remarks: statusChangeRemarks(request) ?? null,
    });
  } catch (error) {
    if (isStoreError(error, 'NOT_FOUND')) return responses.decline('1040');
    throw error;
  }
  return responses.success({
    accountNumber: account.wallet.accountNumber,
    statusType: request.statusType,
  });
};
