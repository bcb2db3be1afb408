import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the real binary; a cold start on a loaded 2-core machine takes a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest runs one file at a time on a 2-core machine (its default is one worker less than the cores). Most
    // files wait on child processes and sockets, not the CPU: two at a time keeps the suite under 10 minutes.
    maxWorkers: 2,
  },
});
