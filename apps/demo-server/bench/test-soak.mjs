// `pnpm test:soak`: the proofs at full size, then the memory soak. Runs
//   1. packages/sandbox src/proof (the model-based property test) with WALLET_PROOF_SIZE=full,
//   2. apps/demo-server src/proof (kill -9 at 20 points on SQLite and on PostgreSQL, PostgreSQL
//      restarts, 2 and 4 processes, the HTTP fuzz) with WALLET_PROOF_SIZE=full,
//   3. server.bench.mjs --soak (5 minutes of steady load; resident memory must stay flat),
// on the PostgreSQL named by WALLET_TEST_PG_URL, or on a throwaway cluster started for the run.
// Prints one line per step and closes with "N passed, N failed"; exits 1 if a step failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgres } from './lib/postgres.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(HERE, '..', '..', '..');
const work = mkdtempSync(join(tmpdir(), 'wallet-test-soak-'));
const postgres = ensurePostgres(REPO_ROOT, work);
const env = { ...process.env, WALLET_PROOF_SIZE: 'full', WALLET_TEST_PG_URL: postgres.url };

const steps = [
  [
    'model-based property test (packages/sandbox)',
    'packages/sandbox',
    ['pnpm', 'exec', 'vitest', 'run', 'src/proof'],
  ],
  [
    'fault proofs (apps/demo-server)',
    'apps/demo-server',
    ['pnpm', 'exec', 'vitest', 'run', 'src/proof'],
  ],
  [
    'memory soak (server.bench.mjs --soak)',
    '.',
    [process.execPath, join(HERE, 'server.bench.mjs'), '--soak'],
  ],
];

const results = [];
try {
  for (const [label, dir, [command, ...args]] of steps) {
    console.log(`\n==> ${label}`);
    const started = Date.now();
    const run = spawnSync(command, args, { cwd: join(REPO_ROOT, dir), env, stdio: 'inherit' });
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push([run.status === 0, `${label} (${seconds} s)`]);
  }
} finally {
  postgres.stop();
  rmSync(work, { recursive: true, force: true });
}

console.log('');
for (const [ok, text] of results) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
const failed = results.filter(([ok]) => !ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
