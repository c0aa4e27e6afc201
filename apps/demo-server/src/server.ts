/** Wires the sandbox to a listening socket; everything it serves comes from `@wallet/sandbox`. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createSandbox, parseStoreUrl, type Sandbox } from '@wallet/sandbox';
import type { DemoServerOptions } from './options.js';

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

export async function startDemoServer(
  options: DemoServerOptions,
  output: (text: string) => void,
): Promise<RunningDemoServer> {
  await prepareDatabase(options.database);
  const sandbox = await createSandbox({
    database: options.database,
    merchantsFile: options.merchantsFile,
    logLevel: options.logLevel,
    output,
  });
  try {
    const address = await sandbox.listen(options.port, options.host);
    return { url: address.url, sandbox, close: () => sandbox.close() };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
