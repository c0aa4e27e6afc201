import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckoutErrorCode, CheckoutFieldError } from './errors.js';
import {
  type PaymentHashParams,
  type PgLoadChecksumFields,
  paymentHashString,
  type ResponseHashFields,
} from './hashes.js';
import { builds, type PayuHashVector, payuHashVectors } from './test-helpers.js';

const SALT = 'Qm9yZWRTYWx0MDE';
const PARAMS: PaymentHashParams = {
  key: 'sbxKey01',
  txnid: 'order_20261204_0001',
  amount: '525.00',
  productinfo: 'Monthly pass',
  firstname: 'Asha',
  email: 'asha@example.com',
};
const RESPONSE: ResponseHashFields = { ...PARAMS, status: 'success' };

const sha512 = (text: string) => createHash('sha512').update(text, 'utf8').digest('hex');

function fieldError(run: () => unknown): CheckoutFieldError {
  try {
    run();
  } catch (error) {
    if (error instanceof CheckoutFieldError) return error;
    throw error;
  }
  throw new Error('expected a CheckoutFieldError');
}

function vectorsOf(kind: PayuHashVector['kind']): readonly PayuHashVector[] {
  return payuHashVectors.filter((v) => v.kind === kind);
}

describe.each(builds)('the shared vectors through $name', ({ build }) => {
  it('covers every vector of the fixture, PayU SDK ones included', () => {
    expect(payuHashVectors).toHaveLength(11);
    expect(payuHashVectors.filter((v) => v.name.startsWith('PayU SDK test'))).toHaveLength(2);
  });

  it.each(vectorsOf('payment'))('payment: $name', (v) => {
    const params = { ...v.params, additional_charges: v.additional_charges } as PaymentHashParams;
    expect(build.paymentHashString(params, v.salt)).toBe(v.string);
    expect(build.paymentHash(params, v.salt)).toBe(v.sha512);
  });

  it.each(vectorsOf('response'))('response: $name', (v) => {
    const response = {
      ...v.params,
      status: v.status,
      additionalCharges: v.additionalCharges,
    } as ResponseHashFields;
    expect(build.responseHashString(response, v.salt)).toBe(v.string);
    expect(build.responseHash(response, v.salt)).toBe(v.sha512);
    expect(build.verifyResponseHash({ ...response, hash: v.sha512 ?? '' }, v.salt)).toBe(true);
  });

  it.each(vectorsOf('command'))('command: $name', (v) => {
    const params = { key: v.key ?? '', command: v.command ?? '', var1: v.var1 ?? '' };
    expect(build.commandHashString(params, v.salt)).toBe(v.string);
    expect(build.commandHash(params, v.salt)).toBe(v.sha512);
  });

  it.each(vectorsOf('pgLoadChecksum'))('PG Load checksum: $name', (v) => {
    expect(build.pgLoadChecksum(v.fields as unknown as PgLoadChecksumFields, v.salt)).toBe(
      v.sha256,
    );
  });
});

describe.each(builds)('verifyResponseHash through $name', ({ build }) => {
  const hash = build.responseHash(RESPONSE, SALT);

  it('reads the charges under either spelling', () => {
    const charged = build.responseHash({ ...RESPONSE, additionalCharges: '12.00' }, SALT);
    expect(build.responseHash({ ...RESPONSE, additional_charges: '12.00' }, SALT)).toBe(charged);
    expect(
      build.verifyResponseHash({ ...RESPONSE, additional_charges: '12.00', hash: charged }, SALT),
    ).toBe(true);
    expect(build.verifyResponseHash({ ...RESPONSE, hash: charged }, SALT)).toBe(false);
  });

  it('refuses a wrong, truncated, upper-case or missing hash', () => {
    expect(build.verifyResponseHash({ ...RESPONSE, hash }, SALT)).toBe(true);
    expect(build.verifyResponseHash({ ...RESPONSE, hash: hash.slice(1) }, SALT)).toBe(false);
    expect(build.verifyResponseHash({ ...RESPONSE, hash: `${hash}0` }, SALT)).toBe(false);
    expect(build.verifyResponseHash({ ...RESPONSE, hash: hash.toUpperCase() }, SALT)).toBe(false);
    expect(build.verifyResponseHash({ ...RESPONSE, hash: '' }, SALT)).toBe(false);
    const { hash: _, ...unhashed } = { ...RESPONSE, hash };
    expect(build.verifyResponseHash(unhashed as never, SALT)).toBe(false);
  });

  it('answers false, not an error, for a response that breaks the field rules', () => {
    expect(build.verifyResponseHash({ ...RESPONSE, udf1: 'a|b', hash }, SALT)).toBe(false);
    expect(build.verifyResponseHash({ ...RESPONSE, amount: 525 as never, hash }, SALT)).toBe(false);
  });

  it('refuses two different charges under the two spellings', () => {
    const both = { ...RESPONSE, additionalCharges: '12.00', additional_charges: '13.00' };
    expect(fieldError(() => build.responseHash(both, SALT)).field).toBe('additionalCharges');
    expect(build.verifyResponseHash({ ...both, hash }, SALT)).toBe(false);
  });

  it('throws for a bad salt: that is the caller’s error', () => {
    expect(fieldError(() => build.verifyResponseHash({ ...RESPONSE, hash }, '')).field).toBe(
      'salt',
    );
  });
});

