import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

/** Rows of THIRD-PARTY.md's "Bundled parsers" table: package name → version. */
function bundledRows(): Map<string, string> {
  const section = read('THIRD-PARTY.md').split('## Bundled parsers')[1]!.split('\n## ')[0]!;
  const rows = new Map<string, string>();
  for (const m of section.matchAll(/^\| ([a-z0-9.-]+) \(https:[^|]*\| ([0-9][^ |]*) \| (MIT|ISC|BSD-2-Clause|BSD-3-Clause) \|/gm)) rows.set(m[1]!, m[2]!);
  return rows;
}

describe('THIRD-PARTY.md', () => {
  it('names every package bundled into dist with the version installed and bundled', () => {
    const rows = bundledRows();
    expect(rows.size).toBeGreaterThan(0);
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const [name, version] of rows) {
      const installed = JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string };
      expect(installed.version, name).toBe(version);
      // Bundled, so not installed again with storyfeed.
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
    // Every package pattern the build bundles has its row (and so its licence).
    const config = read('tsup.config.ts');
    const list = /const BUNDLED = \[([^\]]*)\];/.exec(config)![1]!;
    const names = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(names.length).toBe(rows.size);
    for (const name of names) expect(rows.has(name), name).toBe(true);
  });
});
