import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { feedRecord, RecordInterner } from '../../src/node/feed-record.js';
import { loadStories, POOL_MIN_SEEDS } from '../../src/node/load-stories.js';
import { StoryCache } from '../../src/node/story-cache.js';
import { runTask, type NormalizeTask, type WorkerPool } from '../../src/node/workers.js';
import { parseSeed } from '../../src/story/normalize.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-load-stories-'));
  mkdirSync(path.join(dir, 'seeds'));
  writeFileSync(
    path.join(dir, 'seeds', '2024-03-04-port.txt'),
    'Port reopens\n\n“We will reopen the port on Monday,” said Maria Kovalenko, the port director.\n\nMaria Kovalenko said ships would wait outside the harbour.\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const site = { siteUrl: 'https://news.example.com', language: 'en' };
const seeds = (): string => path.join(dir, 'seeds');

describe('loadStories: the body analysis only when something reads it', () => {
  it('gives full stories, analysed as parseSeed analyses them', async () => {
    const { stories } = await loadStories(seeds(), { site, cwd: dir });
    expect(stories[0]!.quotes.length).toBeGreaterThan(0);
    const direct = parseSeed(
      'Port reopens\n\n“We will reopen the port on Monday,” said Maria Kovalenko, the port director.\n\nMaria Kovalenko said ships would wait outside the harbour.\n',
      {
        file: 'seeds/2024-03-04-port.txt',
        site,
      },
    );
    expect(stories[0]!.quotes).toEqual(direct.quotes);
  });

  it('a story cached without the analysis (for feed records) never answers a caller that wants the full story', async () => {
    const cache = new StoryCache(path.join(dir, 'cache'), { site });
    const records = await loadStories(seeds(), { site, cwd: dir, cache, feedRecords: true });
    expect(records.stories[0]!.quotes).toEqual([]);
    expect(cache.counters).toEqual({ hits: 0, misses: 1 });
    const full = await loadStories(seeds(), { site, cwd: dir, cache });
    expect(cache.counters).toEqual({ hits: 0, misses: 2 });
    expect(full.stories[0]!.quotes.length).toBeGreaterThan(0);
    // Each kind now answers from its own entry.
    await loadStories(seeds(), { site, cwd: dir, cache, feedRecords: true });
    const again = await loadStories(seeds(), { site, cwd: dir, cache });
    expect(cache.counters).toEqual({ hits: 2, misses: 2 });
    expect(again.stories[0]!.quotes).toEqual(full.stories[0]!.quotes);
    cache.close();
  });

  it('analyses feed records when entity tags read the analysis', async () => {
    const tagged = { ...site, entityTags: 2 };
    const { stories } = await loadStories(seeds(), { site: tagged, cwd: dir, feedRecords: true });
    const full = await loadStories(seeds(), { site: tagged, cwd: dir });
    expect(full.stories[0]!.tags.length).toBeGreaterThan(0);
    expect(stories[0]!.tags).toEqual(full.stories[0]!.tags);
  });
});

describe('loadStories: seeds handed to worker threads', () => {
  /** A pool of `size` workers that runs each task here, counting the tasks it holds at once. */
  const countingPool = (size: number) => {
    const counts = { running: 0, most: 0, tasks: 0 };
    const pool = {
      available: true,
      size,
      run: async (task: NormalizeTask) => {
        counts.tasks++;
        counts.most = Math.max(counts.most, ++counts.running);
        // Let the other lanes queue their seeds before this one settles.
        await new Promise((resolve) => setImmediate(resolve));
        try {
          return await runTask(task);
        } finally {
          counts.running--;
        }
      },
    };
    return { pool: pool as unknown as WorkerPool, counts };
  };

  it('keeps a bounded number of seeds in flight, and gives the stories in file order as one thread does', async () => {
    const count = POOL_MIN_SEEDS + 50;
    for (let i = 0; i < count; i++) writeFileSync(path.join(seeds(), `story-${String(i).padStart(5, '0')}.txt`), `Story number ${i}\n\nThe body of story ${i}.\n`);
    const { pool, counts } = countingPool(2);
    const pooled = await loadStories(seeds(), { site, cwd: dir, pool, feedRecords: true });
    expect(counts.tasks).toBe(count + 1);
    expect(counts.most).toBeGreaterThan(1);
    expect(counts.most).toBeLessThan(count / 4);
    const alone = await loadStories(seeds(), { site, cwd: dir, feedRecords: true });
    expect(pooled.errors).toEqual([]);
    expect(pooled.stories).toEqual(alone.stories);
  });
});

describe('loadStories: JSON files that hold no story', () => {
  it('skips data and configuration files with a warning naming each, and reads the seeds beside them', async () => {
    const files = {
      'package.json': '{"name": "site", "version": "1.0.0", "description": "My site"}\n',
      'tsconfig.json': '{"compilerOptions": {"strict": true}}\n',
      'data/authors.json': '[{"name": "Ann"}]\n',
      'posts/posts.11tydata.json': '{"layout": "post.njk", "tags": "posts"}\n',
      'posts/2024-05-06-ferry.json': '{"title": "Ferry resumes", "body": "The ferry sails again."}\n',
      'posts/no-body.json': '{"title": "No body"}\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(seeds(), name)), { recursive: true });
      writeFileSync(path.join(seeds(), name), text);
    }
    const warnings: Diagnostic[] = [];
    const loaded = await loadStories(seeds(), { site, cwd: dir, onWarning: (d) => warnings.push(d) });
    expect(loaded.stories.map((s) => s.title).sort()).toEqual(['Ferry resumes', 'Port reopens']);
    // A seed missing its body is still an error.
    expect(loaded.errors.map((e) => [e.code, e.file])).toEqual([['E_FIELD', 'seeds/posts/no-body.json']]);
    const skipped = warnings.filter((w) => w.code === 'W_NOT_A_SEED');
    expect(skipped.map((w) => w.file)).toEqual(['seeds/data/authors.json', 'seeds/package.json', 'seeds/posts/posts.11tydata.json', 'seeds/tsconfig.json']);
    for (const w of skipped) expect(w.message).toMatch(/not a story.*; it is skipped$/);
  });
});

describe('RecordInterner', () => {
  it('shares repeated authors, language and seed path without changing what a record says', () => {
    const seed = '---\ntitle: Port reopens\ntags: [ports, shipping]\n---\nShips wait outside the harbour.\n';
    const story = parseSeed(seed, { file: 'seeds/port.md', site: { ...site, authors: [{ name: 'Desk' }] } });
    const copy = (): typeof story => structuredClone(story);
    const interner = new RecordInterner();
    const file = ['seeds', 'port.md'].join('/');
    const a = interner.intern(feedRecord(copy()), file);
    const b = interner.intern(feedRecord(copy()), file);
    expect(a).toEqual(feedRecord(story));
    expect(b.authors).toBe(a.authors);
    expect(a.tags).toEqual(['ports', 'shipping']);
    expect(b.updated).toBe(b.published);
    expect(b.sections).toBe(a.sections);
    expect(Object.isFrozen(a.entities)).toBe(true);
  });
});

describe('loadStories: a Jekyll post, from whatever folder the build runs in', () => {
  // Regression: whether a file was a Jekyll post was told from its name for messages, relative to the working
  // directory: run from inside `_posts`, the post lost its title from its name and its split categories.
  it('is told by where the file is', async () => {
    const posts = path.join(dir, 'site', '_posts');
    mkdirSync(posts, { recursive: true });
    writeFileSync(path.join(dir, 'site', '_config.yml'), 'title: Site\n');
    writeFileSync(path.join(posts, '2024-01-02-storm-hits-coast.md'), '---\ncategories: news world\n---\nThe storm reached the coast.\n\nBoats stayed in port.\n');
    for (const cwd of [dir, posts]) {
      const { stories, errors } = await loadStories(posts, { site, cwd });
      expect(errors).toEqual([]);
      expect(stories.map((s) => [s.title, s.tags])).toEqual([['Storm Hits Coast', ['news', 'world']]]);
    }
  });
});

describe('loadStories: a Jekyll post needs a Jekyll layout, not a folder named _posts anywhere above it', () => {
  const post = '---\ncategories: news world\n---\nThe storm reached the coast.\n\nBoats stayed in port.\n';
  const asPost = [['Storm Hits Coast', ['news', 'world']]];
  const asSeed = [['The storm reached the coast.', ['news world']]];

  /** The title and tags of the stories read from `folder` (below `dir`). */
  async function read(folder: string, cache?: StoryCache): Promise<unknown[]> {
    const { stories, errors } = await loadStories(path.join(dir, folder), { site, cwd: dir, ...(cache ? { cache } : {}) });
    expect(errors).toEqual([]);
    return stories.map((s) => [s.title, s.tags]);
  }

  /** Writes the post at `file` (below `dir`), and a Jekyll config at `config` when given. */
  function write(file: string, config?: string): void {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), post);
    if (config !== undefined) writeFileSync(path.join(dir, config), 'title: Site\n');
  }

  it('is not one in a project below a _posts folder of no Jekyll site', async () => {
    write('home/_posts/project/seeds/2024-01-02-storm-hits-coast.md');
    expect(await read('home/_posts/project/seeds')).toEqual(asSeed);
  });

  it("is one in a Jekyll site's _posts, a category's, or a folder inside one, built as the seeds folder", async () => {
    write('site/_posts/2024/2024-01-02-storm-hits-coast.md', 'site/_config.toml');
    write('site/news/_posts/2024-01-02-storm-hits-coast.md');
    for (const folder of ['site/_posts', 'site/_posts/2024', 'site/news/_posts']) expect(await read(folder), folder).toEqual(asPost);
  });

  it('is one in a _posts folder inside the seeds folder', async () => {
    write('seeds/_posts/2024-01-02-storm-hits-coast.md');
    expect(await read('seeds')).toEqual([['Port reopens', []], ...asPost]);
  });

  it('is read again from the cache when its site changes (a Jekyll config added above its _posts)', async () => {
    write('site/_posts/2024-01-02-storm-hits-coast.md');
    const cache = new StoryCache(path.join(dir, 'cache'), { site });
    expect(await read('site/_posts', cache)).toEqual(asSeed);
    writeFileSync(path.join(dir, 'site', '_config.yml'), 'title: Site\n');
    expect(await read('site/_posts', cache)).toEqual(asPost);
  });
});

describe("loadStories: a sidecar's title", () => {
  it("with HTML's character references is the characters they name, as a front matter's", async () => {
    writeFileSync(path.join(dir, 'seeds', '2024-03-04-port.meta.yaml'), 'title: "Port&#8217;s reopening &amp; after"\n');
    const { stories } = await loadStories(seeds(), { site, cwd: dir });
    expect(stories[0]!.title).toBe('Port’s reopening & after');
  });
});
