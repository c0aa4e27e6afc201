/**
 * The records of PG Load (a wallet top-up by card, checkout.md section 3): one per PG Load call
 * that was accepted, `PENDING` until the card step settles it, once, as `SUCCESS` (the wallet is
 * credited in the same transaction) or `FAILED`.
 */
import type { PgLoadStatus } from '@wallet/schemas';

export type TopUpStatus = PgLoadStatus;

export interface TopUp {
  readonly merchantKey: string;
  /** The PG Load's clientTxnId; the credit's ledger entry carries it too. */
  readonly clientTxnId: string;
  /** 18 digits, unique across the store: the payment gateway's id, in the card page's address. */
  readonly payuTxnId: string;
  /** 32 lowercase hex characters: the PG Load response's `referenceId`. */
  readonly referenceId: string;
  /** The wallet to credit. */
  readonly urn: string;
  /** Paise, > 0. */
  readonly amount: number;
  readonly surl: string;
  readonly furl: string;
  readonly status: TopUpStatus;
  /** The settlement's platform code (`00` on success); null while pending. */
  readonly responseCode: string | null;
  readonly responseMessage: string | null;
  /** The credit's ledger ids; null unless the top-up succeeded. */
  readonly accosaTransactionId: string | null;
  readonly accosaRefNo: string | null;
  readonly createdAt: Date;
  readonly settledAt: Date | null;
}

/** What PG Load records, under its transaction's merchant and clientTxnId. */
export interface NewTopUp {
  payuTxnId: string;
  referenceId: string;
  urn: string;
  amount: number;
  surl: string;
  furl: string;
}

/** How a settlement ended; `FAILED` rolls back every effect of the work but this record. */
export interface TopUpSettlement {
  status: 'SUCCESS' | 'FAILED';
  responseCode: string;
  responseMessage: string;
  /** The credit's ledger ids, on success. */
  accosaTransactionId?: string | undefined;
  accosaRefNo?: string | undefined;
}

/**
 * - `settled`: the top-up was pending and this call settled it.
 * - `already-settled`: it was settled before; nothing ran.
 * - `not-found`: no top-up has that payuTxnId.
 */
export type SettleResult =
  | { readonly status: 'settled' | 'already-settled'; readonly topUp: TopUp }
  | { readonly status: 'not-found' };
