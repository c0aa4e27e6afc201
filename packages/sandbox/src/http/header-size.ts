/** The size of a request's header section, as the HTTP server's own limit counts it (roughly). */

/** Bytes of `name: value\r\n` over all headers (names and values as UTF-8). */
export function headerBytes(headers: Headers): number {
  let total = 0;
  headers.forEach((value, name) => {
    total += Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8') + 4;
  });
  return total;
}
