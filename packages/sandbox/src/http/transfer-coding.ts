/**
 * Transfer codings (RFC 9112 section 6): node:http decodes `chunked` and nothing else, so a body
 * sent with any other coding (`Transfer-Encoding: gzip, chunked`) would reach the wallet APIs
 * still coded, and be read as if it were plain. Such requests are refused with 501, as RFC 9112
 * asks of a server that meets a transfer coding it does not understand, before the body is read.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { sandboxResponse } from './responses.js';

/** Whether `headers` name a transfer coding other than a single `chunked`. */
export function hasUnsupportedTransferCoding(headers: Headers): boolean {
  const value = headers.get('transfer-encoding');
  if (value === null) return false;
  return value.trim().toLowerCase() !== 'chunked';
}

/** Answers 501 to a request with a transfer coding other than `chunked`, before its body is read. */
export const refuseUnknownTransferCoding: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!hasUnsupportedTransferCoding(c.req.raw.headers)) return next();
  c.get('exchange').failure = 'transfer-coding';
  c.res = sandboxResponse('transferCodingNotImplemented');
};
