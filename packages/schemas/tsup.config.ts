import { defineConfig } from 'tsup';
import { packageConfig } from '../../tsup.base.js';

// Two entries: the schemas, route table and error catalogue; and `@wallet/schemas/openapi`, the
// document builders and examples. The openapi entry imports the package by its name, kept external,
// so it builds its documents from the same schema objects an application validates with.
export default defineConfig({
  ...packageConfig(['src/index.ts', 'src/openapi.ts']),
  external: ['@wallet/schemas'],
});
