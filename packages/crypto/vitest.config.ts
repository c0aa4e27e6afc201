import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The property suites (fast-check, 100 cases each, some through both AES implementations)
    // have run past Vitest's 5 s default when CI runs two Node versions side by side on 2 cores.
    testTimeout: 30_000,
  },
});
