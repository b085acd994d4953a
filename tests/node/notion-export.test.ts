import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';

/** Notion's Markdown export built in place: each page at its title's address, its id kept only where two pages share a title. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-notion-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string, day: number) => `# ${title}\n\nCreated: May ${day}, 2024 10:15 AM\nStatus: Published\n\nA page of the blog, written in Notion.\n`;

describe("a Notion export's pages", () => {
  it('are published at their titles, the id kept where two titles make one slug, from a warm cache too', async () => {
    const ids = ['1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d', '2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e', '3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f'];
    mkdirSync(path.join(dir, 'export', 'Blog'), { recursive: true });
    writeFileSync(path.join(dir, 'export', 'Blog', `My trip ${ids[0]}.md`), page('My trip', 1));
    writeFileSync(path.join(dir, 'export', 'Blog', `My Trip ${ids[1]}.md`), page('My Trip', 2));
    writeFileSync(path.join(dir, 'export', 'Blog', `Lisbon ${ids[2]}.md`), page('Lisbon', 3));
    const config = validateConfig({ siteUrl: 'https://blog.example', title: 'Blog', entities: false });
    const build = async (cache: boolean) => {
      const result = await buildSite({ config, cwd: dir, seeds: 'export', out: 'out', workers: 0, sourceDateEpoch: '1700000000', cache });
      return (JSON.parse(result.outputs.json) as { items: { id: string }[] }).items.map((item) => item.id).sort();
    };
    const expected = ['https://blog.example/lisbon', `https://blog.example/my-trip-${ids[0]}`, `https://blog.example/my-trip-${ids[1]}`];
    expect(await build(false)).toEqual(expected);
    expect(await build(true)).toEqual(expected);
    // The twin gone, the other page takes its title's address.
    rmSync(path.join(dir, 'export', 'Blog', `My Trip ${ids[1]}.md`));
    expect(await build(true)).toEqual(['https://blog.example/lisbon', 'https://blog.example/my-trip']);
  });
});
