/**
 * Tree-shaking, measured the way a merchant's bundler sees the package: the client is first
 * bundled into one ESM file as tsup publishes it (dependencies external), then two applications are
 * bundled against that file with esbuild, dependencies included. One only registers customers over
 * a core; the other creates a full client.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
let work: string;

async function bundle(
  entry: string,
  dependencies: 'bundle' | 'external' = 'bundle',
): Promise<string> {
  const result = await build({
    packages: dependencies,
    stdin: { contents: entry, resolveDir: work, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax minified, names kept, so the test can look for them.
    minifyWhitespace: true,
    minifySyntax: true,
    nodePaths: [join(packageDir, 'node_modules')],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'wallet-client-treeshake-'));
  // The published shape: one ESM file, dependencies left as imports.
  const published = await build({
    entryPoints: [join(packageDir, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  await writeFile(join(work, 'client.mjs'), published.outputFiles[0]?.text ?? '');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('tree-shaking', () => {
  it('leaves the other APIs, pagination, env reading and the client object out of a registerCustomer-only bundle', async () => {
    const only = await bundle(
      "import { createWalletCore, registerCustomer } from './client.mjs'; export { createWalletCore, registerCustomer };",
    );
    const full = await bundle(
      "import { createWalletClient } from './client.mjs'; export { createWalletClient };",
    );
    // Booleans rather than toContain: a failure should not print two bundles.
    for (const kept of [
      'function registerCustomer(',
      'function createWalletCore(',
      'function callApi(',
    ]) {
      expect(only.includes(kept), kept).toBe(true);
    }
    for (const dropped of [
      'function retrieveCustomer(',
      'function updateProfile(',
      'function changeWalletStatus(',
      'function*statementPages(',
      'function*statementEntries(',
      'function walletConfigFromEnv(',
      'function clientOver(',
      'function encryptViaApi(',
    ]) {
      expect(only.includes(dropped), `${dropped} left out`).toBe(false);
      expect(full.includes(dropped), `${dropped} in the full client`).toBe(true);
    }
    // The client's own code, dependencies left out: what tree-shaking can act on here.
    const onlyOwn = await bundle(
      "import { createWalletCore, registerCustomer } from './client.mjs'; export { createWalletCore, registerCustomer };",
      'external',
    );
    const fullOwn = await bundle(
      "import { createWalletClient } from './client.mjs'; export { createWalletClient };",
      'external',
    );
    console.log(
      `client code: registerCustomer over a core ${onlyOwn.length} bytes, full client ${fullOwn.length} bytes; ` +
        `with dependencies: ${only.length} and ${full.length} bytes`,
    );
    expect(onlyOwn.length).toBeLessThan(fullOwn.length - 2_000);
    expect(only.length).toBeLessThan(full.length - 2_000);
  });
});
