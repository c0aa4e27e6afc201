import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

export default defineConfig({
  ...packageConfig(['src/index.ts']),
  // An optional dependency (tsup bundles those): loaded from node_modules, and only when chosen.
  external: ['better-sqlite3'],
});
