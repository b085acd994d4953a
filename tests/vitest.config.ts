import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Deploy tests need the object store that `npm run test:deploy` starts (tests/deploy/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'tests/deploy/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    root: fileURLToPath(new URL('..', import.meta.url)),
  },
});
