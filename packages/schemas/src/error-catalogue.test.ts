import { describe, expect, it } from 'vitest';
import {
  authenticationFailures,
  errorCatalogue,
  isPlatformCode,
  lookupError,
} from './error-catalogue.js';

const SPEC_CODES = [
  '00',
  '1010',
  '1020',
  '1030',
  '1031',
  '1040',
  '1049',
  '1050',
  '1052',
  '1054',
  '1055',
  '1058',
  '1074',
  '1117',
  '1118',
  '1121',
  '1135',
  '1246',
  '1262',
  '1264',
  '1310',
  '1311',
  '1322',
  '29201',
  '3007',
  '3532',
  '3533',
  '5000',
  '6000',
  '6002',
  '6014',
  '10153',
];

describe('the error catalogue', () => {
  it('holds exactly the codes the spec names', () => {
    expect(Object.keys(errorCatalogue).sort()).toEqual([...SPEC_CODES].sort());
  });

  it.each([
    ['1055', 'MALFORMED_REQUEST', 'MALFORMED REQUEST', 400, 'envelope', false],
    ['1058', 'INVALID_WALLETS', 'INVALID WALLETS', 400, 'wallet-identifier', false],
    ['1010', 'INVALID_MESSAGE_CODE', 'INVALID MESSAGE CODE', 400, 'message-code', true],
    ['1020', 'INVALID_PARAMETERS', 'INVALID PARAMETERS', 400, 'validation', true],
    ['5000', 'DUPLICATE_REQUEST', 'DUPLICATE REQUEST', 409, 'duplicate', true],
    ['1030', 'CUSTOMER_ALREADY_EXISTS', 'CUSTOMER ALREADY EXISTS', 409, 'conflict', true],
    ['1040', 'CUSTOMER_NOT_FOUND', 'CUSTOMER NOT FOUND', 404, 'not-found', true],
    ['1052', 'SYSTEM_ERROR', 'SYSTEM ERROR', 500, 'server', false],
    ['1054', 'TRANSACTION_NOT_FOUND', 'TRANSACTION NOT FOUND', 404, 'not-found', true],
    [
      '6014',
      'ACCOUNT_TEMPORARILY_BLOCKED',
      'ACCOUNT IN TEMPORARILY BLOCKED STATE',
      422,
      'wallet-state',
      true,
    ],
    [
      '6002',
      'ACCOUNT_PERMANENTLY_BLOCKED',
      'ACCOUNT PERMANENTLY BLOCKED OR CLOSED',
      422,
      'wallet-state',
      true,
    ],
    ['1262', 'CLIENT_ID_MISSING', 'CLIENT ID NOT PRESENT IN THE REQUEST', 400, 'helper', false],
  ])(
    '%s is %s "%s", HTTP %i, %s, encrypted=%s',
    (code, name, message, status, outcome, encrypted) => {
      expect(lookupError(code)).toEqual({
        code,
        name,
        message,
        httpStatus: status,
        outcome,
        encrypted,
      });
    },
  );

  it('follows the outcome model: HTTP status and body kind by class', () => {
    const status = {
      success: 200,
      duplicate: 409,
      conflict: 409,
      'not-found': 404,
      limit: 422,
      'wallet-state': 422,
      server: 500,
    } as const;
    for (const entry of Object.values(errorCatalogue)) {
      if (entry.outcome in status)
        expect(entry.httpStatus).toBe(status[entry.outcome as keyof typeof status]);
      const plain = [
        'envelope',
        'wallet-identifier',
        'server',
        'helper',
        'authentication',
      ].includes(entry.outcome);
      expect(entry.encrypted).toBe(!plain);
    }
  });

  it('has unique constant names and upper-case messages', () => {
    const names = Object.values(errorCatalogue).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const e of Object.values(errorCatalogue)) {
      expect(e.name).toMatch(/^[A-Z_]+$/);
      expect(e.message).toMatch(/^[A-Z ]+$/);
    }
  });

  it('looks codes up by string or number, and knows nothing else', () => {
    expect(lookupError(1020)?.name).toBe('INVALID_PARAMETERS');
    expect(lookupError('9999')).toBeUndefined();
    expect(lookupError('constructor')).toBeUndefined();
    expect(isPlatformCode('3007')).toBe(true);
    expect(isPlatformCode('hasOwnProperty')).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(errorCatalogue)).toBe(true);
    expect(Object.isFrozen(errorCatalogue['1020'])).toBe(true);
  });

  it('names the authentication failure classes with HTTP 401', () => {
    for (const failure of Object.values(authenticationFailures))
      expect(failure.httpStatus).toBe(401);
  });
});
