// Start-up time of the built CLI: `node dist/wallet.js --version` against a bare `node -e ''`,
// measured in the same run, alternating the two so that machine noise hits both alike.
// Target: the CLI within 2x of bare Node. Prints the means, the ratio and PASS or FAIL.
// Needs the build (`pnpm --filter @wallet/cli build`); exits non-zero only if it cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', 'dist', 'wallet.js');
const RUNS = Number(process.env.WALLET_BENCH_RUNS ?? 30);
const WARMUP = 3;
const TARGET_RATIO = 2;

if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`pnpm --filter @wallet/cli build\` first`);
  process.exit(1);
}

function timeOnce(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return elapsed;
}

const cases = [
  { name: "node -e ''", args: ['-e', ''] },
  { name: 'wallet --version', args: [cli, '--version'] },
];
for (let i = 0; i < WARMUP; i += 1) for (const c of cases) timeOnce(c.args);
const times = cases.map(() => []);
for (let i = 0; i < RUNS; i += 1) {
  cases.forEach((c, index) => {
    times[index].push(timeOnce(c.args));
  });
}

const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;
const [bare, wallet] = times.map(mean);
const ratio = wallet / bare;
console.log(`${RUNS} runs each, alternating`);
for (const [index, c] of cases.entries()) {
  console.log(`  ${c.name.padEnd(18)} mean ${mean(times[index]).toFixed(1).padStart(6)} ms`);
}
console.log(
  `  ratio ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
);
