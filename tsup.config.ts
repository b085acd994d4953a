import { defineConfig } from 'tsup';

// The library as ES module (sharing chunks with the CLI) and as CommonJS, with types for both.
// Dependencies stay external; every one of them loads from both module systems on Node >= 20.19
// (require of ES modules is on by default there).
const common = { dts: true, sourcemap: false, target: 'node20', platform: 'node', treeshake: true, clean: false } as const;

export default defineConfig([
  { ...common, entry: { index: 'src/index.ts', node: 'src/node/index.ts', cli: 'src/cli.ts' }, format: ['esm'], splitting: true, dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts' } } },
  { ...common, entry: { index: 'src/index.ts', node: 'src/node/index.ts' }, format: ['cjs'], splitting: true },
]);
