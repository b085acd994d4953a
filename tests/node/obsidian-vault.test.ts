import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';
import { findSeedFiles, obsidianVaultAt } from '../../src/node/seed-files.js';

/**
 * Obsidian's own syntax (`[[links]]`, `==highlights==`) is read only in a vault's notes: a build tells them by the
 * `.obsidian` folder in their folder or one above, inside the seeds folder or above it.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-vault-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text = '---\ntitle: T\ndate: 2024-05-01\n---\nText.\n'): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

describe('Obsidian vaults', () => {
  it('are told by a .obsidian folder in the seeds folder, below it or above it', async () => {
    write('seeds/vault/.obsidian/app.json', '{}');
    write('seeds/vault/notes/a.md');
    write('seeds/vault/b.md');
    write('seeds/other/c.md');
    const inVault = (files: { display: string; obsidianVault?: true }[]) => files.map((f) => [f.display, f.obsidianVault === true]);
    expect(inVault(await findSeedFiles('seeds', dir))).toEqual([
      ['seeds/other/c.md', false],
      ['seeds/vault/b.md', true],
      ['seeds/vault/notes/a.md', true],
    ]);
    expect(inVault(await findSeedFiles('seeds/vault/notes', dir))).toEqual([['seeds/vault/notes/a.md', true]]);
    expect(await obsidianVaultAt(path.join(dir, 'seeds/other'))).toBe(false);
    // A file named .obsidian is no vault's settings.
    write('seeds/other/.obsidian', 'x');
    expect(await obsidianVaultAt(path.join(dir, 'seeds/other'))).toBe(false);
  });

  it("publish a note's [[link]] to another note as that note's story, and read [[…]] as text outside a vault, also from the cache", async () => {
    const config = validateConfig({ siteUrl: 'https://ex.com', title: 'T', description: 'D', language: 'en', entities: false });
    write('seeds/First note.md', '---\ntitle: First\ndate: 2024-05-01\n---\nSee [[Second note|the second]] and ==this==.\n');
    write('seeds/Second note.md', '---\ntitle: Second\ndate: 2024-05-02\n---\nThe second.\n');
    const build = async () => {
      const result = await buildSite({ config, cwd: dir, seeds: 'seeds', out: 'out', workers: 0, sourceDateEpoch: '1700000000', onWarning: () => {} });
      return JSON.parse(result.contents['feed.json']!) as { items: { title: string; content_html: string }[] };
    };
    const first = (feed: { items: { title: string; content_html: string }[] }) => feed.items.find((i) => i.title === 'First')!.content_html;
    expect(first(await build())).toBe('<p>See [[Second note|the second]] and ==this==.</p>');
    // The same seeds, now in a vault: the cached stories read outside one are not reused.
    write('.obsidian/app.json', '{}');
    expect(first(await build())).toBe('<p>See <a href="https://ex.com/second-note">the second</a> and <mark>this</mark>.</p>');
  });
});
