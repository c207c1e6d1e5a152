import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests run the real pipeline (dbt, DuckDB), some of them more than once; give them room. These
    // are limits against hangs, not speed targets (those live in the benchmark).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Test files share nothing but the machine's two cores; run them one after another for stable timings.
    fileParallelism: false,
  },
});
