// What `createWalletClient` adds to a merchant's bundle: the one-line application
//
//   import { createWalletClient } from '@wallet/client'; console.log(createWalletClient);
//
// bundled from the built packages with esbuild (minified, ESM, every dependency included), then
// gzipped (level 9). The verdict row is the measurement: esbuild's `node` platform, which
// resolves @wallet/crypto and @wallet/hmac to their node:crypto builds. The info row is the
// `browser` platform, where those two resolve to their plain-JavaScript builds (@noble/ciphers for
// AES-192-CBC, which Chromium's Web Crypto lacks, and @noble/hashes for HMAC-SHA512).
// Under each size, the minified bytes each package contributes (esbuild's metafile).
//
// Target: at most 60 kB (1 kB = 1000 bytes) gzipped. Run with `pnpm bench` (builds first), or
// `node packages/client/bench/bundle-size.bench.mjs` after building the packages. Always exits 0
// unless the bundle fails to build; the verdict is printed.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = join(import.meta.dirname, '..');
const TARGET_KB = 60;
const APPLICATION =
  "import { createWalletClient } from '@wallet/client'; console.log(createWalletClient);";

/** The package an input file belongs to: a dependency's name, or the workspace package's folder. */
function packageOf(input) {
  const inDependency = input.match(/node_modules\/(?!\.pnpm\/)((?:@[^/]+\/)?[^/]+)\//g);
  if (inDependency) {
    const last = inDependency[inDependency.length - 1];
    return last.slice('node_modules/'.length, -1);
  }
  const inWorkspace = input.match(/(?:^|\/)packages\/([^/]+)\//);
  return inWorkspace ? `@wallet/${inWorkspace[1]}` : input;
}

async function measure(platform) {
  const result = await build({
    stdin: { contents: APPLICATION, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzipped = gzipSync(code, { level: 9 }).length;
  const output = Object.values(result.metafile.outputs)[0];
  const byPackage = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  const breakdown = [...byPackage].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
  return { minified: code.length, gzipped, breakdown };
}

const kB = (bytes) => (bytes / 1000).toFixed(1);

function print(label, { minified, gzipped, breakdown }) {
  console.log(`${label}: ${kB(gzipped)} kB gzipped, ${kB(minified)} kB minified`);
  for (const [name, bytes] of breakdown) {
    console.log(`  ${kB(bytes).padStart(7)} kB  ${name}`);
  }
}

const node = await measure('node');
const browser = await measure('browser');
print('node platform', node);
print('browser platform', browser);

const met = node.gzipped <= TARGET_KB * 1000;
console.log('');
console.log(
  `${met ? 'PASS' : 'FAIL'}  client bundle: ${kB(node.gzipped)} kB gzipped (target ≤ ${TARGET_KB} kB)`,
);
console.log(
  `info  client bundle for browsers: ${kB(browser.gzipped)} kB gzipped (the plain-JavaScript AES and HMAC builds)`,
);
if (!met) console.log('\n*** BENCHMARK TARGET MISSED: see FAIL above ***');
