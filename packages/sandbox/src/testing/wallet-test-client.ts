/**
 * Test-only: builds, seals and signs wallet requests with @wallet/crypto and @wallet/hmac directly
 * (independently of the sandbox's code), sends them, and opens the responses. Never exported by the
 * package.
 */
import { createEnvelope, type Envelope } from '@wallet/crypto';
import { type AuthProfile, DEFAULT_PROFILE, signRequest } from '@wallet/hmac';
import {
  type ApiName,
  formatRequestDateTime,
  messageCodeField,
  newClientTxnId,
  routes,
  WALLET_IDENTIFIER,
} from '@wallet/schemas';
import type { SandboxMerchant } from '../merchants/registry.js';

/** The credentials a test client signs and seals with. */
export type ClientCredentials = Pick<
  SandboxMerchant,
  'merchantKey' | 'salt' | 'encryptionKey' | 'ivMode' | 'iv'
>;

export type Fetch = (request: Request) => Promise<Response>;

/** A response as a test sees it. */
export interface WalletTestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** The raw body text. */
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  readonly json: Record<string, unknown> | undefined;
  /** The decrypted response when the body is an envelope (`result` or `token`), else undefined. */
  readonly body: Record<string, unknown> | undefined;
  /** Which field carried the envelope. */
  readonly envelopeField: 'result' | 'token' | undefined;
}

export interface SendOptions {
  /** Default: the route's first method. */
  readonly method?: string;
  /** Signing profile; default payu-hmac. */
  readonly profile?: AuthProfile;
  /** The signed date; default the client's clock. */
  readonly date?: Date | string;
  /** Replaces or removes (undefined) headers after signing. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** The exact wire body to send instead of the sealed one (signed as sent). */
  readonly rawBody?: string | Uint8Array;
  /** Path instead of the route's. */
  readonly path?: string;
}

export interface WalletTestClientOptions {
  /** `http://host:port` for real sockets, or an in-process fetch handler. */
  readonly target: string | Fetch;
  readonly merchant: ClientCredentials;
  /** The clock for `date` headers and requestDateTime; default system clock. */
  readonly now?: () => Date;
}

export class WalletTestClient {
  readonly envelope: Envelope;
  readonly merchant: ClientCredentials;
  readonly #target: string | Fetch;
  readonly #now: () => Date;

  constructor(options: WalletTestClientOptions) {
    this.merchant = options.merchant;
    this.#target = options.target;
    this.#now = options.now ?? (() => new Date());
    this.envelope = createEnvelope({
      key: options.merchant.encryptionKey,
      iv:
        options.merchant.ivMode === 'fixed' && options.merchant.iv !== null
          ? { fixed: options.merchant.iv }
          : 'prefix',
    });
  }

  /**
   * The full decrypted request of `api`: message code (when the API has one), a fresh clientTxnId
   * and now's date, then `fields`.
   */
  request(api: ApiName, fields: Record<string, unknown>): Record<string, unknown> {
    return {
      ...messageCodeField(routes[api].requestMessageCode),
      clientTxnId: newClientTxnId(),
      requestDateTime: formatRequestDateTime(this.#now()),
      ...fields,
    };
  }

  /** Seals and signs `decrypted` for `api` and sends it. */
  async call(
    api: ApiName,
    decrypted: Record<string, unknown>,
    options: SendOptions = {},
  ): Promise<WalletTestResponse> {
    const route = routes[api];
    const body = options.rawBody ?? JSON.stringify({ token: this.envelope.seal(decrypted) });
    return this.send(options.path ?? route.path, options.method ?? route.methods[0], body, options);
  }

  /** Sends `body` signed (unless the headers option removes it) to `path`. */
  async send(
    path: string,
    method: string,
    body: string | Uint8Array,
    options: SendOptions = {},
  ): Promise<WalletTestResponse> {
    const signed = signRequest({
      merchantKey: this.merchant.merchantKey,
      merchantSalt: this.merchant.salt,
      profile: options.profile ?? DEFAULT_PROFILE,
      date: options.date ?? this.#now(),
      body,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      walletidentifier: WALLET_IDENTIFIER,
      ...signed,
    };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      delete headers[name.toLowerCase()];
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
    return this.raw(path, { method, headers, body });
  }

  /** Sends a request as given and reads the response. */
  async raw(
    path: string,
    init: { method: string; headers: Record<string, string>; body?: string | Uint8Array },
  ): Promise<WalletTestResponse> {
    const target = this.#target;
    const url = typeof target === 'string' ? `${target}${path}` : `http://sandbox.test${path}`;
    const request = new Request(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined || init.method === 'GET'
        ? {}
        : { body: typeof init.body === 'string' ? init.body : new Uint8Array(init.body) }),
    });
    const response = typeof target === 'string' ? await fetch(request) : await target(request);
    return this.read(response);
  }

  /** Reads a response, opening its envelope when it has one. */
  async read(response: Response): Promise<WalletTestResponse> {
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      json =
        typeof parsed === 'object' && parsed !== null
          ? (parsed as Record<string, unknown>)
          : undefined;
    } catch {
      json = undefined;
    }
    const field =
      typeof json?.result === 'string'
        ? 'result'
        : typeof json?.token === 'string'
          ? 'token'
          : undefined;
    const body =
      field === undefined || json === undefined
        ? undefined
        : (this.envelope.open(json[field]) as Record<string, unknown>);
    return {
      status: response.status,
      headers: response.headers,
      text,
      json,
      body,
      envelopeField: field,
    };
  }
}
