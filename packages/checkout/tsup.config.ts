import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

// Two builds with one API, chosen by package.json's export conditions like @wallet/crypto's:
// `index` hashes through node:crypto (Node, Bun), `web` through @noble/hashes.
export default defineConfig({
  ...packageConfig({ index: 'src/index.ts', web: 'src/index.web.ts' }),
  // Keep `node:crypto` as written: Deno and bundlers resolve the prefixed name, not always `crypto`.
  removeNodeProtocol: false,
});
