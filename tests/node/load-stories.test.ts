import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStories } from '../../src/node/load-stories.js';
import { StoryCache } from '../../src/node/story-cache.js';
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
