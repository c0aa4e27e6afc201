/**
 * PG Load Enquiry: where the top-up of an earlier PG Load stands. A read: its clientTxnId is the
 * PG Load's, so it is answered from the current state and never stored (a stored PENDING would
 * hide the settlement from every later enquiry).
 */
import type { RequestOf } from '@wallet/schemas';
import type { Outcome } from '../../store/records.js';
import type { Store } from '../../store/store-api.js';
import type { Responses } from '../outcomes.js';

export async function pgLoadEnquiry(
  request: RequestOf<'pgLoadEnquiry'>,
  store: Store,
  merchantKey: string,
  responses: Responses,
): Promise<Outcome> {
  const topUp = await store.findTopUp(merchantKey, request.clientTxnId);
  if (topUp === null) return responses.decline('1054');
  return responses.success({
    merchantCode: merchantKey,
    txnAmount: String(topUp.amount),
    accosaRefNo: topUp.accosaRefNo,
    status: topUp.status,
    // The sandbox offers no refund of a top-up.
    refundTxnExist: false,
  });
}
