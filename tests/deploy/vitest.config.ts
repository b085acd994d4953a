import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The deploy tests run against a real object store that global-setup.ts starts once and stops at
// the end (`npm run test:deploy`); the main suite leaves them out.
export default defineConfig({
  test: {
    include: ['tests/deploy/**/*.test.ts'],
    globalSetup: ['tests/deploy/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    root: fileURLToPath(new URL('../..', import.meta.url)),
  },
});
