/** `createSandbox`: the emulator as a fetch handler, optionally listening on a port. */
import type { NodeBindings } from './admin/guard.js';
import { ADMIN_PREFIX, type ResetResult } from './admin/routes.js';
import { buildApp } from './app.js';
import { loadMerchantsFile, merchantFromEnv } from './config/load-merchants.js';
import { parseMerchantList, type ResolvedMerchantConfig } from './config/merchant-config.js';
import {
  AlreadyListeningError,
  InvalidSandboxOptionError,
  MerchantConfigError,
  SandboxClosedError,
  SeedError,
} from './errors.js';
import { FaultInjector } from './faults/injector.js';
import { applySeed, type SeedResult } from './fixtures/apply-seed.js';
import { loadSeedFile } from './fixtures/load-seed.js';
import { parseSeed, type Seed, type SeedInput } from './fixtures/seed-schema.js';
import { serverFaultResponse } from './http/responses.js';
import { HttpServer, type SandboxAddress } from './http/server.js';
import { RequestJournal } from './journal/journal.js';
import { describeError, resolveLogger } from './logging.js';
import { bootstrapMerchants, type MerchantSource } from './merchants/bootstrap.js';
import {
  MerchantRegistry,
  type MerchantSettings,
  type SandboxMerchant,
} from './merchants/registry.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store-api.js';
import { TokenFailureLimiter } from './wallet/rate-limit.js';

/** A running sandbox. */
export interface Sandbox {
  /**
   * Answers one request, exactly as the HTTP server would: use it in-process as a client's custom
   * `fetch`, with any origin (`http://sandbox.test/...`). Never rejects, except where a fault asks
   * for it: a dropped connection rejects like `fetch` (`TypeError: fetch failed`), and a held
   * request rejects with the client's abort reason once the client gives up.
   */
  fetch(request: Request): Promise<Response>;
  /** Serves `fetch` over HTTP on `host` (default 127.0.0.1) and `port` (default 0: any free port). */
  listen(port?: number, host?: string): Promise<SandboxAddress>;
  /** Stops the server (in-flight requests finish), then closes the store if the sandbox opened it. */
  close(): Promise<void>;
  /** The address while listening. */
  readonly address: SandboxAddress | undefined;
  /** The merchants the sandbox answers, with their credentials (secrets: handle as such). */
  readonly merchants: readonly SandboxMerchant[];
  /** How the merchants were found at start-up. */
  readonly merchantSource: MerchantSource;
  /** The store the sandbox works on. */
  readonly store: Store;
  /** The request journal, unless `journal: false`. */
  readonly journal: RequestJournal | undefined;
  /** The fault injector: `faults.set(config)`, `faults.clear()`, `faults.config`. */
  readonly faults: FaultInjector;
  /** The start-up seed's result, when a seed was given. */
  readonly seeded: SeedResult | undefined;
  /**
   * Puts a seed (an object or a file path) into the store, as `POST /__sandbox/seed` does.
   * @throws {SeedError} naming each offending field; `SeedRejectedError` when a customer conflicts.
   */
  seed(seed: SeedInput | string): Promise<SeedResult>;
  /**
   * Deletes customers, wallets, ledgers and stored responses (of one merchant, or all), then applies
   * the start-up seed again unless `reseed` is false; as `POST /__sandbox/reset` does.
   */
  reset(options?: {
    merchantKey?: string | undefined;
    reseed?: boolean | undefined;
  }): Promise<ResetResult>;
  /** The path the dashboard is served at, or undefined when it is off. */
  readonly dashboardPath: string | undefined;
}

/** Reads a seed option: a file path or an object, checked either way. */
async function readSeed(seed: SeedInput | string | unknown, source: string): Promise<Seed> {
  if (typeof seed === 'string') return loadSeedFile(seed);
  return parseSeed(seed, source);
}

/** The in-process stand-in of a dropped connection: what fetch rejects with when a socket resets. */
function droppedConnection(): TypeError {
  const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
  return new TypeError('fetch failed', { cause });
}

