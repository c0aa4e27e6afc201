/**
 * What ends a call before it has its answer: the caller's signal, or the call's total timeout,
 * whichever comes first. ky runs the attempts; this is the small part around it that ky has no
 * option for (ky knows one timeout, per attempt).
 *
 * Every attempt sends with a signal of its own ({@link CallStop.attemptSignal}), aborted by the
 * stop or by ky's per-attempt timeout, so a timed-out attempt is cancelled without ending the call.
 * The caller's signal is listened to, never handed on: a long-lived signal given to every request
 * would collect a listener per request.
 */

/** Why the call stopped early. */
export type StopReason = 'caller' | 'total-timeout';

export class CallStop {
  /** Why the call stopped; `undefined` while it runs. */
  reason: StopReason | undefined;
  /** `performance.now()` at which the total timeout falls. */
  readonly deadline: number;
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  /** Made on demand, for ky's waits between attempts (see {@link CallStop.signal}). */
  #controller: AbortController | undefined;
  /** The attempt in flight, aborted if the call stops. */
  #attempt: AbortController | undefined;

  /** Starts the total-timeout clock. Call {@link CallStop.end} once the call is over. */
  constructor(totalTimeout: number, caller: AbortSignal | undefined) {
    this.deadline = performance.now() + totalTimeout;
    this.#timer = setTimeout(() => this.#stop('total-timeout'), totalTimeout);
    this.#caller = caller;
    caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  readonly #onCallerAbort = (): void => this.#stop('caller');

  #stop(reason: StopReason): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.#attempt?.abort();
    this.#controller?.abort();
  }

  /** Milliseconds left before the total timeout. */
  remaining(): number {
    return this.deadline - performance.now();
  }

  /**
   * A signal aborted when the call stops, for ky (which then merges it into every attempt's and
   * ends its waits on it). Made on first use, since ky merges any signal it is given with
   * `AbortSignal.any`, which has a cost on every call.
   */
  signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.reason !== undefined) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  /**
   * The signal one attempt sends with: aborted when the call stops, or when `kySignal` (the
   * signal of ky's request, aborted by ky's per-attempt timeout) aborts. Call `release` after the
   * attempt.
   */
  attemptSignal(kySignal: AbortSignal | undefined): AbortSignal {
    const controller = new AbortController();
    this.#attempt = controller;
    if (this.reason !== undefined) controller.abort();
    else if (kySignal !== undefined) {
      if (kySignal.aborted) controller.abort();
      else kySignal.addEventListener('abort', () => controller.abort(), { once: true });
    }
    return controller.signal;
  }

  /** Ends the clock and stops listening to the caller. */
  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
    this.#attempt = undefined;
  }
}
