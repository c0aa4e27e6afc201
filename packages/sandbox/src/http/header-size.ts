/**
 * The cap on a request's header section. On the server node:http refuses a larger one before any
 * routing (`maxHeaderSize`); this middleware holds every request, in-process ones included, to it.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { HeaderField } from './header-fields.js';
import { sandboxResponse } from './responses.js';

/** Bytes of `name: value\r\n` over all headers (names and values as UTF-8), roughly as node:http counts. */
export function headerBytes(fields: readonly HeaderField[]): number {
  let total = 0;
  for (const [name, value] of fields) {
    total += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8') + 4;
  }
  return total;
}

/** Answers 431 to a request whose headers are larger than `maxBytes` (after recordExchange). */
export function headerCap(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (headerBytes(c.get('headerFields')) <= maxBytes) return next();
    c.get('exchange').failure = 'headers-too-large';
    c.res = sandboxResponse('headersTooLarge');
  };
}
