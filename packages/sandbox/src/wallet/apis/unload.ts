/** Unload: debits a wallet; the balance never goes negative. */
import { type ApiHandler, walletLookup } from './handler.js';
import { debitWallet, movementFields } from './money-movement.js';

const UNLOAD_DESCRIPTION = 'Unload';

export const unload: ApiHandler<'unload'> = async (request, tx, { responses }) => {
  const result = await debitWallet(tx, walletLookup(request), {
    amount: request.transactionAmount,
    fee: request.fee,
    description: UNLOAD_DESCRIPTION,
    counterparty: request.receiver,
  });
  if (!result.ok) return responses.decline(result.code);
  return responses.success(movementFields(result.posted));
};
