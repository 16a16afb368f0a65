import { defineConfig } from 'vitest/config';

// End-to-end journeys: the real server (child process) driven by Debian's Chromium. One file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    environment: 'node',
  },
});
