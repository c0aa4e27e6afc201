import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRequest } from '../builders.js';
import { examples } from '../examples.js';
import { validateRequest, validateResponse } from '../validate.js';
import { callbackUrlSchema } from './pg-load.js';

const pgLoad = examples.pgLoad.request;
const enquiry = examples.pgLoadEnquiry.request;

describe('PG Load request', () => {
  it('carries no messageCode: one is an unknown field (1020), not a wrong code (1010)', () => {
    const result = validateRequest('pgLoad', { ...pgLoad, messageCode: 1080 });
    expect(result.ok || [result.summary, result.responseCode]).toEqual([
      'messageCode: is not an allowed field',
      '1020',
    ]);
  });

  it.each([
    ['customer', 'customer: is required'],
    ['loadAmount', 'loadAmount: is required'],
    ['surl', 'surl: is required'],
    ['furl', 'furl: is required'],
  ] as const)('requires %s', (field, summary) => {
    const { [field]: _dropped, ...rest } = pgLoad;
    const result = validateRequest('pgLoad', rest);
    expect(result.ok || result.summary).toBe(summary);
  });

  it('requires the customer first name and mobile number, and checks their rules', () => {
    const customer = { firstName: 'Alice', mobileNumber: '917001122334' };
    expect(validateRequest('pgLoad', { ...pgLoad, customer }).ok).toBe(true);
    const noMobile = validateRequest('pgLoad', { ...pgLoad, customer: { firstName: 'Alice' } });
    expect(noMobile.ok || noMobile.summary).toBe('customer.mobileNumber: is required');
    const badName = validateRequest('pgLoad', {
      ...pgLoad,
      customer: { ...customer, firstName: 'R2D2' },
    });
    expect(badName.ok || badName.issues[0]?.path).toBe('customer.firstName');
  });

  it.each([
    [1, true, undefined],
    [0, false, '1322'],
    [1.5, false, '1020'],
    ['500', false, '1020'],
  ])('loadAmount %j: ok=%s, code %s', (amount, ok, code) => {
    const result = validateRequest('pgLoad', { ...pgLoad, loadAmount: amount });
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect([result.issues[0]?.path, result.responseCode]).toEqual(['loadAmount', code]);
  });

  it('accepts INR only, and no urn (the wallet is then found by mobile number)', () => {
    expect(validateRequest('pgLoad', { ...pgLoad, currency: 'USD' }).ok).toBe(false);
    const { urn: _urn, currency: _currency, ...rest } = pgLoad;
    expect(validateRequest('pgLoad', rest).ok).toBe(true);
  });

  it.each([
    'ftp://shop.example.in/ok',
    '/wallet/topup/success',
    'shop.example.in/ok',
    'https://shop.example.in/ok?a=1|2',
    `https://shop.example.in/${'a'.repeat(250)}`,
  ])('refuses the callback URL %s', (url) => {
    const result = validateRequest('pgLoad', { ...pgLoad, surl: url });
    expect(result.ok || result.issues[0]?.path).toBe('surl');
  });

  it('accepts an absolute http(s) URL exactly when it has at most 255 characters and no |', () => {
    const url = fc
      .tuple(
        fc.constantFrom('http', 'https', 'HTTPS'),
        fc.stringMatching(/^[a-z0-9]{1,20}(\.[a-z]{2,6}){1,2}(:\d{2,4})?$/),
        fc.string({ unit: fc.constantFrom(...'abcXYZ019-._~/?=&%#|'), maxLength: 300 }),
      )
      .map(([scheme, host, rest]) => `${scheme}://${host}/${rest}`);
    fc.assert(
      fc.property(url, (value) => {
        const ok = callbackUrlSchema.safeParse(value).success;
        expect(ok).toBe(value.length <= 255 && !value.includes('|'));
      }),
    );
  });

  it('refuses every string that is not an absolute http(s) URL', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        fc.pre(!/^https?:\/\//i.test(text.trim()));
        expect(callbackUrlSchema.safeParse(text).success).toBe(false);
      }),
    );
  });

  it('builds without a messageCode', () => {
    const { clientTxnId: _id, requestDateTime: _at, ...params } = pgLoad;
    const request = buildRequest('pgLoad', params, { clientTxnId: 'topup-9' });
    expect('messageCode' in request).toBe(false);
    expect(request.clientTxnId).toBe('topup-9');
    expect(JSON.parse(JSON.stringify(request))).toEqual(request);
  });
});

describe('PG Load response', () => {
  it('reads the redirect URL and the PayU id, and needs no messageCode', () => {
    const result = validateResponse('pgLoad', examples.pgLoad.response);
    expect(result.ok && result.value.data).toEqual(examples.pgLoad.response.data);
    const { data: _data, ...noData } = examples.pgLoad.response;
    expect(validateResponse('pgLoad', noData).ok).toBe(false);
  });
});

describe('PG Load Enquiry', () => {
  it('is clientTxnId and requestDateTime only', () => {
    expect(validateRequest('pgLoadEnquiry', enquiry).ok).toBe(true);
    const extra = validateRequest('pgLoadEnquiry', { ...enquiry, urn: '10000000005' });
    expect(extra.ok || extra.summary).toBe('urn: is not an allowed field');
  });

  it('builds with the clientTxnId asked about, which its params carry', () => {
    const request = buildRequest('pgLoadEnquiry', { clientTxnId: 'topup_0001' });
    expect(Object.keys(request).sort()).toEqual(['clientTxnId', 'requestDateTime']);
    expect(request.clientTxnId).toBe('topup_0001');
  });

  it.each(['SUCCESS', 'FAILED', 'PENDING'])('reads status %s', (status) => {
    const response = { ...examples.pgLoadEnquiry.response, status };
    expect(validateResponse('pgLoadEnquiry', response).ok).toBe(true);
  });

  it('reads a null accosaRefNo (not credited yet) and refuses an unknown status', () => {
    const pending = { ...examples.pgLoadEnquiry.response, status: 'PENDING', accosaRefNo: null };
    expect(validateResponse('pgLoadEnquiry', pending).ok).toBe(true);
    const odd = { ...examples.pgLoadEnquiry.response, status: 'DONE' };
    const result = validateResponse('pgLoadEnquiry', odd);
    expect(result.ok || result.issues[0]?.path).toBe('status');
  });
});
