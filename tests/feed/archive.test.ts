import { describe, expect, it } from 'vitest';
import { buildFeedSet, feedSetFiles } from '../../src/feed/sets.js';
import { renderFeeds } from '../../src/render/index.js';
import type { FeedFormat, FeedOutputs } from '../../src/types.js';
import { readFeed, verifyDocument } from '../../src/verify/index.js';
import { makeStory, testSite } from '../support/stories.js';

const stories = Array.from({ length: 500 }, (_, i) =>
  makeStory({
    slug: `story-${String(i).padStart(3, '0')}`,
    published: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000),
    updated: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000),
  }),
);
const site = { ...testSite, archive: true, itemLimit: 50 };

describe('RFC 5005 archives', () => {
  const set = buildFeedSet(stories, site);
  const rendered = new Map<string, string>();
  const outputs = new Map<string, FeedOutputs>();
  for (const entry of set) {
    const out = renderFeeds(entry.document);
    outputs.set(entry.path, out);
    const files = feedSetFiles(entry, site);
    for (const f of ['rss', 'atom', 'json'] as FeedFormat[]) rendered.set(new URL(files[f], testSite.siteUrl).href, out[f]);
  }

  it('keeps the newest 50 in the subscription feed and pages the rest from the oldest', () => {
    expect(set.map((e) => e.path)).toEqual(['', ...Array.from({ length: 9 }, (_, k) => `archive/${k + 1}/`)]);
    expect(set[0]!.document.items).toHaveLength(50);
    expect(set[0]!.document.items[0]!.id).toBe(stories[499]!.id);
    expect(set[1]!.document.items.map((i) => i.id)).toEqual(
      stories
        .slice(0, 50)
        .map((s) => s.id)
        .reverse(),
    );
    expect(set.every((e) => e.document.items.length === 50)).toBe(true);
  });

  it('every page verifies against its document, links included', async () => {
    for (const entry of set) {
      const report = await verifyDocument(outputs.get(entry.path)!, entry.document);
      expect(report.problems, entry.path).toEqual([]);
    }
  });

  it.each(['rss', 'atom', 'json'] as FeedFormat[])('readFeed walks the %s chain from the subscription feed to the oldest page, seeing every item once', async (format) => {
    const seen: string[] = [];
    let url: string | undefined = new URL(feedSetFiles(set[0]!, site)[format], testSite.siteUrl).href;
    let pages = 0;
    const current = url;
    while (url) {
      const feed = await readFeed(rendered.get(url)!, { format });
      seen.push(...feed.items.map((i) => i.id!));
      if (pages > 0 && format !== 'json') {
        expect(feed.history.archive).toBe(true);
        expect(feed.history.current).toBe(current);
      }
      url = feed.history.prevArchive;
      pages++;
    }
    expect(pages).toBe(10);
    expect(seen).toHaveLength(500);
    expect(new Set(seen).size).toBe(500);
    expect([...seen].sort()).toEqual(stories.map((s) => s.id).sort());
  });

  it('archive pages link to the newer page, and the oldest has no older page', () => {
    const oldest = set[1]!.document.history!;
    expect(oldest.prevArchive).toBeUndefined();
    expect(oldest.nextArchive?.atom).toBe('https://news.example.com/archive/2/atom.xml');
    expect(set[9]!.document.history!.nextArchive).toBeUndefined();
    expect(outputs.get('archive/3/')!.atom).toContain('<fh:archive/>');
    expect(outputs.get('archive/3/')!.rss).toMatch(/<fh:archive\s*\/>/);
  });

  it('a small feed has no archive pages and no history links', () => {
    const small = buildFeedSet(stories.slice(0, 10), site);
    expect(small).toHaveLength(1);
    expect(small[0]!.document.history).toBeUndefined();
  });
});
