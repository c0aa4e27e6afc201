/** Reading a request body with a hard size cap, enforced while the bytes arrive. */

/** What `readBodyLimited` found. */
export type BodyReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' };

const EMPTY = new Uint8Array(0);

/**
 * Reads `request`'s body, refusing it as soon as it exceeds `maxBytes`: at once when its
 * `content-length` says so, otherwise when the running total of received chunks passes the cap.
 * At most `maxBytes` plus one chunk is ever held; the rest of a refused body is not read.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<BodyReadResult> {
  const body = request.body;
  if (body === null) return { ok: true, bytes: EMPTY };
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared.trim()) > maxBytes) {
    await body.cancel().catch(() => undefined);
    return { ok: false, reason: 'too-large' };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0] !== undefined) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
