/**
 * A request's header fields as `Headers` iterates them: lower-case names in order, a repeated
 * field's values joined (`; ` for `cookie`, `, ` for the others), each `set-cookie` on its own,
 * values without surrounding whitespace. For a request that came over node:http they are read from
 * its raw header list: the node-server adapter builds the request's `Headers` only when something
 * iterates them, and building it costs more than the request's whole routing.
 */

/** One header field: lower-case name and value. */
export type HeaderField = readonly [name: string, value: string];

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** The header fields of `request`; `rawHeaders` is node:http's list of it, when it has one. */
export function headerFields(
  request: Request,
  rawHeaders: readonly string[] | undefined,
): HeaderField[] {
  if (rawHeaders === undefined) {
    const fields: HeaderField[] = [];
    request.headers.forEach((value, name) => {
      fields.push([name, value]);
    });
    return fields;
  }
  return fieldsOfRawHeaders(rawHeaders);
}

/** What `new Headers()` with each raw pair appended would iterate (HTTP/2 pseudo-headers left out). */
export function fieldsOfRawHeaders(rawHeaders: readonly string[]): HeaderField[] {
  const joined = new Map<string, string>();
  const setCookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    if (name.startsWith(':')) continue;
    const lower = name.toLowerCase();
    const value = (rawHeaders[i + 1] as string).replace(HTTP_WHITESPACE, '');
    if (lower === 'set-cookie') setCookies.push(value);
    const earlier = joined.get(lower);
    if (earlier === undefined) joined.set(lower, value);
    else joined.set(lower, `${earlier}${lower === 'cookie' ? '; ' : ', '}${value}`);
  }
  const fields: HeaderField[] = [];
  for (const name of [...joined.keys()].sort()) {
    if (name === 'set-cookie') {
      for (const cookie of setCookies) fields.push([name, cookie]);
    } else {
      fields.push([name, joined.get(name) as string]);
    }
  }
  return fields;
}
