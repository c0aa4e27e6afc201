/** Reading an answer body: JSON, then an envelope or a plain platform body. */
import type { JsonObject } from '@wallet/crypto';
import { envelopeCiphertext, type ResponseEnvelope } from '@wallet/schemas';
import { type WalletAnswerDetails, type WalletCallContext, WalletEnvelopeError } from './errors.js';

/** The final answer of a request, whatever its status. */
export interface Answer {
  readonly response: Response;
  /** The body as received. */
  readonly text: string;
  readonly context: WalletCallContext;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id'] as const;

/** The answer's request id header, if it sent one. */
export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
}

/**
 * The ciphertext of an answer envelope (`result`, PayU's field, or `token`, Wibmo's), or
 * `undefined` for any other body. Whether it is base64 at all is the envelope's to judge: a bad
 * token fails to open like any other unreadable one.
 */
export function envelopeToken(body: JsonObject | undefined): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body.result !== 'string' && typeof body.token !== 'string') return undefined;
  return envelopeCiphertext(body as ResponseEnvelope);
}

export function answerDetails(answer: Answer): WalletAnswerDetails {
  return {
    status: answer.response.status,
    requestId: requestIdOf(answer.response),
    rawBody: answer.text,
    headers: answer.response.headers,
  };
}

/** The error for an answer that cannot be read, saying why in fixed words. */
export function unreadable(answer: Answer, reason: string): WalletEnvelopeError {
  return new WalletEnvelopeError(answer.context, answerDetails(answer), reason);
}
