/** Load: credits a wallet within its KYC limits and status, or refunds an earlier debit. */
import { creditRefusal, postCredit } from '../credit.js';
import { type ApiHandler, walletLookup } from './handler.js';
import { movementFields } from './money-movement.js';

/** The ledger description of a credit: a refund names the debit it returns. */
const LOAD_DESCRIPTION = 'Load';
const REFUND_DESCRIPTION = 'Refund';

export const load: ApiHandler<'load'> = async (request, tx, { answers }) => {
  const account = await tx.findAccount(walletLookup(request));
  if (account === null) return answers.decline('1040');

  const amount = request.transactionAmount;
  const refused = creditRefusal(account, amount);
  if (refused !== undefined) return answers.decline(refused);

  const original = request.originalClientTxnId;
  if (original !== undefined) {
    const refund = await tx.refundState(original);
    if (refund === null || refund.original.urn !== account.wallet.urn) {
      return answers.decline('1246');
    }
    if (amount > refund.remaining) return answers.decline('1135');
  }

  const posted = await postCredit(tx, account, {
    amount,
    fee: request.fee ?? 0,
    description: original === undefined ? LOAD_DESCRIPTION : REFUND_DESCRIPTION,
    counterparty: request.sender,
    originalClientTxnId: original ?? null,
  });
  if ('refused' in posted) return answers.decline(posted.refused);
  return answers.success(movementFields(posted));
};
