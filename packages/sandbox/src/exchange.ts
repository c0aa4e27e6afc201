/**
 * One request and its response, as the sandbox saw them: what the request log line is built from and
 * what the `onExchange` hook receives (the hook, unlike the log, also gets the decrypted bodies).
 */
import type { ApiName } from '@wallet/schemas';
import type { HeaderField } from './http/header-fields.js';
import { maskedHeaderFields } from './journal/headers.js';
import type { JsonObject } from './store/json.js';

/** Why a request did not reach a stored response, when it did not. */
export type ExchangeFailure =
  | 'not-found'
  | 'method-not-allowed'
  | 'bad-request'
  | 'headers-too-large'
  | 'transfer-coding'
  | 'body-too-large'
  | 'wallet-identifier'
  | 'auth-missing'
  | 'auth-malformed'
  | 'auth-clock-skew'
  | 'auth-bad-signature'
  | 'auth-digest-mismatch'
  | 'rate-limited'
  | 'envelope'
  | 'message-code'
  | 'validation'
  | 'duplicate'
  | 'declined'
  | 'helper-header-missing'
  | 'helper-api-key'
  | 'helper-client-id'
  | 'helper-bank-id'
  | 'helper-secure-code'
  | 'gateway-refused'
  | 'gateway-hash'
  | 'server-fault'
  | 'fault-injected';

/** The Wibmo helper calls. */
export type HelperApiName = 'encrypt' | 'decrypt';

/** The payment gateway's calls: `/_payment`, its pages, and `postservice`. */
export const CHECKOUT_API_NAMES = ['payment', 'payment-page', 'postservice'] as const;
export type CheckoutApiName = (typeof CHECKOUT_API_NAMES)[number];

/**
 * What the sandbox did with one request. `request` and `response` are the DECRYPTED bodies and may
 * hold personal data: they go to the `onExchange` hook only, never to the log.
 */
export interface SandboxExchange {
  /** A fresh id per request. */
  readonly id: string;
  /** When the request arrived, on the sandbox clock. */
  readonly receivedAt: Date;
  /** Wall time spent answering, in milliseconds. */
  readonly durationMs: number;
  readonly method: string;
  readonly path: string;
  /** The wallet API or helper call the path names, when it names one. */
  readonly api: ApiName | HelperApiName | CheckoutApiName | undefined;
  /** The authenticated merchant (wallet APIs) or the one the helper `x-api-key` selected. */
  readonly merchantKey: string | undefined;
  /** The auth profile the request was signed with (`profileName`), when it authenticated. */
  readonly authProfile: string | undefined;
  readonly status: number;
  /** The platform code of the response, when it carries one. */
  readonly responseCode: string | undefined;
  /** The request's `clientTxnId`, when it decrypted to a valid one. */
  readonly clientTxnId: string | undefined;
  /** True when a stored response was replayed (`Idempotent-Replayed: true`). */
  readonly replayed: boolean;
  readonly failure: ExchangeFailure | undefined;
  /** The decrypted request (wallet APIs) or the plaintext (helper encrypt). */
  readonly request: JsonObject | undefined;
  /** The decrypted answer (wallet APIs) or the plaintext (helper decrypt). */
  readonly response: JsonObject | undefined;
  /** The request's headers (lower-case names), the Authorization signature and API keys hidden. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** The response's headers (lower-case names). */
  readonly responseHeaders: Readonly<Record<string, string>>;
  /**
   * The fault the sandbox injected, when it injected one (`status=503`, `latency=250ms`,
   * `drop=after`, `timeout=before`, `magic=amount-99999`, ...; several joined with `;`).
   */
  readonly fault: string | undefined;
}

/** Receives every exchange once its response is ready. Errors it throws or rejects with are logged and dropped. */
export type ExchangeListener = (exchange: SandboxExchange) => void | Promise<void>;

/** The exchange under construction while a request is handled. */
export type ExchangeDraft = { -readonly [K in keyof SandboxExchange]: SandboxExchange[K] };

/** A blank draft for a request that just arrived, with its header fields (`headerFields`). */
export function newExchangeDraft(
  id: string,
  request: Request,
  headers: readonly HeaderField[],
  receivedAt: Date,
): ExchangeDraft {
  return {
    id,
    receivedAt,
    durationMs: 0,
    method: request.method,
    path: pathOf(request.url),
    api: undefined,
    merchantKey: undefined,
    authProfile: undefined,
    status: 0,
    responseCode: undefined,
    clientTxnId: undefined,
    replayed: false,
    failure: undefined,
    request: undefined,
    response: undefined,
    requestHeaders: maskedHeaderFields(headers),
    responseHeaders: {},
    fault: undefined,
  };
}

/** A URL whose path holds only letters, digits, `-`, `_` and `/`: its path is as written. */
const PLAIN_PATH_URL = /^https?:\/\/[^/?#@\\]+(\/[A-Za-z0-9_\-/]*)(?:[?#]|$)/;

/** The path of a URL, without its query (which the log must not carry). */
export function pathOf(url: string): string {
  const plain = PLAIN_PATH_URL.exec(url);
  if (plain !== null) return plain[1] as string;
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
