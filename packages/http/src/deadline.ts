/**
 * One call's deadline: its total timeout and the caller's signal, whichever ends it first. Every
 * request of the call (the helper API's nested Encrypt and Decrypt included) runs within the same
 * deadline, and ky gets its {@link Deadline.signal}: an attempt in flight or a wait between
 * attempts ends when the deadline does.
 *
 * The caller's signal is listened to, never handed on: a long-lived signal given to every request
 * would collect a listener per request. Call {@link Deadline.end} when the call is over.
 */

/** Why a deadline ended early. */
export type DeadlineReason = 'caller' | 'total-timeout';

export class Deadline {
  /** Aborted when the total timeout passes or the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** Milliseconds the whole call may take. */
  readonly totalTimeout: number;
  /** Why the deadline ended; `undefined` while it runs. */
  reason: DeadlineReason | undefined;
  readonly #endsAt: number;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #caller: AbortSignal | undefined;

  constructor(totalTimeout: number, caller?: AbortSignal) {
    this.totalTimeout = totalTimeout;
    this.signal = this.#controller.signal;
    this.#endsAt = performance.now() + totalTimeout;
    this.#timer = setTimeout(() => this.#stop('total-timeout'), totalTimeout);
    this.#caller = caller;
    if (caller?.aborted) this.#stop('caller');
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  readonly #onCallerAbort = (): void => this.#stop('caller');

  #stop(reason: DeadlineReason): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.#controller.abort(reason === 'caller' ? this.#caller?.reason : undefined);
  }

  /** Milliseconds left. */
  remaining(): number {
    return this.#endsAt - performance.now();
  }

  /** Stops the clock and stops listening to the caller's signal. */
  end(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }
}
