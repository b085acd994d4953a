import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, StoryfeedError } from '../../src/errors.js';
import { buildFeedDocument, feedUrls } from '../../src/feed/document.js';
import { renderFeeds } from '../../src/render/index.js';
import type { Story } from '../../src/types.js';
import { costGrowth } from '../support/linear.js';
import { makeStory, testSite } from '../support/stories.js';

/** The E_DUPLICATE_ID error a document of `stories` stops with. */
function duplicateIdError(stories: Story[]): StoryfeedError | undefined {
  try {
    buildFeedDocument(stories, testSite);
  } catch (e) {
    expect((e as StoryfeedError).code).toBe('E_DUPLICATE_ID');
    return e as StoryfeedError;
  }
  return undefined;
}

describe('buildFeedDocument', () => {
  const a = makeStory({ slug: 'a', published: new Date('2024-01-01T00:00:00Z'), updated: new Date('2024-03-01T00:00:00Z') });
  const b = makeStory({ slug: 'b', published: new Date('2024-02-01T00:00:00Z'), updated: new Date('2024-02-01T00:00:00Z') });
  const c = makeStory({ slug: 'c', published: new Date('2024-02-01T00:00:00Z'), updated: new Date('2024-02-01T00:00:00Z') });

  it('orders newest first, ties by id, and sets updated to the newest item date', () => {
    const doc = buildFeedDocument([a, c, b], testSite);
    expect(doc.items.map((i) => i.id)).toEqual([b.id, c.id, a.id]);
    expect(doc.updated.toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('never reads the clock nor makes up 1970: an empty feed is dated by the option or defaultDate, else refused', () => {
    expect(() => buildFeedDocument([], testSite)).toThrow(/E_UNDATED/);
    expect(buildFeedDocument([], testSite, { emptyFeedDate: new Date(Date.UTC(2024, 1, 3, 0, 0, 5)) }).updated.toISOString()).toBe('2024-02-03T00:00:05.000Z');
    expect(() => buildFeedDocument([], { ...testSite, defaultDate: '1970-01-05' })).toThrow(/defaultDate.*within weeks of the Unix epoch/);
    expect(buildFeedDocument([], { ...testSite, defaultDate: '2024-02-03' }).updated.toISOString()).toBe('2024-02-03T00:00:00.000Z');
  });

  it('applies the item limit after sorting', () => {
    expect(buildFeedDocument([a, b, c], { ...testSite, itemLimit: 1 }).items.map((i) => i.id)).toEqual([b.id]);
  });

  it('refuses duplicate ids, naming both files', () => {
    const dup = makeStory({ slug: 'a', file: 'seeds/other.txt' });
    expect(() => buildFeedDocument([{ ...a, file: 'seeds/a.txt' }, dup], testSite)).toThrow(
      expect.objectContaining({
        code: 'E_DUPLICATE_ID',
        message: expect.stringMatching(/seeds\/a\.txt.*seeds\/other\.txt/),
      }),
    );
  });

  it('lists every shared id at once, and tells apart names that differ only in Unicode normalization', () => {
    const nfc = 'seeds/caf\u00e9.md';
    const nfd = 'seeds/cafe\u0301.md';
    const stories = [
      makeStory({ slug: 'a', file: 'seeds/a.txt' }),
      makeStory({ slug: 'a', file: 'seeds/A.txt' }),
      makeStory({ slug: 'b', file: nfc }),
      makeStory({ slug: 'b', file: nfd }),
      makeStory({ slug: 'c', file: 'seeds/c1.txt' }),
      makeStory({ slug: 'c', file: 'seeds/c2.txt' }),
      makeStory({ slug: 'c', file: 'seeds/c3.txt' }),
    ];
    const error = duplicateIdError(stories);
    expect(error?.problems).toHaveLength(3);
    expect(error?.problems[1]).toBe(
      `https://news.example.com/b is the id of both ${nfc} (written in Unicode NFC, precomposed form) and ${nfd} (written in Unicode decomposed form)`,
    );
    expect(error?.problems[2]).toMatch(/is the id of seeds\/c1\.txt, seeds\/c2\.txt and seeds\/c3\.txt$/);
  });

  it('names plain items (no file) by their place in the list given, as titles may repeat (it named only the titles)', () => {
    const items = [
      { url: 'https://news.example.com/x', title: 'Weekly digest', published: '2024-01-01' },
      { url: 'https://news.example.com/y', title: 'Other', published: '2024-01-02', draft: true },
      { url: 'https://news.example.com/x', title: 'Weekly digest', published: '2024-01-08' },
    ];
    let error: StoryfeedError | undefined;
    try {
      buildFeedDocument(items, testSite);
    } catch (e) {
      error = e as StoryfeedError;
    }
    expect(error?.code).toBe('E_DUPLICATE_ID');
    expect(error?.detail).toBe('https://news.example.com/x is the id of both items[0] ("Weekly digest") and items[2] ("Weekly digest")');
    // The same story given twice is named at each of its places.
    const story = makeStory({ slug: 'twice', title: 'Twice' });
    let twice: StoryfeedError | undefined;
    try {
      buildFeedDocument([story, makeStory({ slug: 'other' }), story], testSite);
    } catch (e) {
      twice = e as StoryfeedError;
    }
    expect(twice?.detail).toMatch(/is the id of both items\[0\] \("Twice"\) and items\[2\] \("Twice"\)$/);
  });

  it('names ten of the stories sharing one id and counts the rest, in linear time (each was compared with every other)', async () => {
    // The stories are made before timing, so only the check is timed (making 20,000 stories is most of the work, and its collections the noise).
    const made = new Map<number, Story[]>();
    const storiesOf = (n: number): Story[] =>
      made.get(n) ??
      (made.set(
        n,
        Array.from({ length: n }, (_, i) => makeStory({ slug: 'index', file: `seeds/post-${i}/index.md` })),
      ),
      storiesOf(n));
    for (const n of [500, 2_000, 20_000]) storiesOf(n);
    const shared = (n: number): void => {
      const error = duplicateIdError(storiesOf(n));
      expect(error?.message).toMatch(new RegExp(`is the id of seeds/post-0/index\\.md, seeds/post-1/index\\.md, .*seeds/post-9/index\\.md and ${n - 10} more`));
    };
    expect(await costGrowth(shared, 2_000, 20_000, 3)).toBeLessThanOrEqual(3);
  });

  it('leaves drafts out with a warning', () => {
    const warnings: Diagnostic[] = [];
    const doc = buildFeedDocument([a, makeStory({ slug: 'd', draft: true, file: 'd.md' })], testSite, { onWarning: (w) => warnings.push(w) });
    expect(doc.items).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_DRAFT', file: 'd.md' })]);
  });

  it('removes characters XML forbids from every item string and warns', () => {
    const warnings: Diagnostic[] = [];
    const bad = makeStory({ slug: 'x', title: 'T\u000bi\uFFFEt', summary: 'S\u0000', contentHtml: '<p>\uD800x</p>', tags: ['a\u0001'], file: 'x.txt' });
    const doc = buildFeedDocument([bad], testSite, { onWarning: (w) => warnings.push(w) });
    expect(doc.items[0]).toMatchObject({ title: 'Tit', summary: 'S', contentHtml: '<p>x</p>', tags: ['a'] });
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_ILLEGAL_CHAR', file: 'x.txt' })]);
  });

  it('falls back to the site authors and marks items in another language', () => {
    const doc = buildFeedDocument([makeStory({ slug: 'u', language: 'uk' })], testSite);
    expect(doc.items[0]!.authors).toEqual(testSite.authors);
    expect(doc.items[0]!.language).toBe('uk');
  });

  it('gives each format its own self link', () => {
    expect(feedUrls({ siteUrl: 'https://x.example/blog', outputs: { json: 'index.json' } })).toEqual({
      rss: 'https://x.example/blog/rss.xml',
      atom: 'https://x.example/blog/atom.xml',
      json: 'https://x.example/blog/index.json',
    });
    expect(feedUrls({ siteUrl: 'https://x.example/', feedBaseUrl: 'https://feeds.example/' }).rss).toBe('https://feeds.example/rss.xml');
  });
});

describe('item titles and tags', () => {
  const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', 'a', 'b', 'é');
  const text = fc.array(space, { minLength: 1, maxLength: 12 }).map((parts) => `x${parts.join('')}`);

  it('have white space collapsed to single spaces and trimmed, whatever the white space (property)', () => {
    fc.assert(
      fc.property(text, text, (title, tag) => {
        const doc = buildFeedDocument([makeStory({ slug: 't', title, tags: [tag, `${tag} `] })], testSite);
        const item = doc.items[0]!;
        expect(item.title).toBe(title.replace(/\s+/g, ' ').trim());
        expect(item.tags).toEqual([tag.replace(/\s+/g, ' ').trim()]);
      }),
      { numRuns: 500 },
    );
  });

  it('share the story’s title when there is nothing to collapse', () => {
    const story = makeStory({ slug: 'p', title: ['Port', 'reopens', 'after', 'storm'].join(' ') });
    expect(buildFeedDocument([story], testSite).items[0]!.title).toBe(story.title);
  });
});

describe('podcast episodes', () => {
  const show = {
    ...testSite,
    podcast: { image: 'https://example.com/art.jpg', categories: [{ text: 'Technology' }], explicit: false, owner: { name: 'Ann', email: 'ann@example.com' } },
  };
  const audio = [{ url: 'https://example.com/1.mp3', type: 'audio/mpeg', length: 1200 }];
  const warningsOf = (stories: Story[], site: typeof testSite = show): Diagnostic[] => {
    const warnings: Diagnostic[] = [];
    buildFeedDocument(stories, site, { onWarning: (d) => warnings.push(d) });
    return warnings;
  };

  it('warns once of the episodes podcast apps leave out: those without an enclosure or a title, named by file', () => {
    const stories = [
      makeStory({ slug: 'played', published: new Date('2024-03-01T00:00:00Z'), enclosures: audio }),
      makeStory({ slug: 'notes', file: 'seeds/notes.md', published: new Date('2024-02-01T00:00:00Z') }),
      makeStory({ slug: 'untitled', title: '', published: new Date('2024-01-01T00:00:00Z'), enclosures: audio }),
    ];
    expect(warningsOf(stories).map((w) => [w.code, w.message])).toEqual([
      [
        'W_PODCAST_EPISODE',
        "1 without an enclosure (the audio or video file) and 1 without a title of the podcast's 3 episodes: Apple Podcasts and other podcast apps leave such episodes out (seeds/notes.md, https://news.example.com/untitled)",
      ],
    ]);
  });

  it('names the first few of many, and says nothing of a complete podcast or of a feed that is no podcast', () => {
    const many = Array.from({ length: 8 }, (_, i) => makeStory({ slug: `s${i}`, published: new Date(Date.UTC(2024, 0, i + 1)) }));
    expect(warningsOf(many)[0]?.message).toMatch(
      /^8 without an enclosure .* of the podcast's 8 episodes: .*\(https:\/\/news\.example\.com\/s7, .*, https:\/\/news\.example\.com\/s3 and 3 more\)$/,
    );
    expect(warningsOf([makeStory({ slug: 'played', enclosures: audio })])).toEqual([]);
    expect(warningsOf(many, testSite)).toEqual([]);
  });

  it("warns once when items have episode fields but the site has no podcast settings (the feed carried the episodes' iTunes elements without a word)", () => {
    const episodes = [
      makeStory({ slug: 'e2', file: 'seeds/e2.md', published: new Date('2024-02-01T00:00:00Z'), enclosures: audio, episode: { duration: 60, episode: 2 } }),
      makeStory({ slug: 'e1', file: 'seeds/e1.md', published: new Date('2024-01-01T00:00:00Z'), enclosures: audio, episode: { duration: 60, episode: 1 } }),
    ];
    expect(warningsOf(episodes, testSite)).toEqual([expect.objectContaining({ code: 'W_NOT_A_PODCAST', file: 'seeds/e2.md' })]);
    expect(warningsOf(episodes)).toEqual([]);
  });

  it("gives the show's artwork as the feed's picture when the site gives no logo or icon (RSS <image>, Atom <logo>, JSON Feed icon), never over one given", () => {
    const art = show.podcast.image;
    const episodes = [makeStory({ slug: 'e', enclosures: audio })];
    const doc = buildFeedDocument(episodes, show);
    expect(doc.logo).toBe(art);
    const outputs = renderFeeds(doc);
    expect(outputs.rss).toMatch(new RegExp(`<image>\\s*<title>[^<]*</title>\\s*<url>${art}</url>`));
    expect(outputs.atom).toContain(`<logo>${art}</logo>`);
    expect(JSON.parse(outputs.json).icon).toBe(art);
    // A logo or an icon of the site's own stays the feed's picture.
    const logo = 'https://example.com/logo.png';
    const icon = 'https://example.com/icon.png';
    expect(buildFeedDocument(episodes, { ...show, logo })).toMatchObject({ logo });
    const withIcon = buildFeedDocument(episodes, { ...show, icon });
    expect([withIcon.logo, withIcon.icon]).toEqual([undefined, icon]);
    expect(JSON.parse(renderFeeds(withIcon).json).icon).toBe(icon);
    // A feed that is no podcast has no artwork to give.
    expect(buildFeedDocument(episodes, testSite).logo).toBeUndefined();
  });

  it("gives the episode's duration to its file when the file has none, so JSON Feed's attachment carries it too", () => {
    const video = { url: 'https://example.com/1.mp4', type: 'video/mp4', length: 9000 };
    const [item] = buildFeedDocument([makeStory({ slug: 'e', enclosures: [...audio, video], episode: { duration: 1500 } })], show).items;
    expect(item!.enclosures).toEqual([{ ...audio[0], duration: 1500 }, video]);
    const own = buildFeedDocument([makeStory({ slug: 'e', enclosures: [{ ...audio[0]!, duration: 1499 }], episode: { duration: 1500 } })], show).items[0]!;
    expect(own.enclosures?.[0]?.duration).toBe(1499);
    const outputs = renderFeeds(buildFeedDocument([makeStory({ slug: 'e', enclosures: audio, episode: { duration: 1500 } })], show));
    expect(JSON.parse(outputs.json).items[0].attachments[0].duration_in_seconds).toBe(1500);
    expect(outputs.rss).toContain('duration="1500"');
  });
});
