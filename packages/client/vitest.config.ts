import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // `src/testing.ts` imports the client by its package name; in tests that is the source.
    alias: [
      {
        find: /^@wallet\/client$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
});
