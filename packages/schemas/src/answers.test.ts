import { describe, expect, it } from 'vitest';
import { failureAnswer, plainErrorAnswer, successAnswer } from './answers.js';
import { failureResponseSchema, plainErrorBodySchema } from './envelope.js';
import { errorCatalogue, type PlatformCode } from './error-catalogue.js';
import { SchemaArgumentError, SchemaValidationError } from './validation-error.js';

describe('successAnswer', () => {
  it('fills the common fields from the route table', () => {
    const answer = successAnswer('changeWalletStatus', 'status-0001', {
      accountNumber: '30000000000000000081',
      statusType: 'Debit',
    });
    expect(answer).toEqual({
      responseCode: '00',
      messageCode: 3531,
      clientTxnId: 'status-0001',
      responseMessage: 'WALLET STATUS UPDATED SUCCESSFULLY',
      accountNumber: '30000000000000000081',
      statusType: 'Debit',
    });
  });

  it('refuses an answer that misses a field of the response schema', () => {
    expect(() => successAnswer('load', 'x', { urn: '5' })).toThrow(SchemaValidationError);
    expect(() => successAnswer('load', 'x', { urn: '5' })).toThrow(
      'Load answer: transactionAmount: ',
    );
  });
});

describe('failureAnswer', () => {
  it('echoes the request and names the first offending field for 1020', () => {
    const answer = failureAnswer('1020', {
      requestMessageCode: 3510,
      clientTxnId: 'txn12345',
      responseMessage: 'customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY',
    });
    expect(answer).toEqual({
      responseCode: '1020',
      messageCode: 3511,
      clientTxnId: 'txn12345',
      responseMessage: 'customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY',
    });
    expect(failureResponseSchema.safeParse(answer).success).toBe(true);
  });

  it('uses the catalogue message by default', () => {
    expect(
      failureAnswer('5000', { requestMessageCode: 1080, clientTxnId: 'a' }).responseMessage,
    ).toBe('DUPLICATE REQUEST');
  });

  it('refuses codes that are answered in plain JSON, and success', () => {
    expect(() => failureAnswer('1055')).toThrow(SchemaArgumentError);
    expect(() => failureAnswer('00')).toThrow(SchemaArgumentError);
  });
});

describe('plainErrorAnswer', () => {
  it('gives every plain code its body', () => {
    const plain = Object.values(errorCatalogue).filter((e) => !e.encrypted);
    expect(plain.map((e) => e.code).sort()).toEqual(
      ['1031', '1049', '1052', '1055', '1058', '1262', '1264', '1310', '1311'].sort(),
    );
    for (const entry of plain) {
      const body = plainErrorAnswer(entry.code as PlatformCode);
      expect(plainErrorBodySchema.parse(body)).toEqual({
        responseCode: entry.code,
        responseMessage: entry.message,
      });
    }
    expect(plainErrorAnswer('1055')).toEqual({
      responseCode: '1055',
      responseMessage: 'MALFORMED REQUEST',
    });
  });

  it('refuses codes answered encrypted', () => {
    expect(() => plainErrorAnswer('1020')).toThrow(SchemaArgumentError);
  });
});
