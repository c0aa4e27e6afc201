/**
 * The client's configuration: its public shape, and the zod schema that checks it once, at
 * creation. A failure names the setting and the rule and never repeats the value (keys, salts and
 * URLs may be secret).
 */
import type { EnvelopeIv, KeyEncoding } from '@wallet/crypto';
import { type AuthProfile, DEFAULT_PROFILE, isAuthProfile, profileFromName } from '@wallet/hmac';
import {
  baseUrlOf,
  resolveTransportSettings,
  orRequired as rule,
  serviceUrlSchema,
  transportSettingsShape,
} from '@wallet/http';
import { baseUrls, WALLET_IDENTIFIER } from '@wallet/schemas';
import * as z from 'zod';
import { WalletConfigError } from './errors.js';
import type { WalletLogger, WalletLogLevel } from './logger.js';

/** The named environments and the PayU hosts they stand for. */
export type WalletEnvironment = 'test' | 'production';

/** How responses are checked against their schema after decrypting. */
export type ResponseValidationMode = 'strict' | 'warn' | 'off';

/** A `fetch` the client sends through: the global one by default, or e.g. a sandbox's. */
export type WalletFetch = (request: Request, init?: RequestInit) => Promise<Response>;

/** What `onRequest` hears before every attempt. */
export interface WalletRequestEvent {
  /** The API called (`registerCustomer`, ..., or `encrypt` / `decrypt` for the helper API). */
  readonly api: string;
  readonly method: string;
  /** The full URL. */
  readonly url: string;
  /** The path on the base URL. */
  readonly path: string;
  /** The same on every attempt of a call; absent for the helper API. */
  readonly clientTxnId: string | undefined;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
}

/** What `onResponse` hears after every attempt that got a response. */
export interface WalletResponseEvent extends WalletRequestEvent {
  readonly status: number;
  readonly durationMs: number;
  /** A clone of the response: reading its body does not disturb the client. */
  readonly response: Response;
}

/** Hooks around every attempt. A hook that throws fails the call with that error, unretried. */
export interface WalletHooks {
  readonly onRequest?: (event: WalletRequestEvent) => void | Promise<void>;
  readonly onResponse?: (event: WalletResponseEvent) => void | Promise<void>;
}

/** The Wibmo Encrypt/Decrypt helper API (wallet-protocol.md section 5). */
export interface WalletHelperConfig {
  /**
   * Where the helper API is: `'sandbox'` (Wibmo's sandbox host) or a URL. Default: Wibmo's sandbox
   * with `baseUrl: 'test'`, the wallet's own base URL with a URL (a local sandbox serves both);
   * required with `baseUrl: 'production'`.
   */
  readonly baseUrl?: 'sandbox' | string | URL;
  /** Sent as `x-api-key`. */
  readonly apiKey: string;
  /** Sent as `clientId`. */
  readonly clientId: string;
  /** Sent as `bankId`. */
  readonly bankId: string;
  /** Sent as `secureCode`. */
  readonly secureCode: string;
  /** The consumer id, sent as `X-Consumer-Custom-ID`. */
  readonly consumerId: string;
  /** Sent as `entityId`; the platform's default (100) when absent. */
  readonly entityId?: string;
}

/** The settings of `createWalletClient()` / `createWalletCore()`. */
export interface WalletClientConfig {
  /** `'test'` (https://apitest.payu.in), `'production'` (https://api.payu.in), or an http(s) URL. */
  readonly baseUrl: WalletEnvironment | string | URL;
  /** The merchant key, sent as the Authorization `username`. */
  readonly merchantKey: string;
  /** The merchant salt, the HMAC key. Secret. */
  readonly merchantSalt: string;
  /**
   * The 24-byte AES-192 key: 48 hex characters, base64 of 24 bytes, 24 bytes, or (with
   * `keyEncoding: 'utf8'`) 24 characters of text. Secret. Optional only with `helper`: without it
   * every payload is encrypted and decrypted through the helper API.
   */
  readonly encryptionKey?: string | Uint8Array;
  /** How a string `encryptionKey` is written; default `'auto'` (hex or base64). */
  readonly keyEncoding?: KeyEncoding;
  /** IV mode: `'prefix'` (default, a fresh IV per message) or `{ fixed: '<32 hex>' }`. */
  readonly iv?: EnvelopeIv;
  /** The program type sent as `walletIdentifier`; default `CLW`. */
  readonly walletIdentifier?: string;
  /** How requests are signed: a profile of `@wallet/hmac` or its name; default `payu-hmac`. */
  readonly authProfile?: AuthProfile | string;
  /** Milliseconds one attempt may take; default 30 000. */
  readonly timeout?: number;
  /** Milliseconds a whole call may take, retries and waits included; default 90 000. */
  readonly totalTimeout?: number;
  /** Retries after a network failure, timeout, 408, 429 or 5xx; default 2. */
  readonly retries?: number;
  /** The longest wait between attempts (caps `Retry-After` too), in milliseconds; default 8 000. */
  readonly maxRetryDelay?: number;
  /** The fetch to send with; default the global `fetch`. */
  readonly fetch?: WalletFetch;
  /**
   * The largest response body read, in bytes; default 1 MiB. A larger one fails the call with
   * `WalletResponseTooLargeError` as soon as it is known, and is not read further.
   */
  readonly maxResponseBytes?: number;
  readonly hooks?: WalletHooks;
  /** Where to log; nothing is logged without one. */
  readonly logger?: WalletLogger;
  /** Default `'warn'`; `'debug'` logs every attempt (method, path, status, duration, clientTxnId). */
  readonly logLevel?: WalletLogLevel;
  /** Default `'strict'`: a response that breaks its schema fails with `WalletValidationError`. */
  readonly responseValidation?: ResponseValidationMode;
  /** The clock that dates requests (the `date` header and `requestDateTime`); default the system's. */
  readonly now?: () => Date;
  /** The Encrypt/Decrypt helper API, for `encryptViaApi` / `decryptViaApi`. */
  readonly helper?: WalletHelperConfig;
}

