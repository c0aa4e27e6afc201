// `pnpm bench`: runs every benchmark of the repo, one after the other, each in its own Node process
// so that one's JIT state and garbage never colour another's figures:
//   scripts/bench/*.bench.mjs, then packages/*/bench/*.bench.mjs, then apps/*/bench/*.bench.mjs
//   (alphabetical within each).
// Each benchmark prints its own table and verdicts. This exits non-zero only if one crashed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');

function benchFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.bench.mjs'))
    .sort()
    .map((name) => join(dir, name));
}

function workspaceBenchFiles(folder) {
  const dir = join(root, folder);
  return readdirSync(dir)
    .sort()
    .flatMap((name) => benchFiles(join(dir, name, 'bench')));
}

const files = [
  ...benchFiles(join(root, 'scripts', 'bench')),
  ...workspaceBenchFiles('packages'),
  ...workspaceBenchFiles('apps'),
];

const crashed = [];
for (const file of files) {
  const name = relative(root, file);
  console.log(`\n=== ${name}\n`);
  // --expose-gc lets a benchmark settle the heap (globalThis.gc()) before it starts the clock.
  const run = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit', cwd: root });
  if (run.status !== 0) crashed.push(`${name} (exit ${run.status ?? run.signal})`);
}

console.log(
  `\n${files.length} benchmark file(s) run${crashed.length ? `; crashed: ${crashed.join(', ')}` : ''}`,
);
process.exitCode = crashed.length > 0 ? 1 : 0;
