/**
 * The settings every package that calls over `@wallet/http` takes, checked with one wording: the
 * timeouts, the retries, the response size cap (as zod schemas to spread into a configuration
 * schema, and their defaults), and the rule for a service URL. A failure names the rule, never
 * the value (URLs may be secret).
 */
import * as z from 'zod';
import {
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_RETRIES,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
} from './retry-policy.js';

/** 1 MiB: far above any wallet or gateway response, far below what would strain memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;
/** The largest delay a timer accepts (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2_147_483_647;
/** More retries than this is a misconfiguration, not resilience. */
export const MAX_RETRIES = 10;

/** A rule's message, or `is required` when the value is absent. */
export function orRequired(message: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => (issue.input === undefined ? 'is required' : message);
}

/** A whole number from `min` to `max`; `unit` is `milliseconds`, `bytes` or empty. */
function wholeNumber(unit: string, min: number, max: number) {
  const message = `must be a whole number ${unit === '' ? '' : `of ${unit} `}from ${min} to ${max}`;
  return z
    .number({ error: orRequired(message) })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

/** The transport settings as a caller writes them. */
export interface TransportSettings {
  /** Milliseconds one attempt may take, response body included; default 30 000. */
  readonly timeout?: number | undefined;
  /** Milliseconds a whole call may take, retries and waits included; default 90 000. */
  readonly totalTimeout?: number | undefined;
  /** Retries after a network failure, timeout, 408, 429 or 5xx; default 2. */
  readonly retries?: number | undefined;
  /** The longest wait between attempts (caps a named wait too), in milliseconds; default 8 000. */
  readonly maxRetryDelay?: number | undefined;
  /** The largest response body read, in bytes; default 1 MiB. */
  readonly maxResponseBytes?: number | undefined;
}

/** The transport settings once checked, defaults applied. */
export type ResolvedTransportSettings = { readonly [K in keyof TransportSettings]-?: number };

/** The zod schemas of {@link TransportSettings}, to spread into a configuration's object schema. */
export const transportSettingsShape = {
  timeout: wholeNumber('milliseconds', 1, MAX_TIMEOUT_MS).optional(),
  totalTimeout: wholeNumber('milliseconds', 1, MAX_TIMEOUT_MS).optional(),
  retries: wholeNumber('', 0, MAX_RETRIES).optional(),
  maxRetryDelay: wholeNumber('milliseconds', 0, MAX_TIMEOUT_MS).optional(),
  maxResponseBytes: wholeNumber('bytes', 1, MAX_TIMEOUT_MS).optional(),
} as const;

/** `settings` (already checked by {@link transportSettingsShape}) with the defaults applied. */
export function resolveTransportSettings(settings: TransportSettings): ResolvedTransportSettings {
  return {
    timeout: settings.timeout ?? DEFAULT_TIMEOUT_MS,
    totalTimeout: settings.totalTimeout ?? DEFAULT_TOTAL_TIMEOUT_MS,
    retries: settings.retries ?? DEFAULT_RETRIES,
    maxRetryDelay: settings.maxRetryDelay ?? DEFAULT_MAX_RETRY_DELAY_MS,
    maxResponseBytes: settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
}

/** Whether `value` is an absolute http(s) URL without credentials, query or fragment. */
export function isServiceUrl(value: unknown): boolean {
  const text = value instanceof URL ? value.href : value;
  if (typeof text !== 'string' || !URL.canParse(text)) return false;
  const url = new URL(text);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === ''
  );
}

/** `must be 'test', 'production' or an absolute http(s) URL ...` for the names `named`. */
export function serviceUrlRule(named: readonly string[]): string {
  const names = named.map((name) => `'${name}'`).join(', ');
  return `must be ${names} or an absolute http(s) URL without credentials, query or fragment`;
}

/** One of the names `named`, or a service URL ({@link isServiceUrl}) as a string or a `URL`. */
export function serviceUrlSchema<const Name extends string>(named: readonly Name[]) {
  const message = serviceUrlRule(named);
  return z
    .union([z.string(), z.instanceof(URL)], { error: orRequired(message) })
    .refine((value) => (named as readonly unknown[]).includes(value) || isServiceUrl(value), {
      error: message,
    });
}

/** A service URL as a base to append paths to: its `href` without a trailing `/`. */
export function baseUrlOf(value: string | URL): string {
  const href = value instanceof URL ? value.href : new URL(value).href;
  return href.endsWith('/') ? href.slice(0, -1) : href;
}
