/**
 * A second sandbox process for the multi-process tests:
 * `node serve-child.js <database url> <merchants JSON>` starts `createSandbox` on that database with
 * those merchants, listens on 127.0.0.1 on a free port, prints `listening <port>`, and closes
 * cleanly on SIGTERM. Run from JavaScript compiled by `compileSourcesForChild`; never imported by
 * the package.
 */
import type { MerchantConfig } from '../config/merchant-config.js';
import { createSandbox } from '../sandbox.js';
import { openStore } from '../store/open-store.js';

async function main(argv: readonly string[]): Promise<void> {
  const [database, merchantsJson] = argv;
  if (database === undefined || merchantsJson === undefined) {
    throw new Error('usage: serve-child <database url> <merchants JSON>');
  }
  const merchants = JSON.parse(merchantsJson) as MerchantConfig[];
  // A generous wait for a pooled connection (see the test): exactness is on trial, not latency.
  const store = await openStore(database, { connectTimeoutMs: 30_000 });
  const sandbox = await createSandbox({ store, merchants, logger: false, env: {} });
  const { port } = await sandbox.listen(0);
  process.stdout.write(`listening ${port}\n`);
  process.once('SIGTERM', () => {
    sandbox.close().then(
      () => store.close().then(() => process.exit(0)),
      () => process.exit(1),
    );
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`serve-child failed: ${error instanceof Error ? error.name : 'error'}\n`);
  process.exit(1);
});
