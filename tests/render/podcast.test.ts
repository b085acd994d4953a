import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { buildFeeds } from '../../src/pipeline.js';
import type { PodcastChannel, SiteConfig } from '../../src/types.js';
import { checkWellFormedXml, compareFeed, crossCheck, readFeed, verifyDocument } from '../../src/verify/index.js';
import { verifyExtensions } from '../../src/verify/extension-fields.js';

const root = path.resolve(import.meta.dirname, '../..');

const podcast: PodcastChannel = {
  image: 'https://p.example/art.jpg',
  categories: [{ text: 'News', subcategory: 'Daily News' }],
  explicit: false,
  owner: { name: 'O', email: 'o@p.example' },
};
const show: SiteConfig = { siteUrl: 'https://p.example', title: 'Show', description: 'A show.', podcast };
const episode = {
  url: '/1',
  title: 'One',
  published: '2024-01-01T00:00:00Z',
  summary: 'First.',
  enclosures: [{ url: 'https://p.example/1.mp3', type: 'audio/mpeg', length: 10, duration: 61 }],
  episode: { episode: 1, season: 2, episodeType: 'trailer' as const, explicit: true },
};

describe('podcast feeds', () => {
  it('examples/podcast.mjs builds three episodes with every tag Apple requires, and verify reads every field back', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'examples/podcast.mjs')], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('3 episodes; enclosures, iTunes and podcast: fields read back from RSS, Atom and JSON Feed: no problems');
    const rss = out.slice(0, out.lastIndexOf('</rss>') + 6);
    expect(checkWellFormedXml(rss).ok).toBe(true);
    // Apple Podcasts: required channel tags, then required episode tags (three episodes).
    for (const tag of ['<title>', '<description>', '<language>', '<itunes:image href=', '<itunes:category text=', '<itunes:explicit>']) expect(rss, tag).toContain(tag);
    for (const tag of [
      '<enclosure url=',
      '<guid ',
      '<itunes:duration>',
      '<itunes:episode>',
      '<itunes:season>',
      '<itunes:episodeType>',
      '<podcast:transcript ',
      '<podcast:chapters ',
    ]) {
      expect(rss.split(tag).length - 1, tag).toBe(3);
    }
    for (const tag of ['<itunes:author>', '<itunes:owner>', '<itunes:type>serial</itunes:type>', '<podcast:guid>', '<podcast:locked owner=']) expect(rss, tag).toContain(tag);
  });

  it('verifyExtensions reports a changed or missing podcast field', () => {
    const { outputs, document } = buildFeeds([episode], show);
    expect(verifyExtensions(outputs, document)).toEqual([]);
    const tampered = outputs.rss.replace('<itunes:explicit>true</itunes:explicit>', '<itunes:explicit>false</itunes:explicit>').replace(/<enclosure [^>]*\/>/, '');
    const fields = verifyExtensions({ rss: tampered }, document).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['itunes:explicit', 'enclosure', 'apple.enclosure']));
    const json = JSON.parse(outputs.json);
    json.items[0].attachments[0].size_in_bytes = 11;
    expect(verifyExtensions({ json: JSON.stringify(json) }, document).map((p) => p.field)).toEqual(['attachments']);
  });

  it('writes durations as clock times (the W3C validator rejects plain seconds), read back as seconds', () => {
    const long = { ...episode, url: '/2', episode: { duration: 3 * 3600 + 5 * 60 + 7 } };
    const { outputs, document } = buildFeeds([episode, long], show);
    expect(outputs.rss).toContain('<itunes:duration>1:01</itunes:duration>');
    expect(outputs.rss).toContain('<itunes:duration>3:05:07</itunes:duration>');
    // The W3C feed validator's rule for itunes:duration.
    for (const m of outputs.rss.matchAll(/<itunes:duration>([^<]*)</g)) expect(m[1]).toMatch(/([0-9]?[0-9]:)?[0-5]?[0-9]:[0-5][0-9]$/);
    expect(verifyExtensions(outputs, document)).toEqual([]);
  });

  it("puts an item's files before its image in Atom, where apps take the first enclosure for the item's media", async () => {
    // Not a podcast: the image is an enclosure too, after the files.
    const site: SiteConfig = { siteUrl: 'https://p.example', title: 'Site' };
    const item = { url: '/1', title: 'One', published: '2024-01-01T00:00:00Z', summary: 'First.', enclosures: episode.enclosures, image: 'https://p.example/cover.jpg' };
    const { outputs, document } = buildFeeds([item], site);
    const enclosures = [...outputs.atom.matchAll(/<link rel="enclosure" href="([^"]*)"/g)].map((m) => m[1]);
    expect(enclosures).toEqual(['https://p.example/1.mp3', 'https://p.example/cover.jpg']);
    expect(outputs.atom).toContain('<link rel="enclosure" href="https://p.example/cover.jpg" type="image/jpeg"/>');
    expect(verifyExtensions(outputs, document)).toEqual([]);
    const atom = await readFeed(outputs.atom);
    expect(atom.items[0]?.image?.url).toBe('https://p.example/cover.jpg');
    expect(compareFeed(atom, document, 'atom')).toEqual([]);
  });

  it("never gives an item's image as an enclosure in a podcast, where apps take any enclosure for the episode: it is media:content in RSS and Atom, image in JSON Feed", async () => {
    const cover = 'https://p.example/cover.jpg';
    const post = { url: '/notes', title: 'Notes', published: '2024-01-02T00:00:00Z', summary: 'A text post.', image: cover };
    const { outputs, document } = buildFeeds([{ ...episode, image: cover }, post], show);
    const rss = await readFeed(outputs.rss);
    const atom = await readFeed(outputs.atom);
    const json = await readFeed(outputs.json);
    for (const feed of [rss, atom]) {
      // The episode's only enclosure is its audio; the text post has none.
      expect(feed.items.map((i) => i.enclosures.map((e) => e.url))).toEqual([[], ['https://p.example/1.mp3']]);
    }
    for (const feed of [rss, atom, json]) expect(feed.items.map((i) => i.image?.url)).toEqual([cover, cover]);
    expect(outputs.rss).not.toMatch(/<enclosure url="https:\/\/p\.example\/cover\.jpg"/);
    expect(outputs.atom).not.toContain(`<link rel="enclosure" href="${cover}"`);
    expect(outputs.atom).toContain(`<media:content url="${cover}" medium="image" type="image/jpeg"/>`);
    expect(checkWellFormedXml(outputs.atom).ok).toBe(true);
    // The text post has no file, as Apple requires of an episode (the build warns W_PODCAST_EPISODE): its picture no longer stands in for one.
    expect(verifyExtensions(outputs, document).map((p) => `${p.itemId} ${p.field}`)).toEqual(['https://p.example/notes apple.enclosure']);
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
    expect(crossCheck([rss, atom, json]).problems).toEqual([]);
    // The verifier expects no image enclosure in a podcast: one put back is reported.
    const withImageEnclosure = outputs.rss.replace(
      '<media:content url="https://p.example/cover.jpg"',
      `<enclosure url="${cover}" length="0" type="image/jpeg"/><media:content url="https://p.example/cover.jpg"`,
    );
    expect((await verifyDocument({ rss: withImageEnclosure }, document)).problems.map((p) => `${p.itemId} ${p.field}`)).toContain('https://p.example/notes enclosure');
  });

  it('accepts only Apple Podcasts categories', () => {
    expect(() => buildFeeds([episode], { ...show, podcast: { ...podcast, categories: [{ text: 'Cooking' }] } })).toThrow(/"Cooking" is not an Apple Podcasts category/);
    expect(() => buildFeeds([episode], { ...show, podcast: { ...podcast, categories: [{ text: 'News', subcategory: 'Cooking' }] } })).toThrow(
      /"Cooking" is not a subcategory of "News"/,
    );
    expect(() => buildFeeds([episode], { ...show, podcast: { ...podcast, categories: [{ text: 'Technology' }, { text: 'Arts', subcategory: 'Food' }] } })).not.toThrow();
  });

  it('refuses a podcast without the channel tags Apple requires', () => {
    try {
      buildFeeds([episode], { ...show, podcast: { categories: [] } as unknown as PodcastChannel });
      expect.unreachable();
    } catch (error) {
      expect(isStoryfeedError(error) && error.code).toBe('E_CONFIG');
      expect(String(error)).toMatch(/podcast\.image.*podcast\.categories.*podcast\.explicit/s);
    }
  });
});

