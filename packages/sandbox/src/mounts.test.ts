/** `mounts`: another application served beside the sandbox under its own path, outside the journal. */
import { describe, expect, it } from 'vitest';
import { InvalidSandboxOptionError } from './errors.js';
import { createSandbox } from './index.js';

const shop = (request: Request): Response =>
  new Response(`shop saw ${new URL(request.url).pathname} by ${request.method}`);

describe('mounts', () => {
  it('hands the path and everything below it to the mounted fetch, URL unchanged, unjournaled', async () => {
    const sandbox = await createSandbox({
      logger: false,
      mounts: [{ path: '/shop', fetch: shop }],
    });
    try {
      const root = await sandbox.fetch(new Request('http://sandbox.test/shop'));
      expect(await root.text()).toBe('shop saw /shop by GET');
      const below = await sandbox.fetch(
        new Request('http://sandbox.test/shop/orders/1', { method: 'POST', body: 'a=1' }),
      );
      expect(await below.text()).toBe('shop saw /shop/orders/1 by POST');
      expect(below.headers.get('x-frame-options')).toBe('DENY');
      // A path that only starts the same way is not the mount's.
      const other = await sandbox.fetch(new Request('http://sandbox.test/shopping'));
      expect(other.status).toBe(404);
      expect(sandbox.journal?.list().map((entry) => entry.path)).toEqual(['/shopping']);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses a path that is not one, or that is the sandbox own', async () => {
    for (const path of ['shop', '/shop/', '/', '/__sandbox', '/__sandbox/x', '/a b']) {
      await expect(
        createSandbox({ logger: false, output: () => undefined, mounts: [{ path, fetch: shop }] }),
      ).rejects.toThrow(InvalidSandboxOptionError);
    }
  });

  it('adds the dashboard links to its navigation, and refuses a link that is no path or URL', async () => {
    const sandbox = await createSandbox({
      logger: false,
      output: () => undefined,
      dashboard: { links: [{ label: 'Shop <&>', href: '/shop' }] },
    });
    try {
      const journal = await sandbox.fetch(
        new Request('http://127.0.0.1/__sandbox/dashboard/customers'),
      );
      expect(journal.status).toBe(200);
      expect(await journal.text()).toContain('<li><a href="/shop">Shop &lt;&amp;&gt;</a></li>');
    } finally {
      await sandbox.close();
    }
    for (const href of ['javascript:alert(1)', '//evil.example', 'shop']) {
      await expect(
        createSandbox({ logger: false, dashboard: { links: [{ label: 'Shop', href }] } }),
      ).rejects.toThrow(InvalidSandboxOptionError);
    }
  });
});
