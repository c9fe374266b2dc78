// Unit tests: tests/unit/{common,main,renderer}/**/*.test.ts, run under Node.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time even on a 2-core machine: the longest files (the kill and soak suites)
    // mostly wait on child processes, so the rest runs beside them instead of after them.
    maxWorkers: 2,
  },
});