describe.each(builds)('field rules through $name', ({ build }) => {
  it.each([
    ['amount', { amount: '10.001' }, 'must be rupees'],
    ['amount', { amount: '1e3' }, 'must be rupees'],
    ['amount', { amount: ' 10' }, 'must be rupees'],
    ['amount', { amount: '0.00' }, 'greater than zero'],
    ['amount', { amount: 10 }, 'must be a string'],
    ['txnid', { txnid: '' }, '1 to 25'],
    ['txnid', { txnid: 'a'.repeat(26) }, '1 to 25'],
    ['txnid', { txnid: 'order 1' }, '1 to 25'],
    ['key', { key: 'k'.repeat(51) }, 'at most 50'],
    ['productinfo', { productinfo: 'p'.repeat(101) }, 'at most 100'],
    ['firstname', { firstname: 'f'.repeat(61) }, 'at most 60'],
    ['email', { email: `${'e'.repeat(45)}@x.com` }, 'at most 50'],
    ['udf5', { udf5: 'u'.repeat(256) }, 'at most 255'],
    ['udf2', { udf2: 'a|b' }, 'must not contain |'],
    ['additional_charges', { additional_charges: 'CC:1|NB:2' }, 'must not contain |'],
  ])('%s: %j is refused', (field, change, rule) => {
    const error = fieldError(() => build.paymentHash({ ...PARAMS, ...change } as never, SALT));
    expect(error.code).toBe(CheckoutErrorCode.Field);
    expect(error.field).toBe(field);
    expect(error.message).toContain(rule);
    expect(error.message).toContain(field);
  });

  it('never puts the value in the message', () => {
    const secretSalt = 'my|secret-salt';
    const error = fieldError(() => build.paymentHash(PARAMS, secretSalt));
    expect(error.field).toBe('salt');
    expect(error.message).not.toContain('secret');
    const email = fieldError(() => build.paymentHash({ ...PARAMS, email: 'a|b@x.in' }, SALT));
    expect(email.message).not.toContain('a|b@x.in');
  });

  it('accepts the longest values PayU does', () => {
    const longest = {
      ...PARAMS,
      key: 'k'.repeat(50),
      txnid: 't'.repeat(25),
      productinfo: 'p'.repeat(100),
      firstname: 'f'.repeat(60),
      email: 'e'.repeat(50),
      udf1: 'u'.repeat(255),
    };
    expect(build.paymentHash(longest, SALT)).toMatch(/^[0-9a-f]{128}$/);
  });

  it('checks the command and the PG Load fields, and leaves var1 as sent', () => {
    const command = { key: 'sbxKey01', command: 'verify_payment', var1: 'a|b|c' };
    expect(build.commandHash(command, SALT)).toBe(sha512(`sbxKey01|verify_payment|a|b|c|${SALT}`));
    expect(fieldError(() => build.commandHash({ ...command, command: 'x|y' }, SALT)).field).toBe(
      'command',
    );
    const load = { clientTxnId: 'c1', status: 'SUCCESS', loadAmount: '100', accosaRefNo: '' };
    expect(build.pgLoadChecksum(load, SALT)).toMatch(/^[0-9a-f]{64}$/);
    expect(
      fieldError(() => build.pgLoadChecksum({ ...load, accosaRefNo: '1|2' }, SALT)).field,
    ).toBe('accosaRefNo');
  });
});

// --- properties ----------------------------------------------------------------------------------

const noPipe = (max: number) =>
  fc
    .string({ unit: 'grapheme', maxLength: max })
    .filter((s) => !s.includes('|') && s.length <= max);
const amount = fc
  .tuple(fc.nat({ max: 10_000_000 }), fc.constantFrom('', '.0', '.00', '.5', '.05', '.50', '.99'))
  .map(([whole, fraction]) => `${whole}${fraction}`)
  .filter((text) => /[1-9]/.test(text));
