/**
 * `wallet sandbox start`: runs the demo server's built entry (the `wallet-demo-server` bin of
 * apps/demo-server) in a child process, forwarding arguments, signals and the exit code.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../../context.js';
import { CliError, ExitCode } from '../../errors.js';

const DEMO_SERVER_BIN = 'wallet-demo-server';

function unavailable(message: string, hint: string): CliError {
  return new CliError('SANDBOX_UNAVAILABLE', message, ExitCode.Usage, { hint });
}

/** The demo server's entry file, found beside this CLI in the repository (apps/demo-server). */
export function demoServerEntry(
  appsDir: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
): string {
  const packageFile = join(appsDir, 'demo-server', 'package.json');
  if (!existsSync(packageFile)) {
    throw unavailable(
      'The demo server (apps/demo-server) is not part of this installation.',
      'Run `wallet sandbox start` from a checkout of the wallet repository.',
    );
  }
  const manifest = JSON.parse(readFileSync(packageFile, 'utf8')) as {
    bin?: Record<string, string>;
  };
  const bin = manifest.bin?.[DEMO_SERVER_BIN];
  const entry = bin === undefined ? undefined : join(appsDir, 'demo-server', bin);
  if (entry === undefined || !existsSync(entry)) {
    throw unavailable(
      'The demo server is not built (apps/demo-server has no entry to run yet).',
      'Build it with `pnpm --filter @wallet/demo-server build`, then run this again.',
    );
  }
  return entry;
}

export async function startSandbox(
  _context: CommandContext,
  args: readonly string[],
): Promise<ExitCode> {
  const entry = demoServerEntry();
  const child = spawn(process.execPath, [entry, ...args], { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const code = await new Promise<number>((done) => {
    child.on('exit', (exitCode, signal) => done(exitCode ?? (signal === null ? 1 : 0)));
    child.on('error', () => done(1));
  });
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  return code as ExitCode;
}
