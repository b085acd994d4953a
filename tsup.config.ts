import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

// Two ES module builds, no CommonJS: Node >= 20.19 (our engines floor) loads ES modules with `require`.
// 1. The root entry point (`dist/index.js`) and its modules in three files, `dist/core.js`,
//    `dist/core-render.js` and `dist/core-errors.js` (see src/core.ts), without shared chunks: it
//    loads nothing else of ours.
// 2. The other entry points and the CLI with shared chunks, importing those modules from the two files.
// Dependencies stay external in both, but for the parsers listed in BUNDLED below.

/** The bundles the root entry point's modules go to, by the source file listing them. */
const CORE_FILES = { 'src/core.ts': './core.js', 'src/core-render.ts': './core-render.js', 'src/core-errors.ts': './core-errors.js' } as const;

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
    throw new Error(
      `src/core.ts, src/core-render.ts and src/core-errors.ts must re-export exactly the modules src/index.ts reaches; add ${names(missing)}, remove ${names(extra)}`,
    );
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

/**
 * Dependencies bundled into dist instead of installed: ES module packages of many small files, whose
 * loading (resolving, reading and linking each file) cost more than their code takes to run. Bundled,
 * markdown-it, yaml and htmlparser2 load in a third of the time, and smol-toml, one small module, goes with them (saxes, CommonJS, stays installed: bundled,
 * it would add esbuild's CommonJS helpers to every entry point). Their licences are in
 * THIRD-PARTY.md; they are development dependencies.
 */
const BUNDLED = [
  'markdown-it',
  'markdown-it-footnote',
  'markdown-it-container',
  'markdown-it-mark',
  'markdown-it-deflist',
  'linkify-it',
  'mdurl',
  'punycode.js',
  'uc.micro',
  'entities',
  'yaml',
  'smol-toml',
  'htmlparser2',
  'domhandler',
  'domelementtype',
  'domutils',
  'dom-serializer',
];

/**
 * yaml's Node build is CommonJS that requires `process` (for warnings and a debug variable), which an
 * ES module bundle cannot require; the build it exports for every other runtime (its `default`
 * condition) is plain ES modules that use neither.
 */
const yamlModules: Plugin = {
  name: 'storyfeed-yaml-modules',
  setup(pluginBuild) {
    const dir = path.resolve('node_modules/yaml');
    const exported = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports: Record<string, { default: string }> }).exports['.']!.default;
    pluginBuild.onResolve({ filter: /^yaml$/ }, () => ({ path: path.join(dir, exported) }));
  },
};

/**
 * A digest of what the bundles are made from: the sources, the locked dependency versions (the
 * bundled parsers among them) and this file. The caches name the code by it (see
 * src/node/code-identity.ts), so a build from changed sources never reuses what older code made.
 */
function buildId(): string {
  const hash = createHash('sha256');
  const files = readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, 'package.json', 'package-lock.json', 'tsup.config.ts']) {
    const bytes = readFileSync(file);
    hash.update(`${file.split(path.sep).join('/')}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 32);
}

const common = {
  format: ['esm'] as ['esm'],
  treeshake: true,
  target: 'node20' as const,
  platform: 'node' as const,
  sourcemap: false,
  clean: false,
  // Keep `node:` specifiers: they tell bundlers and other runtimes these are built-ins.
  removeNodeProtocol: false,
  define: { __STORYFEED_BUILD__: JSON.stringify(buildId()) },
  noExternal: BUNDLED.map((name) => new RegExp(`^${name.replaceAll('.', '\\.')}(/|$)`)),
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
  {
    ...common,
    entry: { index: 'src/index.ts', core: 'src/core.ts', 'core-render': 'src/core-render.ts', 'core-errors': 'src/core-errors.ts' },
    splitting: false,
    esbuildPlugins: [coreModules, yamlModules],
    dts: false,
  },
  {
    ...common,
    entry: {
      story: 'src/story/index.ts',
      verify: 'src/verify/index.ts',
      server: 'src/server/index.ts',
      node: 'src/node/index.ts',
      cli: 'src/cli.ts',
    },
    splitting: true,
    esbuildPlugins: [coreModules, yamlModules],
    dts: declarations && { entry: { index: 'src/index.ts', story: 'src/story/index.ts', verify: 'src/verify/index.ts', server: 'src/server/index.ts', node: 'src/node/index.ts' } },
  },
]);
