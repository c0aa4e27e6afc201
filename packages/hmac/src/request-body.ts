import { HmacOptionError } from './errors.js';

/** A request body as it goes on the wire: text (sent as UTF-8) or raw bytes. */
export type RequestBody = string | Uint8Array;

/**
 * `body` checked for callers without TypeScript, with an omitted body read as an empty one.
 *
 * @throws {HmacOptionError} `body` for anything but a string or a `Uint8Array`.
 */
export function bodyOrEmpty(body: RequestBody | undefined): RequestBody {
  if (body === undefined) return '';
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new HmacOptionError('body');
}
