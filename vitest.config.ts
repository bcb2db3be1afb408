import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the real binary; a cold start on a loaded 2-core machine takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
