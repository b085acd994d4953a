import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// One run, two projects: the main suite, and the deploy tests, which publish to a real object
// store that tests/deploy/global-setup.ts starts once and stops at the end (`--project deploy`
// runs them alone: `npm run test:deploy`). Set STORYFEED_SKIP_DEPLOY=1 on a machine without the
// store's Debian packages.
const skipDeploy = process.env.STORYFEED_SKIP_DEPLOY === '1';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    root: fileURLToPath(new URL('..', import.meta.url)),
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/deploy/**'],
          globalSetup: ['tests/reliability/global-setup.ts'],
        },
      },
      ...(skipDeploy
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'deploy',
                include: ['tests/deploy/**/*.test.ts'],
                globalSetup: ['tests/deploy/global-setup.ts'],
                fileParallelism: false,
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]),
    ],
  },
});
