import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  envelopeCiphertext,
  failureResponseSchema,
  plainErrorBodySchema,
  responseEnvelopeSchema,
  tokenEnvelopeSchema,
} from './envelope.js';

const vectors = JSON.parse(
  readFileSync(new URL('../../../fixtures/wallet-vectors.json', import.meta.url), 'utf8'),
) as { envelope: { fixedIvToken: string; ivPrefixedToken: string }[] };

describe('wire envelopes', () => {
  it('accepts every vector token as a request envelope', () => {
    for (const v of vectors.envelope) {
      expect(tokenEnvelopeSchema.safeParse({ token: v.fixedIvToken }).success).toBe(true);
      expect(tokenEnvelopeSchema.safeParse({ token: v.ivPrefixedToken }).success).toBe(true);
    }
  });

  it.each([
    [{ token: '' }],
    [{ token: 'abc' }],
    [{ token: 'ab$=' }],
    [{ token: 'QUJD', extra: 1 }],
    [{ result: 'QUJD' }],
    [{}],
  ])('rejects the request envelope %j', (body) => {
    expect(tokenEnvelopeSchema.safeParse(body).success).toBe(false);
  });

  it('reads a response envelope in either spelling', () => {
    const a = responseEnvelopeSchema.parse({ result: 'QUJD' });
    const b = responseEnvelopeSchema.parse({ token: 'QUJDRA==' });
    expect(envelopeCiphertext(a)).toBe('QUJD');
    expect(envelopeCiphertext(b)).toBe('QUJDRA==');
    expect(responseEnvelopeSchema.safeParse({ answer: 'QUJD' }).success).toBe(false);
  });
});

describe('failure bodies', () => {
  it('reads the plain 1055 body and an authentication body without a code', () => {
    expect(
      plainErrorBodySchema.parse({ responseCode: '1055', responseMessage: 'MALFORMED REQUEST' }),
    ).toEqual({ responseCode: '1055', responseMessage: 'MALFORMED REQUEST' });
    expect(
      plainErrorBodySchema.safeParse({ responseMessage: 'SIGNATURE VERIFICATION FAILED' }).success,
    ).toBe(true);
  });

  it('reads an encrypted failure response and refuses a success code in it', () => {
    const body = {
      responseCode: '1020',
      messageCode: 3511,
      clientTxnId: 'x',
      responseMessage: 'customerDetails.firstName: is required',
    };
    expect(failureResponseSchema.safeParse(body).success).toBe(true);
    expect(failureResponseSchema.safeParse({ ...body, responseCode: '00' }).success).toBe(false);
  });
});
