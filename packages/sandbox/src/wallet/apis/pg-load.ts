/**
 * PG Load: records a pending top-up of the customer's wallet and answers the card page the
 * customer goes to. Nothing is credited here: the card step settles the top-up (see
 * `checkout/pg-load/`), through the same credit checks and ledger as Load.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { pgLoadPageUrl } from '../../checkout/pg-load/paths.js';
import type { ApiHandler } from './handler.js';
import { creditRefusal } from './money-movement.js';

/** 18 random digits, the first not zero: the payment gateway's id of a top-up. */
function newPayuTxnId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 18) digits += String(randomInt(0, 1_000_000)).padStart(6, '0');
  return digits.slice(0, 18);
}

export const pgLoad: ApiHandler<'pgLoad'> = async (request, tx, { responses, origin }) => {
  const account = await tx.findAccount(
    request.urn === undefined ? { mobile: request.customer.mobileNumber } : { urn: request.urn },
  );
  if (account === null) return responses.decline('1040');
  // Refused now when the wallet cannot take the credit at all; checked again when the card is
  // taken, since the status or balance may change in between.
  const refused = creditRefusal(account, request.loadAmount);
  if (refused !== undefined) return responses.decline(refused);

  const topUp = await tx.createTopUp({
    payuTxnId: newPayuTxnId(),
    referenceId: randomBytes(16).toString('hex'),
    urn: account.wallet.urn,
    amount: request.loadAmount,
    surl: request.surl,
    furl: request.furl,
  });
  return responses.success({
    referenceId: topUp.referenceId,
    data: { redirectUrl: pgLoadPageUrl(origin, topUp.payuTxnId), payuTxnId: topUp.payuTxnId },
  });
};
