import registerCustomerParams from '@wallet/schemas/json-schema/registerCustomer.params.json' with {
  type: 'json',
};
import updateProfileParams from '@wallet/schemas/json-schema/updateProfile.params.json' with {
  type: 'json',
};
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldFlags, flagValue, kebabCase, paramsFromFlags } from './api-flags.js';

describe('fieldFlags', () => {
  it('names nested Register Customer fields by their own name, typed by the schema', () => {
    const flags = fieldFlags(registerCustomerParams, new Set());
    const byFlag = new Map(flags.map((flag) => [flag.flag, flag]));
    expect(byFlag.get('first-name')).toMatchObject({
      path: ['customerDetails', 'firstName'],
      kind: 'string',
      required: true,
    });
    expect(byFlag.get('middle-name')?.required).toBe(false);
    expect(byFlag.get('product-id')).toMatchObject({ kind: 'number', required: true });
    expect(byFlag.get('form-factor-required')).toMatchObject({ kind: 'boolean', required: false });
    expect(byFlag.get('kyc-profile')?.help).toContain('default 30');
    expect(byFlag.get('risk-category')?.kind).toBe('string');
  });

  it('lists each enum value once, as printed (100 and "100" are one value)', () => {
    const flags = fieldFlags(registerCustomerParams, new Set());
    const help = flags.find((flag) => flag.flag === 'risk-category')?.help;
    expect(help).toBe(
      'Risk category: Low/100, Medium/500, High/200; one of Low, Medium, High, 100, 500, 200; default Low',
    );
    const only = fieldFlags({ properties: { x: { enum: [1, '1', 'a', 'a'] } } }, new Set());
    expect(only[0]?.help).toBe('one of 1, a');
  });

  it('uses the whole path when a name is taken, by another field or by the command', () => {
    const schema = {
      properties: {
        city: { type: 'string' },
        address: { properties: { city: { type: 'string' }, json: { type: 'string' } } },
        data: { type: 'string' },
      },
    };
    const flags = fieldFlags(schema, new Set(['data', 'json']));
    expect(flags.map((flag) => flag.flag)).toEqual([
      'city',
      'address-city',
      'address-json',
      'field-data',
    ]);
    const update = fieldFlags(updateProfileParams, new Set()).map((flag) => flag.flag);
    expect(update).toContain('city');
    expect(update).toContain('card-profile-id');
    expect(new Set(update).size).toBe(update.length);
  });
});

describe('kebabCase', () => {
  it.each([
    ['transactionAmount', 'transaction-amount'],
    ['verifyclientTxnId', 'verifyclient-txn-id'],
    ['line1', 'line1'],
    ['urn', 'urn'],
    ['customerID', 'customer-id'],
  ])('%s → %s', (name, flag) => {
    expect(kebabCase(name)).toBe(flag);
  });
});

describe('flagValue', () => {
  it('types numbers and booleans, and leaves what does not convert for the schema to report', () => {
    expect(flagValue('number', '52500')).toBe(52500);
    expect(flagValue('number', '5.25')).toBe(5.25);
    expect(flagValue('number', '5 INR')).toBe('5 INR');
    expect(flagValue('boolean', true)).toBe(true);
    expect(flagValue('boolean', 'false')).toBe(false);
    expect(flagValue('boolean', 'yes')).toBe('yes');
    expect(flagValue('string', '007')).toBe('007');
  });
});

describe('paramsFromFlags', () => {
  const flags = fieldFlags(registerCustomerParams, new Set());

  it('puts every given flag at its field, over the --data body', () => {
    fc.assert(
      fc.property(
        fc.subarray(flags),
        fc.string(),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (given, text, base) => {
          const values = new Map(given.map((flag) => [flag.flag, text]));
          const params = paramsFromFlags(flags, values, base);
          for (const flag of given) {
            let node: unknown = params;
            for (const segment of flag.path) node = (node as Record<string, unknown>)[segment];
            expect(node).toEqual(flagValue(flag.kind, text));
          }
          for (const [key, value] of Object.entries(base)) {
            if (!given.some((flag) => flag.path[0] === key)) expect(params[key]).toEqual(value);
          }
        },
      ),
    );
  });

  it('does not change the --data body it starts from', () => {
    const base = { customerDetails: { firstName: 'A' } };
    paramsFromFlags(flags, new Map([['first-name', 'B']]), base);
    expect(base).toEqual({ customerDetails: { firstName: 'A' } });
  });
});
