import { authenticationFailures, errorCatalogue, type OutcomeClass } from '@wallet/schemas';
import { describe, expect, it } from 'vitest';
import { apiErrorFor, type FailedResponse } from './error-mapping.js';
import {
  WalletApiError,
  WalletAuthenticationError,
  WalletConflictError,
  WalletDuplicateRequestError,
  WalletErrorCode,
  WalletHelperError,
  WalletInvalidRequestError,
  WalletLimitError,
  WalletNotFoundError,
  WalletRateLimitError,
  WalletServerError,
  WalletStateError,
} from './errors.js';

const NOW = new Date('2024-04-09T10:00:00Z');

function failure(
  status: number,
  body: Record<string, unknown> | undefined,
  headers: Record<string, string> = {},
  text = body === undefined ? '<html>Bad gateway</html>' : JSON.stringify(body),
): FailedResponse {
  return {
    context: {
      api: 'registerCustomer',
      method: 'POST',
      path: '/loyalty-points/v1/wallet/enroll',
      clientTxnId: 'txn-42',
      attempts: 1,
    },
    response: new Response(text, { status, headers }),
    text,
    body,
    title: 'Register Customer',
    now: NOW,
  };
}

function platformFailure(code: string, extra: Record<string, unknown> = {}): FailedResponse {
  const entry = errorCatalogue[code as keyof typeof errorCatalogue];
  return failure(entry.httpStatus, {
    responseCode: code,
    messageCode: 3511,
    clientTxnId: 'txn-42',
    responseMessage: entry.message,
    ...extra,
  });
}

