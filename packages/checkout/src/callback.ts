/**
 * Reading a payment response posted to the merchant (checkout.md section 4): the raw
 * `application/x-www-form-urlencoded` body, `URLSearchParams`, `FormData` or the plain object a
 * framework parsed it into. The hash is checked before anything else is read: a response that
 * does not verify is a {@link CheckoutHashError}, whatever else is wrong with it.
 */
import type { Digest } from './digest.js';
import { CheckoutHashError, CheckoutResponseError } from './errors.js';
import { verifyResponseHashWith } from './hashes.js';
import { isPaymentStatus, type PaymentResponse, paymentDetails } from './response.js';

/** What `parseCallback()` reads: what Express, Hono, Fastify and Next route handlers hand you. */
export type CallbackBody = string | URLSearchParams | FormData | Readonly<Record<string, unknown>>;

/** Longest accepted raw body: a response is a few hundred bytes; PayU's fields cap it far below. */
const MAX_BODY_LENGTH = 64 * 1024;

function put(fields: Record<string, string>, name: string, value: unknown): void {
  if (typeof value !== 'string') {
    throw new CheckoutResponseError(`The payment response field ${name} is not a single string.`);
  }
  if (Object.hasOwn(fields, name)) {
    throw new CheckoutResponseError(`The payment response carries the field ${name} twice.`);
  }
  fields[name] = value;
}

/** The body's fields as strings (a null-prototype record), each name once. */
export function callbackFields(body: CallbackBody): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  if (typeof body === 'string') {
    if (body.length > MAX_BODY_LENGTH) {
      throw new CheckoutResponseError('The payment response body is too long.');
    }
    for (const [name, value] of new URLSearchParams(body)) put(fields, name, value);
  } else if (body instanceof URLSearchParams || body instanceof FormData) {
    for (const [name, value] of body) put(fields, name, value);
  } else if (typeof body === 'object' && body !== null) {
    for (const name of Object.keys(body)) {
      const value = body[name];
      if (value !== undefined) put(fields, name, value);
    }
  } else {
    throw new CheckoutResponseError(
      'The payment response must be a form-urlencoded string, URLSearchParams, FormData or an object.',
    );
  }
  return fields;
}

/**
 * The typed payment response of `body`, once its hash verified under `salt` (and its key is the
 * merchant's, when `key` is given).
 * @throws {CheckoutHashError} when the hash is absent or does not verify.
 * @throws {CheckoutResponseError} when the body is unreadable, or verified but of an unknown status.
 */
export function parseCallbackWith(
  digest: Digest,
  body: CallbackBody,
  salt: string,
  key?: string,
): PaymentResponse {
  const fields = callbackFields(body);
  if (!verifyResponseHashWith(digest, fields as never, salt)) throw new CheckoutHashError();
  if (key !== undefined && fields.key !== key) {
    throw new CheckoutHashError(
      'The payment response is for another merchant key: do not trust it.',
    );
  }
  const status = fields.status ?? '';
  if (!isPaymentStatus(status)) {
    throw new CheckoutResponseError(
      'The payment response status is not success, failure or pending.',
    );
  }
  return { ...paymentDetails(fields, status), hash: fields.hash ?? '' };
}
