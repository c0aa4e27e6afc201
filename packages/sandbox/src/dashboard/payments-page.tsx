/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** The Payments page: the gateway's payments, newest first, with their status and refunds. */
import type { FC } from 'hono/jsx';
import { reportedStatus } from '../checkout/payment-response.js';
import { refundStatus } from '../checkout/refund.js';
import { maskValue } from '../journal/mask.js';
import type { Payment, Refund } from '../store/checkout-records.js';
import { formatDateTime, formatPaise } from './format.js';
import { href, Layout } from './layout.js';

export interface PaymentsPageProps {
  readonly base: string;
  readonly payments: readonly Payment[];
  readonly refunds: readonly Refund[];
  readonly total: number;
  readonly now: Date;
}

/** A payment's refunds as one line each: amount, status, token. */
const RefundList: FC<{ refunds: readonly Refund[]; now: Date }> = ({ refunds, now }) =>
  refunds.length === 0 ? (
    <span>–</span>
  ) : (
    <ul class="plain">
      {refunds.map((refund) => (
        <li>
          {formatPaise(refund.amountPaise)} {refundStatus(refund, now)}{' '}
          <span class="mono">{refund.token}</span>
        </li>
      ))}
    </ul>
  );

export const PaymentsPage: FC<PaymentsPageProps> = ({ base, payments, refunds, total, now }) => (
  <Layout base={base} title="Payments" section="payments">
    <h1>Payments</h1>
    <p class="lead">
      {total} payment{total === 1 ? '' : 's'} through the gateway, newest first (at most{' '}
      {payments.length} shown). Names and e-mail addresses are partly hidden.
    </p>
    <section class="scroll" tabindex={0} aria-label="Payments">
      <table>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">txnid</th>
            <th scope="col">mihpayid</th>
            <th scope="col">Mode</th>
            <th scope="col">Merchant</th>
            <th scope="col">Wallet (URN)</th>
            <th scope="col">Customer</th>
            <th scope="col" class="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Error</th>
            <th scope="col">Refunds</th>
          </tr>
        </thead>
        <tbody>
          {payments.length === 0 ? (
            <tr>
              <td colspan={11} class="empty">
                No payments yet: post one to /_payment.
              </td>
            </tr>
          ) : (
            payments.map((payment) => (
              <tr>
                <td>{formatDateTime(payment.createdAt)}</td>
                <td class="mono">{payment.txnid}</td>
                <td class="mono">{payment.mihpayid}</td>
                <td>{payment.mode}</td>
                <td>{payment.merchantKey}</td>
                <td class="mono">
                  {payment.urn === null ? (
                    '–'
                  ) : (
                    <a href={href(base, `wallets/${payment.urn}`)}>{payment.urn}</a>
                  )}
                </td>
                <td>
                  {String(maskValue('name', payment.fields.firstname))}{' '}
                  {String(maskValue('email', payment.fields.email))}
                </td>
                <td class="num">{formatPaise(payment.amountPaise)}</td>
                <td>{reportedStatus(payment, now).status}</td>
                <td>{payment.errorCode ?? '–'}</td>
                <td>
                  <RefundList
                    refunds={refunds.filter(
                      (refund) =>
                        refund.mihpayid === payment.mihpayid &&
                        refund.merchantKey === payment.merchantKey,
                    )}
                    now={now}
                  />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  </Layout>
);
