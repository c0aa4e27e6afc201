/**
 * What the customer's browser posts back to the merchant once a top-up is settled (checkout.md
 * section 3): the fields, signed with `pgLoadChecksum` of `@wallet/checkout` (the one copy of
 * the formula), to `surl` on success and `furl` on failure.
 */
import { pgLoadChecksum } from '@wallet/checkout';
import type { TopUp } from '../../store/pg-load-records.js';

/** Where the browser goes and what it posts. */
export interface PgLoadCallback {
  readonly action: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** The callback of a settled top-up of the merchant whose salt is `salt`. */
export function pgLoadCallback(topUp: TopUp, salt: string): PgLoadCallback {
  const status = topUp.status === 'SUCCESS' ? 'SUCCESS' : 'FAILED';
  const loadAmount = String(topUp.amount);
  const accosaRefNo = topUp.accosaRefNo ?? '';
  return {
    action: status === 'SUCCESS' ? topUp.surl : topUp.furl,
    fields: {
      status,
      accosaRefNo,
      accosaTransactionId: topUp.accosaTransactionId ?? '',
      responseCode: topUp.responseCode ?? '',
      responseMessage: topUp.responseMessage ?? '',
      merchantCode: topUp.merchantKey,
      clientTxnId: topUp.clientTxnId,
      txnAmount: loadAmount,
      loadAmount,
      checksum: pgLoadChecksum(
        { clientTxnId: topUp.clientTxnId, status, loadAmount, accosaRefNo },
        salt,
      ),
    },
  };
}
