import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite, outputsGoToDisk, outputsInMemory } from '../../src/node/build.js';
import { publishFiles } from '../../src/node/publish.js';
import { acquirePublishLock } from '../../src/node/publish-lock.js';
import type { FeedSetEntry } from '../../src/feed/sets.js';
import type { FeedItem } from '../../src/types.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false });

function writeSeeds(n: number): void {
  mkdirSync(path.join(dir, 'seeds'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    writeFileSync(path.join(dir, 'seeds', `2024-01-${day}-story-${i}.txt`), `Story number ${i}\nThe first paragraph of story ${i} says something.\nA second paragraph.\n`);
  }
}

describe('buildSite', () => {
  it('re-normalizes only the edited seed on a warm rebuild', async () => {
    writeSeeds(1000);
    const cold = await buildSite({ config, cwd: dir });
    expect(cold.cache).toEqual({ hits: 0, misses: 1000 });
    writeFileSync(path.join(dir, 'seeds', '2024-01-06-story-5.txt'), 'Story number 5, edited\nAn edited paragraph.\n');
    const warm = await buildSite({ config, cwd: dir });
    expect(warm.cache).toEqual({ hits: 999, misses: 1 });
    expect(warm.stories.find((s) => s.slug === 'story-5')?.title).toBe('Story number 5, edited');
    expect(warm.contents['rss.xml']).toContain('Story number 5, edited');
  }, 120_000);

  it('publishes into a plain output folder, and a rebuild with no change writes nothing', async () => {
    writeSeeds(3);
    const first = await buildSite({ config, cwd: dir });
    expect(first.written).toBe(true);
    const out = path.join(dir, 'public');
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['.storyfeed-manifest.json', 'atom.xml', 'feed.json', 'feed.xsl', 'index.html', 'rss.xml']);
    const mtime = statSync(path.join(out, 'rss.xml')).mtimeMs;
    const again = await buildSite({ config, cwd: dir });
    expect(again.written).toBe(false);
    expect(statSync(path.join(out, 'rss.xml')).mtimeMs).toBe(mtime);
  });

  it('keeps the files the user has in the output folder', async () => {
    writeSeeds(2);
    mkdirSync(path.join(dir, 'public'));
    writeFileSync(path.join(dir, 'public', 'old.txt'), 'old');
    await buildSite({ config, cwd: dir });
    expect(lstatSync(path.join(dir, 'public')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(dir, 'public', 'old.txt'), 'utf8')).toBe('old');
  });

  it('writes per-tag and per-author feeds and links the stylesheet from sub-folders', async () => {
    writeSeeds(2);
    writeFileSync(path.join(dir, 'seeds', 'tagged.md'), '---\ntitle: Tagged\ndate: 2024-02-01\ntags: [Energy, Grid]\nauthor: Ana Lima\n---\nBody text.\n');
    const result = await buildSite({ config: { ...config, tagFeeds: true, authorFeeds: true }, cwd: dir });
    const files = Object.keys(result.contents).sort();
    expect(files).toEqual(expect.arrayContaining(['tags/energy/rss.xml', 'tags/grid/feed.json', 'authors/ana-lima/atom.xml', 'authors/desk/rss.xml']));
    expect(result.contents['tags/energy/rss.xml']).toContain('<?xml-stylesheet href="../../feed.xsl" type="text/xsl"?>');
    expect(JSON.parse(result.contents['tags/energy/feed.json']!).items).toHaveLength(1);
    expect(result.contents['index.html']).toContain('href="tags/energy/rss.xml"');
  });
});

