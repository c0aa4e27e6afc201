import { describe, expect, it } from 'vitest';
import { CheckoutHashError, CheckoutResponseError } from './errors.js';
import { builds, payuHashVectors } from './test-helpers.js';

const vector = payuHashVectors.find((v) => v.kind === 'pgLoadChecksum');
if (vector?.fields === undefined || vector.sha256 === undefined) {
  throw new Error('fixtures/payu-hash-vectors.json has no PG Load vector');
}
const SALT = vector.salt;
const CALLBACK = {
  ...vector.fields,
  accosaTransactionId: 'AT-99812',
  responseCode: '00',
  responseMessage: 'Load successful',
  merchantCode: 'SHOP7',
  txnAmount: '52500',
  checksum: vector.sha256,
};

describe.each(builds)('parsePgLoadCallback through $name', ({ build }) => {
  const checkout = build.createCheckout({ key: 'sbxKey01', salt: SALT, environment: 'test' });

  it('verifies the profile checksum of the shared vector, from a raw body or an object', () => {
    const raw = new URLSearchParams(CALLBACK).toString();
    const parsed = checkout.parsePgLoadCallback(raw);
    expect(parsed).toMatchObject({
      status: 'SUCCESS',
      clientTxnId: 'order_20261204_0001L',
      loadAmount: '52500',
      accosaRefNo: '726393459450',
      merchantCode: 'SHOP7',
    });
    expect(build.parsePgLoadCallback(CALLBACK, { salt: SALT })).toEqual(parsed);
  });

  it('refuses an altered amount, a missing checksum or another salt', () => {
    expect(() => checkout.parsePgLoadCallback({ ...CALLBACK, loadAmount: '99999' })).toThrow(
      CheckoutHashError,
    );
    const { checksum: _, ...unsigned } = CALLBACK;
    expect(() => checkout.parsePgLoadCallback(unsigned)).toThrow(CheckoutHashError);
    expect(() => build.parsePgLoadCallback(CALLBACK, { salt: 'other' })).toThrow(CheckoutHashError);
  });

  it('lets the caller supply the verifier', () => {
    const seen: string[] = [];
    const verifyChecksum = (fields: Readonly<Record<string, string>>, checksum: string) => {
      seen.push(`${fields.clientTxnId}:${checksum}`);
      return checksum === 'their-own-formula';
    };
    const theirs = { ...CALLBACK, checksum: 'their-own-formula' };
    expect(checkout.parsePgLoadCallback(theirs, { verifyChecksum }).status).toBe('SUCCESS');
    expect(build.parsePgLoadCallback(theirs, { verifyChecksum }).status).toBe('SUCCESS');
    expect(() => checkout.parsePgLoadCallback(CALLBACK, { verifyChecksum })).toThrow(
      CheckoutHashError,
    );
    expect(seen).toContain('order_20261204_0001L:their-own-formula');
  });

  it('refuses a verified callback of an unknown status', () => {
    const verifyChecksum = () => true;
    expect(() =>
      checkout.parsePgLoadCallback({ ...CALLBACK, status: 'MAYBE' }, { verifyChecksum }),
    ).toThrow(CheckoutResponseError);
  });
});
