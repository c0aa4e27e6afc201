/** Wires the sandbox to a listening socket; everything it serves comes from `@wallet/sandbox`. */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  createSandbox,
  type FaultConfig,
  parseFaultConfig,
  parseStoreUrl,
  type Sandbox,
  type SandboxAddress,
} from '@wallet/sandbox';
import { type DemoServerOptions, UsageError } from './options.js';
import { createShop } from './shop/app.js';

export interface RunningDemoServer {
  readonly url: string;
  readonly sandbox: Sandbox;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/** Creates the folder of a SQLite file database, so the default `./.wallet/` works from a fresh clone. */
async function prepareDatabase(database: string): Promise<void> {
  const location = parseStoreUrl(database);
  if (location.backend === 'sqlite' && location.path !== ':memory:') {
    // Owner-only: the database holds the generated merchant's secrets.
    await mkdir(dirname(location.path), { recursive: true, mode: 0o700 });
  }
}

/** Reads the --faults file; its rules are checked by the sandbox's own parser. */
async function readFaults(path: string | undefined): Promise<FaultConfig | undefined> {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`--faults: the file ${path} cannot be read`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--faults: the file ${path} is not valid JSON`);
  }
  return parseFaultConfig(value, path);
}

/** Where the server can reach itself: a wildcard address (0.0.0.0, ::) through loopback. */
function loopbackUrl(address: SandboxAddress | undefined): string {
  if (address === undefined) throw new Error('the demo server is not listening yet');
  if (address.host === '0.0.0.0') return `http://127.0.0.1:${address.port}`;
  if (address.host === '::') return `http://[::1]:${address.port}`;
  return address.url;
}

export async function startDemoServer(
  options: DemoServerOptions,
  output: (text: string) => void,
): Promise<RunningDemoServer> {
  await prepareDatabase(options.database);
  const faults = await readFaults(options.faultsFile);
  // The demo shop talks to the sandbox over HTTP like any merchant, once both are up.
  let sandbox: Sandbox | undefined;
  const shop = createShop({
    baseUrl: () => loopbackUrl(sandbox?.address),
    merchant: () => {
      const merchant = sandbox?.merchants[0];
      if (merchant === undefined) throw new Error('the demo server has no merchant');
      return merchant;
    },
  });
  sandbox = await createSandbox({
    mounts: [{ path: '/shop', fetch: shop.fetch }],
    database: options.database,
    merchantsFile: options.merchantsFile,
    seed: options.seedFile,
    faults,
    journal: { size: options.journalSize },
    admin: { token: options.adminToken },
    dashboard: options.dashboard
      ? { basePath: '/', links: [{ label: 'Shop', href: '/shop' }] }
      : false,
    logLevel: options.logLevel,
    now: options.now,
    output,
  });
  try {
    const address = await sandbox.listen(options.port, options.host);
    const running = sandbox;
    return { url: address.url, sandbox: running, close: () => running.close() };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
