/**
 * Crediting a wallet: the checks and the posting Load and a settled PG Load top-up share, so a
 * card top-up meets the same wallet statuses, KYC limits and ledger as a Load.
 */
import { blockedMovementCode, kycLimits } from '@wallet/schemas';
import { isStoreError } from '../store/errors.js';
import type { Account, NewEntry, PostedEntry } from '../store/records.js';
import type { StoreTx } from '../store/store-api.js';

/**
 * The platform code that refuses a credit of `amount` paise to `account` before anything moves:
 * the wallet's status (1118, 1121, 6000, 6002, 6014) or the KYC profile's per-transaction range
 * (10153). Undefined when the credit may go ahead.
 */
export function creditRefusal(account: Account, amount: number): string | undefined {
  const blocked = blockedMovementCode(account.wallet.status, 'credit');
  if (blocked !== undefined) return blocked;
  const limit = kycLimits[account.customer.kycProfile];
  if (amount < limit.minLoadPaise || amount > limit.maxLoadPaise) return '10153';
  return undefined;
}

/** What a credit records besides its amount. */
export type CreditEntry = Omit<NewEntry, 'type' | 'maxBalance'>;

/**
 * Posts a credit within the KYC profile's balance cap. Answers the posted entry, or the platform
 * code of a business refusal the store raised (1050 cap, 1246 and 1135 refunds, 1040 gone).
 */
export async function postCredit(
  tx: StoreTx,
  account: Account,
  entry: CreditEntry,
): Promise<PostedEntry | { readonly refused: string }> {
  try {
    return await tx.post(account.wallet.urn, {
      ...entry,
      type: 'CREDIT',
      maxBalance: kycLimits[account.customer.kycProfile].balanceCapPaise,
    });
  } catch (error) {
    if (isStoreError(error, 'BALANCE_CAP_EXCEEDED')) return { refused: '1050' };
    if (isStoreError(error, 'ORIGINAL_DEBIT_NOT_FOUND')) return { refused: '1246' };
    if (isStoreError(error, 'REFUND_EXCEEDS_REMAINING')) return { refused: '1135' };
    if (isStoreError(error, 'NOT_FOUND')) return { refused: '1040' };
    throw error;
  }
}
