import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { linkedSignal } from './injector.js';

describe('linkedSignal', () => {
  it('aborts when either input aborts', () => {
    const request = new AbortController();
    const closing = new AbortController();
    const fromRequest = linkedSignal(() => request.signal, closing.signal);
    request.abort();
    expect(fromRequest.signal.aborted).toBe(true);

    const other = new AbortController();
    const fromClosing = linkedSignal(() => other.signal, closing.signal);
    closing.abort();
    expect(fromClosing.signal.aborted).toBe(true);
  });

  it('leaves nothing on the long-lived closing signal once released, however many requests', () => {
    const closing = new AbortController();
    for (let i = 0; i < 1000; i += 1) {
      const link = linkedSignal(() => new AbortController().signal, closing.signal);
      expect(link.signal.aborted).toBe(false);
      link.release();
    }
    expect(getEventListeners(closing.signal, 'abort')).toHaveLength(0);
  });

  it('is aborted from the start when an input already is', () => {
    const closing = new AbortController();
    closing.abort();
    expect(linkedSignal(() => new AbortController().signal, closing.signal).signal.aborted).toBe(
      true,
    );
  });

  it('makes no signal and touches neither input until the signal is asked for', () => {
    const closing = new AbortController();
    let asked = 0;
    const link = linkedSignal(() => {
      asked += 1;
      return new AbortController().signal;
    }, closing.signal);
    expect(asked).toBe(0);
    expect(getEventListeners(closing.signal, 'abort')).toHaveLength(0);
    expect(link.signal).toBe(link.signal);
    expect(asked).toBe(1);
    expect(getEventListeners(closing.signal, 'abort')).toHaveLength(1);
    link.release();
    expect(getEventListeners(closing.signal, 'abort')).toHaveLength(0);
  });

  it('attaches nothing when first asked for after release, and is aborted then', () => {
    const closing = new AbortController();
    const link = linkedSignal(() => new AbortController().signal, closing.signal);
    link.release();
    expect(link.signal.aborted).toBe(true);
    expect(getEventListeners(closing.signal, 'abort')).toHaveLength(0);
  });
});
