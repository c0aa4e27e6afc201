/**
 * Test support (not exported): a scripted stand-in for the remote platform, for unit tests that
 * must not open sockets. It opens and checks requests with the real `@wallet/crypto` and
 * `@wallet/hmac`, and answers what each test scripts. Integration tests use the real sandbox.
 */
import { createEnvelope, type Envelope, generateKey } from '@wallet/crypto';
import { verifyRequest } from '@wallet/hmac';
import type { WalletClientConfig, WalletFetch } from './config.js';

export const TEST_SECRETS = {
  merchantKey: 'unit-merchant',
  merchantSalt: 'unit-salt-5f0c1d2e3a4b',
  encryptionKey: generateKey(),
} as const;

/** A request the platform received, opened. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly rawBody: string;
  readonly plaintext: Record<string, unknown>;
  readonly signatureOk: boolean;
  /** The request's signal: aborted when the client gives up on the attempt. */
  readonly signal: AbortSignal;
}

export type Script = (received: Received, index: number) => Response | Promise<Response>;

export interface TestPlatform {
  readonly fetch: WalletFetch;
  readonly envelope: Envelope;
  readonly received: Received[];
  /** A config pointing at this platform. */
  config(extra?: Partial<WalletClientConfig>): WalletClientConfig;
  /** An encrypted response `{ result }` with HTTP `status`. */
  sealed(body: Record<string, unknown>, status?: number, headers?: HeadersInit): Response;
  /** A plain JSON response. */
  plain(body: unknown, status?: number, headers?: HeadersInit): Response;
  /** A success response echoing the request's clientTxnId and messageCode + 1. */
  success(received: Received, fields: Record<string, unknown>): Response;
}

export function createTestPlatform(script: Script): TestPlatform {
  const envelope = createEnvelope({ key: TEST_SECRETS.encryptionKey });
  const received: Received[] = [];
  const platform: TestPlatform = {
    envelope,
    received,
    fetch: async (request) => {
      const rawBody = await request.text();
      const verdict = await verifyRequest({
        method: request.method,
        headers: request.headers,
        body: rawBody,
        lookupSalt: (key) =>
          key === TEST_SECRETS.merchantKey ? TEST_SECRETS.merchantSalt : undefined,
      });
      let plaintext: Record<string, unknown> = {};
      try {
        plaintext = envelope.open((JSON.parse(rawBody) as { token: unknown }).token) as Record<
          string,
          unknown
        >;
      } catch {
        // The helper API and hostile tests send other bodies.
      }
      const entry: Received = {
        method: request.method,
        path: new URL(request.url).pathname,
        headers: request.headers,
        rawBody,
        plaintext,
        signatureOk: verdict.ok,
        signal: request.signal,
      };
      received.push(entry);
      return script(entry, received.length - 1);
    },
    config: (extra = {}) => ({
      baseUrl: 'http://platform.test',
      ...TEST_SECRETS,
      fetch: platform.fetch,
      ...extra,
    }),
    sealed: (body, status = 200, headers = {}) =>
      new Response(JSON.stringify({ result: envelope.seal(body) }), {
        status,
        headers: {
          'content-type': 'application/json',
          ...Object.fromEntries(new Headers(headers)),
        },
      }),
    plain: (body, status = 200, headers = {}) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: {
          'content-type': 'application/json',
          ...Object.fromEntries(new Headers(headers)),
        },
      }),
    success: (entry, fields) =>
      platform.sealed({
        responseCode: '00',
        messageCode: (entry.plaintext.messageCode as number) + 1,
        clientTxnId: entry.plaintext.clientTxnId,
        responseMessage: 'OK',
        ...fields,
      }),
  };
  return platform;
}
