/** Waiting that a client's disconnect or the sandbox's closing cuts short. */

/** The longest a held request waits for its client to give up. */
export const MAX_HOLD_MS = 5 * 60_000;

/** Resolves after `ms`, or as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves when `signal` aborts (the client gave up, or the sandbox closes), or after MAX_HOLD_MS. */
export function hold(signal: AbortSignal): Promise<void> {
  return sleep(MAX_HOLD_MS, signal);
}
