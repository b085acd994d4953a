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

  it("keep their id where another seed's name makes their title's slug, and a warm build's links follow a page that moves", async () => {
    const id = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d';
    const twin = 'fedcba9876543210fedcba9876543210';
    mkdirSync(path.join(dir, 'seeds'), { recursive: true });
    writeFileSync(path.join(dir, 'seeds', `Trip ${id}.md`), page('Trip', 1));
    writeFileSync(path.join(dir, 'seeds', 'links.md'), `---\ntitle: Links\ndate: 2024-05-04\n---\n\nRead [my trip](Trip%20${id}.md) first.\n`);
    const config = validateConfig({ siteUrl: 'https://blog.example', title: 'Blog', entities: false });
    const build = async (cache: boolean) => {
      const result = await buildSite({ config, cwd: dir, seeds: 'seeds', out: cache ? 'out' : 'cold', workers: 0, sourceDateEpoch: '1700000000', cache });
      return JSON.parse(result.outputs.json) as { items: { id: string; content_html: string }[] };
    };
    const linkOf = (feed: { items: { id: string; content_html: string }[] }) => /href="([^"]+)"/.exec(feed.items.find((item) => item.id.endsWith('/links'))!.content_html)?.[1];
    expect(linkOf(await build(true))).toBe('https://blog.example/trip');
    // A second page of that title: both keep their ids, and the warm build's link moves with the page.
    writeFileSync(path.join(dir, 'seeds', `Trip ${twin}.md`), page('Trip', 2));
    const warm = await build(true);
    expect(linkOf(warm)).toBe(`https://blog.example/trip-${id}`);
    expect(linkOf(await build(false))).toBe(linkOf(warm));
    // A Markdown seed named as the page's title: the page keeps its id rather than the build stopping on one address for two stories.
    rmSync(path.join(dir, 'seeds', `Trip ${twin}.md`));
    writeFileSync(path.join(dir, 'seeds', 'trip.md'), '---\ntitle: A trip\ndate: 2024-05-05\n---\n\nAnother trip, written in Markdown.\n');
    expect((await build(true)).items.map((item) => item.id).sort()).toEqual(['https://blog.example/links', 'https://blog.example/trip', `https://blog.example/trip-${id}`]);
  });
});
