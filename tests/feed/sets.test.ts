import { describe, expect, it } from 'vitest';
import { buildFeedSet } from '../../src/feed/sets.js';
import { makeStory } from '../support/stories.js';

const site = { siteUrl: 'https://x.example', title: 'X', itemLimit: 5 };
const item = (n: number, tags: string[], authors: string[] = ['Ann']) => ({
  url: `/s${n}`,
  title: `S${n}`,
  contentText: 'A line.',
  published: new Date(Date.UTC(2024, 0, 1) + n * 60_000),
  tags,
  authors,
});

/**
 * Milliseconds per story of a feed set whose stories all share one tag and one author, fastest of
 * `runs`: other work on the machine only ever adds time, so the fastest run is the least disturbed.
 */
function msPerStory(count: number, runs: number): number {
  const stories = Array.from({ length: count }, (_, n) =>
    makeStory({ slug: `s${n}`, published: new Date(Date.UTC(2024, 0, 1) + n * 60_000), tags: ['news', 'News'], authors: [{ name: 'Desk' }] }),
  );
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const set = buildFeedSet(stories, site, { tagFeeds: true, authorFeeds: true });
    fastest = Math.min(fastest, (performance.now() - started) / count);
    expect(set.map((e) => `${e.kind}:${e.name}`)).toEqual(['main:', 'tag:news', 'author:Desk']);
  }
  return fastest;
}

describe('tag and author feeds', () => {
  it('take a story once however many spellings of a tag or author it has, named by the first spelling met', () => {
    const set = buildFeedSet([item(1, ['Nato', 'NATO', ' nato ', 'Energy'], ['Ann', 'ANN']), item(2, ['nato'], ['ann'])], site, { tagFeeds: true, authorFeeds: true });
    const byName = Object.fromEntries(set.filter((e) => e.kind !== 'main').map((e) => [`${e.kind}:${e.name}`, e.document.items.map((i) => i.title)]));
    expect(byName).toEqual({ 'tag:Energy': ['S1'], 'tag:Nato': ['S2', 'S1'], 'author:Ann': ['S2', 'S1'] });
  });

  it('group stories sharing one tag and one author in linear time: cost per story alike at 5,000 and 80,000', () => {
    // Compared with itself, not with the clock: searching a group for each new member made the cost
    // per story grow about six times over this span; a linear grouping keeps it flat.
    msPerStory(2_000, 1);
    let growth = msPerStory(80_000, 1) / msPerStory(5_000, 3);
    if (growth > 3) growth = msPerStory(80_000, 3) / msPerStory(5_000, 5);
    expect(growth).toBeLessThanOrEqual(3);
  }, 60_000);

  it('give tags whose names make the same slug their numbers in linear time: cost per tag alike at 2,000 and 20,000', () => {
    // Names alike in their first 80 characters (a slug's length): each new one walked the numbers
    // taken from 2 up, so the cost per tag grew with their count (about six times over this span).
    const perTag = (count: number, runs: number): number => {
      const items = Array.from({ length: count }, (_, n) => item(n, [`${'a'.repeat(80)}${n}`]));
      let fastest = Number.POSITIVE_INFINITY;
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const set = buildFeedSet(items, site, { tagFeeds: true });
        fastest = Math.min(fastest, (performance.now() - started) / count);
        expect(new Set(set.map((e) => e.path)).size).toBe(count + 1);
        expect(set.at(-1)!.path).toMatch(/^tags\/a{80}-\d+\/$/);
      }
      return fastest;
    };
    perTag(500, 1);
    let growth = perTag(20_000, 1) / perTag(2_000, 3);
    if (growth > 3) growth = perTag(20_000, 3) / perTag(2_000, 5);
    expect(growth).toBeLessThanOrEqual(3);
  }, 120_000);
});
