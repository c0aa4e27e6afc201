import { describe, expect, it } from 'vitest';
import { lookupError } from './error-catalogue.js';
import { kycLimits } from './kyc-limits.js';
import { blockedMovementCode, WALLET_STATUS_TYPES, walletStatusEffects } from './wallet-status.js';

describe('wallet status effects', () => {
  it.each([
    ['Active', undefined, undefined, false, 'ACTIVE'],
    ['Debit', '1117', undefined, false, 'DEBIT'],
    ['Credit', undefined, '1118', false, 'CREDIT'],
    ['CreditDebit', '1121', '1121', false, 'CREDITDEBIT'],
    ['Temporary', '6014', '6014', false, 'TEMPORARY'],
    ['Dormant', '6000', '6000', false, 'DORMANT'],
    ['Permanent', '6002', '6002', true, 'PERMANENT'],
    ['Closed', '6002', '6002', true, 'CLOSED'],
    ['Custom', '1117', undefined, false, 'CUSTOM'],
  ] as const)(
    '%s: debit %s, credit %s, permanent %s, reported %s',
    (status, debit, credit, permanent, reported) => {
      expect(blockedMovementCode(status, 'debit')).toBe(debit);
      expect(blockedMovementCode(status, 'credit')).toBe(credit);
      expect(walletStatusEffects[status].permanent).toBe(permanent);
      expect(walletStatusEffects[status].walletStatus).toBe(reported);
    },
  );

  it('covers every status type with codes the catalogue knows', () => {
    expect(Object.keys(walletStatusEffects).sort()).toEqual([...WALLET_STATUS_TYPES].sort());
    for (const effect of Object.values(walletStatusEffects)) {
      if (effect.code !== undefined) expect(lookupError(effect.code)?.httpStatus).toBe(422);
      expect(effect.walletStatus).toBe(effect.walletStatus.toUpperCase());
    }
  });
});

describe('KYC limits', () => {
  it('caps minimal and shortfall KYC at 10,000 INR and full KYC at 200,000 INR', () => {
    expect(kycLimits[30]).toEqual({
      balanceCapPaise: 1_000_000,
      minLoadPaise: 1,
      maxLoadPaise: 1_000_000,
    });
    expect(kycLimits[300]).toEqual(kycLimits[30]);
    expect(kycLimits[150]).toEqual({
      balanceCapPaise: 20_000_000,
      minLoadPaise: 1,
      maxLoadPaise: 20_000_000,
    });
  });
});
