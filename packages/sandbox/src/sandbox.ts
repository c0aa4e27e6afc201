/** `createSandbox`: the emulator as a fetch handler, optionally listening on a port. */
import { buildApp } from './app.js';
import { loadMerchantsFile, merchantFromEnv } from './config/load-merchants.js';
import { parseMerchantList, type ResolvedMerchantConfig } from './config/merchant-config.js';
import {
  AlreadyListeningError,
  InvalidSandboxOptionError,
  MerchantConfigError,
  SandboxClosedError,
} from './errors.js';
import { serverFaultAnswer } from './http/answers.js';
import { HttpServer, type SandboxAddress } from './http/server.js';
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
   * `fetch`, with any origin (`http://sandbox.test/...`). Never rejects.
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

  const ownsStore = options.store === undefined;
  const store =
    options.store ??
    (await openStore(options.database ?? ':memory:', {
      now: resolved.now,
      logger,
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
      merchants: registry.list().map((m) => m.merchantKey),
      merchantSource,
    },
    'sandbox ready',
  );

  const app = buildApp({
    store,
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
  });

  let server: HttpServer | undefined;
  let closed = false;

  const fetch = async (request: Request): Promise<Response> => {
    if (closed) return serverFaultAnswer();
    try {
      return await app.fetch(request);
    } catch (error) {
      logger.error({ error: describeError(error) }, 'server fault');
      return serverFaultAnswer();
    }
  };

  return {
    fetch,
    async listen(port = 0, host = '127.0.0.1') {
      if (closed) throw new SandboxClosedError();
      if (server !== undefined) throw new AlreadyListeningError();
      server = await HttpServer.start(fetch, {
        port,
        host,
        maxHeaderBytes: resolved.maxHeaderBytes,
      });
      logger.info({ url: server.address.url }, 'sandbox listening');
      return server.address;
    },
    async close() {
      if (closed) return;
      const running = server;
      server = undefined;
      // In-flight and keep-alive requests still get real answers while the server drains.
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
  };
}
