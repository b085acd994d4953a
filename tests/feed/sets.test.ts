import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { buildFeedSet, feedSetFiles, feedSlugs } from '../../src/feed/sets.js';
import { renderFeeds } from '../../src/render/index.js';
import { costGrowth } from '../support/linear.js';
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

/** A feed set of `count` stories sharing one tag and one author. */
function sharedTagSet(count: number): void {
  const stories = Array.from({ length: count }, (_, n) =>
    makeStory({ slug: `s${n}`, published: new Date(Date.UTC(2024, 0, 1) + n * 60_000), tags: ['news', 'News'], authors: [{ name: 'Desk' }] }),
  );
  const set = buildFeedSet(stories, site, { tagFeeds: true, authorFeeds: true });
  expect(set.map((e) => `${e.kind}:${e.name}`)).toEqual(['main:', 'tag:news', 'author:Desk']);
}

/** A feed set of `count` stories, each with a tag of its own whose name makes the same slug as the others'. */
function collidingSlugSet(count: number): void {
  const items = Array.from({ length: count }, (_, n) => item(n, [`${'a'.repeat(80)}${n}`]));
  const set = buildFeedSet(items, site, { tagFeeds: true });
  expect(new Set(set.map((e) => e.path)).size).toBe(count + 1);
  expect(set.at(-1)!.path).toMatch(/^tags\/a{80}-\d+\/$/);
}

describe('tag and author feeds', () => {
  it('take a story once however many spellings of a tag or author it has, named by the first spelling met', () => {
    const set = buildFeedSet([item(1, ['Nato', 'NATO', ' nato ', 'Energy'], ['Ann', 'ANN']), item(2, ['nato'], ['ann'])], site, { tagFeeds: true, authorFeeds: true });
    const byName = Object.fromEntries(set.filter((e) => e.kind !== 'main').map((e) => [`${e.kind}:${e.name}`, e.document.items.map((i) => i.title)]));
    expect(byName).toEqual({ 'tag:Energy': ['S1'], 'tag:Nato': ['S2', 'S1'], 'author:Ann': ['S2', 'S1'] });
  });

  it("of a podcast are podcasts of the show's settings, without the show's podcast:guid, which names the main feed alone", () => {
    const guid = 'c2a9e8a3-5f25-5d8e-8b7a-4b3e9a0d8f11';
    const podcast = { image: 'https://x.example/art.jpg', categories: [{ text: 'History' }], explicit: false, guid, locked: true };
    const episode = (n: number) => ({ ...item(n, ['season 1']), enclosures: [{ url: `https://x.example/${n}.mp3`, type: 'audio/mpeg', length: 100 }] });
    const set = buildFeedSet([episode(1), episode(2)], { ...site, podcast }, { tagFeeds: true, authorFeeds: true });
    expect(set.map((e) => [e.kind, e.document.podcast?.guid])).toEqual([
      ['main', guid],
      ['tag', undefined],
      ['author', undefined],
    ]);
    for (const e of set) expect(e.document.podcast).toMatchObject({ image: podcast.image, categories: podcast.categories, explicit: false, locked: true });
    const [main, tag] = set.map((e) => renderFeeds(e.document).rss);
    expect(main).toContain(`<podcast:guid>${guid}</podcast:guid>`);
    expect(tag).not.toContain('podcast:guid');
  });

  it('make one feed, and one category on an item, of a tag written precomposed (NFC) and decomposed (NFD)', () => {
    const nfc = 'Caf\u00e9';
    const nfd = 'Cafe\u0301';
    const set = buildFeedSet([item(1, [nfc, nfd]), item(2, [nfd])], site, { tagFeeds: true });
    const tagFeeds = set.filter((e) => e.kind === 'tag');
    expect(tagFeeds.map((e) => [e.name, e.path])).toEqual([[nfc, 'tags/cafe/']]);
    expect(tagFeeds[0]!.document.items.map((i) => i.tags)).toEqual([[nfc], [nfc]]);
    // A slug an earlier build recorded under the decomposed name stays the feed's (its address never moves).
    const kept = buildFeedSet([item(1, [nfd])], site, { tagFeeds: true, slugs: { tags: { 'cafe\u0301': 'cafe-2', cafe: 'cafe' }, authors: {} } });
    expect(kept.filter((e) => e.kind === 'tag').map((e) => e.path)).toEqual(['tags/cafe-2/']);
  });

  it('group stories sharing one tag and one author in linear time: cost per story alike at 5,000 and 80,000', async () => {
    // Searching a group for each new member made the cost per story grow ten times over this span.
    expect(await costGrowth(sharedTagSet, 5_000, 80_000, 3)).toBeLessThanOrEqual(3);
  }, 60_000);

  it('give tags whose names make the same slug their numbers in linear time: cost per tag alike at 2,000 and 20,000', async () => {
    // Names alike in their first 80 characters (a slug's length): each new one walked the numbers
    // taken from 2 up, so the cost per tag grew ten times over this span.
    expect(await costGrowth(collidingSlugSet, 2_000, 20_000, 3)).toBeLessThanOrEqual(3);
  }, 120_000);
});

