/**
 * Test support (not exported): a real HTTP proxy on 127.0.0.1 that forwards to a real sandbox and,
 * per request, can drop the connection (before or after the sandbox acted), delay, answer by
 * itself, or rewrite the sandbox's response. It stands for the network between client and platform,
 * so the client's retries, timeouts and aborts are exercised over real sockets.
 */
import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request. */
export type ProxyAction =
  /** Forward, and pass the response back. */
  | { readonly kind: 'forward' }
  /** Close the connection without forwarding: the request never reaches the sandbox. */
  | { readonly kind: 'drop' }
  /** Forward, let the sandbox act and answer, then close the connection: the response is lost. */
  | { readonly kind: 'drop-after-forward' }
  /** Forward at once (the sandbox acts now), and pass the response back `ms` later. */
  | { readonly kind: 'delay-response'; readonly ms: number }
  /** Hold the request `ms` before forwarding it. */
  | { readonly kind: 'delay-request'; readonly ms: number }
  /** Answer without forwarding. */
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly body: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Forward, and pass back `rewrite(body)` instead of the sandbox's body. */
  | { readonly kind: 'rewrite'; readonly rewrite: (body: string) => string };

/** A request as the proxy saw it. */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface TestProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

interface Upstream {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

function readBody(message: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    message.on('error', reject);
  });
}

function forward(target: URL, seen: ProxiedRequest): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...seen.headers, host: target.host };
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, method: seen.method, path: seen.path, headers },
      (upstream) => {
        readBody(upstream).then(
          (body) =>
            resolve({ status: upstream.statusCode ?? 502, headers: upstream.headers, body }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(seen.body);
  });
}

function reply(response: ServerResponse, upstream: Upstream, body = upstream.body): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding') continue;
    if (name === 'connection' || name === 'keep-alive') continue;
    headers[name] = value;
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(upstream.status, headers);
  response.end(body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a proxy to `target` (the sandbox's URL). `plan(index, request)` picks the action for the
 * request number `index` (0 for the first); by default everything is forwarded.
 */
export async function startTestProxy(
  target: string,
  plan: (index: number, request: ProxiedRequest) => ProxyAction = () => ({ kind: 'forward' }),
): Promise<TestProxy> {
  const targetUrl = new URL(target);
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((incoming, response) => {
    void (async () => {
      const seen: ProxiedRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: incoming.headers,
        body: await readBody(incoming),
      };
      const index = requests.push(seen) - 1;
      const action = plan(index, seen);
      switch (action.kind) {
        case 'forward':
          reply(response, await forward(targetUrl, seen));
          return;
        case 'drop':
          incoming.socket.destroy();
          return;
        case 'drop-after-forward':
          await forward(targetUrl, seen);
          incoming.socket.destroy();
          return;
        case 'delay-response': {
          const upstream = await forward(targetUrl, seen);
          await sleep(action.ms);
          if (!incoming.socket.destroyed) reply(response, upstream);
          return;
        }
        case 'delay-request':
          await sleep(action.ms);
          if (incoming.socket.destroyed) return;
          reply(response, await forward(targetUrl, seen));
          return;
        case 'respond':
          reply(response, {
            status: action.status,
            headers: { 'content-type': 'application/json', ...action.headers },
            body: action.body,
          });
          return;
        case 'rewrite': {
          const upstream = await forward(targetUrl, seen);
          reply(response, upstream, action.rewrite(upstream.body));
          return;
        }
      }
    })().catch(() => {
      incoming.socket.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
