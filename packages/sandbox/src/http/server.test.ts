import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../sandbox.js';

/** One raw HTTP/1.1 exchange: status, headers and the exact body bytes. */
function exchange(
  url: string,
  method: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HttpServer: responses written straight to the socket', () => {
  let sandbox: Sandbox;
  let url: string;
  beforeAll(async () => {
    sandbox = await createSandbox({ logger: false, env: {}, output: () => undefined });
    ({ url } = await sandbox.listen(0));
  });
  afterAll(() => sandbox.close());

  it('sends the same status, headers and bytes as the in-process response', async () => {
    const path = '/no/such/api';
    const overSocket = await exchange(url + path, 'POST');
    const inProcess = await sandbox.fetch(
      new Request(`http://sandbox.test${path}`, { method: 'POST' }),
    );
    const text = await inProcess.text();
    expect(overSocket.status).toBe(inProcess.status);
    expect(overSocket.body.toString('utf8')).toBe(text);
    expect(overSocket.headers['content-length']).toBe(String(Buffer.byteLength(text)));
    expect(overSocket.headers['content-type']).toBe(inProcess.headers.get('content-type'));
  });

  it('keeps every header of the answer (Allow on a 405)', async () => {
    const received = await exchange(`${url}/loyalty-points/v1/wallet/enroll`, 'GET');
    expect(received.status).toBe(405);
    expect(received.headers.allow).toBe('POST');
    expect(JSON.parse(received.body.toString('utf8'))).toEqual({
      responseMessage: 'METHOD NOT ALLOWED',
    });
  });

  it('still serves responses it did not build as answers (the dashboard)', async () => {
    const page = await exchange(`${url}/__sandbox/dashboard`, 'GET');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toContain('text/html');
    expect(page.body.toString('utf8')).toContain('<html');
  });
});
