/**
 * Who may use the admin routes (`/__sandbox/*`) and the dashboard:
 *
 * - on a socket whose local address is loopback (127.0.0.0/8, ::1), and whose `Host` header names
 *   a loopback host (so that a web page that rebinds its own domain name to 127.0.0.1 is refused):
 *   open;
 * - on any other address: only with the admin token (`Authorization: Bearer <token>`, or the
 *   dashboard's session cookie), compared in constant time; with no token configured the routes do
 *   not exist there (404);
 * - in-process (`sandbox.fetch`, no socket): open unless a token is configured, then as above.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie the dashboard's sign-in sets. */
export const SESSION_COOKIE = 'wallet_sandbox_admin';

/** Where a request came from, as far as the access rule cares. */
export interface RequestOrigin {
  /** The address the connection arrived on; undefined in-process (no socket). */
  readonly localAddress: string | undefined;
  /** The `Host` header. */
  readonly host: string | undefined;
  /** The `Authorization` header. */
  readonly authorization: string | undefined;
  /** The `Cookie` header. */
  readonly cookie: string | undefined;
}

export type AccessDecision = 'allow' | 'not-found' | 'unauthorized';

/** Whether an IP address is a loopback address (IPv4 127/8, IPv6 ::1, or 127/8 mapped into IPv6). */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain)) return true;
  return plain === '::1' || plain === '0:0:0:0:0:0:0:1';
}

/** Whether a `Host` header names this machine's loopback: localhost, *.localhost, 127.x or [::1]. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) name = name.slice(1, name.indexOf(']'));
  else name = name.replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name);
}

function digest(value: string): Buffer {
  return createHmac('sha256', 'wallet-sandbox-admin').update(value, 'utf8').digest();
}

/** The session cookie value for a token: derived from it, so the cookie never holds the token. */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('dashboard-session', 'utf8').digest('hex');
}

function equal(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function bearer(authorization: string | undefined): string | undefined {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

function cookieValue(cookie: string | undefined, name: string): string | undefined {
  for (const part of (cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Whether the request carries the token (bearer) or the session cookie derived from it. */
export function hasAdminCredential(origin: RequestOrigin, token: string): boolean {
  const given = bearer(origin.authorization);
  // Both comparisons run, so timing does not tell which credential was tried.
  const byBearer = equal(given ?? '', token) && given !== undefined;
  const session = cookieValue(origin.cookie, SESSION_COOKIE);
  const byCookie = equal(session ?? '', sessionValue(token)) && session !== undefined;
  return byBearer || byCookie;
}

/** The access rule. `token` is the configured admin token, if any. */
export function adminAccess(origin: RequestOrigin, token: string | undefined): AccessDecision {
  const local =
    origin.localAddress === undefined
      ? token === undefined
      : isLoopbackAddress(origin.localAddress) && isLoopbackHost(origin.host);
  if (local) return 'allow';
  if (token === undefined) return 'not-found';
  return hasAdminCredential(origin, token) ? 'allow' : 'unauthorized';
}
