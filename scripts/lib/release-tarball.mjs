// `node scripts/lib/release-tarball.mjs <package dir> <unpacked tarball dir> <publish json>`:
// checks what `pnpm publish` would upload for one package. <unpacked tarball dir> is the `package/`
// folder of its `pnpm pack` tarball; <publish json> is `pnpm publish --dry-run --json`'s output.
// Prints one "pass|fail<TAB>detail" line. Fails when:
//   - the dry-run publish lists other files than the tarball holds;
//   - the tarball lacks package.json, README.md, the LICENSE (the repository's, byte for byte), or
//     a file the manifest points to (main, module, types, bin, every exports and typesVersions
//     target), or the CHANGELOG.md the package has;
//   - it holds anything else outside dist/, or tests, TypeScript sources or build info inside it;
//   - the packed manifest still holds a `workspace:` range, or lacks the release metadata
//     (description, keywords, license MIT, repository with this directory, homepage, bugs,
//     engines.node, publishConfig.access public, files).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const REPOSITORY_URL = 'git+https://github.com/wallet-sdk/wallet.git';
const GITHUB = 'https://github.com/wallet-sdk/wallet';
/** Besides dist/, the only files a tarball may hold. */
const TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']);
/** Inside dist/: what must never ship. */
const JUNK = [
  /(^|\/)__tests__\//,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /(?<!\.d)\.[cm]?tsx?$/,
  /\.tsbuildinfo$/,
  /(^|\/)src\//,
];

const [packageDir, unpacked, publishJson] = process.argv.slice(2);
if (publishJson === undefined) {
  console.error('usage: node release-tarball.mjs <package dir> <unpacked dir> <publish json>');
  process.exit(2);
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Every file path a manifest field points to (exports and typesVersions leaves included). */
function pointedTo(manifest) {
  const paths = [];
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./') && !value.includes('*')) paths.push(value.slice(2));
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) walk(item);
    }
  };
  for (const field of ['main', 'module', 'types']) {
    if (typeof manifest[field] === 'string') walk(`./${manifest[field].replace(/^\.\//, '')}`);
  }
  walk(typeof manifest.bin === 'string' ? `./${manifest.bin.replace(/^\.\//, '')}` : manifest.bin);
  walk(manifest.exports);
  walk(manifest.typesVersions);
  return [...new Set(paths)].filter((path) => path !== 'package.json');
}

function metadataProblems(manifest, dir) {
  const problems = [];
  const expect = (ok, what) => ok || problems.push(what);
  expect(typeof manifest.description === 'string' && manifest.description !== '', 'description');
  expect(Array.isArray(manifest.keywords) && manifest.keywords.length > 0, 'keywords');
  expect(manifest.license === 'MIT', 'license MIT');
  expect(
    manifest.repository?.type === 'git' &&
      manifest.repository?.url === REPOSITORY_URL &&
      manifest.repository?.directory === dir,
    `repository { type: git, url: ${REPOSITORY_URL}, directory: ${dir} }`,
  );
  expect(manifest.homepage === `${GITHUB}/tree/main/${dir}#readme`, 'homepage');
  expect(manifest.bugs?.url === `${GITHUB}/issues`, 'bugs.url');
  expect(typeof manifest.engines?.node === 'string', 'engines.node');
  expect(manifest.publishConfig?.access === 'public', 'publishConfig.access public');
  expect(Array.isArray(manifest.files), 'files');
  return problems;
}

function check() {
  const dir = relative(REPO_ROOT, resolve(packageDir));
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  const label = `${manifest.name}@${manifest.version}`;
  const files = filesUnder(unpacked).sort();
  const problems = [];

  const published = JSON.parse(readFileSync(publishJson, 'utf8'));
  const listed = (published.files ?? []).map((file) => file.path).sort();
  if (JSON.stringify(listed) !== JSON.stringify(files)) {
    problems.push('pnpm publish --dry-run lists other files than pnpm pack packs');
  }

  const required = ['package.json', 'README.md', 'LICENSE', ...pointedTo(manifest)];
  if (existsSync(join(packageDir, 'CHANGELOG.md'))) required.push('CHANGELOG.md');
  const missing = required.filter((file) => !files.includes(file));
  if (missing.length > 0) problems.push(`missing ${missing.join(', ')}`);

  if (
    files.includes('LICENSE') &&
    !readFileSync(join(unpacked, 'LICENSE')).equals(readFileSync(join(REPO_ROOT, 'LICENSE')))
  ) {
    problems.push("LICENSE differs from the repository's");
  }

  const extra = files.filter((file) =>
    file.startsWith('dist/') ? JUNK.some((pattern) => pattern.test(file)) : !TOP_LEVEL.has(file),
  );
  if (extra.length > 0) problems.push(`should not ship ${extra.join(', ')}`);

  const raw = readFileSync(join(unpacked, 'package.json'), 'utf8');
  if (raw.includes('"workspace:'))
    problems.push('the packed package.json keeps a workspace: range');

  const lacking = metadataProblems(manifest, dir);
  if (lacking.length > 0) problems.push(`package.json lacks ${lacking.join(', ')}`);

  if (problems.length > 0) return `fail\t${label}: ${problems.join('; ')}`;
  const size = (published.size / 1024).toFixed(0);
  return `pass\t${label}: ${files.length} files, ${size} kB packed, metadata complete`;
}

try {
  console.log(check());
} catch (error) {
  console.log(`fail\t${packageDir}: ${error instanceof Error ? error.message : String(error)}`);
}
