/**
 * The fault injector as middleware: runs the rest of the request inside `faults.around`, which may
 * delay it, answer in its place, or drop or hold the answer (the exchange then records status 0).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { FaultInjector } from './injector.js';

export function faultInjection(faults: FaultInjector): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let handled = false;
    const received = await faults.around(c.req.raw, c.get('exchange'), async (scope) => {
      c.set('faultScope', scope);
      await next();
      handled = true;
      return c.res;
    });
    if (!handled || received.response !== c.res) c.res = received.response;
    c.set('recordedStatus', received.status);
  };
}
