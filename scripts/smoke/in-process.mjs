// `<runtime> in-process.mjs <runtime> <database file>`: the merchant smoke test (merchant-flow.mjs)
// with @wallet/client against a sandbox in this very process (createSandbox, its `fetch`, no
// socket), on a SQLite file with whatever driver `auto` picks here (bun:sqlite on Bun, node:sqlite
// on Deno). Prints one "pass|fail<TAB>detail" line. Run by scripts/runtime-matrix.sh.
import { createWalletClient } from '@wallet/client';
import { createSandbox } from '@wallet/sandbox';
import { merchantFlow } from './merchant-flow.mjs';

const runtime = process.argv[2] ?? 'node';
const database = process.argv[3] ?? ':memory:';
const merchant = {
  merchantKey: 'in-process',
  salt: 'in-process-salt',
  encryptionKey: '000102030405060708090a0b0c0d0e0f1011121314151617',
};

let sandbox;
try {
  sandbox = await createSandbox({ database, merchants: [merchant], logger: false });
  const wallet = createWalletClient({
    merchantKey: merchant.merchantKey,
    merchantSalt: merchant.salt,
    encryptionKey: merchant.encryptionKey,
    baseUrl: 'http://sandbox.test',
    fetch: sandbox.fetch,
    retries: 0,
  });
  const summary = await merchantFlow(wallet, runtime);
  console.log(`pass\tin-process sandbox (${sandbox.store.driver}): ${summary}`);
} catch (error) {
  console.error(error);
  console.log(`fail\tin-process sandbox: ${String(error?.message).split('\n')[0]}`);
} finally {
  await sandbox?.close();
}
