import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckoutHashError, CheckoutResponseError } from './errors.js';
import { builds } from './test-helpers.js';

const SALT = 'Qm9yZWRTYWx0MDE';
const KEY = 'sbxKey01';
const MIHPAYID = '403993715521937565';

/** A callback as PayU posts it, its hash made by `responseHash`. */
function callback(
  build: (typeof builds)[number]['build'],
  overrides: Record<string, string> = {},
): Record<string, string> {
  const fields: Record<string, string> = {
    mihpayid: MIHPAYID,
    mode: 'CLW',
    status: 'success',
    unmappedstatus: 'captured',
    key: KEY,
    txnid: 'order_20261204_0001',
    amount: '525.00',
    net_amount_debit: '525',
    addedon: '2026-12-04 18:02:11',
    productinfo: 'Monthly pass',
    firstname: 'Asha',
    lastname: '',
    email: 'asha@example.com',
    phone: '9812345678',
    udf1: 'store-7',
    udf2: '',
    udf3: 'café',
    udf4: 'x y',
    udf5: 'a+b=c&d',
    bankcode: 'CLW',
    PG_TYPE: 'CLW-PG',
    bank_ref_num: '726393459450',
    error: 'E000',
    error_Message: 'No Error',
    ...overrides,
  };
  return { ...fields, hash: build.responseHash(fields as never, SALT) };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe.each(builds)('parseCallback through $name', ({ build }) => {
  const checkout = build.createCheckout({ key: KEY, salt: SALT, environment: 'test' });

  it('reads a raw form body, URLSearchParams, FormData and a plain object alike', () => {
    const fields = callback(build);
    const raw = new URLSearchParams(fields).toString();
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.append(name, value);
    const fromRaw = checkout.parseCallback(raw);
    expect(checkout.parseCallback(new URLSearchParams(raw))).toEqual(fromRaw);
    expect(checkout.parseCallback(formData)).toEqual(fromRaw);
    expect(checkout.parseCallback(fields)).toEqual(fromRaw);
    expect(fromRaw).toMatchObject({
      mihpayid: MIHPAYID,
      status: 'success',
      amount: '525.00',
      udf3: 'café',
      udf5: 'a+b=c&d',
      error_Message: 'No Error',
      additionalCharges: '',
    });
  });

  it('keeps an 18-digit mihpayid and every id as the string received', () => {
    const raw = `${new URLSearchParams(callback(build)).toString()}`;
    expect(raw).toContain(`mihpayid=${MIHPAYID}`);
    const response = checkout.parseCallback(raw);
    expect(response.mihpayid).toBe(MIHPAYID);
    expect(typeof response.bank_ref_num).toBe('string');
    expect(Number(MIHPAYID).toString()).not.toBe(MIHPAYID); // what a number would have made of it
  });

  it('decodes + as a space, as form encoding says', () => {
    const raw = new URLSearchParams(callback(build)).toString();
    expect(raw).toContain('productinfo=Monthly+pass');
    expect(checkout.parseCallback(raw).productinfo).toBe('Monthly pass');
  });

  it('reads error_message and additional_charges too', () => {
    const fields = callback(build, { status: 'failure', additional_charges: '12.00' });
    const { error_Message: _, ...rest } = fields;
    const response = checkout.parseCallback({ ...rest, error_message: 'Insufficient balance' });
    expect(response.error_Message).toBe('Insufficient balance');
    expect(response.additionalCharges).toBe('12.00');
    expect(response.status).toBe('failure');
  });

  it.each([
    ['an altered amount', { amount: '5.00' }],
    ['an altered status', { status: 'success ' }],
    ['a missing hash', { hash: undefined }],
    ['a hash of another salt', { hash: 'a'.repeat(128) }],
    ['a field with |', { udf1: 'store|7' }],
    ['a missing txnid', { txnid: undefined }],
  ])('refuses %s with CheckoutHashError', (_name, change) => {
    const fields: Record<string, string | undefined> = { ...callback(build), ...change };
    const error = thrown(() => checkout.parseCallback(fields));
    expect(error).toBeInstanceOf(CheckoutHashError);
    expect((error as CheckoutHashError).code).toBe('CHECKOUT_HASH_MISMATCH');
  });

  it('refuses a response hashed for another merchant key', () => {
    const other = callback(build, { key: 'otherKey' });
    expect(thrown(() => checkout.parseCallback(other))).toBeInstanceOf(CheckoutHashError);
  });

  it('refuses a field sent twice or not as a string', () => {
    const raw = new URLSearchParams(callback(build)).toString();
    expect(thrown(() => checkout.parseCallback(`${raw}&amount=1.00`))).toBeInstanceOf(
      CheckoutResponseError,
    );
    const arrays = { ...callback(build), udf1: ['a', 'b'] };
    expect(thrown(() => checkout.parseCallback(arrays))).toBeInstanceOf(CheckoutResponseError);
    expect(thrown(() => checkout.parseCallback(42 as never))).toBeInstanceOf(CheckoutResponseError);
  });

  it('refuses a verified response of an unknown status', () => {
    const odd = callback(build, { status: 'bounced' });
    expect(thrown(() => checkout.parseCallback(odd))).toBeInstanceOf(CheckoutResponseError);
  });
});

describe.each(builds)('parseCallback properties through $name', ({ build }) => {
  const checkout = build.createCheckout({ key: KEY, salt: SALT, environment: 'test' });
  const value = (max: number) =>
    fc
      .string({ unit: 'grapheme', maxLength: max })
      .filter((s) => !s.includes('|') && s.length <= max);

  it('reads back, from the raw form body, exactly the fields that were posted', () => {
    fc.assert(
      fc.property(
        fc.record({
          productinfo: value(100),
          firstname: value(60),
          email: value(50),
          udf1: value(255),
          udf5: value(255),
          error_Message: fc.string(),
        }),
        fc.constantFrom('success', 'failure', 'pending'),
        (changes, status) => {
          const posted = callback(build, { ...changes, status });
          const response = checkout.parseCallback(new URLSearchParams(posted).toString());
          expect(response.fields).toEqual(posted);
          expect(response).toMatchObject({ ...changes, status, mihpayid: MIHPAYID });
        },
      ),
    );
  });
});
