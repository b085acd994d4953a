import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of bundled child scripts (`NAME.mjs`) that reliability tests start as processes. */
    childScripts: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const names = ['publish-loop', 'build-loop', 'cli', 'serve', 'lock-racer', 'stress-class'];

/**
 * Bundles `tests/reliability/children/*.ts` (and the sources they import) once per run into
 * self-contained ES modules that a plain `node` runs; the returned function removes the folder.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const bundleDir = mkdtempSync(path.join(tmpdir(), 'storyfeed-children-'));
  const { build } = await import('esbuild');
  await build({
    entryPoints: names.map((n) => path.join(root, 'tests/reliability/children', `${n}.ts`)),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: bundleDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    // Bundled CommonJS dependencies call require(); give the ES module one.
    banner: { js: "import { createRequire as __storyfeedRequire } from 'node:module'; const require = __storyfeedRequire(import.meta.url);" },
  });
  project.provide('childScripts', bundleDir);
  return () => rmSync(bundleDir, { recursive: true, force: true });
}