describe('tags as items carry them and tag feeds group them', () => {
  it('are one tag when they differ in white space, Unicode form or case: one feed, one category per item', () => {
    const stories = [
      makeStory({ slug: 'a', tags: ['New  York', 'AI', 'ai'] }),
      makeStory({ slug: 'b', tags: ['New York', ' Café'] }),
      makeStory({ slug: 'c', tags: ['new york\t', 'Cafe\u0301'] }),
    ];
    const set = buildFeedSet(stories, site, { tagFeeds: true });
    const tagFeeds = set.filter((e) => e.kind === 'tag').map((e) => [e.path, e.document.items.length]);
    expect(tagFeeds).toEqual([
      ['tags/ai/', 1],
      ['tags/cafe/', 2],
      ['tags/new-york/', 3],
    ]);
    const main = set[0]!.document.items;
    expect(main.map((i) => i.tags)).toEqual(
      expect.arrayContaining([
        ['New York', 'AI'],
        ['New York', 'Café'],
        ['new york', 'Café'],
      ]),
    );
  });
});

describe('feedSetFiles and feedSlugs given what buildFeedSet did not make', () => {
  const set = () => buildFeedSet([item(1, ['Harbour'])], site, { tagFeeds: true, authorFeeds: true });

  /** The problem `call` stops with: a StoryfeedError of `code` (a TypeError fails the test). */
  function problem(call: () => unknown, code: string): string {
    try {
      call();
    } catch (error) {
      expect(isStoryfeedError(error) && error.code, String(error)).toBe(code);
      return (error as Error).message;
    }
    throw new Error('no error');
  }

  it('give the files and slugs of a set as before', () => {
    const entries = set();
    expect(entries.map((e) => feedSetFiles(e, { outputs: { rss: 'index.xml' } }).rss)).toEqual(['index.xml', 'tags/harbour/index.xml', 'authors/ann/index.xml']);
    expect(feedSetFiles(entries[1]!, {})).toEqual({ rss: 'tags/harbour/rss.xml', atom: 'tags/harbour/atom.xml', json: 'tags/harbour/feed.json' });
    expect(feedSlugs(entries, { tags: { nato: 'nato' }, authors: {} })).toEqual({ tags: { harbour: 'harbour', nato: 'nato' }, authors: { ann: 'ann' } });
  });

  it('refuse an entry, a site or recorded slugs of the wrong shape by name, never with a TypeError', () => {
    const [main] = set();
    expect(problem(() => feedSetFiles(undefined as never, {}), 'E_ITEM')).toMatch(/^feedSetFiles: entry must be an object, found nothing/);
    expect(problem(() => feedSetFiles({ ...main!, path: 3 } as never, {}), 'E_ITEM')).toMatch(/^feedSetFiles: entry\.path must be text, found number 3/);
    expect(problem(() => feedSetFiles(main!, undefined as never), 'E_CONFIG')).toMatch(/^feedSetFiles: site must be the site settings, found nothing/);
    expect(problem(() => feedSetFiles(main!, { outputs: { rss: '../x.xml' } }), 'E_CONFIG')).toMatch(/^feedSetFiles: site outputs\.rss: must be a plain file name/);
    const unreadable = {
      get outputs(): never {
        throw new Error('boom');
      },
    };
    expect(problem(() => feedSetFiles(main!, unreadable), 'E_CONFIG')).toMatch(/^feedSetFiles: site\.outputs cannot be read: boom/);
    expect(problem(() => feedSlugs(undefined as never), 'E_ITEM')).toMatch(/^feedSlugs: entries must be a list of feeds/);
    expect(problem(() => feedSlugs([null] as never), 'E_ITEM')).toMatch(/^feedSlugs: entries\[0\] must be an object, found null/);
    expect(problem(() => feedSlugs([{ kind: 'tag', path: 'tags/x/' }] as never), 'E_ITEM')).toMatch(/^feedSlugs: entries\[0\]\.name is required/);
    expect(problem(() => feedSlugs(set(), { tags: 'x' } as never), 'E_ITEM')).toMatch(/^feedSlugs: previous\.tags must be an object, found "x"/);
  });
});
