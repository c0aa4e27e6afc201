/**
 * Test support: a sandbox on a random port with a known merchant, and the built CLI
 * (`dist/wallet.js`) run as a subprocess against it with a private config directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, type Sandbox } from '@wallet/sandbox';

export const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'wallet.js');

export const MERCHANT = {
  merchantKey: 'cli-test-merchant',
  salt: 'cli-test-salt-0123456789',
  encryptionKey: '000102030405060708090a0b0c0d0e0f1011121314151617',
} as const;

/** Fails loudly when the CLI has not been built: the tests run the real executable. */
export function assertBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run \`pnpm --filter @wallet/cli build\` before the tests`);
  }
}

export interface RunningSandbox {
  readonly sandbox: Sandbox;
  readonly url: string;
  /** WALLET_* variables pointing the CLI at this sandbox as the merchant. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

export async function startSandbox(): Promise<RunningSandbox> {
  const sandbox = await createSandbox({
    merchants: [MERCHANT],
    env: {},
    logger: false,
    output: () => undefined,
  });
  const address = await sandbox.listen(0);
  return {
    sandbox,
    url: address.url,
    env: {
      WALLET_BASE_URL: address.url,
      WALLET_MERCHANT_KEY: MERCHANT.merchantKey,
      WALLET_MERCHANT_SALT: MERCHANT.salt,
      WALLET_ENCRYPTION_KEY: MERCHANT.encryptionKey,
    },
    close: () => sandbox.close(),
  };
}

/** A fresh directory, removed by the returned function. */
export function tempDir(prefix = 'wallet-cli-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Variables on top of a clean environment (PATH, HOME and a private XDG_CONFIG_HOME). */
  readonly env?: Readonly<Record<string, string>>;
  readonly input?: string;
  readonly cwd?: string;
}

/** The environment a CLI run starts from: nothing of the developer's WALLET_* or config. */
export function baseEnv(configHome: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: configHome,
    XDG_CONFIG_HOME: configHome,
  };
}

export function spawnCli(
  args: readonly string[],
  options: RunOptions & { configHome: string },
): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: { ...baseEnv(options.configHome), ...options.env },
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion. */
export function runCli(
  args: readonly string[],
  options: RunOptions & { configHome: string },
): Promise<RunResult> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  child.stdin?.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
