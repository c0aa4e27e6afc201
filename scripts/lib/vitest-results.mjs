// Turns Vitest JSON reports into result lines for scripts/lib/results.sh, one per test file:
//   node scripts/lib/vitest-results.mjs --label node20 [--require-tests] report.json...
// prints "pass|fail<TAB><label> <file relative to the repo> (<n> tests)" and exits 0, or 3 when
// --require-tests is given and the reports hold no test file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
let label = 'vitest';
let requireTests = false;
const reports = [];
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i];
  if (arg === '--label') {
    label = args[i + 1] ?? label;
    i += 1;
  } else if (arg === '--require-tests') {
    requireTests = true;
  } else if (arg !== undefined) {
    reports.push(arg);
  }
}

let files = 0;
for (const path of reports) {
  if (!existsSync(path)) {
    console.log(`fail\t${label} ${relative(repoRoot, path)}: no report was written`);
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  if ((report.testResults ?? []).length === 0 && report.success === false) {
    // `vitest run` in a project without test files (and without --passWithNoTests).
    const project = relative(repoRoot, resolve(dirname(path), '..'));
    console.log(`fail\t${label} ${project}: no test files found`);
  }
  for (const result of report.testResults ?? []) {
    files += 1;
    const tests = result.assertionResults ?? [];
    const failed = tests.filter((t) => t.status === 'failed').length;
    // CONTRIBUTING.md: no skipped, todo or focused tests; a skipped test would pass unseen.
    const skipped = tests.filter((t) => t.status !== 'passed' && t.status !== 'failed').length;
    const ok = result.status === 'passed' && failed === 0 && skipped === 0 && tests.length > 0;
    const problems = [
      failed > 0 ? `${failed} failed` : '',
      skipped > 0 ? `${skipped} skipped or todo` : '',
      result.message ? 'file error' : '',
      tests.length === 0 ? 'no test ran' : '',
    ].filter(Boolean);
    const count = `${tests.length} test${tests.length === 1 ? '' : 's'}`;
    const detail = ok ? count : `${count}: ${problems.join(', ')}`;
    console.log(`${ok ? 'pass' : 'fail'}\t${label} ${relative(repoRoot, result.name)} (${detail})`);
  }
}
process.exitCode = requireTests && files === 0 ? 3 : 0;
