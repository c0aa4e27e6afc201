import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

// Two builds of the one entry, `src/index.ts`, chosen by package.json's export conditions like
// @wallet/crypto's. They differ in one module: `index` hashes through node:crypto
// (`digest.node.ts`, Node and Bun), `web` through @noble/hashes (`digest.web.ts`, browsers and
// workers), swapped in at build time, so the two cannot export different things.
const webDigest: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'web-digest',
  setup(build) {
    build.onResolve({ filter: /^\.\/digest\.node\.js$/ }, () => ({
      path: resolve('src/digest.web.ts'),
    }));
  },
};

const shared: Options = {
  ...packageConfig({}),
  // Keep `node:crypto` as written: Deno and bundlers resolve the prefixed name, not always `crypto`.
  removeNodeProtocol: false,
  // The two builds write side by side into dist/, so neither cleans it: it is emptied once, below.
  clean: false,
};

rmSync('dist', { recursive: true, force: true });

export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts' } },
  { ...shared, entry: { web: 'src/index.ts' }, esbuildPlugins: [webDigest] },
]);
