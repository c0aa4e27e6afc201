/**
 * What each Change Wallet Status `statusType` does to later calls, as data: the sandbox applies
 * this table and Retrieve Customer Record reports `walletStatus` from it.
 */
import * as z from 'zod';
import { ruleError } from './rules.js';

export const WALLET_STATUS_TYPES = [
  'Active',
  'Custom',
  'Temporary',
  'Permanent',
  'Closed',
  'Debit',
  'Credit',
  'CreditDebit',
  'Dormant',
] as const;
export type WalletStatusType = (typeof WALLET_STATUS_TYPES)[number];

/** Which movements a status blocks. */
export type BlockedMovements = 'none' | 'debit' | 'credit' | 'both';

export interface WalletStatusEffect {
  /** The movements a wallet in this status refuses. */
  readonly blocks: BlockedMovements;
  /** The platform code a blocked Load or Unload answers (HTTP 422); `undefined` for `Active`. */
  readonly code: string | undefined;
  /** Whether the status is final: any later status change answers 3533. */
  readonly permanent: boolean;
  /** How Retrieve Customer Record reports the status in `walletStatus`. */
  readonly walletStatus: string;
}

export const walletStatusEffects: Readonly<Record<WalletStatusType, WalletStatusEffect>> = {
  Active: { blocks: 'none', code: undefined, permanent: false, walletStatus: 'ACTIVE' },
  Debit: { blocks: 'debit', code: '1117', permanent: false, walletStatus: 'DEBIT' },
  Credit: { blocks: 'credit', code: '1118', permanent: false, walletStatus: 'CREDIT' },
  CreditDebit: { blocks: 'both', code: '1121', permanent: false, walletStatus: 'CREDITDEBIT' },
  Temporary: { blocks: 'both', code: '6014', permanent: false, walletStatus: 'TEMPORARY' },
  Dormant: { blocks: 'both', code: '6000', permanent: false, walletStatus: 'DORMANT' },
  Permanent: { blocks: 'both', code: '6002', permanent: true, walletStatus: 'PERMANENT' },
  Closed: { blocks: 'both', code: '6002', permanent: true, walletStatus: 'CLOSED' },
  // What a program configures; by default it blocks debits.
  Custom: { blocks: 'debit', code: '1117', permanent: false, walletStatus: 'CUSTOM' },
};

/** The code a wallet in `status` answers to a credit or debit, or `undefined` when allowed. */
export function blockedMovementCode(
  status: WalletStatusType,
  movement: 'credit' | 'debit',
): string | undefined {
  const effect = walletStatusEffects[status];
  return effect.blocks === 'both' || effect.blocks === movement ? effect.code : undefined;
}

/** `statusType`: one of the nine statuses, spelled as documented. An unknown value answers 3532. */
export const walletStatusTypeSchema: z.ZodEnum<{ [K in WalletStatusType]: K }> = z.enum(
  WALLET_STATUS_TYPES,
  { error: ruleError(`must be one of ${WALLET_STATUS_TYPES.join(', ')}`) },
);
