import { defineConfig } from 'vitest/config';

// `npm run test:riscv-tests`: builds and runs riscv-tests from a checkout you provide
// (RISCV_TESTS=/path/to/riscv-tests, with its env submodule). Fails when it is missing.
export default defineConfig({
  test: {
    include: ['test/**/*.suite.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
