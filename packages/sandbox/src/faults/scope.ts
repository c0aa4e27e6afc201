/**
 * What the request being handled asked of the fault machinery, reachable from the store wrapper
 * of the magic values (which runs deep inside the engine) through AsyncLocalStorage.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface FaultScope {
  /** Aborts when the client gives up or the sandbox closes. */
  readonly signal: AbortSignal;
  /** Labels of the faults applied so far (`status=503`, `magic=load-99999`, ...). */
  readonly applied: string[];
  /** Drop the connection once the answer is ready (the effect has committed). */
  dropAfter: boolean;
  /** Hold the answer until the client gives up (the effect has committed). */
  timeoutAfter: boolean;
}

export const faultScope = new AsyncLocalStorage<FaultScope>();
