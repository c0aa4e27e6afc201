import { describe, expect, it } from 'vitest';
import {
  adminAccess,
  isLoopbackAddress,
  isLoopbackHost,
  type RequestOrigin,
  SESSION_COOKIE,
  sessionValue,
} from './access.js';

const TOKEN = 'a-long-admin-token-0123456789';

function origin(overrides: Partial<RequestOrigin>): RequestOrigin {
  return {
    localAddress: '127.0.0.1',
    host: '127.0.0.1:8080',
    authorization: undefined,
    cookie: undefined,
    ...overrides,
  };
}

describe('the admin access rule', () => {
  it('knows loopback addresses and hosts', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopbackAddress(address)).toBe(true);
    }
    for (const address of ['10.0.0.5', '192.168.1.2', '::ffff:10.1.1.1', 'fe80::1', '0.0.0.0']) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
    for (const host of [
      'localhost',
      'localhost:8080',
      'app.localhost:1',
      '127.0.0.1:80',
      '[::1]:8080',
    ]) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['evil.example', 'evil.example:8080', '10.0.0.5:8080', undefined]) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('is open on a loopback socket reached by a loopback host name', () => {
    expect(adminAccess(origin({}), undefined)).toBe('allow');
    expect(adminAccess(origin({ localAddress: '::1', host: 'localhost:1' }), TOKEN)).toBe('allow');
  });

  it('treats a loopback socket reached under another host name (DNS rebinding) as remote', () => {
    expect(adminAccess(origin({ host: 'evil.example:8080' }), undefined)).toBe('not-found');
    expect(adminAccess(origin({ host: 'evil.example:8080' }), TOKEN)).toBe('unauthorized');
  });

  it('is off (404) on a non-loopback address without a configured token', () => {
    const remote = origin({ localAddress: '10.1.2.3', host: '10.1.2.3:8080' });
    expect(adminAccess(remote, undefined)).toBe('not-found');
    expect(adminAccess({ ...remote, authorization: `Bearer ${TOKEN}` }, undefined)).toBe(
      'not-found',
    );
  });

  it('needs the token as a bearer token, or the session cookie derived from it, elsewhere', () => {
    const remote = origin({ localAddress: '::ffff:10.1.2.3', host: 'wallet.internal:8080' });
    expect(adminAccess(remote, TOKEN)).toBe('unauthorized');
    expect(adminAccess({ ...remote, authorization: `Bearer ${TOKEN}` }, TOKEN)).toBe('allow');
    expect(adminAccess({ ...remote, authorization: `bearer  ${TOKEN} ` }, TOKEN)).toBe('allow');
    expect(adminAccess({ ...remote, authorization: `Bearer ${TOKEN}x` }, TOKEN)).toBe(
      'unauthorized',
    );
    expect(adminAccess({ ...remote, authorization: TOKEN }, TOKEN)).toBe('unauthorized');
    expect(
      adminAccess({ ...remote, cookie: `a=1; ${SESSION_COOKIE}=${sessionValue(TOKEN)}` }, TOKEN),
    ).toBe('allow');
    expect(adminAccess({ ...remote, cookie: `${SESSION_COOKIE}=${TOKEN}` }, TOKEN)).toBe(
      'unauthorized',
    );
  });

  it('in-process (no socket): open without a token, the token when one is configured', () => {
    const inProcess = origin({ localAddress: undefined, host: 'sandbox.test' });
    expect(adminAccess(inProcess, undefined)).toBe('allow');
    expect(adminAccess(inProcess, TOKEN)).toBe('unauthorized');
    expect(adminAccess({ ...inProcess, authorization: `Bearer ${TOKEN}` }, TOKEN)).toBe('allow');
  });
});
