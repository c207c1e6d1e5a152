import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // a folder for what test files share (the small demo), made once per run and removed after it
    globalSetup: ['tests/global-setup.ts'],
    // End-to-end tests run the real pipeline (dbt, DuckDB), some of them more than once; give them room. These
    // are limits against hangs, not speed targets (those live in the benchmark).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // Two test files at a time: an end-to-end run keeps about one core busy (dbt's Python between DuckDB queries),
    // so two of them fill the machine's two cores. Files share nothing but the small demo (helpers.ts makes it
    // once); each has its own data folders, and dbt's target folder lives in the data folder.
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
