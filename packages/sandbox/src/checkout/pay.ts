/**
 * Paying: the one unit of work that debits a payment's wallet. It runs under the idempotency key
 * `pay:<txnid>` (a `:` no wallet clientTxnId may hold), so however often and however concurrently
 * a payment is paid, its wallet is debited once; the ledger entry carries that key.
 */
import type { Payment } from '../store/checkout-records.js';
import type { AccountLookup } from '../store/records.js';
import type { Store } from '../store/store-api.js';
import { debitWallet } from '../wallet/apis/money-movement.js';
import { movementError, paymentErrors } from './gateway-errors.js';
import { type PaymentMagic, PENDING_SETTLE_MS } from './magic.js';

/** The ledger's clientTxnId of a payment's debit. */
export function paymentLedgerId(txnid: string): string {
  return `pay:${txnid}`;
}

/** The wallet a payment debits, once known. */
function walletOf(payment: Payment): AccountLookup | undefined {
  if (payment.urn !== null) return { urn: payment.urn };
  if (payment.customerId !== null) return { customerId: payment.customerId };
  return undefined;
}

/**
 * Settles an `initiated` payment: debits its wallet (Unload's rules) and records `success`, or
 * records `failure` with the reason. A payment already settled is left as it is. Answers the
 * payment as it stands afterwards.
 */
export async function payPayment(
  store: Store,
  payment: Payment,
  magic: Exclude<PaymentMagic, 'timeout'> | undefined,
  now: () => Date,
): Promise<Payment> {
  const { merchantKey, txnid } = payment;
  await store.transact(
    {
      merchantKey,
      clientTxnId: paymentLedgerId(txnid),
      api: 'payment',
      request: { txnid, mihpayid: payment.mihpayid },
    },
    async (tx) => {
      // Every outcome here is kept: a failure is a record too (only the ledger stays untouched).
      const settled = { kind: 'success', httpStatus: 200, response: { txnid } } as const;
      const current = await tx.checkout.findPayment({ txnid });
      if (current === null || current.state !== 'initiated') return settled;
      const fail = async (error: { code: string; message: string }) => {
        await tx.checkout.updatePayment(txnid, {
          state: 'failure',
          unmappedStatus: 'failed',
          errorCode: error.code,
          errorMessage: error.message,
        });
        return settled;
      };
      if (magic === 'failure') return fail(paymentErrors.forcedFailure);
      const wallet = walletOf(current);
      if (wallet === undefined) return fail(movementError('1040'));
      const debit = await debitWallet(tx, wallet, {
        amount: current.amountPaise,
        description: `Payment ${txnid}`,
        counterparty: merchantKey.slice(0, 100),
      });
      if (!debit.ok) return fail(movementError(debit.code));
      await tx.checkout.updatePayment(txnid, {
        state: 'success',
        unmappedStatus: 'captured',
        errorCode: paymentErrors.none.code,
        errorMessage: paymentErrors.none.message,
        urn: debit.posted.wallet.urn,
        bankRefNum: debit.posted.entry.referenceNumber,
        settlesAt: magic === 'pending' ? new Date(now().getTime() + PENDING_SETTLE_MS) : null,
      });
      return settled;
    },
  );
  const after = await store.checkout.findPayment(merchantKey, { txnid });
  if (after === null) throw new Error('a paid payment disappeared');
  return after;
}
