import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store-api.js';

let sandbox: Sandbox | undefined;
let store: Store | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('GET /healthz', () => {
  it('answers 200 while the store answers, over a real socket', async () => {
    sandbox = await createSandbox({ logger: false, env: {}, output: () => undefined });
    const address = await sandbox.listen(0);
    const response = await fetch(`${address.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 once the store stops answering', async () => {
    store = await openStore(':memory:');
    sandbox = await createSandbox({ logger: false, env: {}, output: () => undefined, store });
    await store.close();
    const response = await sandbox.fetch(new Request('http://sandbox.test/healthz'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
  });
});
