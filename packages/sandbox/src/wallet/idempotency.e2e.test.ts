import { formatRequestDateTime } from '@wallet/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  codeOf,
  loadFields,
  type RunningSandbox,
  register,
  startSandbox,
  unloadFields,
} from '../testing/fixtures.js';

let running: RunningSandbox;
beforeAll(async () => {
  running = await startSandbox();
});
afterAll(() => running.close());

async function balance(urn: string): Promise<unknown> {
  return (await callApi(running.client(), 'retrieveCustomer', { urn })).body?.availableBalance;
}

describe('clientTxnId idempotency', () => {
  it('replays the stored response to a retry, whatever its requestDateTime, with no new effect', async () => {
    const client = running.client();
    const customer = await register(client);
    const request = client.request('load', loadFields(customer.urn, 400));
    const first = await client.call('load', request);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = {
      ...request,
      requestDateTime: formatRequestDateTime(new Date(Date.now() + 60_000)),
    };
    const second = await client.call('load', retry);
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await balance(customer.urn)).toBe(400);
  });

  it('treats key order as the same content', async () => {
    const client = running.client();
    const customer = await register(client);
    const request = client.request('load', loadFields(customer.urn, 10));
    const first = await client.call('load', request);
    const reordered = Object.fromEntries(Object.entries(request).reverse());
    const second = await client.call('load', reordered);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
  });

  it('answers 5000 (409) to the same clientTxnId with other content, on any API, with no effect', async () => {
    const client = running.client();
    const customer = await register(client);
    const request = client.request('load', loadFields(customer.urn, 400));
    await client.call('load', request);
    const changed = await client.call('load', { ...request, transactionAmount: 401 });
    expect(codeOf(changed)).toEqual({ status: 409, code: '5000' });
    expect(changed.body).toEqual({
      responseCode: '5000',
      messageCode: 1081,
      clientTxnId: request.clientTxnId,
      responseMessage: 'DUPLICATE REQUEST',
    });
    const otherApi = await client.call(
      'unload',
      client.request('unload', {
        ...unloadFields(customer.urn, 1),
        clientTxnId: request.clientTxnId,
      }),
    );
    expect(codeOf(otherApi)).toEqual({ status: 409, code: '5000' });
    expect(otherApi.body?.messageCode).toBe(1481);
    expect(await balance(customer.urn)).toBe(400);
  });

  it('stores business declines: a retry replays the decline even once it would succeed', async () => {
    const client = running.client();
    const customer = await register(client);
    const request = client.request('unload', unloadFields(customer.urn, 300));
    const declined = await client.call('unload', request);
    expect(codeOf(declined)).toEqual({ status: 422, code: '3007' });
    await callApi(client, 'load', loadFields(customer.urn, 1_000));
    const retry = await client.call('unload', request);
    expect(codeOf(retry)).toEqual({ status: 422, code: '3007' });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await balance(customer.urn)).toBe(1_000);
  });

  it('does not store 1020 or 1010 refusals: the corrected request runs under the same clientTxnId', async () => {
    const client = running.client();
    const customer = await register(client);
    const good = client.request('load', loadFields(customer.urn, 250));
    const invalid = await client.call('load', { ...good, sender: '' });
    expect(codeOf(invalid)).toEqual({ status: 400, code: '1020' });
    const wrongCode = await client.call('load', { ...good, messageCode: 1480 });
    expect(codeOf(wrongCode)).toEqual({ status: 400, code: '1010' });
    const fixed = await client.call('load', good);
    expect(codeOf(fixed)).toEqual({ status: 200, code: '00' });
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    expect(await balance(customer.urn)).toBe(250);
  });

  it('scopes clientTxnIds per merchant', async () => {
    const mine = running.client('merchant-prefix');
    const theirs = running.client('merchant-fixed');
    const a = await register(mine);
    const b = await register(theirs);
    const request = mine.request('load', loadFields(a.urn, 5));
    await mine.call('load', request);
    const other = await theirs.call('load', { ...request, urn: b.urn });
    expect(codeOf(other)).toEqual({ status: 200, code: '00' });
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });
});
