import { defineConfig } from 'tsup';

// One ES module build: every entry point shares chunks with the others and with the CLI, so a class
// such as StoryfeedError is one class whichever entry it came from. No CommonJS build: Node >= 20.19
// (our engines floor) loads ES modules with `require`. Dependencies stay external.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    story: 'src/story/index.ts',
    verify: 'src/verify/index.ts',
    server: 'src/server/index.ts',
    node: 'src/node/index.ts',
    cli: 'src/cli.ts',
  },
  format: ['esm'],
  splitting: true,
  treeshake: true,
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: false,
  // Keep `node:` specifiers: they tell bundlers and other runtimes these are built-ins.
  removeNodeProtocol: false,
  // The generated word and trigram data is mostly non-ASCII text: UTF-8 keeps it at its size (ASCII escapes triple it).
  esbuildOptions(options) {
    options.charset = 'utf8';
  },
  dts: { entry: { index: 'src/index.ts', story: 'src/story/index.ts', verify: 'src/verify/index.ts', server: 'src/server/index.ts', node: 'src/node/index.ts' } },
});
