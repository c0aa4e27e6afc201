/** Serving a fetch handler over node:http, with bounded headers and JSON answers for broken requests. */
import {
  createServer,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import {
  getRequestListener,
  type Http2Bindings,
  type HttpBindings,
  RequestError,
} from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import {
  rawHttpResponse,
  responseText,
  sandboxResponse,
  sandboxResponses,
  serverFaultResponse,
} from './responses.js';

/** Where a listening sandbox can be reached. */
export interface SandboxAddress {
  readonly host: string;
  readonly port: number;
  /** `http://<host>:<port>`, the base URL to give a client. */
  readonly url: string;
}

/** How long `close()` lets in-flight requests finish before cutting their connections. */
const CLOSE_GRACE_MS = 2000;

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** node:http's `maxHeaderSize`: larger header sections answer 431 before any routing. */
  readonly maxHeaderBytes: number;
}

/** A running HTTP server for `fetch`. */
export class HttpServer {
  readonly #server: Server;
  readonly address: SandboxAddress;

  private constructor(server: Server, address: SandboxAddress) {
    this.#server = server;
    this.address = address;
  }

  /** Starts listening; rejects when the port cannot be bound. */
  static async start(
    fetch: (request: Request, env: HttpBindings) => Promise<Response>,
    options: ServeOptions,
  ): Promise<HttpServer> {
    const respond = async (
      request: Request,
      env: HttpBindings | Http2Bindings,
    ): Promise<Response> => {
      // The server below is node:http's, so the bindings are always HTTP/1's.
      const http1 = env as HttpBindings;
      const response = await fetch(request, http1);
      return writeResponse(response, http1.outgoing) ? RESPONSE_ALREADY_SENT : response;
    };
    const listener = getRequestListener(respond, {
      overrideGlobalObjects: false,
      autoCleanupIncoming: true,
      errorHandler: (error) =>
        error instanceof RequestError ? sandboxResponse('badRequest') : serverFaultResponse(),
    });
    const server = createServer({ maxHeaderSize: options.maxHeaderBytes }, listener);
    server.on('clientError', respondToClientError);
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      server.once('error', failed);
      server.listen(options.port, options.host, () => {
        server.off('error', failed);
        resolve();
      });
    });
    // After start-up, a server error (rare: e.g. EMFILE on accept) must not crash the process.
    server.on('error', () => undefined);
    const bound = server.address();
    const port = typeof bound === 'object' && bound !== null ? bound.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return new HttpServer(server, { host: options.host, port, url: `http://${host}:${port}` });
  }

  /** Stops accepting, lets in-flight requests finish (up to a grace period), then resolves. */
  async stop(): Promise<void> {
    const server = this.#server;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    grace.unref();
    await closed;
    clearTimeout(grace);
  }
}

/**
 * Writes a response built by `responses.ts` (whose body text is known) straight to node:http, instead
 * of letting the adapter read the `Response` body back through a web stream. Returns false, and
 * writes nothing, for any other response (the dashboard's pages, its event stream) or when the
 * response has already started.
 */
function writeResponse(response: Response, outgoing: ServerResponse): boolean {
  const text = responseText(response);
  if (text === undefined || outgoing.headersSent || outgoing.writableEnded) return false;
  const headers: OutgoingHttpHeaders = { 'content-length': Buffer.byteLength(text) };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(response.status, headers);
  outgoing.end(text);
  return true;
}

/**
 * Requests node:http refuses before routing: oversized headers answer 431 and unparseable requests
 * 400, both with a JSON body like every other response; broken sockets are just closed.
 */
function respondToClientError(error: Error, socket: Socket): void {
  const code = (error as NodeJS.ErrnoException).code;
  if (!socket.writable || code === 'ECONNRESET' || code === 'EPIPE') {
    socket.destroy();
    return;
  }
  const received =
    code === 'HPE_HEADER_OVERFLOW'
      ? rawHttpResponse(431, 'Request Header Fields Too Large', {
          responseMessage: sandboxResponses.headersTooLarge.message,
        })
      : rawHttpResponse(400, 'Bad Request', {
          responseMessage: sandboxResponses.badRequest.message,
        });
  socket.end(received);
}
