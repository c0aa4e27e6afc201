/**
 * The security headers of every response of the sandbox's own tools (the dashboard and the admin
 * routes): a page that frames the dashboard must not get "Reset sandbox data" clicked, so framing
 * is refused (`X-Frame-Options: DENY`, `Content-Security-Policy: frame-ancestors 'none'`), with
 * the other headers of hono's `secureHeaders`. The wallet APIs' responses are left as they are.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const toolHeaders = secureHeaders({
  xFrameOptions: 'DENY',
  contentSecurityPolicy: { frameAncestors: ["'none'"] },
  // Not hono's no-referrer: under it browsers send `Origin: null` with the dashboard's forms,
  // which the cross-site check refuses.
  referrerPolicy: 'same-origin',
  // The sandbox serves plain HTTP; HSTS is for whatever terminates TLS in front of it.
  strictTransportSecurity: false,
});

const nothingMore = async (): Promise<void> => undefined;

/**
 * Adds the headers above to a response once a tool route has marked its request `internal` (the
 * access guard and the dashboard's sign-in do, refusals included). Mounted for every path, since
 * the dashboard may be served at `/`, beside the wallet APIs.
 */
export const toolSecurityHeaders: MiddlewareHandler<{
  Variables: { internal: boolean };
}> = async (c, next) => {
  await next();
  if (c.get('internal') === true) await toolHeaders(c as Context, nothingMore);
};
