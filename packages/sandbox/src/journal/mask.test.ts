import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../store/json.js';
import { maskPersonal, personalFieldNames, personalKind } from './mask.js';

describe('maskPersonal', () => {
  it('finds the personal fields in the request schemas themselves', () => {
    const fields = personalFieldNames();
    expect(fields.get('firstName')).toBe('name');
    expect(fields.get('lastName')).toBe('name');
    expect(fields.get('mobileNumber')).toBe('mobile');
    expect(fields.get('customerMobile')).toBe('mobile');
    expect(fields.get('emailAddress')).toBe('email');
    expect(fields.get('emailId')).toBe('email');
    expect(fields.has('urn')).toBe(false);
    expect(fields.has('transactionAmount')).toBe(false);
  });

  it('treats response fields named by the stem of a personal request field as personal', () => {
    expect(personalKind('mobile')).toBe('mobile');
    expect(personalKind('email')).toBe('email');
    expect(personalKind('customerId')).toBeUndefined();
    expect(personalKind('urn')).toBeUndefined();
  });

  it('hides names, mobile numbers and emails in a registration, at any depth', () => {
    const masked = maskPersonal({
      clientTxnId: 'abc',
      customerDetails: {
        firstName: 'Asha',
        middleName: 'Devi',
        lastName: 'Rao Kumar',
        mobileNumber: '919988776655',
        emailAddress: 'asha.rao@example.com',
        dateOfBirth: '15-08-1990',
      },
      productId: 35,
    });
    expect(masked).toEqual({
      clientTxnId: 'abc',
      customerDetails: {
        firstName: 'A***',
        middleName: 'D***',
        lastName: 'R*** K***',
        mobileNumber: '********6655',
        emailAddress: 'a***@example.com',
        dateOfBirth: '15-08-1990',
      },
      productId: 35,
    });
    const text = JSON.stringify(masked);
    expect(text).not.toContain('Asha');
    expect(text).not.toContain('9988776655');
    expect(text).not.toContain('asha.rao');
  });

  it('hides them in a Retrieve Customer response too', () => {
    expect(
      maskPersonal({
        customerId: 'c1',
        mobile: '917001122334',
        email: 'bob@example.in',
        firstName: 'Bob',
        urn: '10000000005',
      }),
    ).toEqual({
      customerId: 'c1',
      mobile: '********2334',
      email: 'b***@example.in',
      firstName: 'B***',
      urn: '10000000005',
    });
  });

  it('keeps an own __proto__ key as a key, without touching any prototype', () => {
    const body = JSON.parse(
      '{"__proto__":0,"a":{"__proto__":{"firstName":"Asha Rao"}},"b":[{"__proto__":"x"}]}',
    ) as JsonObject;
    const masked = maskPersonal(body);
    expect(Object.keys(masked)).toEqual(['__proto__', 'a', 'b']);
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toBe(0);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    const inner = masked.a as JsonObject;
    expect(Object.keys(inner)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(inner, '__proto__')?.value).toEqual({
      firstName: 'A*** R***',
    });
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(JSON.stringify(masked)).toBe(
      '{"__proto__":0,"a":{"__proto__":{"firstName":"A*** R***"}},"b":[{"__proto__":"x"}]}',
    );
  });

  it('keeps every key and every value of a field that is not personal', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        tie('object'),
      ),
      object: fc.dictionary(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor')),
        tie('value'),
        { maxKeys: 4 },
      ),
    }));
    fc.assert(
      fc.property(json.object, (body) => {
        const input = body as JsonObject;
        const masked = maskPersonal(input);
        expect(Object.keys(masked)).toEqual(Object.keys(input));
        for (const [key, value] of Object.entries(input)) {
          if (personalKind(key) === undefined && (typeof value !== 'object' || value === null)) {
            expect(masked[key]).toEqual(value);
          }
        }
      }),
    );
  });
});
