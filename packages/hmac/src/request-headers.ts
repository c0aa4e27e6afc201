import { trimOptionalWhitespace } from './whitespace.js';

/** Anything with a WHATWG-`Headers`-style `get`: `Headers` of Node, Bun, undici or a browser. */
export interface HeadersLike {
  get(name: string): string | null;
}

/**
 * A plain header record, such as Node's `IncomingHttpHeaders`. Names are matched
 * case-insensitively; repeated values (arrays, or names differing only in case) are joined with
 * `, ` as HTTP combines repeated field lines.
 */
export type HeaderRecord = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The request headers `verifyRequest()` reads. */
export type RequestHeaders = HeadersLike | HeaderRecord;

function isHeadersLike(headers: RequestHeaders): headers is HeadersLike {
  return typeof (headers as { get?: unknown }).get === 'function';
}

/**
 * The value of header `name` (lowercase) with surrounding spaces and tabs removed, or `undefined`
 * when it is absent or empty.
 */
export function readHeader(headers: RequestHeaders, name: string): string | undefined {
  let value: string | undefined;
  if (isHeadersLike(headers)) {
    value = headers.get(name) ?? undefined;
  } else {
    const parts: string[] = [];
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() !== name) continue;
      const entry = headers[key];
      if (typeof entry === 'string') parts.push(entry);
      else if (Array.isArray(entry)) parts.push(...entry);
    }
    value = parts.length === 0 ? undefined : parts.join(', ');
  }
  if (value === undefined) return undefined;
  const trimmed = trimOptionalWhitespace(value);
  return trimmed === '' ? undefined : trimmed;
}
