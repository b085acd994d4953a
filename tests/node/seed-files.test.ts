import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayPath, findSeedFiles } from '../../src/node/seed-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-seed-files-'));
  for (const file of ['a.md', 'nested/b.md', 'nested/deeper/c.txt', '..x/d.md']) {
    mkdirSync(path.dirname(path.join(dir, 'seeds', file)), { recursive: true });
    writeFileSync(path.join(dir, 'seeds', file), '# T\n\nText.\n');
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findSeedFiles', () => {
  it('shows each seed as displayPath does, from inside, at and outside the working directory', async () => {
    const seeds = path.join(dir, 'seeds');
    for (const cwd of [dir, seeds, path.join(seeds, 'nested'), path.join(dir, 'elsewhere'), path.join(seeds, '..x'), '/']) {
      const found = await findSeedFiles(seeds, cwd);
      expect(found.map((f) => path.relative(seeds, f.path))).toEqual(['a.md', path.join('nested', 'b.md'), path.join('nested', 'deeper', 'c.txt')]);
      for (const file of found) expect(file.display).toBe(displayPath(file.path, cwd));
    }
    expect((await findSeedFiles('seeds', dir)).map((f) => f.display)).toEqual(['seeds/a.md', 'seeds/nested/b.md', 'seeds/nested/deeper/c.txt']);
  });
});
