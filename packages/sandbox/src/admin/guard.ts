/**
 * The access rule as Hono middleware, shared by the admin routes and the dashboard, plus the
 * cross-site check on changes (a web page the developer has open must not reset their sandbox).
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { type AccessDecision, adminAccess, type RequestOrigin } from './access.js';

/** What the node server hands the app with each request; absent in-process. */
export interface NodeBindings {
  readonly incoming?: IncomingMessage | undefined;
}

export type ToolEnv = {
  Bindings: NodeBindings;
  Variables: { internal: boolean };
};

/** The facts of a request the access rule needs. */
export function originOf(c: Context<ToolEnv>): RequestOrigin {
  const headers = c.req.raw.headers;
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  return {
    localAddress: incoming === undefined ? undefined : (incoming.socket?.localAddress ?? ''),
    host: headers.get('host') ?? undefined,
    authorization: headers.get('authorization') ?? undefined,
    cookie: headers.get('cookie') ?? undefined,
  };
}

/**
 * Whether a changing request comes from another site (by `Sec-Fetch-Site` or `Origin`).
 *
 * Not `hono/csrf`: it lets through any request whose content type is not a form's or plain text
 * (a cross-site `application/json` POST), and it refuses a form, plain-text or untyped request
 * that carries neither `Sec-Fetch-Site` nor `Origin`, as `curl` and scripts calling the admin
 * routes with the token send them. Its refusal is a bare `Forbidden` thrown as an HTTPException, not the CROSS_SITE answer
 * below. The rule here: a browser's cross-site or same-site request, an `Origin: null`, or an
 * Origin whose host is not the Host header is refused; a request without either header is not.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== request.headers.get('host');
  } catch {
    return true;
  }
}

/**
 * Middleware applying the access rule: `denied(decision)` answers refused requests (404 or 401 in
 * the route's own format). Marks the request internal, so the journal leaves it out.
 */
export function accessGuard(
  token: string | undefined,
  denied: (c: Context<ToolEnv>, decision: Exclude<AccessDecision, 'allow'>) => Response,
): MiddlewareHandler<ToolEnv> {
  return async (c, next) => {
    c.set('internal', true);
    const decision = adminAccess(originOf(c), token);
    if (decision !== 'allow') return denied(c, decision);
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && isCrossSite(c.req.raw)) {
      return c.json(
        { error: { code: 'CROSS_SITE', message: 'Changes from another site are refused' } },
        403,
      );
    }
    await next();
  };
}
