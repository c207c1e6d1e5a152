import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The end-to-end suite runs the real pipeline (dbt, DuckDB) once in beforeAll; give it room.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Test files share nothing but the machine's two cores; run them one after another for stable timings.
    fileParallelism: false,
  },
});
