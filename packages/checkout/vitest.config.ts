import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';

const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));
const WEB_BUILD = source('test-web-build.ts');
const WEB_INDEX = `${source('index.ts')}?web`;

/** The web build for tests, made as tsup.config.ts makes it: `index.ts` with the web digest. */
const webBuild: Plugin = {
  name: 'checkout-web-build',
  enforce: 'pre',
  resolveId(id, importer) {
    if (importer === WEB_BUILD && id === './index.js') return WEB_INDEX;
    if (importer === WEB_INDEX && id === './digest.node.js') return source('digest.web.ts');
    return undefined;
  },
};

export default defineConfig({
  plugins: [webBuild],
  test: {
    // The property suites run every case through both builds; leave room on a busy machine.
    testTimeout: 30_000,
  },
});
