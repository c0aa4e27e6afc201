import { describe, expect, it } from 'vitest';
import { failureResponseSchema, plainErrorBodySchema } from './envelope.js';
import { errorCatalogue, type PlatformCode } from './error-catalogue.js';
import {
  failureAnswer,
  failureResponse,
  plainErrorAnswer,
  plainErrorResponse,
  successAnswer,
  successResponse,
} from './responses.js';
import { SchemaArgumentError, SchemaValidationError } from './validation-error.js';

describe('successResponse', () => {
  it('fills the common fields from the route table', () => {
    const response = successResponse('changeWalletStatus', 'status-0001', {
      accountNumber: '30000000000000000081',
      statusType: 'Debit',
    });
    expect(response).toEqual({
      responseCode: '00',
      messageCode: 3531,
      clientTxnId: 'status-0001',
      responseMessage: 'WALLET STATUS UPDATED SUCCESSFULLY',
      accountNumber: '30000000000000000081',
      statusType: 'Debit',
    });
  });

  it('refuses a response that misses a field of the response schema', () => {
    expect(() => successResponse('load', 'x', { urn: '5' })).toThrow(SchemaValidationError);
    expect(() => successResponse('load', 'x', { urn: '5' })).toThrow(
      'Load response: transactionAmount: ',
    );
  });
});

describe('failureResponse', () => {
  it('echoes the request and names the first offending field for 1020', () => {
    const response = failureResponse('1020', {
      requestMessageCode: 3510,
      clientTxnId: 'txn12345',
      responseMessage: 'customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY',
    });
    expect(response).toEqual({
      responseCode: '1020',
      messageCode: 3511,
      clientTxnId: 'txn12345',
      responseMessage: 'customerDetails.dateOfBirth: must be a real date in DD-MM-YYYY',
    });
    expect(failureResponseSchema.safeParse(response).success).toBe(true);
  });

  it('uses the catalogue message by default', () => {
    expect(
      failureResponse('5000', { requestMessageCode: 1080, clientTxnId: 'a' }).responseMessage,
    ).toBe('DUPLICATE REQUEST');
  });

  it('refuses codes that are answered in plain JSON, and success', () => {
    expect(() => failureResponse('1055')).toThrow(SchemaArgumentError);
    expect(() => failureResponse('00')).toThrow(SchemaArgumentError);
  });
});

describe('plainErrorResponse', () => {
  it('gives every plain code its body', () => {
    const plain = Object.values(errorCatalogue).filter((e) => !e.encrypted);
    expect(plain.map((e) => e.code).sort()).toEqual(
      ['1031', '1049', '1052', '1055', '1058', '1262', '1264', '1310', '1311'].sort(),
    );
    for (const entry of plain) {
      const body = plainErrorResponse(entry.code as PlatformCode);
      expect(plainErrorBodySchema.parse(body)).toEqual({
        responseCode: entry.code,
        responseMessage: entry.message,
      });
    }
    expect(plainErrorResponse('1055')).toEqual({
      responseCode: '1055',
      responseMessage: 'MALFORMED REQUEST',
    });
  });

  it('refuses codes answered encrypted', () => {
    expect(() => plainErrorResponse('1020')).toThrow(SchemaArgumentError);
  });
});

describe('the deprecated answer names', () => {
  it('are the response functions under their old names', () => {
    expect(successAnswer).toBe(successResponse);
    expect(failureAnswer).toBe(failureResponse);
    expect(plainErrorAnswer).toBe(plainErrorResponse);
  });
});
