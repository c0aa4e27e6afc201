/**
 * Reading a request body with a hard size cap, enforced while the bytes arrive.
 *
 * Not `hono/body-limit`: it trusts a declared Content-Length, and in-process requests
 * (`sandbox.fetch`) can declare less than they carry, so a handler would still have to count what
 * it read; a chunked body it buffers whole and wraps in a new Request that the handler reads a
 * second time; and as middleware it answers before the route's own checks, while the gateway's
 * form routes refuse a wrong content type (415) or an unknown or settled top-up (404, the callback)
 * before they look at the body's size. One reader serves every route instead.
 */
import { readCappedStream } from '@wallet/http';

/** What `readBodyLimited` found. */
export type BodyReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' };

const EMPTY = new Uint8Array(0);

/** The declared `content-length`, when the request has a well-formed one. */
function declaredLength(request: Request): number | undefined {
  const declared = request.headers.get('content-length')?.trim();
  return declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : undefined;
}

/**
 * Reads `request`'s body, refusing it as soon as it exceeds `maxBytes`: at once when its
 * `content-length` says so, otherwise when the running total of received chunks passes the cap.
 * At most `maxBytes` plus one chunk is ever held; the rest of a refused body is not read.
 *
 * A body whose declared length is within the cap is read in one piece (`arrayBuffer()`), which on
 * the HTTP server reads the socket directly instead of through a web stream: node:http frames such
 * a body by its `content-length`, so no more arrives. The length is checked again after reading,
 * for requests built in-process, whose header nothing enforces.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too-large' };
  }
  if (declared !== undefined) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
  }
  return readStreamLimited(request, maxBytes);
}

/** The chunk-by-chunk read of a body of unknown length (`transfer-encoding: chunked`). */
async function readStreamLimited(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const body = request.body;
  if (body === null) return { ok: true, bytes: EMPTY };
  const bytes = await readCappedStream(body, maxBytes);
  return bytes === undefined ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
}
