import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SandboxExchange } from './exchange.js';
import { createSandbox } from './sandbox.js';
import { openStore } from './store/open-store.js';
import {
  callApi,
  loadFields,
  merchantOf,
  PREFIX_MERCHANT,
  register,
  registerFields,
} from './testing/fixtures.js';
import { WalletTestClient } from './testing/wallet-test-client.js';

/** A pino logger writing JSON lines into an array. */
function capturingLogger(): {
  logger: pino.Logger;
  lines: () => Record<string, unknown>[];
  raw: () => string;
} {
  const chunks: string[] = [];
  const logger = pino({ level: 'info' }, { write: (chunk: string) => chunks.push(chunk) });
  return {
    logger,
    raw: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('request logs', () => {
  it('write one line per request with what an operator needs and no secret or personal data', async () => {
    const capture = capturingLogger();
    const store = await openStore(':memory:');
    const sandbox = await createSandbox({
      logger: capture.logger,
      env: {},
      merchants: [PREFIX_MERCHANT],
      store,
    });
    const { url } = await sandbox.listen(0);
    const client = new WalletTestClient({ target: url, merchant: merchantOf(sandbox) });
    const fields = registerFields(
      {},
      { firstName: 'Zenobia', emailAddress: 'zenobia@example.com' },
    );
    const registered = await client.call(
      'registerCustomer',
      client.request('registerCustomer', fields),
    );
    const urn = String(registered.body?.urn);
    const load = client.request('load', loadFields(urn, 100));
    const loaded = await client.call('load', load);
    await client.call('load', load);
    await client.call('load', {}, { rawBody: '{"token":"AAAA"}' });
    const unsigned = await client.call('load', load, { headers: { authorization: undefined } });
    await store.close();
    await callApi(client, 'retrieveCustomer', { urn });
    await sandbox.close();

    const requests = capture.lines().filter((line) => line.msg === 'request');
    expect(
      requests.map((l) => [l.api, l.status, l.responseCode ?? null, l.failure ?? null, l.replayed]),
    ).toEqual([
      ['registerCustomer', 200, '00', null, false],
      ['load', 200, '00', null, false],
      ['load', 200, '00', null, true],
      ['load', 400, '1055', 'envelope', false],
      ['load', 401, null, 'auth-missing', false],
      ['retrieveCustomer', 500, '1052', 'server-fault', false],
    ]);
    expect(requests[1]).toMatchObject({
      method: 'PATCH',
      path: '/loyalty-points/v1/wallet/load-account',
      merchantKey: PREFIX_MERCHANT.merchantKey,
      authProfile: 'payu-hmac',
      clientTxnId: load.clientTxnId,
    });
    expect(typeof requests[1]?.durationMs).toBe('number');
    expect(requests[5]?.level).toBe(50);

    const raw = capture.raw();
    const customer = fields.customerDetails as Record<string, string>;
    const secrets = [
      PREFIX_MERCHANT.salt,
      PREFIX_MERCHANT.encryptionKey,
      String(loaded.json?.result),
      String(registered.json?.result),
      customer.mobileNumber,
      'Zenobia',
      'zenobia@example.com',
      'signature=',
      'AAAA',
    ];
    for (const secret of secrets) expect(raw).not.toContain(secret);
    expect(unsigned.status).toBe(401);
  });

  it('honours logLevel for the default logger and `false` for none', async () => {
    const quiet = await createSandbox({
      logLevel: 'silent',
      env: {},
      merchants: [PREFIX_MERCHANT],
    });
    await quiet.close();
    const none = await createSandbox({ logger: false, env: {}, merchants: [PREFIX_MERCHANT] });
    await none.close();
  });
});

describe('onExchange', () => {
  it('receives every exchange with the decrypted bodies, the profile and the failure', async () => {
    const exchanges: SandboxExchange[] = [];
    const sandbox = await createSandbox({
      logger: false,
      env: {},
      merchants: [PREFIX_MERCHANT],
      onExchange: (exchange) => {
        exchanges.push(exchange);
      },
    });
    try {
      const client = new WalletTestClient({
        target: (r) => sandbox.fetch(r),
        merchant: merchantOf(sandbox),
      });
      const customer = await register(client);
      const request = client.request('load', loadFields(customer.urn, 100));
      const received = await client.call('load', request);
      await client.call('load', {}, { rawBody: '{}' });
      const [, load, bad] = exchanges;
      expect(load).toMatchObject({
        api: 'load',
        merchantKey: PREFIX_MERCHANT.merchantKey,
        authProfile: 'payu-hmac',
        status: 200,
        responseCode: '00',
        clientTxnId: request.clientTxnId,
        request,
        response: received.body,
        failure: undefined,
      });
      expect(bad).toMatchObject({ status: 400, failure: 'envelope', request: undefined });
      expect(exchanges.map((e) => e.id).every((id) => typeof id === 'string')).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('cannot break a response: hooks that throw or reject are logged and ignored', async () => {
    const capture = capturingLogger();
    for (const hook of [
      () => {
        throw new Error('boom 919988776655');
      },
      () => Promise.reject(new Error('boom 919988776655')),
    ]) {
      const sandbox = await createSandbox({
        logger: capture.logger,
        env: {},
        merchants: [PREFIX_MERCHANT],
        onExchange: hook,
      });
      const client = new WalletTestClient({
        target: (r) => sandbox.fetch(r),
        merchant: merchantOf(sandbox),
      });
      expect((await callApi(client, 'retrieveCustomer', { urn: '1' })).status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 10));
      await sandbox.close();
    }
    const warnings = capture.lines().filter((l) => l.msg === 'onExchange hook failed');
    expect(warnings).toHaveLength(2);
    expect(capture.raw()).not.toContain('919988776655');
  });
});
