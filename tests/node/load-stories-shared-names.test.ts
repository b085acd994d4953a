import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { bodiesInMemory } from '../../src/node/body-store.js';
import { buildSite } from '../../src/node/build.js';
import { loadStories } from '../../src/node/load-stories.js';
import { StoryCache } from '../../src/node/story-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-shared-names-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const site = { siteUrl: 'https://news.example.com', language: 'en' };

/** Writes seeds (path in the seeds folder → text). */
function seeds(files: Record<string, string>): string {
  const root = path.join(dir, 'seeds');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const seed = (title: string, date: string, more = ''): string => `---\ntitle: ${title}\ndate: ${date}\n${more}---\n${title}: the text, with [a link](notes.html).\n`;

describe('seeds whose files have the same name in different folders', () => {
  it('are named by their paths when their names would give them one id; every other story keeps its id', async () => {
    const root = seeds({
      '2023/hello.md': seed('Hello 2023', '2023-02-02'),
      '2024/hello.md': seed('Hello 2024', '2024-02-02'),
      'hello.md': seed('Hello', '2022-02-02'),
      'posts/one/index.md': seed('One', '2024-03-01'),
      'drafts/one/index.md': seed('One, a draft', '2024-03-02', 'draft: true\n'),
      'other/port.md': seed('Port', '2024-04-01'),
      'more/port.md': seed('Port again', '2024-04-02', 'slug: port-again\n'),
    });
    const { stories, errors } = await loadStories(root, { site, cwd: dir });
    expect(errors).toEqual([]);
    expect(Object.fromEntries(stories.map((s) => [s.file, s.id]))).toEqual({
      'seeds/2023/hello.md': 'https://news.example.com/2023-hello',
      'seeds/2024/hello.md': 'https://news.example.com/2024-hello',
      // Directly in the seeds folder, its path is its name.
      'seeds/hello.md': 'https://news.example.com/hello',
      // A draft publishes no item: it shares no id.
      'seeds/drafts/one/index.md': 'https://news.example.com/one',
      'seeds/posts/one/index.md': 'https://news.example.com/one',
      'seeds/other/port.md': 'https://news.example.com/port',
      'seeds/more/port.md': 'https://news.example.com/port-again',
    });
    expect(stories.find((s) => s.file === 'seeds/2023/hello.md')!.contentHtml).toContain('href="https://news.example.com/notes.html"');
  });

  it('are named by their paths but for the earliest dated, which keeps its id (it was likely published first)', async () => {
    const root = seeds({
      '2024/hello.md': seed('Hello 2024', '2024-02-02'),
      '2023/hello.md': seed('Hello 2023', '2023-02-02'),
      'b/same-day.md': seed('Same day B', '2024-05-05'),
      'a/same-day.md': seed('Same day A', '2024-05-05'),
      'x/undated.md': '# Undated X\n\nText.\n',
      'y/undated.md': '# Undated Y\n\nText.\n',
    });
    const { stories, errors } = await loadStories(root, { site, cwd: dir, fallbackDate: new Date('2025-01-01T00:00:00Z') });
    expect(errors).toEqual([]);
    expect(Object.fromEntries(stories.map((s) => [s.file, s.slug]))).toEqual({
      'seeds/2023/hello.md': 'hello',
      'seeds/2024/hello.md': '2024-hello',
      // One date: the first in file order keeps the name.
      'seeds/a/same-day.md': 'same-day',
      'seeds/b/same-day.md': 'b-same-day',
      // Undated stories' dates are not known yet: none keeps the name.
      'seeds/x/undated.md': 'x-undated',
      'seeds/y/undated.md': 'y-undated',
    });
  });

  it('keep sharing an id their front matter gives, for the build to refuse', async () => {
    const root = seeds({ 'a/hello.md': seed('A', '2024-01-01', 'slug: hello\n'), 'b/hello.md': seed('B', '2024-01-02', 'slug: hello\n') });
    const { stories } = await loadStories(root, { site, cwd: dir });
    expect(stories.map((s) => s.id)).toEqual(['https://news.example.com/hello', 'https://news.example.com/hello']);
  });

  it('are named the same way from the story cache', async () => {
    const root = seeds({ '2023/hello.md': seed('Hello 2023', '2023-02-02'), '2024/hello.md': seed('Hello 2024', '2024-02-02') });
    const ids = async (): Promise<string[]> => {
      const cache = new StoryCache(path.join(dir, 'cache'), { site });
      try {
        return (await loadStories(root, { site, cwd: dir, cache })).stories.map((s) => s.id);
      } finally {
        cache.close();
      }
    };
    const cold = await ids();
    expect(cold).toEqual(['https://news.example.com/hello', 'https://news.example.com/2024-hello']);
    expect(await ids()).toEqual(cold);
  });

  it('are published by a build, each with its own body, also when the bodies wait on disk', async () => {
    seeds({ '2023/hello.md': seed('Hello 2023', '2023-02-02'), '2024/hello.md': seed('Hello 2024', '2024-02-02') });
    // Links resolve against each story's URL: a body read under the first name would link elsewhere.
    const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false, storyPath: 'news/{slug}/' });
    const defaultInMemory = bodiesInMemory.stories;
    try {
      // Cold and warm (from the story cache's index) with every body on disk, then warm with them in memory.
      for (const inMemory of [0, 0, defaultInMemory]) {
        bodiesInMemory.stories = inMemory;
        const result = await buildSite({ config, cwd: dir, write: false });
        const feed = JSON.parse(result.contents['feed.json']!) as { items: { id: string; content_html: string }[] };
        expect(feed.items.map((item) => [item.id, item.content_html])).toEqual([
          ['https://news.example.com/news/2024-hello/', '<p>Hello 2024: the text, with <a href="https://news.example.com/news/2024-hello/notes.html">a link</a>.</p>'],
          ['https://news.example.com/news/hello/', '<p>Hello 2023: the text, with <a href="https://news.example.com/news/hello/notes.html">a link</a>.</p>'],
        ]);
      }
    } finally {
      bodiesInMemory.stories = defaultInMemory;
    }
  });
});
