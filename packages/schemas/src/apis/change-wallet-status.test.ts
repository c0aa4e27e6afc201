import { describe, expect, it } from 'vitest';
import { examples } from '../examples.js';
import { validateRequest } from '../validate.js';
import { WALLET_STATUS_TYPES } from '../wallet-status.js';
import { statusChangeReason, statusChangeRemarks } from './change-wallet-status.js';

const base = examples.changeWalletStatus.request;

describe('Change Wallet Status request', () => {
  it.each(WALLET_STATUS_TYPES.map((s) => [s]))('accepts statusType %s', (statusType) => {
    expect(validateRequest('changeWalletStatus', { ...base, statusType }).ok).toBe(true);
  });

  it('answers 3532 for an unknown status type, 1020 for a missing one', () => {
    const unknown = validateRequest('changeWalletStatus', { ...base, statusType: 'active' });
    expect(unknown.ok || unknown.responseCode).toBe('3532');
    const { statusType: _s, ...rest } = base;
    const missing = validateRequest('changeWalletStatus', rest);
    expect(missing.ok || [missing.responseCode, missing.summary]).toEqual([
      '1020',
      'statusType: is required',
    ]);
  });

  it('accepts reserved1/reserved2 as the other names of reason/remarks, but not both', () => {
    const { reason: _r, remarks: _m, ...rest } = base;
    const aliased = validateRequest('changeWalletStatus', {
      ...rest,
      reserved1: 'r',
      reserved2: 'm',
    });
    expect(aliased.ok).toBe(true);
    if (aliased.ok) {
      expect(statusChangeReason(aliased.value)).toBe('r');
      expect(statusChangeRemarks(aliased.value)).toBe('m');
    }
    const both = validateRequest('changeWalletStatus', { ...base, reserved1: 'r' });
    expect(both.ok || both.issues[0]?.path).toBe('reserved1');
  });

  it('limits accountNumber to 30, reason to 100 and remarks to 255 characters', () => {
    const check = (field: string, length: number) =>
      validateRequest('changeWalletStatus', { ...base, [field]: 'x'.repeat(length) }).ok;
    expect([check('accountNumber', 30), check('accountNumber', 31)]).toEqual([true, false]);
    expect([check('reason', 100), check('reason', 101)]).toEqual([true, false]);
    expect([check('remarks', 255), check('remarks', 256)]).toEqual([true, false]);
  });
});
