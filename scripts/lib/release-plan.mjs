// `node scripts/lib/release-plan.mjs <scratch dir>`: what `changeset version` would do to the
// workspace, done for real on a copy. Copies the workspace manifests (root and packages/*, apps/*,
// with any CHANGELOG.md) and .changeset/ into the scratch dir, runs the repo's `changeset version`
// there, and prints one "pass|fail<TAB>detail" line per published package:
//   - fail if its version would leave its major (0.x to 1.0.0, or any major bump): a release goes
//     to a major only on purpose, and then this check is the place to change;
//   - fail if it gets a new version without a CHANGELOG.md whose first entry is that version;
//   - pass otherwise, naming the move (`@wallet/crypto 0.0.0 → 0.1.0, CHANGELOG.md ## 0.1.0`).
// A copy, not `changeset status`: status needs the `main` branch in the clone (it diffs against
// it) and prints no versions; the copy needs no git and shows the CHANGELOGs too. The repo itself
// is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const WORKSPACE_DIRS = ['packages', 'apps'];

const scratch = process.argv[2];
if (scratch === undefined) {
  console.error('usage: node scripts/lib/release-plan.mjs <scratch dir>');
  process.exit(2);
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Workspace package dirs relative to the repo root (`packages/crypto`), with a package.json. */
function packageDirs() {
  return WORKSPACE_DIRS.flatMap((parent) =>
    readdirSync(join(REPO_ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
      .filter((dir) => existsSync(join(REPO_ROOT, dir, 'package.json'))),
  );
}

function copyWorkspace(dirs) {
  mkdirSync(scratch, { recursive: true });
  for (const file of ['package.json', 'pnpm-workspace.yaml']) {
    cpSync(join(REPO_ROOT, file), join(scratch, file));
  }
  cpSync(join(REPO_ROOT, '.changeset'), join(scratch, '.changeset'), { recursive: true });
  for (const dir of dirs) {
    mkdirSync(join(scratch, dir), { recursive: true });
    for (const file of ['package.json', 'CHANGELOG.md']) {
      if (existsSync(join(REPO_ROOT, dir, file))) {
        cpSync(join(REPO_ROOT, dir, file), join(scratch, dir, file));
      }
    }
  }
  // The changelog generator (@changesets/cli/changelog) resolves from the scratch dir.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
}

const lines = [];
const record = (status, detail) => lines.push(`${status}\t${detail}`);

const dirs = packageDirs();
copyWorkspace(dirs);
const config = readJson(join(scratch, '.changeset', 'config.json'));
const ignored = new Set(config.ignore ?? []);
const before = new Map(dirs.map((dir) => [dir, readJson(join(scratch, dir, 'package.json'))]));

const run = spawnSync(
  process.execPath,
  [join(REPO_ROOT, 'node_modules', '@changesets', 'cli', 'bin.js'), 'version'],
  { cwd: scratch, encoding: 'utf8', env: { ...process.env, CI: '1' } },
);
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  record('fail', `changeset version exited ${run.status ?? run.signal}`);
} else {
  for (const dir of dirs) {
    const old = before.get(dir);
    if (old.private === true || ignored.has(old.name)) continue;
    const next = readJson(join(scratch, dir, 'package.json')).version;
    const move = `${old.name} ${old.version} → ${next}`;
    if (next === old.version) {
      record('pass', `${old.name} stays at ${old.version} (no changeset names it)`);
      continue;
    }
    const [oldMajor] = old.version.split('.').map(Number);
    const [nextMajor] = next.split('.').map(Number);
    if (nextMajor !== oldMajor) {
      record('fail', `${move}: a major release (see \`pnpm changeset status --verbose\` for why)`);
      continue;
    }
    const changelog = join(scratch, dir, 'CHANGELOG.md');
    const firstEntry = existsSync(changelog)
      ? /^## (\S+)$/m.exec(readFileSync(changelog, 'utf8'))?.[1]
      : undefined;
    if (firstEntry === next) {
      record('pass', `${move}, CHANGELOG.md ## ${next}`);
    } else {
      record('fail', `${move}, but CHANGELOG.md's first entry is ${firstEntry ?? 'missing'}`);
    }
  }
}
if (lines.length === 0) record('fail', 'no published package found');
console.log(lines.join('\n'));
