/**
 * Refunds (`cancel_refund_transaction`): each runs under the idempotency key `refund:<token>`, so
 * the same token and amount again answers the first response and refunds once however many arrive
 * together, and the same token with another amount or payment is refused (106). A refund credits
 * the wallet the way a Load naming the payment's debit does, so the ledger itself refuses more
 * than what is left.
 */
import type { Refund } from '../store/checkout-records.js';
import type { JsonObject } from '../store/json.js';
import type { Outcome } from '../store/records.js';
import type { Store } from '../store/store-api.js';
import { creditWallet } from '../wallet/apis/money-movement.js';
import { paiseToRupees } from './amount.js';
import { type RefundRefusal, refundRefusals } from './gateway-errors.js';
import { REFUND_SETTLE_MS } from './magic.js';
import { paymentLedgerId } from './pay.js';
import { reportedStatus } from './payment-response.js';

/** What a refund reads as at `now`: `queued` until it settles, then its result. */
export function refundStatus(refund: Refund, now: Date): 'queued' | 'success' | 'failure' {
  return refund.settlesAt.getTime() > now.getTime() ? 'queued' : refund.result;
}

/** A refund as `check_action_status` and `getAllRefundsFromTxnIds` show it. */
export function refundDetails(refund: Refund, now: Date): Record<string, string> {
  return {
    mihpayid: refund.mihpayid,
    txnid: refund.txnid,
    request_id: refund.requestId,
    action: 'refund',
    status: refundStatus(refund, now),
    amt: paiseToRupees(refund.amountPaise),
    token: refund.token,
    bank_ref_num: refund.bankRefNum ?? '',
  };
}

function refused(refusal: RefundRefusal): JsonObject {
  return { status: 0, msg: refusal.msg, error_code: refusal.error_code };
}

/** The refund a merchant asked for. */
export interface RefundAsk {
  readonly merchantKey: string;
  readonly mihpayid: string;
  readonly token: string;
  /** Rupees as posted. */
  readonly amount: string;
  readonly amountPaise: number;
  /** Magic: queue it, then fail it, moving nothing. */
  readonly forceFailure: boolean;
}

/** Queues a refund and answers `cancel_refund_transaction`'s JSON. */
export async function queueRefund(
  store: Store,
  ask: RefundAsk,
  now: () => Date,
): Promise<JsonObject> {
  const { merchantKey, mihpayid, token } = ask;
  const payment = await store.checkout.findPayment(merchantKey, { mihpayid });
  if (payment === null) return refused(refundRefusals.notFound);
  if (reportedStatus(payment, now()).status !== 'success' || payment.urn === null) {
    return refused(refundRefusals.notSuccessful);
  }
  const urn = payment.urn;

  const decline = (refusal: RefundRefusal): Outcome => ({
    kind: 'decline',
    httpStatus: 200,
    response: refused(refusal),
  });
  const result = await store.transact(
    {
      merchantKey,
      clientTxnId: `refund:${token}`,
      api: 'refund',
      request: { mihpayid, amount: ask.amountPaise },
    },
    async (tx): Promise<Outcome> => {
      const refunds = await tx.checkout.refundsOf(mihpayid);
      const refunded = refunds
        .filter((refund) => refund.result === 'success')
        .reduce((sum, refund) => sum + refund.amountPaise, 0);
      if (ask.amountPaise > payment.amountPaise - refunded)
        return decline(refundRefusals.invalidAmount);
      let bankRefNum: string | null = null;
      let outcome: 'success' | 'failure' = 'failure';
      if (!ask.forceFailure) {
        const credit = await creditWallet(
          tx,
          { urn },
          {
            amount: ask.amountPaise,
            description: `Refund ${payment.txnid}`,
            counterparty: merchantKey.slice(0, 100),
            originalClientTxnId: paymentLedgerId(payment.txnid),
          },
        );
        if (!credit.ok && credit.code === '1135') return decline(refundRefusals.invalidAmount);
        // Any other decline (a wallet now blocked, a cap) is a refund that fails: nothing moved.
        if (credit.ok) {
          outcome = 'success';
          bankRefNum = credit.posted.entry.referenceNumber;
        }
      }
      const refund = await tx.checkout.createRefund({
        mihpayid,
        token,
        amount: ask.amount,
        amountPaise: ask.amountPaise,
        result: outcome,
        bankRefNum,
        settlesAt: new Date(now().getTime() + REFUND_SETTLE_MS),
      });
      return {
        kind: 'success',
        httpStatus: 200,
        response: {
          status: 1,
          msg: 'Refund Request Queued',
          request_id: refund.requestId,
          bank_ref_num: refund.bankRefNum,
          mihpayid,
        },
      };
    },
  );
  if (result.status === 'conflict') return refused(refundRefusals.tokenReused);
  return result.outcome.response;
}
