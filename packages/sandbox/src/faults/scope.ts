/**
 * What the request being handled asked of the fault machinery. The injector makes one per API
 * request and hands it down explicitly (middleware, route, pipeline, `transactWithMagic`). Not
 * through AsyncLocalStorage: on Node 20 that turns on promise hooks for every promise in the
 * process, a cost the README's server benchmark measures.
 */

export interface FaultScope {
  /** Aborts when the client gives up or the sandbox closes. */
  readonly signal: AbortSignal;
  /** Labels of the faults applied so far (`status=503`, `magic=load-99999`, ...). */
  readonly applied: string[];
  /** Drop the connection once the response is ready (the effect has committed). */
  dropAfter: boolean;
  /** Hold the response until the client gives up (the effect has committed). */
  timeoutAfter: boolean;
}