/** Reads every configured merchant: the file, then `options.merchants`, then the environment. */
async function configuredMerchants(options: SandboxOptions): Promise<ResolvedMerchantConfig[]> {
  const all: ResolvedMerchantConfig[] = [];
  if (options.merchantsFile !== undefined)
    all.push(...(await loadMerchantsFile(options.merchantsFile)));
  if (options.merchants !== undefined) {
    all.push(...parseMerchantList(options.merchants, 'options.merchants'));
  }
  const fromEnv = merchantFromEnv(options.env ?? process.env);
  if (fromEnv !== undefined) all.push(fromEnv);
  const seen = new Set<string>();
  for (const merchant of all) {
    if (seen.has(merchant.merchantKey)) {
      throw new MerchantConfigError('configuration', [
        {
          path: merchant.merchantKey,
          message: 'this merchant key is configured more than once (file, options or environment)',
        },
      ]);
    }
    seen.add(merchant.merchantKey);
  }
  return all;
}

/**
 * Starts a sandbox: checks the options, reads the merchant configuration, opens the store (unless
 * one is given), and makes the merchants active (creating and printing one when none exists).
 * @throws {SandboxError} for unusable options or merchant configuration; `StoreError` when the
 * database cannot be opened.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  if (options.store !== undefined && options.database !== undefined) {
    throw new InvalidSandboxOptionError('database', 'no database when a store is given');
  }
  const logger = resolveLogger(options.logger, options.logLevel ?? 'info');
  const configured = await configuredMerchants(options);
  const startSeed =
    options.seed === undefined ? undefined : await readSeed(options.seed, 'options.seed');

  const ownsStore = options.store === undefined;
  const store =
    options.store ??
    (await openStore(options.database ?? ':memory:', {
      now: resolved.now,
      logger,
      // The engine's work functions get the transaction handle and no way to the store.
      checkNestedCalls: false,
      sqliteDriver: resolved.sqliteDriver,
      ...(options.digits === undefined ? {} : { digits: options.digits }),
    }));

  const settings = new Map<string, MerchantSettings>(
    configured.map((m) => [m.merchantKey, { responseField: m.responseField, helper: m.helper }]),
  );
  const registry = new MerchantRegistry({
    store,
    settings,
    defaultResponseField: resolved.responseField,
    now: resolved.now,
  });
  let merchantSource: MerchantSource;
  try {
    merchantSource = await bootstrapMerchants({
      store,
      registry,
      configured,
      output: options.output ?? ((text) => process.stdout.write(text)),
    });
  } catch (error) {
    if (ownsStore) await store.close().catch(() => undefined);
    throw error;
  }
  logger.info(
    {
      backend: store.backend,
      driver: store.driver,
      merchants: registry.list().map((m) => m.merchantKey),
      merchantSource,
    },
    'sandbox ready',
  );

  const seedSource = typeof options.seed === 'string' ? options.seed : 'options.seed';
  const seedMerchant = (seed: Seed, source: string): string => {
    const merchants = registry.list();
    const key = seed.merchant ?? merchants[0]?.merchantKey;
    if (key === undefined || !merchants.some((m) => m.merchantKey === key)) {
      throw new SeedError(source, [
        { path: 'merchant', message: 'is not a merchant of this sandbox' },
      ]);
    }
    return key;
  };
  const putSeed = (seed: Seed, source: string): Promise<SeedResult> =>
    applySeed(store, seedMerchant(seed, source), seed, source);

  let seeded: SeedResult | undefined;
  if (startSeed !== undefined) {
    try {
      seeded = await putSeed(startSeed, seedSource);
    } catch (error) {
      if (ownsStore) await store.close().catch(() => undefined);
      throw error;
    }
    logger.info({ customers: seeded.customers.length }, 'sandbox seeded');
  }

  const journal = resolved.journal === undefined ? undefined : new RequestJournal(resolved.journal);
  const faults = new FaultInjector(resolved.faults);
  const seed = async (value: unknown, source: string): Promise<SeedResult> =>
    putSeed(await readSeed(value, source), source);
  const reset = async (
    resetOptions: { merchantKey?: string | undefined; reseed?: boolean | undefined } = {},
  ): Promise<ResetResult> => {
    const { merchantKey } = resetOptions;
    await store.reset(merchantKey);
    let again: SeedResult | null = null;
    if (resetOptions.reseed !== false && startSeed !== undefined) {
      const key = seedMerchant(startSeed, seedSource);
      if (merchantKey === undefined || merchantKey === key) {
        again = await applySeed(store, key, startSeed, seedSource);
      }
    }
    return { merchantKey: merchantKey ?? null, seed: again };
  };
  const admin =
    resolved.admin === undefined
      ? undefined
      : {
          journal,
          faults,
          token: resolved.admin.token,
          merchants: () => registry.list(),
          reset: (o: { merchantKey?: string | undefined; reseed: boolean }) => reset(o),
          seed,
        };

  const app = buildApp({
    store,
    magicValues: resolved.magicValues,
    registry,
    limiter: new TokenFailureLimiter(resolved.tokenFailureLimit),
    profiles: resolved.profiles,
    clockSkewSeconds: resolved.clockSkewSeconds,
    now: resolved.now,
    maxBodyBytes: resolved.maxBodyBytes,
    maxHeaderBytes: resolved.maxHeaderBytes,
    maxJsonDepth: resolved.maxJsonDepth,
    logger,
    onExchange: options.onExchange,
    journal,
    faults,
    admin,
    mounts: resolved.mounts,
    dashboard:
      admin === undefined || resolved.dashboardPath === undefined
        ? undefined
        : {
            basePath: resolved.dashboardPath,
            links: resolved.dashboardLinks,
            adminPrefix: ADMIN_PREFIX,
            token: admin.token,
            journal,
            store,
            now: resolved.now,
            faults,
            merchants: admin.merchants,
            reset: admin.reset,
          },
  });

  let server: HttpServer | undefined;
  let closed = false;

  const respond = async (request: Request, env: NodeBindings | undefined): Promise<Response> => {
    if (closed) return serverFaultResponse();
    try {
      return await app.fetch(request, env);
    } catch (error) {
      logger.error({ error: describeError(error) }, 'server fault');
      return serverFaultResponse();
    }
  };

  // In-process: a dropped connection rejects as fetch does; a request its client abandoned
  // rejects with the client's abort reason (the client stopped waiting long ago).
  const fetch = async (request: Request): Promise<Response> => {
    const response = await respond(request, undefined);
    const disposition = faults.disposition(request);
    if (disposition === 'drop') throw droppedConnection();
    if (disposition === 'abandoned' && request.signal.aborted) throw request.signal.reason;
    return response;
  };

  // Over a socket: a dropped connection is destroyed without a byte of response.
  const serve = async (request: Request, env?: NodeBindings): Promise<Response> => {
    const response = await respond(request, env);
    if (faults.disposition(request) === 'drop') {
      env?.incoming?.socket?.destroy();
      return new Response(null, { status: 204 });
    }
    return response;
  };

  return {
    fetch,
    async listen(port = 0, host = '127.0.0.1') {
      if (closed) throw new SandboxClosedError();
      if (server !== undefined) throw new AlreadyListeningError();
      server = await HttpServer.start(serve, {
        port,
        host,
        maxHeaderBytes: resolved.maxHeaderBytes,
      });
      logger.info({ url: server.address.url }, 'sandbox listening');
      return server.address;
    },
    async close() {
      if (closed) return;
      // Held requests and open journal streams end now, so draining does not wait for them.
      faults.release();
      journal?.close();
      const running = server;
      server = undefined;
      // In-flight and keep-alive requests still get real responses while the server drains.
      if (running !== undefined) await running.stop();
      closed = true;
      if (ownsStore) await store.close();
    },
    get address() {
      return server?.address;
    },
    get merchants() {
      return registry.list();
    },
    merchantSource,
    store,
    journal,
    faults,
    seeded,
    seed: (value) => seed(value, typeof value === 'string' ? value : 'seed'),
    reset,
    dashboardPath: admin === undefined ? undefined : resolved.dashboardPath,
  };
}
