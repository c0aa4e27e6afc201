import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

// Two entries: the sandbox, and `@wallet/sandbox/testing` (test merchants, request builders, a raw
// signing client, throwaway PostgreSQL databases), which loads nothing of the sandbox itself.
export default defineConfig({
  ...packageConfig({ index: 'src/index.ts', testing: 'src/testing/index.ts' }),
  // An optional dependency (tsup bundles those): loaded from node_modules, and only when chosen.
  external: ['better-sqlite3'],
});
