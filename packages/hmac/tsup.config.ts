import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

// Two builds with one API: `index` hashes through node:crypto (Node, Bun, Deno), `web` through
// @noble/hashes for runtimes without node:crypto (browsers, Cloudflare Workers without
// nodejs_compat). package.json's export conditions choose between them.
export default defineConfig({
  ...packageConfig({ index: 'src/index.ts', web: 'src/index.web.ts' }),
  // Keep `node:crypto` as written: Deno and bundlers resolve the prefixed name, not always `crypto`.
  removeNodeProtocol: false,
});
