import { describe, expect, it } from 'vitest';
import { lookupError } from './error-catalogue.js';
import { helperRoutes, helperWrongValueCodes, missingHelperHeader } from './helper-api.js';

const allHeaders = {
  'x-api-key': 'k',
  clientId: 'c',
  bankId: 'b',
  'X-Consumer-Custom-ID': 'x',
  secureCode: 's',
};

describe('helper API', () => {
  it('describes both routes', () => {
    expect(helperRoutes.encrypt.path).toBe('/api/v2/encrypt');
    expect(helperRoutes.decrypt.path).toBe('/api/v2/decrypt');
    expect(helperRoutes.encrypt.optionalHeaders).toEqual([{ name: 'entityId', default: '100' }]);
  });

  it.each([
    ['x-api-key', undefined],
    ['clientId', '1262'],
    ['bankId', '1264'],
    ['X-Consumer-Custom-ID', '1310'],
    ['secureCode', '1311'],
  ])('encrypt without %s answers %s', (header, code) => {
    const { [header as keyof typeof allHeaders]: _dropped, ...rest } = allHeaders;
    expect(missingHelperHeader(helperRoutes.encrypt, rest)?.missingCode).toBe(code);
    if (code !== undefined) expect(lookupError(code)?.httpStatus).toBe(400);
  });

  it('compares header names case-insensitively and treats empty as missing', () => {
    const lower = Object.fromEntries(
      Object.entries(allHeaders).map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(missingHelperHeader(helperRoutes.encrypt, lower)).toBeUndefined();
    expect(missingHelperHeader(helperRoutes.encrypt, { ...lower, bankid: '' })?.name).toBe(
      'bankId',
    );
  });

  it('needs only the API key to decrypt', () => {
    expect(missingHelperHeader(helperRoutes.decrypt, { 'X-API-KEY': 'k' })).toBeUndefined();
    expect(missingHelperHeader(helperRoutes.decrypt, {})?.name).toBe('x-api-key');
  });

  it('names the codes of wrong header values', () => {
    expect(lookupError(helperWrongValueCodes.bankId)?.message).toBe('INVALID BANK ID');
    expect(lookupError(helperWrongValueCodes.secureCode)?.message).toBe('INVALID SECURE CODE');
  });
});