describe('custom elements and JSON Feed extensions', () => {
  const site: SiteConfig = { siteUrl: 'https://x.example', title: 'X', namespaces: { ex: 'https://x.example/ns#' } };

  it('appear in all three formats and are read back', () => {
    const { outputs, document } = buildFeeds(
      [
        {
          url: '/a',
          title: 'A',
          published: '2024-01-01',
          extensions: { xml: { 'ex:rating': ['general', 'kids'], 'dc:rights': 'CC BY' }, json: { _ex: { rating: ['general'], nested: { deep: true } } } },
        },
      ],
      { ...site, extensions: { xml: { 'ex:channel': 'news' }, json: { _ex: { channel: 'news' } } } },
    );
    expect(outputs.rss).toContain('xmlns:ex="https://x.example/ns#"');
    expect(outputs.atom).toContain('<ex:rating>kids</ex:rating>');
    expect(JSON.parse(outputs.json)._ex).toEqual({ channel: 'news' });
    expect(JSON.parse(outputs.json).items[0]._ex).toEqual({ rating: ['general'], nested: { deep: true } });
    expect(verifyExtensions(outputs, document)).toEqual([]);
  });

  it('escape any text exactly once (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (a, b) => {
        const { outputs, document } = buildFeeds(
          [{ url: '/a', title: 'A', published: '2024-01-01', extensions: { xml: { 'ex:v': [a, `${b}]]><x>&amp;`] }, json: { _v: { a, b } } } }],
          site,
        );
        expect(checkWellFormedXml(outputs.rss).ok).toBe(true);
        expect(checkWellFormedXml(outputs.atom).ok).toBe(true);
        expect(verifyExtensions(outputs, document)).toEqual([]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});
