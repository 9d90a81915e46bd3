import { defineConfig } from 'vitest/config';

/**
 * Two groups: the unit tests (parallel), then the browser tests one file at a time, so that two
 * browsers never compete for a two-core machine. No test asserts on elapsed time: tests wait for
 * a state (with a generous timeout) or count work; speed is measured by `npm run bench`.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', '**/node_modules/**'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
