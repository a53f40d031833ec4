import { defineConfig } from 'vitest/config';

// `npm test`: everything that needs nothing but npm. Tests that drive outside software
// (GNU binutils, dtc, OpenSBI, QEMU) are *.external.test.ts and run with `npm run test:external`;
// riscv-tests, which are not part of the repository, are *.suite.test.ts (`npm run test:riscv-tests`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.external.test.ts', 'test/**/*.suite.test.ts', 'node_modules/**'],
    testTimeout: 60_000,
    // set-up hooks build guest images; on a loaded machine that can take longer than vitest's 10 s
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