const txnid = fc.stringMatching(/^[A-Za-z0-9_-]{1,25}$/);
const params: fc.Arbitrary<PaymentHashParams> = fc.record(
  {
    key: noPipe(50).filter((s) => s !== ''),
    txnid,
    amount,
    productinfo: noPipe(100),
    firstname: noPipe(60),
    email: noPipe(50),
    udf1: noPipe(255),
    udf2: noPipe(255),
    udf3: noPipe(255),
    udf4: noPipe(255),
    udf5: noPipe(255),
  },
  { requiredKeys: ['key', 'txnid', 'amount', 'productinfo', 'firstname', 'email'] },
);
const salt = noPipe(40).filter((s) => s !== '');
const HASHED_FIELDS = [
  'key',
  'txnid',
  'amount',
  'productinfo',
  'firstname',
  'email',
  'udf1',
  'udf2',
  'udf3',
  'udf4',
  'udf5',
] as const;

/** A different value for `field` that still passes its rule. */
function changed(field: (typeof HASHED_FIELDS)[number], value: string | undefined): string {
  const current = value ?? '';
  if (field === 'amount') {
    const [whole = '', fraction] = current.split('.');
    return `${BigInt(whole) + 1n}${fraction === undefined ? '' : `.${fraction}`}`;
  }
  if (current === '') return 'x';
  return `${current.slice(0, -1)}${current.endsWith('x') ? 'y' : 'x'}`;
}

describe.each(builds)('properties through $name', ({ build }) => {
  it('changing any hashed field changes both hashes', () => {
    fc.assert(
      fc.property(params, salt, fc.constantFrom(...HASHED_FIELDS), (p, s, field) => {
        const other = { ...p, [field]: changed(field, p[field]) };
        expect(build.paymentHash(other, s)).not.toBe(build.paymentHash(p, s));
        const response = { ...p, status: 'success' };
        const otherResponse = { ...other, status: 'success' };
        expect(build.responseHash(otherResponse, s)).not.toBe(build.responseHash(response, s));
      }),
    );
  });

  it('changing the status or the salt changes the response hash', () => {
    fc.assert(
      fc.property(params, salt, (p, s) => {
        const hash = build.responseHash({ ...p, status: 'success' }, s);
        expect(build.responseHash({ ...p, status: 'failure' }, s)).not.toBe(hash);
        expect(build.responseHash({ ...p, status: 'success' }, `${s}x`)).not.toBe(hash);
      }),
    );
  });

  it('refuses | anywhere, naming the field', () => {
    fc.assert(
      fc.property(
        params,
        salt,
        fc.constantFrom(...HASHED_FIELDS, 'salt'),
        fc.nat(),
        (p, s, field, at) => {
          const inject = (text: string) => {
            const i = at % (text.length + 1);
            return `${text.slice(0, i)}|${text.slice(i)}`;
          };
          const badParams = field === 'salt' ? p : { ...p, [field]: inject(p[field] ?? '') };
          const badSalt = field === 'salt' ? inject(s) : s;
          expect(fieldError(() => build.paymentHash(badParams, badSalt)).field).toBe(field);
          const response = { ...badParams, status: 'success' };
          expect(fieldError(() => build.responseHash(response, badSalt)).field).toBe(field);
        },
      ),
    );
  });

  it('hashes the amount exactly as written, never re-formatted', () => {
    fc.assert(
      fc.property(params, salt, (p, s) => {
        const expected = sha512(paymentHashString(p, s));
        expect(build.paymentHash(p, s)).toBe(expected);
        expect(paymentHashString(p, s).split('|')[2]).toBe(p.amount);
        if (!p.amount.includes('.')) {
          expect(build.paymentHash({ ...p, amount: `${p.amount}.00` }, s)).not.toBe(expected);
        }
      }),
    );
  });

  it('verifyResponseHash accepts exactly the responses responseHash makes', () => {
    const statuses = fc.constantFrom('success', 'failure', 'pending');
    fc.assert(
      fc.property(
        params,
        salt,
        statuses,
        fc.option(amount, { nil: undefined }),
        (p, s, status, charges) => {
          const response: ResponseHashFields =
            charges === undefined ? { ...p, status } : { ...p, status, additionalCharges: charges };
          const hash = build.responseHash(response, s);
          expect(build.verifyResponseHash({ ...response, hash }, s)).toBe(true);
          // Any other 128-hex string is refused.
          const flipped = `${hash.slice(0, 127)}${hash.endsWith('0') ? '1' : '0'}`;
          expect(build.verifyResponseHash({ ...response, hash: flipped }, s)).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(params, salt, fc.stringMatching(/^[0-9a-f]{128}$/), (p, s, hash) => {
        const response = { ...p, status: 'success' };
        fc.pre(hash !== build.responseHash(response, s));
        expect(build.verifyResponseHash({ ...response, hash }, s)).toBe(false);
      }),
    );
  });
});