/** The helper API settings once checked. */
export interface ResolvedHelperConfig {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly clientId: string;
  readonly bankId: string;
  readonly secureCode: string;
  readonly consumerId: string;
  readonly entityId: string | undefined;
}

/** The configuration once checked, defaults applied. */
export interface ResolvedConfig {
  readonly baseUrl: string;
  readonly merchantKey: string;
  readonly merchantSalt: string;
  readonly encryptionKey: string | Uint8Array | undefined;
  readonly keyEncoding: KeyEncoding | undefined;
  readonly iv: EnvelopeIv | undefined;
  readonly walletIdentifier: string;
  readonly authProfile: AuthProfile;
  readonly timeout: number;
  readonly totalTimeout: number;
  readonly retries: number;
  readonly maxRetryDelay: number;
  /** The configured `fetch`; `undefined` for the global one. */
  readonly fetch: WalletFetch | undefined;
  readonly maxResponseBytes: number;
  readonly hooks: WalletHooks;
  readonly logger: WalletLogger | undefined;
  readonly logLevel: WalletLogLevel;
  readonly responseValidation: ResponseValidationMode;
  readonly now: () => Date;
  readonly helper: ResolvedHelperConfig | undefined;
}

const environments: Readonly<Record<WalletEnvironment, string>> = {
  test: baseUrls.payuTest,
  production: baseUrls.payuProduction,
};

const nonEmpty = (what = 'a non-empty string') =>
  z.string({ error: rule(`must be ${what}`) }).min(1, { error: `must be ${what}` });

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
    error: `must be a function ${what}`,
  });

const helperSchema = z.strictObject(
  {
    baseUrl: serviceUrlSchema(['sandbox']).optional(),
    apiKey: nonEmpty(),
    clientId: nonEmpty().regex(PRINTABLE_ASCII, { error: 'must be printable ASCII' }),
    bankId: nonEmpty().regex(PRINTABLE_ASCII, { error: 'must be printable ASCII' }),
    secureCode: nonEmpty(),
    consumerId: nonEmpty().regex(PRINTABLE_ASCII, { error: 'must be printable ASCII' }),
    entityId: nonEmpty().regex(PRINTABLE_ASCII, { error: 'must be printable ASCII' }).optional(),
  },
  { error: rule('must be an object') },
);

const configSchema = z.strictObject(
  {
    baseUrl: serviceUrlSchema(['test', 'production']),
    merchantKey: nonEmpty()
      .regex(PRINTABLE_ASCII, {
        error: 'must be printable ASCII without " or \\',
      })
      .refine((v) => !v.includes('"') && !v.includes('\\'), {
        error: 'must be printable ASCII without " or \\',
      }),
    merchantSalt: nonEmpty(),
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
    iv: z
      .union([z.literal('prefix'), z.strictObject({ fixed: z.string() })], {
        error: "must be 'prefix' or { fixed: '<32 hex characters>' }",
      })
      .optional(),
    walletIdentifier: z
      .string({ error: 'must be a non-empty HTTP header token (letters, digits, - and _)' })
      .regex(HEADER_TOKEN, {
        error: 'must be a non-empty HTTP header token (letters, digits, - and _)',
      })
      .optional(),
    authProfile: z
      .custom<AuthProfile | string>(
        (v) => isAuthProfile(v) || (typeof v === 'string' && profileNameIsKnown(v)),
        {
          error:
            'must be a documented authorization profile of @wallet/hmac or its name (e.g. payu-hmac)',
        },
      )
      .optional(),
    ...transportSettingsShape,
    fetch: fn('(request) => Promise<Response>').optional(),
    hooks: z
      .strictObject(
        {
          onRequest: fn('(event) => void').optional(),
          onResponse: fn('(event) => void').optional(),
        },
        { error: 'must be an object with onRequest and/or onResponse' },
      )
      .optional(),
    logger: z
      .custom<WalletLogger>(isLogger, {
        error: 'must be an object with at least one of the methods debug, info, warn, error',
      })
      .optional(),
    logLevel: z
      .enum(['debug', 'info', 'warn', 'error', 'silent'], {
        error: "must be 'debug', 'info', 'warn', 'error' or 'silent'",
      })
      .optional(),
    responseValidation: z
      .enum(['strict', 'warn', 'off'], { error: "must be 'strict', 'warn' or 'off'" })
      .optional(),
    now: fn('returning a Date').optional(),
    helper: helperSchema.optional(),
  },
  { error: rule('must be an object') },
);

