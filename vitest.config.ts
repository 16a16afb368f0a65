import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests once; integration tests (*.int.test.ts) on PGlite and on a real PostgreSQL.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'pglite',
          include: ['src/**/*.int.test.ts'],
          env: { SEEDBED_TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.int.test.ts'],
          env: { SEEDBED_TEST_DB: 'postgres' },
          globalSetup: ['src/server/test/global-setup-postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
