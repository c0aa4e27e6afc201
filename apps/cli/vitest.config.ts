import { defineConfig } from 'vitest/config';

// The tests run the built CLI (`dist/wallet.js`) as a subprocess against a sandbox in the test
// process; the import test sends ten thousand requests, so they get more time than the default.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
