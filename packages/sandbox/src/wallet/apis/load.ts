/** Load: credits a wallet within its KYC limits and status, or refunds an earlier debit. */
import { type ApiHandler, walletLookup } from './handler.js';
import { creditWallet, movementFields } from './money-movement.js';

/** The ledger description of a credit: a refund names the debit it returns. */
const LOAD_DESCRIPTION = 'Load';
const REFUND_DESCRIPTION = 'Refund';

export const load: ApiHandler<'load'> = async (request, tx, { responses }) => {
  const original = request.originalClientTxnId;
  const result = await creditWallet(tx, walletLookup(request), {
    amount: request.transactionAmount,
    fee: request.fee,
    description: original === undefined ? LOAD_DESCRIPTION : REFUND_DESCRIPTION,
    counterparty: request.sender,
    originalClientTxnId: original,
  });
  if (!result.ok) return responses.decline(result.code);
  return responses.success(movementFields(result.posted));
};
