import { defineConfig } from 'tsup';

// ESM and CJS builds of the library, plus the CLI. Dependencies stay external; every one of them
// loads from both module systems on Node >= 20.19 (require of ES modules is on by default there).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
  },
]);
