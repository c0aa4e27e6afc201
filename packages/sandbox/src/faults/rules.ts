/**
 * Fault rules: what a sandbox may do to a request instead of (or besides) answering it normally,
 * as configured (`createSandbox({ faults })`, `PUT /__sandbox/faults`) or asked for by one request
 * (`X-Sandbox-Fault`). Checked with zod; problems name the field and the rule.
 */
import { apiNames, helperRoutes, isPlatformCode } from '@wallet/schemas';
import * as z from 'zod';

/** Whether a drop or a hold happens before the request takes effect or after it committed. */
export type FaultPhase = 'before' | 'after';

/** One fault rule. Every part is optional; a rule with none does nothing. */
export interface FaultRule {
  /** Delay before the request is handled: milliseconds, or `[min, max]` for a uniform range. */
  readonly latencyMs?: number | readonly [number, number] | undefined;
  /** Answer this HTTP status (400-599) instead of handling the request; nothing takes effect. */
  readonly status?: number | undefined;
  /** The platform code in that response's plain body; default 1052 for a 5xx. */
  readonly responseCode?: string | undefined;
  /** `Retry-After` seconds sent with the status response; default 1 with 429 and 503. */
  readonly retryAfterSeconds?: number | undefined;
  /** Destroy the connection without a response, before the request takes effect or after it committed. */
  readonly drop?: FaultPhase | undefined;
  /** Hold the request without answering until the client gives up, before or after the effect. */
  readonly timeout?: FaultPhase | undefined;
  /** Probability from 0 to 1 that the rule applies to a matching request. Default 1. */
  readonly rate?: number | undefined;
  /** Apply to the next `times` matching requests only; then the rule is spent. Default: always. */
  readonly times?: number | undefined;
}

/** Faults for every API (`global`) and per API name (`routes.load`, `routes.encrypt`, ...). */
export interface FaultConfig {
  readonly global?: FaultRule | undefined;
  /** A route's rule replaces the global one for that API. */
  readonly routes?: Readonly<Record<string, FaultRule>> | undefined;
}

/** The APIs a fault rule may name: the wallet APIs and the helper calls. */
export const FAULT_ROUTE_NAMES: readonly string[] = [...apiNames, ...Object.keys(helperRoutes)];

/** The longest latency a rule may ask for: ten minutes. */
export const MAX_LATENCY_MS = 600_000;

const latency = z
  .number()
  .int({ error: 'must be a whole number of milliseconds' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_LATENCY_MS, { error: `must be at most ${MAX_LATENCY_MS} ms` });
const phase = z.enum(['before', 'after'], { error: 'must be "before" or "after"' });

export const faultRuleSchema = z.strictObject({
  latencyMs: z
    .union([
      latency,
      z
        .tuple([latency, latency])
        .refine(([min, max]) => min <= max, { error: 'must be [min, max] with min <= max' }),
    ])
    .optional(),
  status: z
    .number()
    .int({ error: 'must be an HTTP status from 400 to 599' })
    .min(400, { error: 'must be an HTTP status from 400 to 599' })
    .max(599, { error: 'must be an HTTP status from 400 to 599' })
    .optional(),
  responseCode: z
    .string()
    .refine(isPlatformCode, { error: 'must be a platform code of the error catalogue' })
    .optional(),
  retryAfterSeconds: z
    .number()
    .int({ error: 'must be a whole number of seconds' })
    .min(0, { error: 'must not be negative' })
    .max(3600, { error: 'must be at most 3600' })
    .optional(),
  drop: phase.optional(),
  timeout: phase.optional(),
  rate: z
    .number()
    .min(0, { error: 'must be from 0 to 1' })
    .max(1, { error: 'must be from 0 to 1' })
    .optional(),
  times: z
    .number()
    .int({ error: 'must be a whole number of at least 1' })
    .min(1, { error: 'must be a whole number of at least 1' })
    .optional(),
});

export const faultConfigSchema = z.strictObject({
  global: faultRuleSchema.optional(),
  routes: z
    .record(
      z.string().refine((name) => FAULT_ROUTE_NAMES.includes(name), {
        error: `must be an API name (${FAULT_ROUTE_NAMES.join(', ')})`,
      }),
      faultRuleSchema,
    )
    .optional(),
});
