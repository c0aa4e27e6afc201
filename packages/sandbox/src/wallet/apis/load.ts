/** Load: credits a wallet within its KYC limits and status, or refunds an earlier debit. */
import { blockedMovementCode, kycLimits } from '@wallet/schemas';
import { isStoreError } from '../../store/errors.js';
import type { PostedEntry } from '../../store/records.js';
import { type ApiHandler, walletLookup } from './handler.js';
import { movementFields } from './money-movement.js';

/** The ledger description of a credit: a refund names the debit it returns. */
const LOAD_DESCRIPTION = 'Load';
const REFUND_DESCRIPTION = 'Refund';

export const load: ApiHandler<'load'> = async (request, tx, { answers }) => {
  const account = await tx.findAccount(walletLookup(request));
  if (account === null) return answers.decline('1040');
  const { customer, wallet } = account;

  const blocked = blockedMovementCode(wallet.status, 'credit');
  if (blocked !== undefined) return answers.decline(blocked);

  const amount = request.transactionAmount;
  const limit = kycLimits[customer.kycProfile];
  if (amount < limit.minLoadPaise || amount > limit.maxLoadPaise) return answers.decline('10153');

  const original = request.originalClientTxnId;
  if (original !== undefined) {
    const refund = await tx.refundState(original);
    if (refund === null || refund.original.urn !== wallet.urn) return answers.decline('1246');
    if (amount > refund.remaining) return answers.decline('1135');
  }

  let posted: PostedEntry;
  try {
    posted = await tx.post(wallet.urn, {
      type: 'CREDIT',
      amount,
      fee: request.fee ?? 0,
      description: original === undefined ? LOAD_DESCRIPTION : REFUND_DESCRIPTION,
      counterparty: request.sender,
      originalClientTxnId: original ?? null,
      maxBalance: limit.balanceCapPaise,
    });
  } catch (error) {
    if (isStoreError(error, 'BALANCE_CAP_EXCEEDED')) return answers.decline('1050');
    if (isStoreError(error, 'ORIGINAL_DEBIT_NOT_FOUND')) return answers.decline('1246');
    if (isStoreError(error, 'REFUND_EXCEEDS_REMAINING')) return answers.decline('1135');
    if (isStoreError(error, 'NOT_FOUND')) return answers.decline('1040');
    throw error;
  }
  return answers.success(movementFields(posted));
};
