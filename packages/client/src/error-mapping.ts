/**
 * Turns a failure response into the error of its outcome class. The class comes from the error
 * catalogue of `@wallet/schemas` (the platform code's outcome), or from the HTTP status when the
 * response carries no known code (401, 429, 5xx). Messages are built from the catalogue's fixed
 * texts, the route title and the codes; of the platform's own text only the field path a parameter
 * failure names is shown.
 */

import { retryAfterOf } from '@wallet/http';
import { authenticationFailures, lookupError, type OutcomeClass } from '@wallet/schemas';
import {
  type AuthenticationFailureReason,
  WalletApiError,
  type WalletApiErrorDetails,
  WalletAuthenticationError,
  type WalletCallContext,
  WalletConflictError,
  WalletDuplicateRequestError,
  WalletHelperError,
  WalletInvalidRequestError,
  WalletLimitError,
  WalletNotFoundError,
  WalletRateLimitError,
  WalletServerError,
  WalletStateError,
} from './errors.js';
import { requestIdOf } from './response.js';

type ApiErrorClass = new (details: WalletApiErrorDetails, message: string) => WalletApiError;

/** The error class of each outcome class of the catalogue (authentication has its own path). */
const classOfOutcome: Readonly<
  Record<Exclude<OutcomeClass, 'success' | 'authentication'>, ApiErrorClass>
> = {
  envelope: WalletInvalidRequestError,
  'wallet-identifier': WalletInvalidRequestError,
  'message-code': WalletInvalidRequestError,
  validation: WalletInvalidRequestError,
  duplicate: WalletDuplicateRequestError,
  conflict: WalletConflictError,
  'not-found': WalletNotFoundError,
  limit: WalletLimitError,
  'wallet-state': WalletStateError,
  server: WalletServerError,
  helper: WalletHelperError,
};

/** What to do about a failure of each class, when there is something to do. */
const hintOfOutcome: Partial<Record<OutcomeClass, string>> = {
  envelope:
    'The platform could not open the request envelope: check encryptionKey, keyEncoding and iv.',
  'wallet-identifier': 'Check the walletIdentifier setting.',
  duplicate:
    'This clientTxnId was already used for a different request: send the new request with a fresh clientTxnId.',
};

/** How far the platform's clock may be from ours before a 401 suggests checking the clock. */
const CLOCK_HINT_THRESHOLD_MS = 60_000;

const CLOCK_ADVICE =
  "Check this machine's clock (or the client's now option): requests are dated, and the platform refuses a date more than a few minutes away from its own clock.";

const authenticationAdvice: Readonly<Record<AuthenticationFailureReason, string>> = {
  'missing-header': 'the platform found no Authorization header. Check authProfile.',
  'malformed-header': 'the platform could not read the Authorization header. Check authProfile.',
  'clock-skew': `the date header is outside the clock skew the platform allows. ${CLOCK_ADVICE}`,
  'bad-signature':
    'the signature was refused. Check merchantKey, merchantSalt and authProfile (and the clock).',
  'bad-api-key': 'the helper API key was refused. Check helper.apiKey.',
};

/** Everything known about a failure response. */
export interface FailedResponse {
  readonly context: WalletCallContext;
  readonly response: Response;
  readonly text: string;
  /** The decrypted or plain response, when it was a JSON object. */
  readonly body: Readonly<Record<string, unknown>> | undefined;
  /** The API's documented title, for messages. */
  readonly title: string;
  /** The client's clock, to tell a clock problem behind an unexplained 401. */
  readonly now: Date;
}

/** `customerDetails.mobileNumber: must be ...`: the leading field path of a parameter failure. */
const FIELD_PREFIX = /^([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*|\[\d{1,3}\]){0,8}): /;
const CODE_TEXT = /^[A-Za-z0-9]{1,16}$/;

function stringField(body: FailedResponse['body'], key: string): string | undefined {
  const value = body?.[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function numberField(body: FailedResponse['body'], key: string): number | undefined {
  const value = body?.[key];
  return typeof value === 'number' ? value : undefined;
}

function authenticationReason(
  message: string | undefined,
): AuthenticationFailureReason | undefined {
  if (message === undefined) return undefined;
  const wanted = message.trim().toUpperCase();
  for (const [reason, failure] of Object.entries(authenticationFailures)) {
    if (failure.message === wanted) return reason as AuthenticationFailureReason;
  }
  return undefined;
}

/** Whether the platform's `date` header is far from our clock. */
function clocksDisagree(response: Response, now: Date): boolean {
  const header = response.headers.get('date');
  const theirs = header === null ? Number.NaN : Date.parse(header);
  return !Number.isNaN(theirs) && Math.abs(theirs - now.getTime()) > CLOCK_HINT_THRESHOLD_MS;
}

function codeText(details: WalletApiErrorDetails): string {
  const code =
    details.responseCode !== undefined && CODE_TEXT.test(details.responseCode)
      ? `responseCode ${details.responseCode}, `
      : '';
  return `(${code}HTTP ${details.status})`;
}

/** The error for a failure response: the class of its outcome, with a secret-free message. */
export function apiErrorFor(received: FailedResponse): WalletApiError {
  const { response, body, title } = received;
  const responseCode = stringField(body, 'responseCode');
  const responseMessage = stringField(body, 'responseMessage');
  const entry = responseCode === undefined ? undefined : lookupError(responseCode);
  const details: WalletApiErrorDetails = {
    ...received.context,
    status: response.status,
    requestId: requestIdOf(response),
    rawBody: received.text,
    headers: response.headers,
    responseCode,
    responseMessage,
    messageCode: numberField(body, 'messageCode'),
    outcome: entry?.outcome,
    body,
  };

  if (response.status === 401 || entry?.outcome === 'authentication') {
    const reason = authenticationReason(responseMessage);
    const advice =
      reason !== undefined
        ? authenticationAdvice[reason]
        : clocksDisagree(response, received.now)
          ? `the platform's clock and this machine's differ by more than a minute. ${CLOCK_ADVICE}`
          : 'check merchantKey, merchantSalt and authProfile.';
    return new WalletAuthenticationError(
      details,
      `${title} failed authentication ${codeText(details)}: ${advice}`,
      reason,
    );
  }

  if (response.status === 429) {
    const retryAfterMs = retryAfterOf(response.headers, Date.now());
    return new WalletRateLimitError(
      details,
      `${title} was refused: too many requests ${codeText(details)}. Slow down, or raise retries.`,
      retryAfterMs,
    );
  }

  const outcome: OutcomeClass | undefined =
    entry?.outcome ?? (response.status >= 500 ? 'server' : undefined);
  if (outcome === undefined || outcome === 'success') {
    return new WalletApiError(
      details,
      `${title} failed with a response of no known outcome ${codeText(details)}.`,
    );
  }

  let what = entry?.message ?? 'the platform failed';
  // A parameter failure's message starts with the field it names: show the field, and only the
  // field (the rest is the platform's text, kept in `responseMessage`).
  const field =
    outcome === 'validation' ? FIELD_PREFIX.exec(responseMessage ?? '')?.[1] : undefined;
  if (field !== undefined) what = `${what} (field ${field})`;
  const hint = hintOfOutcome[outcome];
  const ErrorClass = classOfOutcome[outcome];
  return new ErrorClass(
    details,
    `${title} failed: ${what} ${codeText(details)}.${hint === undefined ? '' : ` ${hint}`}`,
  );
}
