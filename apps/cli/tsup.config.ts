import { defineConfig } from 'tsup';

// One ESM file for start-up (`dist/wallet.js`), with the heavy parts (zod through the schemas, the
// client, csv-parse, the progress bar) split into chunks that only the commands needing them load.
// Everything is bundled, so `node dist/wallet.js` resolves nothing from node_modules at start-up.
export default defineConfig({
  entry: { wallet: 'src/wallet.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  treeshake: true,
  clean: true,
  sourcemap: true,
  dts: false,
  noExternal: [/.*/],
  // CommonJS dependencies (commander's and cli-progress's `require` calls) need a `require` in ESM.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __walletCreateRequire } from 'node:module';\nconst require = __walletCreateRequire(import.meta.url);",
  },
});
