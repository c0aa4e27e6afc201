import { describe, expect, it } from 'vitest';
import {
  registerCustomer,
  retrieveCustomer,
  WalletNotFoundError,
  WalletServerError,
} from './index.js';
import { newCustomer } from './test-sandbox.js';
import { createTestClient } from './testing.js';

describe('@wallet/client/testing', () => {
  it('wires a client to an in-process sandbox, without a socket', async () => {
    const { client, core, sandbox, merchant, close } = await createTestClient();
    try {
      expect(sandbox.address).toBeUndefined();
      expect(client.core.merchantKey).toBe(merchant.merchantKey);
      const params = newCustomer();
      const { urn } = await client.registerCustomer(params);
      await client.load({
        urn,
        transactionAmount: 1_500,
        sender: 'Test',
        fundFlowType: 'I',
        implId: 'i',
        implType: 't',
      });
      // The standalone functions work on the same core.
      expect((await retrieveCustomer(core, { urn })).availableBalance).toBe(1_500);
      await expect(registerCustomer(core, params)).rejects.toMatchObject({ responseCode: '1030' });
      await expect(
        client.retrieveCustomer({ customerMobile: '919000000077' }),
      ).rejects.toBeInstanceOf(WalletNotFoundError);
      expect(await client.decryptViaApi(await client.encryptViaApi({ hello: 'world' }))).toEqual({
        hello: 'world',
      });
    } finally {
      await close();
    }
  });

  it('passes sandbox and client options through', async () => {
    const now = () => new Date(Date.now() + 20 * 60_000);
    const { client, close } = await createTestClient({
      sandbox: { now },
      client: { now, retries: 0, responseValidation: 'warn' },
    });
    try {
      expect(client.core.responseValidation).toBe('warn');
      await expect(client.registerCustomer(newCustomer())).resolves.toMatchObject({
        responseCode: '00',
      });
    } finally {
      await close();
    }
  });

  it('answers a server fault once closed', async () => {
    const { client, close } = await createTestClient({ client: { retries: 0 } });
    await close();
    await expect(client.registerCustomer(newCustomer())).rejects.toBeInstanceOf(WalletServerError);
  });
});
