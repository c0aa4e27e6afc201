/**
 * Moving money on a wallet: the checks and ledger posting Load and Unload share with the payment
 * gateway (a payment debits like an Unload, a refund credits like a Load naming its debit), and
 * the response fields Load and Unload share.
 */
import {
  blockedMovementCode,
  formatRequestDateTime,
  isPlatformCode,
  kycLimits,
  type PlatformCode,
} from '@wallet/schemas';
import { isStoreError } from '../../store/errors.js';
import type { JsonObject } from '../../store/json.js';
import type { Account, AccountLookup, PostedEntry } from '../../store/records.js';
import type { StoreTx } from '../../store/store-api.js';

export function movementFields({ entry, wallet }: PostedEntry): JsonObject {
  return {
    urn: wallet.urn,
    transactionAmount: entry.amount,
    availableBalance: wallet.balance,
    accosaTransactionId: entry.accosaTransactionId,
    accosaRefNo: entry.referenceNumber,
    responseDateTime: formatRequestDateTime(entry.createdAt),
  };
}

/** A movement posted, or the platform code that declined it (nothing moved then). */
export type MovementResult =
  | { readonly ok: true; readonly posted: PostedEntry }
  | { readonly ok: false; readonly code: PlatformCode };

/** The catalogue code a wallet status blocks `movement` with, if it blocks it. */
function blockedBy(
  status: Parameters<typeof blockedMovementCode>[0],
  movement: 'credit' | 'debit',
) {
  const code = blockedMovementCode(status, movement);
  if (code === undefined) return undefined;
  if (!isPlatformCode(code)) throw new TypeError('a wallet status blocks with a catalogue code');
  return code;
}

/**
 * The code that refuses a credit of `amount` paise to `account` before anything moves: the
 * wallet's status (1118, 1121, 6000, 6002, 6014) or the KYC profile's per-transaction range
 * (10153). Undefined when the credit may go ahead (the balance cap is the ledger's to check).
 */
export function creditRefusal(account: Account, amount: number): PlatformCode | undefined {
  const blocked = blockedBy(account.wallet.status, 'credit');
  if (blocked !== undefined) return blocked;
  const limit = kycLimits[account.customer.kycProfile];
  if (amount < limit.minLoadPaise || amount > limit.maxLoadPaise) return '10153';
  return undefined;
}

/** What a debit or credit moves and how the ledger describes it. */
export interface Movement {
  /** Paise, > 0. */
  readonly amount: number;
  /** Paise, recorded only. */
  readonly fee?: number | undefined;
  readonly description: string;
  /** The Load's `sender` or the Unload's `receiver`. */
  readonly counterparty: string;
}

/**
 * Debits a wallet with Unload's rules: 1040 when it is not found, the wallet-status code when its
 * status blocks debits, 3007 when the balance is short (it never goes negative).
 */
export async function debitWallet(
  tx: StoreTx,
  lookup: AccountLookup,
  movement: Movement,
): Promise<MovementResult> {
  const account = await tx.findAccount(lookup);
  if (account === null) return { ok: false, code: '1040' };
  const { wallet } = account;
  const blocked = blockedBy(wallet.status, 'debit');
  if (blocked !== undefined) return { ok: false, code: blocked };
  try {
    const posted = await tx.post(wallet.urn, {
      type: 'DEBIT',
      amount: movement.amount,
      fee: movement.fee ?? 0,
      description: movement.description,
      counterparty: movement.counterparty,
    });
    return { ok: true, posted };
  } catch (error) {
    if (isStoreError(error, 'INSUFFICIENT_BALANCE')) return { ok: false, code: '3007' };
    if (isStoreError(error, 'NOT_FOUND')) return { ok: false, code: '1040' };
    throw error;
  }
}

/**
 * Credits a wallet with Load's rules: 1040 not found, the wallet-status code when its status
 * blocks credits, 10153 outside the KYC profile's per-transaction range, 1050 above its balance
 * cap; with `originalClientTxnId`, a refund of that debit: 1246 when it is not a debit of this
 * wallet, 1135 when it exceeds what remains of it.
 */
export async function creditWallet(
  tx: StoreTx,
  lookup: AccountLookup,
  movement: Movement & { readonly originalClientTxnId?: string | undefined },
): Promise<MovementResult> {
  const account = await tx.findAccount(lookup);
  if (account === null) return { ok: false, code: '1040' };
  const { customer, wallet } = account;
  const { amount, originalClientTxnId: original } = movement;
  const refused = creditRefusal(account, amount);
  if (refused !== undefined) return { ok: false, code: refused };
  const limit = kycLimits[customer.kycProfile];
  if (original !== undefined) {
    const refund = await tx.refundState(original);
    if (refund === null || refund.original.urn !== wallet.urn) return { ok: false, code: '1246' };
    if (amount > refund.remaining) return { ok: false, code: '1135' };
  }
  try {
    const posted = await tx.post(wallet.urn, {
      type: 'CREDIT',
      amount,
      fee: movement.fee ?? 0,
      description: movement.description,
      counterparty: movement.counterparty,
      originalClientTxnId: original ?? null,
      maxBalance: limit.balanceCapPaise,
    });
    return { ok: true, posted };
  } catch (error) {
    if (isStoreError(error, 'BALANCE_CAP_EXCEEDED')) return { ok: false, code: '1050' };
    if (isStoreError(error, 'ORIGINAL_DEBIT_NOT_FOUND')) return { ok: false, code: '1246' };
    if (isStoreError(error, 'REFUND_EXCEEDS_REMAINING')) return { ok: false, code: '1135' };
    if (isStoreError(error, 'NOT_FOUND')) return { ok: false, code: '1040' };
    throw error;
  }
}
