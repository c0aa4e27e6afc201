/**
 * The fault injector of a sandbox: holds the configured rules, decides per request which fault
 * applies (the `X-Sandbox-Fault` header wins over the configuration, a route's rule over the
 * global one), and runs the request through it: latency, a status response, a drop or a hold before
 * the engine, or a drop or a hold after the response committed.
 */
import {
  type ApiName,
  errorCatalogue,
  findRouteByPath,
  helperRoutes,
  isPlatformCode,
} from '@wallet/schemas';
import { FaultConfigError, type SandboxProblem } from '../errors.js';
import type { ExchangeDraft, HelperApiName } from '../exchange.js';
import { jsonResponse } from '../http/responses.js';
import { FAULT_HEADER, FaultHeaderError, parseFaultHeader } from './header.js';
import { hold, sleep } from './hold.js';
import { type FaultConfig, type FaultRule, faultConfigSchema } from './rules.js';
import type { FaultScope } from './scope.js';

/** How the transport must finish a request the injector handled. */
export type FaultDisposition = 'drop' | 'abandoned';

/** What the injector made of one request. */
export interface FaultedResponse {
  readonly response: Response;
  /** The status the journal records: the response's, or 0 when no response was computed. */
  readonly status: number;
}

const HELPER_PATHS: ReadonlyMap<string, HelperApiName> = new Map(
  Object.values(helperRoutes).map((route) => [route.path, route.name]),
);

/** The API a path names (`load`, `encrypt`, ...), ignoring a trailing slash. */
export function apiOfPath(path: string): ApiName | HelperApiName | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return findRouteByPath(trimmed)?.name ?? HELPER_PATHS.get(trimmed);
}

/** Checks a fault configuration; throws `FaultConfigError` naming every problem. */
export function parseFaultConfig(value: unknown, source: string): FaultConfig {
  const parsed = faultConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems: SandboxProblem[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.'),
    message: issue.message,
  }));
  throw new FaultConfigError(source, problems);
}

/** A short label of a rule for the journal: `latency=250ms;status=503`. */
export function faultLabel(rule: FaultRule, latencyMs: number): string {
  const parts: string[] = [];
  if (latencyMs > 0) parts.push(`latency=${latencyMs}ms`);
  if (rule.status !== undefined) parts.push(`status=${rule.status}`);
  if (rule.drop !== undefined) parts.push(`drop=${rule.drop}`);
  if (rule.timeout !== undefined) parts.push(`timeout=${rule.timeout}`);
  return parts.join(';');
}

function latencyOf(rule: FaultRule, random: () => number): number {
  const latency = rule.latencyMs;
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  const [min, max] = latency;
  return Math.round(min + random() * (max - min));
}

/** The plain response of a status fault: the platform code's body when it has one. */
function statusResponse(rule: FaultRule & { status: number }): Response {
  const code =
    rule.responseCode !== undefined && isPlatformCode(rule.responseCode)
      ? rule.responseCode
      : rule.status >= 500
        ? '1052'
        : undefined;
  const body =
    code === undefined
      ? { responseMessage: `SANDBOX FAULT ${rule.status}` }
      : { responseCode: errorCatalogue[code].code, responseMessage: errorCatalogue[code].message };
  const retryAfter =
    rule.retryAfterSeconds ?? (rule.status === 429 || rule.status === 503 ? 1 : undefined);
  return jsonResponse(
    rule.status,
    body,
    retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
  );
}

/**
 * A signal that aborts when either input does, made on first use of `signal`: most requests meet
 * no fault that waits, and then neither the signal nor the request's own (which the HTTP adapter
 * also makes on demand) is ever created. Unlike `AbortSignal.any`, which on Node 20 keeps every
 * combined signal reachable from a long-lived input (the sandbox's closing signal) and so grew the
 * heap by every request, `release()` detaches it once the request is answered.
 */
export function linkedSignal(
  request: () => AbortSignal,
  closing: AbortSignal,
): { readonly signal: AbortSignal; release(): void } {
  let controller: AbortController | undefined;
  let released = false;
  let detach = (): void => undefined;
  const link = (): AbortController => {
    const made = new AbortController();
    // Once released, the request is over: nothing is left to wait for, and nothing to attach.
    if (released) {
      made.abort();
      return made;
    }
    const requestSignal = request();
    if (requestSignal.aborted || closing.aborted) {
      made.abort();
      return made;
    }
    const abort = (): void => made.abort();
    requestSignal.addEventListener('abort', abort, { once: true });
    closing.addEventListener('abort', abort, { once: true });
    detach = () => {
      requestSignal.removeEventListener('abort', abort);
      closing.removeEventListener('abort', abort);
    };
    return made;
  };
  return {
    get signal() {
      controller ??= link();
      return controller.signal;
    },
    release() {
      released = true;
      detach();
    },
  };
}

export class FaultInjector {
  #config: FaultConfig;
  /** Uses left of rules with `times`, keyed by `global` or the API name. */
  #remaining = new Map<string, number>();
  readonly #random: () => number;
  readonly #closing = new AbortController();
  readonly #dispositions = new WeakMap<Request, FaultDisposition>();

