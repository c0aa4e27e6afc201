import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

// Two entries: the client, and `@wallet/client/testing`, the only one that imports the sandbox.
// The testing entry imports the client by its package name, kept external, so an application
// that uses both runs one copy of the client (one error tree, one registry of cores).
export default defineConfig({
  ...packageConfig(['src/index.ts', 'src/testing.ts']),
  external: ['@wallet/client', '@wallet/sandbox'],
});
