import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBodyLimited } from './read-body.js';

function streamed(
  chunks: readonly Uint8Array[],
  pulled: { count: number },
): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else {
        pulled.count++;
        controller.enqueue(chunk);
      }
    },
  });
}

function request(
  body: ReadableStream<Uint8Array> | string | null,
  headers: Record<string, string> = {},
) {
  return new Request('http://sandbox.test/', {
    method: 'POST',
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

describe('readBodyLimited', () => {
  it('returns the exact bytes of any body within the limit, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }),
        async (chunks) => {
          const total = chunks.reduce((sum, c) => sum + c.length, 0);
          const result = await readBodyLimited(
            request(streamed(chunks, { count: 0 })),
            Math.max(total, 1),
          );
          expect(result.ok).toBe(true);
          if (result.ok) expect(Buffer.from(result.bytes)).toEqual(Buffer.concat(chunks));
        },
      ),
    );
  });

  it('refuses a body one byte over the limit, and stops reading at the first chunk past it', async () => {
    const pulled = { count: 0 };
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(10));
    const result = await readBodyLimited(request(streamed(chunks, pulled)), 25);
    expect(result).toEqual({ ok: false, reason: 'too-large' });
    expect(pulled.count).toBeLessThan(10);
    const exact = await readBodyLimited(request('x'.repeat(25)), 25);
    expect(exact.ok).toBe(true);
    expect((await readBodyLimited(request('x'.repeat(26)), 25)).ok).toBe(false);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const pulled = { count: 0 };
    const result = await readBodyLimited(
      request(streamed([new Uint8Array(5)], pulled), { 'content-length': '1000' }),
      100,
    );
    expect(result.ok).toBe(false);
    expect(pulled.count).toBe(0);
  });

  it('reads a body of declared length in one piece, and still refuses one larger than it says', async () => {
    const declared = await readBodyLimited(
      request('{"token":"abc"}', { 'content-length': '15' }),
      15,
    );
    expect(declared.ok && Buffer.from(declared.bytes).toString()).toBe('{"token":"abc"}');
    // Built in-process, nothing holds a request to its header: the bytes read are what count.
    const lying = await readBodyLimited(request('x'.repeat(100), { 'content-length': '10' }), 50);
    expect(lying).toEqual({ ok: false, reason: 'too-large' });
  });

  it('reads an absent body as empty', async () => {
    const result = await readBodyLimited(new Request('http://sandbox.test/'), 10);
    expect(result.ok && result.bytes.length).toBe(0);
  });
});