describe('page bundles', () => {
  it('names each article of a Hugo-style site (posts/<name>/index.md) by its folder', async () => {
    for (const [folder, text] of [
      ['first-trip', '---\ntitle: First trip\ndate: 2024-05-01\n---\nBody of the first.\n'],
      ['2024-05-02-second-trip', '---\ntitle: Second trip\n---\nBody of the second.\n'],
    ]) {
      mkdirSync(path.join(dir, 'seeds', 'posts', folder!), { recursive: true });
      writeFileSync(path.join(dir, 'seeds', 'posts', folder!, 'index.md'), text!);
    }
    const result = await buildSite({ config, cwd: dir });
    expect(result.stories.map((s) => [s.slug, s.url, s.published.toISOString().slice(0, 10)]).sort()).toEqual([
      ['first-trip', 'https://news.example.com/first-trip', '2024-05-01'],
      ['second-trip', 'https://news.example.com/second-trip', '2024-05-02'],
    ]);
  });

  it('names an index seed directly in the seeds folder by its title, whichever folder that is (and caches each reading apart)', async () => {
    mkdirSync(path.join(dir, 'seeds', 'posts', 'ferry'), { recursive: true });
    writeFileSync(path.join(dir, 'seeds', 'posts', 'ferry', 'index.md'), '---\ntitle: Night ferry\ndate: 2024-05-03\n---\nBody of the ferry post.\n');
    const slugs = async (seeds: string): Promise<string[]> => (await buildSite({ config, cwd: dir, seeds, out: `out-${seeds.replaceAll('/', '-')}` })).stories.map((s) => s.slug);
    expect(await slugs('seeds')).toEqual(['ferry']);
    // The bundle's folder is the seeds folder now: the index seed sits at its top.
    expect(await slugs('seeds/posts/ferry')).toEqual(['night-ferry']);
    expect(await slugs('seeds')).toEqual(['ferry']);
  });
});