describe('mapping failure responses to errors', () => {
  it('gives every catalogue code an error of its outcome class, never the generic one', () => {
    const failures = Object.values(errorCatalogue).filter((entry) => entry.outcome !== 'success');
    expect(failures.length).toBeGreaterThan(20);
    for (const entry of failures) {
      const error = apiErrorFor(platformFailure(entry.code));
      expect(error).toBeInstanceOf(WalletApiError);
      expect(error.code).not.toBe(WalletErrorCode.Api);
      expect(error.responseCode).toBe(entry.code);
      expect(error.outcome).toBe(entry.outcome);
      expect(error.status).toBe(entry.httpStatus);
      expect(error.clientTxnId).toBe('txn-42');
      expect(error.message).toContain(entry.message);
      expect(error.message).toContain(`responseCode ${entry.code}`);
    }
  });

  it('sends each outcome class to its own class', () => {
    const expected: [string, new (...args: never[]) => WalletApiError, OutcomeClass][] = [
      ['1020', WalletInvalidRequestError, 'validation'],
      ['1010', WalletInvalidRequestError, 'message-code'],
      ['1055', WalletInvalidRequestError, 'envelope'],
      ['1058', WalletInvalidRequestError, 'wallet-identifier'],
      ['5000', WalletDuplicateRequestError, 'duplicate'],
      ['1030', WalletConflictError, 'conflict'],
      ['1040', WalletNotFoundError, 'not-found'],
      ['29201', WalletNotFoundError, 'not-found'],
      ['3007', WalletLimitError, 'limit'],
      ['1050', WalletLimitError, 'limit'],
      ['1117', WalletStateError, 'wallet-state'],
      ['6002', WalletStateError, 'wallet-state'],
      ['1052', WalletServerError, 'server'],
      ['1262', WalletHelperError, 'helper'],
      ['1031', WalletHelperError, 'helper'],
    ];
    for (const [code, ErrorClass, outcome] of expected) {
      const error = apiErrorFor(platformFailure(code));
      expect(error, code).toBeInstanceOf(ErrorClass);
      expect(error.outcome).toBe(outcome);
    }
  });

  it('shows the field a parameter failure names, and nothing else of the platform text', () => {
    const error = apiErrorFor(
      platformFailure('1020', {
        responseMessage: 'customerDetails.mobileNumber: must be 10 to 15 digits (got 12345)',
      }),
    );
    expect(error.message).toBe(
      'Register Customer failed: INVALID PARAMETERS (field customerDetails.mobileNumber) (responseCode 1020, HTTP 400).',
    );
    expect(error.responseMessage).toContain('got 12345');
  });

  it('tells what to do about a duplicate clientTxnId and an unreadable envelope', () => {
    expect(apiErrorFor(platformFailure('5000')).message).toMatch(/fresh clientTxnId/);
    expect(apiErrorFor(platformFailure('1055')).message).toMatch(
      /check encryptionKey, keyEncoding and iv/,
    );
    expect(apiErrorFor(platformFailure('1058')).message).toMatch(/walletIdentifier/);
  });

  it('never puts the platform text of other classes or the raw body in the message', () => {
    const error = apiErrorFor(
      platformFailure('1040', { responseMessage: 'NO CUSTOMER asha@example.com / 919900112233' }),
    );
    expect(error.message).toBe(
      'Register Customer failed: CUSTOMER NOT FOUND (responseCode 1040, HTTP 404).',
    );
    expect(error.rawBody).toContain('asha@example.com');
  });

  it('reads the class of an authentication failure and advises on it', () => {
    for (const [reason, { message }] of Object.entries(authenticationFailures)) {
      const error = apiErrorFor(failure(401, { responseMessage: message }));
      expect(error).toBeInstanceOf(WalletAuthenticationError);
      expect((error as WalletAuthenticationError).reason).toBe(reason);
      expect(error.code).toBe(WalletErrorCode.Authentication);
      expect(error.responseCode).toBeUndefined();
    }
    const skew = apiErrorFor(
      failure(401, { responseMessage: authenticationFailures['clock-skew'].message }),
    );
    expect(skew.message).toMatch(/Check this machine's clock/);
    const signature = apiErrorFor(
      failure(401, { responseMessage: authenticationFailures['bad-signature'].message }),
    );
    expect(signature.message).toMatch(/Check merchantKey, merchantSalt and authProfile/);
  });

  it('suggests the clock when an unexplained 401 comes from a platform whose clock differs from ours', () => {
    const far = apiErrorFor(
      failure(401, { responseMessage: 'UNAUTHORIZED' }, { date: 'Tue, 09 Apr 2024 10:10:00 GMT' }),
    );
    expect(far.message).toMatch(/differ by more than a minute.*Check this machine's clock/);
    const near = apiErrorFor(
      failure(401, { responseMessage: 'UNAUTHORIZED' }, { date: 'Tue, 09 Apr 2024 10:00:05 GMT' }),
    );
    expect(near.message).not.toMatch(/clock/);
    expect((near as WalletAuthenticationError).reason).toBeUndefined();
  });

  it('maps 429 to a rate-limit error that keeps the Retry-After', () => {
    const error = apiErrorFor(failure(429, undefined, { 'retry-after': '3' }, 'slow down'));
    expect(error).toBeInstanceOf(WalletRateLimitError);
    expect((error as WalletRateLimitError).retryAfterMs).toBe(3000);
  });

  it('maps a 5xx without a platform body (a gateway page) to a server error', () => {
    const error = apiErrorFor(failure(502, undefined));
    expect(error).toBeInstanceOf(WalletServerError);
    expect(error.message).toBe('Register Customer failed: the platform failed (HTTP 502).');
    expect(error.rawBody).toBe('<html>Bad gateway</html>');
  });

  it('keeps a response of no known class generic, with its code if it looks like one', () => {
    const unknown = apiErrorFor(failure(400, { responseCode: '9999', responseMessage: 'NEW' }));
    expect(unknown.constructor).toBe(WalletApiError);
    expect(unknown.code).toBe(WalletErrorCode.Api);
    expect(unknown.message).toBe(
      'Register Customer failed with a response of no known outcome (responseCode 9999, HTTP 400).',
    );
    const odd = apiErrorFor(failure(400, { responseCode: 'x y <script>', responseMessage: 'NEW' }));
    expect(odd.message).toBe(
      'Register Customer failed with a response of no known outcome (HTTP 400).',
    );
  });

  it('reads the request id header', () => {
    const failed = failure(
      404,
      { responseCode: '1040', responseMessage: 'CUSTOMER NOT FOUND' },
      {
        'x-request-id': 'req-77',
      },
    );
    expect(apiErrorFor(failed).requestId).toBe('req-77');
  });
});
