/** Reading a body with a cap on its size, enforced while it streams. */

/**
 * The body of `response`, or `undefined` once it is known to exceed `maxBytes`: from its
 * `Content-Length`, or as soon as the bytes read pass the cap. Either way the body is cancelled
 * there, which closes the connection instead of reading on.
 */
export async function readCappedBody(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const { body } = response;
  if (body === null) return new Uint8Array(0);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await body.cancel().catch(() => undefined);
    return undefined;
  }
  return readCappedStream(body, maxBytes);
}

/**
 * The bytes of `stream`, or `undefined` as soon as the bytes read pass `maxBytes`, when the
 * stream is cancelled and the rest is never read. At most `maxBytes` plus one chunk is held.
 */
export async function readCappedStream(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
