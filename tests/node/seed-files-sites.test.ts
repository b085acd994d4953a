import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSeedFiles, isSkippedName } from '../../src/node/seed-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-seed-sites-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path → text) under `root`. */
function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

/** The seeds found under `root`, relative to it. */
async function found(root: string): Promise<string[]> {
  return (await findSeedFiles(root, dir)).map((f) => path.relative(root, f.path).split(path.sep).join('/'));
}

describe("a Jekyll site's folders", () => {
  it('are read for its posts (_posts, at any depth), and not for its drafts, data, layouts, includes or built site', async () => {
    const site = path.join(dir, 'site');
    write(site, {
      '_config.yml': 'title: Site\n',
      '_posts/2024-01-02-storm.md': '---\ntitle: Storm\n---\nText.\n',
      '_posts/2024/2024-02-03-flood.md': '---\ntitle: Flood\n---\nText.\n',
      'news/_posts/2024-03-04-port.md': '---\ntitle: Port\n---\nText.\n',
      '_drafts/unfinished.md': '---\ntitle: Draft\n---\nText.\n',
      '_data/authors.json': '[{"name": "Ann"}]\n',
      '_layouts/post.md': 'Layout.\n',
      '_includes/footer.md': 'Footer.\n',
      '_site/2024/01/02/storm.txt': 'Built.\n',
      'about.md': '---\ntitle: About\n---\nText.\n',
    });
    expect(await found(site)).toEqual(['_posts/2024/2024-02-03-flood.md', '_posts/2024-01-02-storm.md', 'about.md', 'news/_posts/2024-03-04-port.md']);
    expect(isSkippedName('_posts')).toBe(false);
    for (const name of ['_drafts', '_data', '_site', '_index.md', '.git', 'node_modules']) expect(isSkippedName(name)).toBe(true);
  });
});
