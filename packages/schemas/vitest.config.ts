import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // `src/openapi.ts` imports the schemas by their package name; in tests that is the source.
    alias: [
      {
        find: /^@wallet\/schemas$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
});
