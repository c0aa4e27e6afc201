import { describe, expect, it } from 'vitest';
import { readCappedBody, readCappedStream } from './response-body.js';

/** A stream of `chunks`, recording whether it was cancelled and how many chunks were pulled. */
function streamOf(chunks: Uint8Array[]) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[seen.pulled];
      seen.pulled += 1;
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('readCappedStream', () => {
  it('joins the chunks of a stream up to exactly the cap', async () => {
    const { stream } = streamOf([bytes(3, 1), bytes(2, 2)]);
    expect(await readCappedStream(stream, 5)).toEqual(Uint8Array.of(1, 1, 1, 2, 2));
  });

  it('gives undefined and cancels the stream once the bytes pass the cap, reading no further', async () => {
    const { stream, seen } = streamOf([bytes(4), bytes(4), bytes(4), bytes(4)]);
    expect(await readCappedStream(stream, 5)).toBeUndefined();
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(4);
  });
});

describe('readCappedBody', () => {
  it('reads a body within the cap, and an empty one', async () => {
    expect(await readCappedBody(new Response('{"ok":true}'), 100)).toEqual(
      new TextEncoder().encode('{"ok":true}'),
    );
    expect(await readCappedBody(new Response(null), 0)).toEqual(new Uint8Array(0));
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const { stream, seen } = streamOf([bytes(10)]);
    const response = new Response(stream, { headers: { 'content-length': '10' } });
    expect(await readCappedBody(response, 9)).toBeUndefined();
    expect(seen.cancelled).toBe(true);
  });

  it('refuses a body without a length once it passes the cap', async () => {
    const { stream } = streamOf([bytes(6), bytes(6)]);
    expect(await readCappedBody(new Response(stream), 10)).toBeUndefined();
  });
});
