/** Unload: debits a wallet; the balance never goes negative. */
import { blockedMovementCode } from '@wallet/schemas';
import { isStoreError } from '../../store/errors.js';
import type { PostedEntry } from '../../store/records.js';
import { type ApiHandler, walletLookup } from './handler.js';
import { movementFields } from './money-movement.js';

const UNLOAD_DESCRIPTION = 'Unload';

export const unload: ApiHandler<'unload'> = async (request, tx, { answers }) => {
  const account = await tx.findAccount(walletLookup(request));
  if (account === null) return answers.decline('1040');
  const { wallet } = account;

  const blocked = blockedMovementCode(wallet.status, 'debit');
  if (blocked !== undefined) return answers.decline(blocked);

  let posted: PostedEntry;
  try {
    posted = await tx.post(wallet.urn, {
      type: 'DEBIT',
      amount: request.transactionAmount,
      fee: request.fee ?? 0,
      description: UNLOAD_DESCRIPTION,
      counterparty: request.receiver,
    });
  } catch (error) {
    if (isStoreError(error, 'INSUFFICIENT_BALANCE')) return answers.decline('3007');
    if (isStoreError(error, 'NOT_FOUND')) return answers.decline('1040');
    throw error;
  }
  return answers.success(movementFields(posted));
};
