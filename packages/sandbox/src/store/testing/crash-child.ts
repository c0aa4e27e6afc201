/**
 * A child process for the crash test: `node crash-child.js <store url> <merchant key> <urn> <id>`.
 * It commits a credit of 100 under `<id>-done` and prints `committed`, then posts a credit of 50
 * under `<id>-held`, prints `holding` and waits inside that transaction until it is killed.
 * Run from JavaScript compiled by `compileStoreForChild`, never imported by the package.
 */
import { openStore } from '../open-store.js';

async function main(argv: readonly string[]): Promise<void> {
  const [url, merchantKey, urn, id] = argv;
  if (url === undefined || merchantKey === undefined || urn === undefined || id === undefined) {
    throw new Error('usage: crash-child <url> <merchantKey> <urn> <id>');
  }
  const store = await openStore(url);
  await store.transact(
    { merchantKey, clientTxnId: `${id}-done`, api: 'load', request: { urn, amount: 100 } },
    async (tx) => {
      await tx.post(urn, { type: 'CREDIT', amount: 100 });
      return { kind: 'success', httpStatus: 200, response: { responseCode: '00' } };
    },
  );
  process.stdout.write('committed\n');
  await store.transact(
    { merchantKey, clientTxnId: `${id}-held`, api: 'load', request: { urn, amount: 50 } },
    async (tx) => {
      await tx.post(urn, { type: 'CREDIT', amount: 50 });
      process.stdout.write('holding\n');
      // Never settles: the parent kills this process with SIGKILL while the transaction is open.
      await new Promise<never>(() => undefined);
      return { kind: 'success', httpStatus: 200, response: { responseCode: '00' } };
    },
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`crash-child failed: ${error instanceof Error ? error.name : 'error'}\n`);
  process.exit(1);
});
