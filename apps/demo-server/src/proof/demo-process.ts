/**
 * The built `wallet-demo-server` (dist/main.js) as a child process for the proofs: started on a
 * free port of 127.0.0.1 with the test merchants, logs silent, and a preload that reports unhandled
 * rejections and uncaught exceptions on stderr (`wallet-proof fault:`).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MerchantConfig } from '@wallet/sandbox';
import { FIXED_MERCHANT, PREFIX_MERCHANT } from '@wallet/sandbox/testing';

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const PRELOAD = new URL('./report-faults.mjs', import.meta.url).href;
const FAULT_LINE = /^wallet-proof fault: .*$/gm;

/** The merchants every proof server knows: the sandbox's two test merchants. */
export const PROOF_MERCHANTS: readonly MerchantConfig[] = [PREFIX_MERCHANT, FIXED_MERCHANT];

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface DemoProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** The `wallet-proof fault:` lines on stderr so far. */
  faults(): string[];
  /** Whether the process is still running. */
  alive(): boolean;
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** `kill -9`, then waits for the exit. */
  kill9(): Promise<Exit>;
  /** SIGTERM (the server drains), then waits for the exit. */
  stop(): Promise<Exit>;
}

/** A scratch folder with a merchants file; `remove()` deletes it. */
export interface ProofDir {
  readonly path: string;
  readonly merchantsFile: string;
  remove(): void;
}

export function proofDir(
  prefix: string,
  merchants: readonly MerchantConfig[] = PROOF_MERCHANTS,
): ProofDir {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const merchantsFile = join(path, 'merchants.json');
  writeFileSync(merchantsFile, JSON.stringify({ merchants }));
  return { path, merchantsFile, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const STARTUP_MS = 30_000;

/** Starts the demo server on `database`; resolves once it prints `listening on URL`. */
export function startDemoProcess(dir: ProofDir, database: string): Promise<DemoProcess> {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: build first (pnpm --filter @wallet/demo-server... build)`);
  }
  const child = spawn(
    process.execPath,
    [
      '--import',
      PRELOAD,
      MAIN,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--database',
      database,
      '--merchants',
      dir.merchantsFile,
      '--log-level',
      'silent',
    ],
    { cwd: dir.path, env: { PATH: process.env.PATH ?? '' } },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals): Promise<Exit> => {
    if (alive()) child.kill(name);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the demo server did not listen within ${STARTUP_MS} ms: ${err}`));
    }, STARTUP_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        pid: child.pid ?? 0,
        child,
        stderr: () => err,
        faults: () => err.match(FAULT_LINE) ?? [],
        alive,
        exited,
        kill9: () => signal('SIGKILL'),
        stop: () => signal('SIGTERM'),
      });
    });
    void exited.then(({ code, signal: sig }) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${code ?? sig}) before listening: ${err}`));
    });
  });
}
