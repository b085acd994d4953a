import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

// Two ES module builds, no CommonJS: Node >= 20.19 (our engines floor) loads ES modules with `require`.
// 1. `dist/core.js` and `dist/core-render.js`: the root entry point's modules in two files (see src/core.ts).
// 2. The entry points and the CLI with shared chunks, importing those modules from the two files.
// Dependencies stay external in both.

/** The bundles the root entry point's modules go to, by the source file listing them. */
const CORE_FILES = { 'src/core.ts': './core.js', 'src/core-render.ts': './core-render.js' } as const;

/** The source files `entry` reaches through relative imports (absolute paths). */
async function sourceGraph(entry: string): Promise<Set<string>> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral', packages: 'external', logLevel: 'silent' });
  return new Set(Object.keys(result.metafile.inputs).map((file) => path.resolve(file)));
}

/** Which core bundle each of the root entry's modules belongs to, checked against what src/index.ts reaches. */
async function coreOwners(): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const [list, bundle] of Object.entries(CORE_FILES)) {
    owners.set(path.resolve(list), bundle);
    for (const m of readFileSync(list, 'utf8').matchAll(/^export \* from '(\.[^']+)\.js';$/gm)) owners.set(path.resolve('src', `${m[1]}.ts`), bundle);
  }
  const reached = await sourceGraph('src/index.ts');
  reached.delete(path.resolve('src/index.ts'));
  const listed = [...owners.keys()].filter((file) => !Object.keys(CORE_FILES).some((list) => path.resolve(list) === file));
  const missing = [...reached].filter((file) => !owners.has(file));
  const extra = listed.filter((file) => !reached.has(file));
  if (missing.length || extra.length) {
    const names = (files: string[]) => files.map((f) => path.relative('src', f)).join(', ') || 'nothing';
    throw new Error(`src/core.ts and src/core-render.ts must re-export exactly the modules src/index.ts reaches; add ${names(missing)}, remove ${names(extra)}`);
  }
  return owners;
}

/** Sends an import of a root-entry module to its core bundle, unless the importer is in that bundle itself. */
const coreModules: Plugin = {
  name: 'storyfeed-core-modules',
  async setup(pluginBuild) {
    const owners = await coreOwners();
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = owners.get(path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      if (args.kind === 'entry-point' || target === undefined || owners.get(args.importer) === target) return undefined;
      return { path: target, external: true };
    });
  },
};

const common = {
  format: ['esm'] as ['esm'],
  treeshake: true,
  target: 'node20' as const,
  platform: 'node' as const,
  sourcemap: false,
  clean: false,
  // Keep `node:` specifiers: they tell bundlers and other runtimes these are built-ins.
  removeNodeProtocol: false,
  // The generated word and trigram data is mostly non-ASCII text: UTF-8 keeps it at its size (ASCII escapes triple it).
  // Shipped minified: the install size is budgeted (issue 16: 8 MiB with dependencies). Errors users see are StoryfeedErrors with codes and messages, not stack traces.
  esbuildOptions(options: { charset?: string; minifyWhitespace?: boolean; minifySyntax?: boolean; minifyIdentifiers?: boolean }) {
    options.charset = 'utf8';
    options.minifyWhitespace = true;
    options.minifySyntax = true;
    options.minifyIdentifiers = true;
  },
};

// `npm start` builds without type declarations (STORYFEED_DTS=0): they are for library users and
// take most of the build's time.
const declarations = process.env.STORYFEED_DTS !== '0';

export default defineConfig([
  { ...common, entry: { core: 'src/core.ts', 'core-render': 'src/core-render.ts' }, splitting: false, esbuildPlugins: [coreModules], dts: false },
  {
    ...common,
    entry: {
      index: 'src/index.ts',
      story: 'src/story/index.ts',
      verify: 'src/verify/index.ts',
      server: 'src/server/index.ts',
      node: 'src/node/index.ts',
      cli: 'src/cli.ts',
    },
    splitting: true,
    esbuildPlugins: [coreModules],
    dts: declarations && { entry: { index: 'src/index.ts', story: 'src/story/index.ts', verify: 'src/verify/index.ts', server: 'src/server/index.ts', node: 'src/node/index.ts' } },
  },
]);
