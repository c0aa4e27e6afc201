/**
 * The checkout's configuration: its public shape, and the zod schema that checks it once, in
 * `createCheckout()`. A failure names the setting and the rule and never repeats the value (keys,
 * salts and URLs may be secret).
 */
import type { EnvelopeIv, KeyEncoding } from '@wallet/crypto';
import {
  baseUrlOf,
  resolveTransportSettings,
  orRequired as rule,
  serviceUrlSchema,
  transportSettingsShape,
} from '@wallet/http';
import * as z from 'zod';
import { CheckoutConfigError } from './errors.js';

/** The named environments. */
export type CheckoutEnvironment = 'test' | 'production';

/** A `fetch` the command API sends through: the global one by default, or e.g. a sandbox's. */
export type CheckoutFetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** The settings of `createCheckout()`. */
export interface CheckoutConfig {
  /** The merchant key (1 to 50 characters, no `|`). */
  readonly key: string;
  /** The merchant salt. Secret. */
  readonly salt: string;
  /**
   * `'test'` (test.payu.in), `'production'` (secure.payu.in for `_payment`, info.payu.in for
   * `postservice`), or the http(s) base URL of a server that serves both (the sandbox).
   */
  readonly environment: CheckoutEnvironment | string | URL;
  /** The CLW bank code PayU issued to the merchant; default `CLW` (the sandbox's). */
  readonly bankcode?: string;
  /** The wallet's 24-byte AES-192 key, for the seamless mode's `encdata`. Secret. */
  readonly encryptionKey?: string | Uint8Array;
  /** How a string `encryptionKey` is written; default `'auto'` (hex or base64). */
  readonly keyEncoding?: KeyEncoding;
  /** The envelope's IV mode, as for the wallet APIs: `'prefix'` (default) or `{ fixed }`. */
  readonly ivMode?: EnvelopeIv;
  /** Milliseconds one `postservice` attempt may take; default 30 000. */
  readonly timeout?: number;
  /** Milliseconds a whole call may take, retries and waits included; default 90 000. */
  readonly totalTimeout?: number;
  /** Retries of an idempotent command after a network failure, timeout, 408, 429 or 5xx; default 2. */
  readonly retries?: number;
  /** The longest wait between attempts (caps `Retry-After` too), in milliseconds; default 8 000. */
  readonly maxRetryDelay?: number;
  /** The largest `postservice` or seamless response body read, in bytes; default 1 048 576 (1 MiB). */
  readonly maxResponseBytes?: number;
  /** The fetch to send with; default the global `fetch`. */
  readonly fetch?: CheckoutFetch;
}

/** Where the gateway is. */
export interface CheckoutEndpoints {
  /** `POST` target of the payment form and the seamless call. */
  readonly payment: string;
  /** `POST` target of the command API, `?form=2` included. */
  readonly postservice: string;
}

/** The configuration once checked, defaults applied. */
export interface ResolvedCheckoutConfig {
  readonly key: string;
  readonly salt: string;
  readonly endpoints: CheckoutEndpoints;
  readonly bankcode: string;
  readonly encryptionKey: string | Uint8Array | undefined;
  readonly keyEncoding: KeyEncoding | undefined;
  readonly ivMode: EnvelopeIv | undefined;
  readonly timeout: number;
  readonly totalTimeout: number;
  readonly retries: number;
  readonly maxRetryDelay: number;
  readonly maxResponseBytes: number;
  readonly fetch: CheckoutFetch | undefined;
}

export const DEFAULT_BANKCODE = 'CLW';
const POSTSERVICE_PATH = '/merchant/postservice.php?form=2';

/** PayU's hosts (checkout.md, first lines). */
export const PAYU_ENDPOINTS: Readonly<Record<CheckoutEnvironment, CheckoutEndpoints>> = {
  test: {
    payment: 'https://test.payu.in/_payment',
    postservice: `https://test.payu.in${POSTSERVICE_PATH}`,
  },
  production: {
    payment: 'https://secure.payu.in/_payment',
    postservice: `https://info.payu.in${POSTSERVICE_PATH}`,
  },
};

const noPipe = (what: string) =>
  z
    .string({ error: rule(`must be ${what}`) })
    .min(1, { error: `must be ${what}` })
    .refine((v) => !v.includes('|'), { error: `must be ${what}` });

const configSchema = z.strictObject(
  {
    key: noPipe('1 to 50 characters without |').refine((v) => v.length <= 50, {
      error: 'must be 1 to 50 characters without |',
    }),
    salt: noPipe('a non-empty string without |'),
    environment: serviceUrlSchema(['test', 'production']),
    bankcode: noPipe('1 to 50 letters, digits, _ or -')
      .regex(/^[A-Za-z0-9_-]{1,50}$/, { error: 'must be 1 to 50 letters, digits, _ or -' })
      .optional(),
    encryptionKey: z
      .union([z.string(), z.instanceof(Uint8Array)], {
        error:
          'must be a string (48 hex characters, or base64 of 24 bytes) or a Uint8Array of 24 bytes',
      })
      .optional(),
    keyEncoding: z
      .enum(['auto', 'hex', 'base64', 'utf8'], {
        error: "must be 'auto', 'hex', 'base64' or 'utf8'",
      })
      .optional(),
    ivMode: z
      .union([z.literal('prefix'), z.strictObject({ fixed: z.string() })], {
        error: "must be 'prefix' or { fixed: '<32 hex characters>' }",
      })
      .optional(),
    ...transportSettingsShape,
    fetch: z
      .custom<CheckoutFetch>((value) => typeof value === 'function', {
        error: 'must be a function (request) => Promise<Response>',
      })
      .optional(),
  },
  { error: rule('must be an object') },
);

function firstIssue(error: z.ZodError): CheckoutConfigError {
  const issue = error.issues[0];
  if (issue === undefined) return new CheckoutConfigError('', 'is invalid');
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const setting = path === '' ? key : `${path}.${key}`;
    return new CheckoutConfigError(
      setting,
      'is not a setting: check its spelling against CheckoutConfig',
    );
  }
  return new CheckoutConfigError(path, issue.message);
}

function endpointsOf(environment: string | URL): CheckoutEndpoints {
  if (environment === 'test' || environment === 'production') return PAYU_ENDPOINTS[environment];
  const base = baseUrlOf(environment);
  return { payment: `${base}/_payment`, postservice: `${base}${POSTSERVICE_PATH}` };
}

/**
 * Checks `config` and applies the defaults.
 * @throws {CheckoutConfigError} naming the first setting at fault and its rule.
 */
export function resolveCheckoutConfig(config: CheckoutConfig): ResolvedCheckoutConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) throw firstIssue(parsed.error);
  const c = parsed.data;
  return {
    key: c.key,
    salt: c.salt,
    endpoints: endpointsOf(c.environment),
    bankcode: c.bankcode ?? DEFAULT_BANKCODE,
    encryptionKey: c.encryptionKey,
    keyEncoding: c.keyEncoding,
    ivMode: c.ivMode,
    ...resolveTransportSettings(c),
    fetch: c.fetch,
  };
}
