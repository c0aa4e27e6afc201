/**
 * `maxResponseBytes`, against a real HTTP server over a real socket: a response larger than the cap
 * fails with `WalletResponseTooLargeError` while it streams, and the connection is closed there
 * instead of the body being read to its end.
 */
import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWalletClient, WalletError, WalletResponseTooLargeError } from './index.js';
import { TEST_SECRETS } from './test-platform.js';

const customer = {
  customerDetails: { firstName: 'Asha', dateOfBirth: '14-02-1991', mobileNumber: '919812345678' },
  productId: 35,
};

const CHUNK = Buffer.alloc(64 * 1024, 'a');

interface Endless {
  readonly url: string;
  readonly requests: number;
  /** Bytes of body written before the client closed the connection. */
  readonly written: number;
  /** Resolves when the client has closed the connection. */
  readonly closed: Promise<void>;
}

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server answering 200 with a body that never ends (or declares `declaredLength`). */
async function endlessServer(declaredLength?: number): Promise<Endless> {
  const state = { requests: 0, written: 0 };
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  server = createServer((_request, response: ServerResponse) => {
    state.requests += 1;
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(declaredLength === undefined ? {} : { 'content-length': String(declaredLength) }),
    });
    response.once('close', markClosed);
    const pump = (): void => {
      while (!response.destroyed) {
        state.written += CHUNK.length;
        if (!response.write(CHUNK)) {
          response.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get written() {
      return state.written;
    },
    closed,
  };
}

describe('maxResponseBytes', () => {
  it('stops reading an endless response at the cap, with a typed error, unretried', async () => {
    const endless = await endlessServer();
    const client = createWalletClient({
      baseUrl: endless.url,
      ...TEST_SECRETS,
      maxResponseBytes: 256 * 1024,
    });
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletResponseTooLargeError);
    expect(error).toBeInstanceOf(WalletError);
    expect(error).toMatchObject({
      code: 'WALLET_RESPONSE_TOO_LARGE',
      maxResponseBytes: 256 * 1024,
      status: 200,
      api: 'registerCustomer',
      attempts: 1,
    });
    expect((error as Error).message).toContain('larger than maxResponseBytes (262144 bytes)');
    await endless.closed;
    expect(endless.requests).toBe(1);
    // What the socket buffers held when the client hung up: megabytes, not the endless body.
    expect(endless.written).toBeLessThan(32 * 1024 * 1024);
  });

  it('fails at once on a declared Content-Length above the cap (1 MiB by default)', async () => {
    const endless = await endlessServer(50 * 1024 * 1024);
    const client = createWalletClient({ baseUrl: endless.url, ...TEST_SECRETS });
    const error = await client.registerCustomer(customer).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'WALLET_RESPONSE_TOO_LARGE', maxResponseBytes: 1_048_576 });
    await endless.closed;
    expect(endless.written).toBeLessThan(32 * 1024 * 1024);
  });
});
