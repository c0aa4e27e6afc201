#!/usr/bin/env node
/** `wallet-demo-server`: the sandbox as a server. Prints `listening on URL` once it accepts requests. */
import { readOptions, USAGE, UsageError } from './options.js';
import { startDemoServer } from './server.js';

const write = (text: string): void => {
  process.stdout.write(text);
};

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  if (options === undefined) {
    write(USAGE);
    return;
  }
  const server = await startDemoServer(options, write);
  write(`listening on ${server.url}\n`);
  if (server.sandbox.dashboardPath !== undefined) write(`dashboard: ${server.url}/\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    write(`${signal}: draining in-flight requests\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(
          `shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`wallet-demo-server: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? ` [${String(error.code)}]`
      : '';
  process.stderr.write(
    `wallet-demo-server: could not start${code}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
