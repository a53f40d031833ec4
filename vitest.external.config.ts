import { defineConfig } from 'vitest/config';

// `npm run test:external`: comparisons against real outside software. These tests FAIL (never
// skip) when the software is missing; `.ci/run` installs it with apt-get.
export default defineConfig({
  test: {
    include: ['test/**/*.external.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