function profileNameIsKnown(name: string): boolean {
  try {
    profileFromName(name);
    return true;
  } catch {
    return false;
  }
}

function isLogger(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const methods = ['debug', 'info', 'warn', 'error'] as const;
  const logger = value as Record<string, unknown>;
  if (methods.some((m) => logger[m] !== undefined && typeof logger[m] !== 'function')) return false;
  return methods.some((m) => typeof logger[m] === 'function');
}

/** Names a setting in messages: `merchantSalt`, `helper.bankId`, or an env variable. */
export type SettingLabel = (setting: string) => string;

const plainLabel: SettingLabel = (setting) => setting;

/** The error for `setting`, worded `Invalid wallet client setting <label>: <rule>.` */
export function configError(
  setting: string,
  message: string,
  label: SettingLabel = plainLabel,
  cause?: unknown,
): WalletConfigError {
  return new WalletConfigError(
    setting,
    `Invalid wallet client setting ${label(setting)}: ${message.replace(/\.$/, '')}.`,
    cause === undefined ? undefined : { cause },
  );
}

function firstIssue(error: z.ZodError, label: SettingLabel): WalletConfigError {
  const issue = error.issues[0];
  if (issue === undefined) return configError('', 'is invalid', label);
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const setting = path === '' ? key : `${path}.${key}`;
    return new WalletConfigError(
      setting,
      `Unknown wallet client setting ${label(setting)}: check its spelling against WalletClientConfig.`,
    );
  }
  if (path === '')
    return new WalletConfigError('', `Invalid wallet client configuration: ${issue.message}.`);
  return configError(path, issue.message, label);
}

function resolveHelper(
  helper: z.output<typeof helperSchema> | undefined,
  walletBase: string | URL,
  label: SettingLabel,
): ResolvedHelperConfig | undefined {
  if (helper === undefined) return undefined;
  let baseUrl: string;
  if (helper.baseUrl === 'sandbox') baseUrl = baseUrls.wibmoHelperSandbox;
  else if (helper.baseUrl !== undefined) baseUrl = baseUrlOf(helper.baseUrl);
  else if (walletBase === 'test') baseUrl = baseUrls.wibmoHelperSandbox;
  else if (walletBase === 'production') {
    throw configError(
      'helper.baseUrl',
      "is required with baseUrl 'production' (the production helper host is issued with the helper credentials)",
      label,
    );
  } else baseUrl = baseUrlOf(walletBase);
  return {
    baseUrl,
    apiKey: helper.apiKey,
    clientId: helper.clientId,
    bankId: helper.bankId,
    secureCode: helper.secureCode,
    consumerId: helper.consumerId,
    entityId: helper.entityId,
  };
}

/**
 * Checks `config` and applies the defaults.
 * @throws {WalletConfigError} naming the first setting at fault and its rule.
 */
export function resolveConfig(
  config: WalletClientConfig,
  label: SettingLabel = plainLabel,
): ResolvedConfig {
  const parsed = configSchema.safeParse(config);
  if (!parsed.success) throw firstIssue(parsed.error, label);
  const c = parsed.data;
  if (c.encryptionKey === undefined && c.helper === undefined) {
    throw configError(
      'encryptionKey',
      'is required (or configure helper to encrypt and decrypt through the Encrypt/Decrypt API)',
      label,
    );
  }
  const baseUrl =
    c.baseUrl === 'test' || c.baseUrl === 'production'
      ? environments[c.baseUrl]
      : baseUrlOf(c.baseUrl);
  const authProfile =
    c.authProfile === undefined
      ? undefined
      : typeof c.authProfile === 'string'
        ? profileFromName(c.authProfile)
        : c.authProfile;
  return {
    baseUrl,
    merchantKey: c.merchantKey,
    merchantSalt: c.merchantSalt,
    encryptionKey: c.encryptionKey,
    keyEncoding: c.keyEncoding,
    iv: c.iv,
    walletIdentifier: c.walletIdentifier ?? WALLET_IDENTIFIER,
    authProfile: authProfile ?? DEFAULT_PROFILE,
    ...resolveTransportSettings(c),
    fetch: c.fetch as WalletFetch | undefined,
    hooks: (c.hooks ?? {}) as WalletHooks,
    logger: c.logger,
    logLevel: c.logLevel ?? 'warn',
    responseValidation: c.responseValidation ?? 'strict',
    now: (c.now as (() => Date) | undefined) ?? (() => new Date()),
    helper: resolveHelper(c.helper, c.baseUrl, label),
  };
}
