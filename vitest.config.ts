import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The end-to-end tests share one Chromium per file; files run in parallel on two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
