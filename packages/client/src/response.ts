/** Reading a response body: JSON, then an envelope or a plain platform body. */
import type { JsonObject } from '@wallet/crypto';
import { envelopeCiphertext, type ResponseEnvelope } from '@wallet/schemas';
import {
  type WalletCallContext,
  WalletEnvelopeError,
  type WalletResponseDetails,
} from './errors.js';

/** The final response of a request, whatever its status. */
export interface ReceivedResponse {
  readonly response: Response;
  /** The body as received. */
  readonly text: string;
  readonly context: WalletCallContext;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id'] as const;

/** The response's request id header, if it sent one. */
export function requestIdOf(response: Response): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
}

/**
 * The ciphertext of a response envelope (`result`, PayU's field, or `token`, Wibmo's), or
 * `undefined` for any other body. Whether it is base64 at all is the envelope's to judge: a bad
 * token fails to open like any other unreadable one.
 */
export function envelopeToken(body: JsonObject | undefined): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body.result !== 'string' && typeof body.token !== 'string') return undefined;
  return envelopeCiphertext(body as ResponseEnvelope);
}

export function responseDetails(received: ReceivedResponse): WalletResponseDetails {
  return {
    status: received.response.status,
    requestId: requestIdOf(received.response),
    rawBody: received.text,
    headers: received.response.headers,
  };
}

/** The error for a response that cannot be read, saying why in fixed words. */
export function unreadable(received: ReceivedResponse, reason: string): WalletEnvelopeError {
  return new WalletEnvelopeError(received.context, responseDetails(received), reason);
}
