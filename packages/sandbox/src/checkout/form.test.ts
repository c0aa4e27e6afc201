import { describe, expect, it } from 'vitest';
import { bodyText, isFormContentType, parseForm } from './form.js';

describe('parseForm', () => {
  it('reads each field once, decoding + and percent escapes', () => {
    const read = parseForm('key=k&email=a%40b.in&productinfo=Tea+leaves&udf1=');
    expect(read.ok && Object.fromEntries(read.fields)).toEqual({
      key: 'k',
      email: 'a@b.in',
      productinfo: 'Tea leaves',
      udf1: '',
    });
  });

  it('refuses a field posted twice, naming it and not its values', () => {
    expect(parseForm('amount=1&hash=x&amount=100')).toEqual({
      ok: false,
      problem: 'amount: must be posted once',
    });
  });
});

describe('isFormContentType and bodyText', () => {
  it('accept a urlencoded form with any charset, and only valid UTF-8', () => {
    expect(isFormContentType('application/x-www-form-urlencoded; charset=UTF-8')).toBe(true);
    expect(isFormContentType('application/json')).toBe(false);
    expect(isFormContentType(null)).toBe(false);
    expect(bodyText(new Uint8Array([0x61, 0xff]))).toBeUndefined();
    expect(bodyText(new TextEncoder().encode('a=é'))).toBe('a=é');
  });
});