describe('stable identity across rebuilds', () => {
  const seed = (name: string, text: string): void => writeFileSync(path.join(dir, 'seeds', name), text);

  it('keeps the id when the text and title are edited, and moves updated only when the content changed', async () => {
    mkdirSync(path.join(dir, 'seeds'));
    seed('ferry.txt', '---\ndate: 2024-05-01T08:00:00Z\n---\nFerry resumes\nThe ferry resumed service.\n');
    seed('other.txt', '---\ndate: 2024-05-02T08:00:00Z\n---\nOther story\nSomething else.\n');
    const first = await buildSite({ config, cwd: dir, sourceDateEpoch: '1717200000' });
    const id = first.stories.find((s) => s.slug === 'ferry')!.id;
    expect(first.stories.find((s) => s.id === id)!.updated.toISOString()).toBe('2024-05-01T08:00:00.000Z');

    seed('ferry.txt', '---\ndate: 2024-05-01T08:00:00Z\n---\nFerry resumes after repairs\nThe ferry resumed service on Sunday.\n');
    const edited = await buildSite({ config, cwd: dir, sourceDateEpoch: '1717200000' });
    const ferry = edited.stories.find((s) => s.slug === 'ferry')!;
    expect(ferry.id).toBe(id);
    expect(ferry.updated.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(edited.stories.find((s) => s.slug === 'other')!.updated.toISOString()).toBe('2024-05-02T08:00:00.000Z');
    expect(JSON.parse(edited.contents['feed.json']!).items.filter((i: { id: string }) => i.id === id)).toHaveLength(1);

    const again = await buildSite({ config, cwd: dir, sourceDateEpoch: '1720000000' });
    expect(again.stories.find((s) => s.slug === 'ferry')!.updated.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(again.written).toBe(false);
  });

  it('warns when a renamed seed gives a published story a new id, and keeps the id given in front matter', async () => {
    mkdirSync(path.join(dir, 'seeds'));
    seed('ferry.txt', '---\ndate: 2024-05-01T08:00:00Z\n---\nFerry resumes\nThe ferry resumed service.\n');
    seed('pinned.txt', '---\ndate: 2024-05-01T09:00:00Z\nid: tag:news.example.com,2024:pinned\n---\nPinned\nPinned story.\n');
    await buildSite({ config, cwd: dir });
    rmSync(path.join(dir, 'seeds', 'ferry.txt'));
    rmSync(path.join(dir, 'seeds', 'pinned.txt'));
    seed('ferry-service.txt', '---\ndate: 2024-05-01T08:00:00Z\n---\nFerry resumes\nThe ferry resumed service.\n');
    seed('pinned-renamed.txt', '---\ndate: 2024-05-01T09:00:00Z\nid: tag:news.example.com,2024:pinned\n---\nPinned\nPinned story.\n');
    const warnings: { code: string; file?: string; message: string }[] = [];
    await buildSite({ config, cwd: dir, onWarning: (w) => warnings.push(w) });
    const renamed = warnings.filter((w) => w.code === 'W_ID_CHANGED');
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.file).toBe('seeds/ferry-service.txt');
    expect(renamed[0]!.message).toContain('https://news.example.com/ferry');
  });
});

describe('the story cache while another build holds it (regression: two builds at once broke it for every later build)', () => {
  it('is neither read nor written: this build normalizes every seed, says so, and the holder finds its cache whole', async () => {
    writeSeeds(3);
    await buildSite({ config, cwd: dir });
    const cacheDir = path.join(dir, '.storyfeed-cache');
    const index = path.join(cacheDir, 'records-3.jsonl');
    const before = readFileSync(index);
    writeFileSync(path.join(dir, 'seeds', '2024-01-02-story-1.txt'), 'Story number 1, edited\nAn edited paragraph.\n');
    const held = await acquirePublishLock(cacheDir, cacheDir);
    try {
      const warnings: { code: string; message: string }[] = [];
      const busy = await buildSite({ config, cwd: dir, out: 'other', onWarning: (w) => warnings.push(w) });
      expect(warnings.filter((w) => w.code === 'W_CACHE_BUSY').map((w) => w.message)).toEqual([expect.stringContaining('another build is using the story cache .storyfeed-cache')]);
      expect(busy.cache).toBeUndefined();
      expect(busy.contents['rss.xml']).toContain('Story number 1, edited');
      expect(readFileSync(index).equals(before)).toBe(true);
    } finally {
      await held.release();
    }
    const after = await buildSite({ config, cwd: dir });
    expect(after.cache).toEqual({ hits: 2, misses: 1 });
  });
});

describe('publishFiles and Last-Modified', () => {
  it('gives a changed file a later modification second than the version it replaces, even within one second', async () => {
    const { statSync } = await import('node:fs');
    const out = path.join(dir, 'out');
    await publishFiles(out, { 'rss.xml': 'one', 'same.txt': 'same' });
    const before = statSync(path.join(out, 'rss.xml')).mtimeMs;
    const sameBefore = statSync(path.join(out, 'same.txt')).mtimeMs;
    await publishFiles(out, { 'rss.xml': 'two', 'same.txt': 'same' });
    expect(Math.floor(statSync(path.join(out, 'rss.xml')).mtimeMs / 1000)).toBeGreaterThan(Math.floor(before / 1000));
    expect(statSync(path.join(out, 'same.txt')).mtimeMs).toBe(sameBefore);
  });
});

describe('archives from a seeds folder', () => {
  it('500 generated seeds with a limit of 50: the chain from the subscription feed links every item exactly once', async () => {
    const { readFeed } = await import('../../src/verify/index.js');
    mkdirSync(path.join(dir, 'seeds'));
    for (let i = 0; i < 500; i++) {
      const when = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString();
      writeFileSync(path.join(dir, 'seeds', `story-${String(i).padStart(3, '0')}.md`), `---\ntitle: Story ${i}\ndate: ${when}\n---\nBody of story ${i}.\n`);
    }
    const result = await buildSite({ config: { ...config, archive: true, itemLimit: 50 }, cwd: dir });
    const out = path.join(dir, 'public');
    for (const format of ['rss.xml', 'atom.xml', 'feed.json']) {
      const seen: string[] = [];
      let url: string | undefined = `https://news.example.com/${format}`;
      while (url) {
        const file = path.join(out, new URL(url).pathname);
        const feed = await readFeed(readFileSync(file, 'utf8'));
        seen.push(...feed.items.map((item) => item.id!));
        url = feed.history.prevArchive;
      }
      expect(seen, format).toHaveLength(500);
      expect(new Set(seen).size).toBe(500);
      expect(new Set(seen)).toEqual(new Set(result.stories.map((s) => s.id)));
    }
  }, 120_000);
});

describe('verified outputs kept on disk until published', () => {
  const defaults = { ...outputsInMemory };
  afterEach(() => Object.assign(outputsInMemory, defaults));

  /** A set of `feeds` feeds holding the same items (as tag feeds of one story do). */
  function setOf(feeds: number, items: Pick<FeedItem, 'id' | 'summary' | 'contentHtml' | 'contentText'>[]): FeedSetEntry[] {
    return Array.from({ length: feeds }, (_, i) => ({ kind: 'tag', name: `t${i}`, path: `tags/t${i}/`, document: { items } }) as unknown as FeedSetEntry);
  }
  const noneStored = { storedLength: () => 0 };

  it('go to disk from a number of items, or from the size of what the feeds hold', () => {
    Object.assign(outputsInMemory, { items: 100, chars: 20_000 });
    const small = { id: 'a', summary: 'Sum.', contentHtml: '<p>Body.</p>', contentText: 'Body.' };
    expect(outputsGoToDisk(setOf(3, [small]), noneStored)).toBe(false);
    expect(outputsGoToDisk(setOf(100, [small]), noneStored)).toBe(true);
    // One large item in a few feeds: few items, large outputs.
    const large = { ...small, contentHtml: `<p>${'word '.repeat(600)}</p>`, contentText: 'word '.repeat(600) };
    expect(outputsGoToDisk(setOf(2, [large]), noneStored)).toBe(false);
    expect(outputsGoToDisk(setOf(4, [large]), noneStored)).toBe(true);
    // Bodies the body store holds on disk count by their stored length.
    const light = { ...small, contentHtml: '', contentText: '' };
    expect(outputsGoToDisk(setOf(4, [light]), noneStored)).toBe(false);
    expect(outputsGoToDisk(setOf(4, [light]), { storedLength: () => 6_000 })).toBe(true);
  });

  it('publish the same files as outputs held in memory (tag and author feeds, archive pages)', async () => {
    mkdirSync(path.join(dir, 'seeds'));
    for (let i = 0; i < 12; i++) {
      const tags = ['Energy', 'Grid', `Region ${i % 3}`].join(', ');
      writeFileSync(
        path.join(dir, 'seeds', `story-${i}.md`),
        `---\ntitle: Story ${i}\ndate: 2024-04-${String(i + 1).padStart(2, '0')}\ntags: [${tags}]\nauthor: Writer ${i % 2}\n---\nBody of story ${i}, with \u201cquotes\u201d & more.\n`,
      );
    }
    const site = { ...config, tagFeeds: true, authorFeeds: true, archive: true, itemLimit: 5 };
    const files = (out: string): Record<string, string> => {
      const all: Record<string, string> = {};
      for (const name of readdirSync(out, { recursive: true }) as string[]) if (statSync(path.join(out, name)).isFile()) all[name] = readFileSync(path.join(out, name), 'utf8');
      return all;
    };
    await buildSite({ config: site, cwd: dir, out: 'held', cache: false });
    Object.assign(outputsInMemory, { chars: 1 });
    const spilled = await buildSite({ config: site, cwd: dir, out: 'spilled', cache: false });
    expect(spilled.contents['tags/energy/rss.xml']).toContain('Story 11');
    const held = files(path.join(dir, 'held'));
    expect(Object.keys(held).length).toBeGreaterThan(20);
    expect(files(path.join(dir, 'spilled'))).toEqual(held);
  });
});

describe('drafts', () => {
  it('are named once each: by the reason their seed gives (a page, a post the site keeps for members), or as drafts', async () => {
    mkdirSync(path.join(dir, 'seeds'));
    writeFileSync(path.join(dir, 'seeds', 'out.txt'), '---\ndate: 2024-05-01T08:00:00Z\n---\nPublished story\nAlready out.\n');
    writeFileSync(path.join(dir, 'seeds', 'rough.txt'), '---\ndate: 2024-05-02T08:00:00Z\ndraft: true\n---\nRough story\nNot yet.\n');
    // A page as Ghost's Content API gives it.
    const page = {
      id: '665f1c2ab8e4a10001d3c9f1',
      uuid: '9d2e4c1a-7b3f-4e8a-b6d5-0f1e2a3b4c5e',
      title: 'Contact us',
      slug: 'contact',
      html: '<p>Write to us.</p>',
      comment_id: '665f1c2ab8e4a10001d3c9f1',
      status: 'published',
      visibility: 'public',
      type: 'page',
      created_at: '2024-05-03T08:00:00.000+00:00',
      updated_at: '2024-05-03T08:00:00.000+00:00',
      published_at: '2024-05-03T08:00:00.000+00:00',
    };
    writeFileSync(path.join(dir, 'seeds', 'contact.json'), JSON.stringify({ posts: [page] }));
    for (const cache of [false, true, true]) {
      const warnings: string[] = [];
      await buildSite({ config, cwd: dir, cache, sourceDateEpoch: '1700000000', onWarning: (d) => warnings.push(`${d.code} ${d.file}`) });
      // Warm builds too: the reason comes from the story cache, and the feed stage still does not repeat it.
      expect(warnings.filter((w) => w.startsWith('W_DRAFT')).sort()).toEqual(['W_DRAFT seeds/contact.json', 'W_DRAFT seeds/rough.txt']);
    }
  });
});

describe('stories dated after the build (scheduled posts)', () => {
  const seed = (name: string, text: string): void => writeFileSync(path.join(dir, 'seeds', name), text);

  it('are left out with a W_FUTURE warning each until a build after their date, and published at once with `future: true`', async () => {
    mkdirSync(path.join(dir, 'seeds'));
    seed('today.txt', '---\ndate: 2024-05-01T08:00:00Z\n---\nPublished story\nAlready out.\n');
    seed('monday.txt', '---\ndate: 2024-06-03T08:00:00Z\n---\nScheduled story\nOut on Monday.\n');
    const warnings: string[] = [];
    const now = new Date('2024-06-01T00:00:00Z');
    const before = await buildSite({ config, cwd: dir, now, sourceDateEpoch: '1700000000', onWarning: (d) => warnings.push(`${d.code} ${d.message}`) });
    const titles = (contents: Record<string, string | undefined>): string[] => JSON.parse(contents['feed.json']!).items.map((i: { title: string }) => i.title);
    expect(titles(before.contents)).toEqual(['Published story']);
    expect(warnings.filter((w) => w.startsWith('W_FUTURE'))).toEqual([
      'W_FUTURE "Scheduled story" is dated 2024-06-03T08:00:00.000Z, after this build\'s time (2024-06-01T00:00:00.000Z): it is left out of the feeds until a build after its date; set `future: true` in the config to publish it now',
    ]);
    // A scheduled post is no draft: it is not named as one too.
    expect(warnings.filter((w) => w.startsWith('W_DRAFT'))).toEqual([]);
    await expect(buildSite({ config, cwd: dir, now: new Date('soon'), write: false })).rejects.toMatchObject({
      code: 'E_CONFIG',
      message: expect.stringContaining('`now` must be a valid Date'),
    });
    const after = await buildSite({ config, cwd: dir, now: new Date('2024-06-03T08:00:01Z'), sourceDateEpoch: '1700000000' });
    expect(titles(after.contents)).toEqual(['Scheduled story', 'Published story']);
    rmSync(path.join(dir, 'public'), { recursive: true, force: true });
    const early = await buildSite({ config: { ...config, future: true }, cwd: dir, now, sourceDateEpoch: '1700000000' });
    expect(titles(early.contents)).toEqual(['Scheduled story', 'Published story']);
  });
});

describe("stories whose expiry date (Hugo's `expiryDate`) has passed", () => {
  const seed = (name: string, text: string): void => writeFileSync(path.join(dir, 'seeds', name), text);

  it("are left out with a W_EXPIRED warning each from the build's time on (the clock's, as for scheduled posts, not SOURCE_DATE_EPOCH's)", async () => {
    mkdirSync(path.join(dir, 'seeds'));
    seed('kept.md', '---\ntitle: Kept story\ndate: 2024-05-01T08:00:00Z\n---\nStill out.\n');
    seed('sale.md', '---\ntitle: Spring sale\ndate: 2024-05-01T09:00:00Z\nexpiryDate: 2024-06-01T00:00:00Z\n---\nUntil June.\n');
    seed('toml.md', "+++\ntitle = 'Old notice'\ndate = 2024-05-01T10:00:00Z\nexpirydate = 2024-05-15T00:00:00Z\n+++\nUntil mid-May.\n");
    const titles = (contents: Record<string, string | undefined>): string[] => JSON.parse(contents['feed.json']!).items.map((i: { title: string }) => i.title);
    const before = await buildSite({ config, cwd: dir, now: new Date('2024-05-10T00:00:00Z'), sourceDateEpoch: '1800000000' });
    expect(titles(before.contents)).toEqual(['Old notice', 'Spring sale', 'Kept story']);
    // At its expiry date, not yet expired (as Hugo reads it: expired once the date is past).
    const at = await buildSite({ config, cwd: dir, now: new Date('2024-05-15T00:00:00Z'), write: false });
    expect(titles(at.contents)).toEqual(['Old notice', 'Spring sale', 'Kept story']);
    for (const cache of [false, true]) {
      const warnings: string[] = [];
      const after = await buildSite({
        config,
        cwd: dir,
        cache,
        now: new Date('2024-06-01T00:00:01Z'),
        sourceDateEpoch: '1700000000',
        onWarning: (d) => warnings.push(`${d.code} ${d.file} ${d.message}`),
      });
      expect(titles(after.contents)).toEqual(['Kept story']);
      expect(warnings.filter((w) => w.startsWith('W_EXPIRED')).sort()).toEqual([
        'W_EXPIRED seeds/sale.md "Spring sale" expired at 2024-06-01T00:00:00.000Z, before this build\'s time (2024-06-01T00:00:01.000Z): it is left out of the feeds, as Hugo leaves an expired page out; move or remove its expiry date to publish it',
        'W_EXPIRED seeds/toml.md "Old notice" expired at 2024-05-15T00:00:00.000Z, before this build\'s time (2024-06-01T00:00:01.000Z): it is left out of the feeds, as Hugo leaves an expired page out; move or remove its expiry date to publish it',
      ]);
      // An expired post is no draft: it is not named as one too.
      expect(warnings.filter((w) => w.startsWith('W_DRAFT'))).toEqual([]);
    }
  });
});

describe('buildSite: names and dated folders are read within the seeds folder', () => {
  const site = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', entities: false });

  it('so the working directory changes no byte (regression: a seeds folder named 2024/1/15 dated its seeds from outside it, and only when run from above)', async () => {
    const seeds = path.join(dir, 'archive', '2024', '1', '15');
    mkdirSync(path.join(seeds, '2023', '06', '02'), { recursive: true });
    writeFileSync(path.join(seeds, 'post.md'), '---\ndate: 2024-03-01\n---\nPost\n\nBody.\n');
    writeFileSync(path.join(seeds, '2023', '06', '02', 'older.md'), 'Older\n\nBody.\n');
    mkdirSync(path.join(seeds, 'trip-to-rome'));
    writeFileSync(path.join(seeds, 'trip-to-rome', 'index.md'), '![](rome.jpg)\n');
    const from = async (cwd: string, out: string) => {
      const result = await buildSite({ config: site, cwd, seeds, out: path.join(dir, out) });
      return result.contents;
    };
    const above = await from(dir, 'o1');
    const inside = await from(seeds, 'o2');
    expect(inside['feed.json']).toBe(above['feed.json']);
    const items = (JSON.parse(above['feed.json']!) as { items: { title: string; date_published: string }[] }).items;
    // The dated folders inside the seeds folder date their seed; the seeds folder's own path dates nothing.
    expect(items.find((i) => i.title === 'Older')?.date_published).toBe('2023-06-02T00:00:00.000Z');
    expect(items.find((i) => i.title === 'Trip To Rome')).toBeDefined();
  });

  it("titles no untitled index at the top of the seeds folder by that folder's name (E_EMPTY), whatever the working directory", async () => {
    const seeds = path.join(dir, 'trip-to-rome');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, 'index.md'), '![](rome.jpg)\n');
    writeFileSync(path.join(seeds, 'other.md'), 'Other\n\nBody.\n');
    for (const cwd of [dir, seeds]) {
      const result = await buildSite({ config: site, cwd, seeds, out: path.join(dir, 'out'), keepGoing: true });
      expect(
        result.skipped.map((e) => e.code),
        cwd,
      ).toEqual(['E_EMPTY']);
    }
  });
});
