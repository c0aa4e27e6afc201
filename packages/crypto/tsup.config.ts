import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

// Two builds with one API: `index` encrypts through node:crypto (Node, Bun), `web` through
// @noble/ciphers for runtimes whose Web Crypto lacks AES-192. package.json's export conditions
// choose between them.
export default defineConfig({
  ...packageConfig({ index: 'src/index.ts', web: 'src/index.web.ts' }),
  // Keep `node:crypto` as written: Deno and bundlers resolve the prefixed name, not always `crypto`.
  removeNodeProtocol: false,
});
