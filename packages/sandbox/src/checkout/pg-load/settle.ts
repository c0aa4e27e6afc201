/**
 * Settling a top-up once its card is taken: an approved card credits the wallet through the same
 * checks and ledger as Load (wallet status, KYC range and balance cap), a declined card credits
 * nothing. Runs inside the store's `settleTopUp`, which runs it at most once per top-up.
 */
import { lookupError } from '@wallet/schemas';
import type { TopUpSettlement } from '../../store/pg-load-records.js';
import type { SettleWork } from '../../store/store-api.js';
import { creditWallet } from '../../wallet/apis/money-movement.js';
import { CARD_DECLINED, type TestCard } from './test-cards.js';

/** The implType of a card top-up's credit: the ledger entry names it as its sender. */
export const PG_LOAD_IMPL_TYPE = 'PG_W2A_I';
/** The description of a card top-up's ledger entry, as the statement shows it. */
export const PG_LOAD_DESCRIPTION = 'PG Load';
/** The callback's `responseMessage` of a credited top-up. */
export const PG_LOAD_SUCCESS_MESSAGE = 'LOAD SUCCESSFUL';

function refusedWith(code: string): TopUpSettlement {
  return {
    status: 'FAILED',
    responseCode: code,
    responseMessage: lookupError(code)?.message ?? 'TRANSACTION FAILED',
  };
}

/** The work that settles a pending top-up paid with `card`. */
export function settleWithCard(card: TestCard): SettleWork {
  return async (tx, topUp) => {
    if (card.outcome === 'declined') {
      return {
        status: 'FAILED',
        responseCode: CARD_DECLINED.code,
        responseMessage: CARD_DECLINED.message,
      };
    }
    const credited = await creditWallet(
      tx,
      { urn: topUp.urn },
      { amount: topUp.amount, description: PG_LOAD_DESCRIPTION, counterparty: PG_LOAD_IMPL_TYPE },
    );
    if (!credited.ok) return refusedWith(credited.code);
    const { entry } = credited.posted;
    return {
      status: 'SUCCESS',
      responseCode: '00',
      responseMessage: PG_LOAD_SUCCESS_MESSAGE,
      accosaTransactionId: entry.accosaTransactionId,
      accosaRefNo: entry.referenceNumber,
    };
  };
}
