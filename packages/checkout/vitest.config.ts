import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The property suites run every case through both builds; leave room on a busy machine.
    testTimeout: 30_000,
  },
});