  constructor(config: FaultConfig = {}, random: () => number = Math.random) {
    this.#config = config;
    this.#random = random;
    this.#resetCounters();
  }

  /** The configured rules. */
  get config(): FaultConfig {
    return this.#config;
  }

  /** Replaces the configured rules (already checked with `parseFaultConfig`). */
  set(config: FaultConfig): void {
    this.#config = config;
    this.#resetCounters();
  }

  /** Removes every configured rule. */
  clear(): void {
    this.set({});
  }

  #resetCounters(): void {
    this.#remaining = new Map();
    const { global, routes = {} } = this.#config;
    if (global?.times !== undefined) this.#remaining.set('global', global.times);
    for (const [name, rule] of Object.entries(routes)) {
      if (rule.times !== undefined) this.#remaining.set(name, rule.times);
    }
  }

  /** How the transport must finish `request`: drop its connection, or nothing to answer. */
  disposition(request: Request): FaultDisposition | undefined {
    return this.#dispositions.get(request);
  }

  /** Releases every held request (the sandbox is closing). */
  release(): void {
    this.#closing.abort();
  }

  /** The configured rule that applies to one request of `api`, counting its use. */
  #configured(api: string): FaultRule | undefined {
    const key = this.#config.routes?.[api] !== undefined ? api : 'global';
    const rule = key === 'global' ? this.#config.global : this.#config.routes?.[api];
    if (rule === undefined) return undefined;
    const left = this.#remaining.get(key);
    if (left !== undefined && left <= 0) return undefined;
    if (rule.rate !== undefined && this.#random() >= rule.rate) return undefined;
    if (left !== undefined) this.#remaining.set(key, left - 1);
    return rule;
  }

  /**
   * Handles one request through its fault. `handle` runs the engine and returns its response.
   * Requests that name no API (admin routes, the dashboard, unknown paths) pass straight through.
   */
  async around(
    request: Request,
    draft: ExchangeDraft,
    handle: (scope: FaultScope | undefined) => Promise<Response>,
  ): Promise<FaultedResponse> {
    const api = apiOfPath(draft.path);
    if (api === undefined) {
      const response = await handle(undefined);
      return { response, status: response.status };
    }
    // Known before the engine runs, so a request stopped by a fault is still filed under its API.
    draft.api = api;
    let rule: FaultRule | undefined;
    const header = request.headers.get(FAULT_HEADER);
    if (header !== null) {
      try {
        rule = parseFaultHeader(header);
      } catch (error) {
        if (!(error instanceof FaultHeaderError)) throw error;
        draft.failure = 'bad-request';
        const response = jsonResponse(400, {
          responseMessage: `INVALID ${FAULT_HEADER.toUpperCase()} HEADER: ${error.part}`,
        });
        return { response, status: 400 };
      }
    } else {
      rule = this.#configured(api);
    }

    const linked = linkedSignal(() => request.signal, this.#closing.signal);
    try {
      return await this.#apply(request, draft, handle, rule, linked);
    } finally {
      linked.release();
    }
  }

  /** Applies `rule` (if any) around `handle`; `signal` ends when the client or the sandbox does. */
  async #apply(
    request: Request,
    draft: ExchangeDraft,
    handle: (scope: FaultScope) => Promise<Response>,
    rule: FaultRule | undefined,
    linked: { readonly signal: AbortSignal },
  ): Promise<FaultedResponse> {
    const scope: FaultScope = {
      get signal() {
        return linked.signal;
      },
      applied: [],
      dropAfter: rule?.drop === 'after',
      timeoutAfter: rule?.timeout === 'after',
    };
    const finish = (response: Response, status: number): FaultedResponse => {
      draft.fault = scope.applied.length === 0 ? undefined : scope.applied.join(';');
      return { response, status };
    };
    const withheld = (
      kind: FaultDisposition,
      status: number,
      received?: Response,
    ): FaultedResponse => {
      const response = received ?? new Response(null, { status: 503 });
      this.#dispositions.set(request, kind);
      return finish(response, status);
    };

    if (rule !== undefined) {
      const latencyMs = latencyOf(rule, this.#random);
      const label = faultLabel(rule, latencyMs);
      if (label !== '') scope.applied.push(label);
      await sleep(latencyMs, linked.signal);
      if (request.signal.aborted) {
        draft.failure = 'fault-injected';
        return withheld('abandoned', 0);
      }
      if (rule.status !== undefined) {
        draft.failure = 'fault-injected';
        const response = statusResponse({ ...rule, status: rule.status });
        return finish(response, response.status);
      }
      if (rule.drop === 'before') {
        draft.failure = 'fault-injected';
        return withheld('drop', 0);
      }
      if (rule.timeout === 'before') {
        draft.failure = 'fault-injected';
        await hold(linked.signal);
        return withheld('abandoned', 0);
      }
    }

    const response = await handle(scope);
    if (scope.dropAfter) return withheld('drop', response.status, response);
    if (scope.timeoutAfter) {
      await hold(linked.signal);
      return withheld('abandoned', response.status, response);
    }
    if (scope.applied.length > 0 && request.signal.aborted) {
      return withheld('abandoned', response.status, response);
    }
    return finish(response, response.status);
  }
}
