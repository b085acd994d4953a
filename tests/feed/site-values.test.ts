import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { feedUrls } from '../../src/feed/document.js';
import { buildFeedSet, feedSetFiles } from '../../src/feed/sets.js';
import { resolveSite } from '../../src/feed/site.js';
import { buildFeeds } from '../../src/pipeline.js';
import { verifyDocument } from '../../src/verify/index.js';

/** Site settings passed to the library as plain JavaScript: every bad value is `E_CONFIG` naming the setting. */

const site = { siteUrl: 'https://x.example', title: 'X' };
const podcast = { image: 'https://x.example/art.jpg', categories: [{ text: 'Technology' }], explicit: false };
const item = () => ({ url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentHtml: '<p>Hi.</p>', tags: ['t'] });
const episode = () => ({ ...item(), enclosures: [{ url: 'https://x.example/a.mp3', type: 'audio/mpeg', length: 1 }] });

function configProblem(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (!isStoryfeedError(error)) throw new Error(`expected a StoryfeedError, got ${String(error)}`);
    expect(error.code).toBe('E_CONFIG');
    return error.message;
  }
  throw new Error('expected the call to fail');
}

describe('site settings from plain JavaScript', () => {
  it('URL settings must be http(s) URLs (a feed never links to javascript: or a relative hub)', () => {
    for (const key of ['feedBaseUrl', 'hub', 'icon', 'favicon', 'logo']) {
      for (const value of ['', ' ', '/relative', 'javascript:alert(1)', 'data:text/html,x', 'http://', 'https://u:p@x.example/', 'https://exa mple.com/']) {
        expect(configProblem(() => buildFeeds([item()], { ...site, [key]: value }))).toContain(`${key}: must be an absolute http(s) URL`);
      }
    }
    expect(configProblem(() => buildFeeds([item()], { ...site, stylesheet: 'javascript:alert(1)' }))).toContain('stylesheet: must be a path or an http(s) URL');
    expect(buildFeeds([item()], { ...site, stylesheet: 'feed.xsl' }).outputs.rss).toContain('href="feed.xsl"');
  });

  it('numbers, flags, outputs and authors are checked', () => {
    expect(configProblem(() => buildFeeds([item()], { ...site, itemLimit: 10n as never }))).toContain('itemLimit: must be a whole number');
    expect(configProblem(() => buildFeeds([item()], { ...site, itemLimit: Symbol('x') as never }))).toContain('itemLimit: must be a whole number');
    expect(configProblem(() => buildFeeds([item()], { ...site, entityTags: -1 }))).toContain('entityTags: must be a whole number');
    // The same ranges as the configuration file's; an item limit of 0 with archive pages made pages of no item without end.
    expect(configProblem(() => buildFeedSet([item()], { ...site, itemLimit: 0, archive: true }))).toContain('itemLimit: must be a whole number from 1 to 1000000000');
    expect(configProblem(() => buildFeeds([item()], { ...site, entityTags: 101 }))).toContain('entityTags: must be a whole number from 0 to 100');
    expect(configProblem(() => buildFeeds([item()], { ...site, archive: 'yes' as never }))).toContain('archive: must be true or false');
    expect(configProblem(() => buildFeeds([item()], { ...site, outputs: { rss: 5 } as never }))).toContain('outputs.rss: must be a plain file name');
    expect(configProblem(() => buildFeeds([item()], { ...site, outputs: { rss: '//evil.example/x' } }))).toContain('outputs.rss: must be a plain file name');
    expect(configProblem(() => buildFeeds([item()], { ...site, authors: [{ name: 'A', url: 'javascript:x' }] }))).toContain('authors[0].url: must be an absolute http(s) URL');
    expect(configProblem(() => buildFeeds([item()], { ...site, authors: [{ name: 'A', email: 5 as never }] }))).toContain('authors[0].email: is not an email address');
  });

  it('a time zone must be one Intl knows: an unknown one is named, not a RangeError while reading an item’s date', () => {
    for (const timeZone of ['Invalid/Zone', 'EST5EDT6', 'Europe/Kiev ', ''])
      expect(
        configProblem(() => buildFeeds([{ ...item(), published: '2024-03-01T10:00:00' }], { ...site, timeZone })),
        timeZone,
      ).toMatch(/timeZone: ".*" is not an IANA time zone/);
    expect(configProblem(() => resolveSite({ ...site, timeZone: 'Mars/Olympus_Mons' }))).toMatch(/timeZone: "Mars\/Olympus_Mons" is not an IANA time zone/);
    const { document } = buildFeeds([{ ...item(), published: '2024-03-01T10:00:00' }], { ...site, timeZone: 'Europe/Kyiv' });
    expect(document.items[0]?.published.toISOString()).toBe('2024-03-01T08:00:00.000Z');
  });

  it('podcast fields are checked before rendering (no TypeError, no DataCloneError)', () => {
    for (const value of [5, [], {}, () => 1, Symbol('s')]) {
      expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, guid: value as never } }))).toContain('podcast.guid: must be text');
      expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, author: value as never } }))).toContain('podcast.author: must be text');
    }
    expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, block: () => 1 } as never }))).toContain('podcast.block: is not a podcast setting');
    expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, owner: { name: 'A', email: 'nope' } } }))).toContain('podcast.owner.email');
  });

  it('refuses a podcast:guid that is no UUID, which apps and directories read as none', () => {
    for (const guid of [
      'https://pod.example/rss.xml',
      'urn:uuid:917393e3-1b1e-5cef-ace4-edaa54e1f810',
      '917393e31b1e5ceface4edaa54e1f810',
      ' 917393e3-1b1e-5cef-ace4-edaa54e1f810',
    ])
      expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, guid } }))).toContain('podcast.guid: must be a UUID');
    for (const guid of ['917393e3-1b1e-5cef-ace4-edaa54e1f810', '9B024349-CCF0-5F69-A609-6B82873EAB3C'])
      expect(buildFeeds([episode()], { ...site, podcast: { ...podcast, guid } }).outputs.rss).toContain(`<podcast:guid>${guid}</podcast:guid>`);
  });

  it("refuses podcast names over Apple's 255 characters, which would fail the feed's own verification (W3C's limit too)", async () => {
    const long = 'é'.repeat(256);
    expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, author: long } }))).toContain('podcast.author: at most 255 characters');
    expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, owner: { name: long, email: 'a@x.example' } } }))).toContain(
      'podcast.owner.name: at most 255 characters',
    );
    // Without an author, itunes:author is the site's authors' names: given podcast.author, that is no longer so.
    const authors = Array.from({ length: 30 }, (_, i) => ({ name: `Reporter Number ${i}` }));
    expect(configProblem(() => buildFeeds([episode()], { ...site, authors, podcast }))).toContain(
      "podcast.author: is needed: without it, itunes:author is the site's authors' names",
    );
    const verified = async (settings: Parameters<typeof buildFeeds>[1]) => {
      const { document, outputs } = buildFeeds([episode()], settings);
      return (await verifyDocument(outputs, document)).problems;
    };
    expect(await verified({ ...site, authors, podcast: { ...podcast, author: 'The Desk' } })).toEqual([]);
    // 255 characters (an emoji counts once) pass, and the feed verifies.
    expect(await verified({ ...site, podcast: { ...podcast, author: '🎙'.repeat(255) } })).toEqual([]);
  });

  it('refuses show and episode artwork in a format Apple Podcasts does not take (GIF, WebP, SVG…); JPEG, PNG and URLs of no extension pass', () => {
    for (const image of ['https://x.example/art.webp', 'https://x.example/art.SVG', 'https://x.example/cover.gif?v=2']) {
      expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, image } }))).toContain(
        `podcast.image: is a .${image
          .slice(image.lastIndexOf('.') + 1)
          .split('?')[0]!
          .toLowerCase()} image, and Apple Podcasts takes artwork only in JPEG or PNG (.jpg, .png), found "${image}"`,
      );
    }
    for (const image of ['https://x.example/art.jpg', 'https://x.example/art.JPEG', 'https://x.example/art.png?v=2', 'https://cdn.x.example/artwork/3000']) {
      expect(buildFeeds([episode()], { ...site, podcast: { ...podcast, image } }).outputs.rss).toContain(`<itunes:image href="${image}"/>`);
    }
    let episodeProblem = '';
    try {
      buildFeeds([{ ...episode(), episode: { image: '/ep1.webp' } }], { ...site, podcast });
    } catch (error) {
      episodeProblem = `${isStoryfeedError(error) ? error.code : ''} ${String((error as Error).message)}`;
    }
    expect(episodeProblem).toContain('E_ITEM items[0].episode.image is a .webp image, and Apple Podcasts takes artwork only in JPEG or PNG');
  });

  it('getters and proxies that throw, cycles and sparse lists name the setting', () => {
    const getter = Object.defineProperty({}, 'rss', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(configProblem(() => buildFeeds([item()], { ...site, outputs: getter }))).toContain('outputs.rss: cannot be read: boom');
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('keys boom');
        },
      },
    );
    expect(configProblem(() => buildFeeds([item()], { ...site, namespaces: proxy }))).toContain('namespaces: cannot be read: keys boom');
    expect(
      configProblem(() =>
        resolveSite(
          new Proxy(site, {
            get: () => {
              throw new Error('site boom');
            },
          }),
        ),
      ),
    ).toContain('site boom');
    const cyclic: Record<string, unknown> = { xml: {} };
    cyclic.self = cyclic;
    expect(configProblem(() => buildFeeds([item()], { ...site, extensions: cyclic as never }))).toContain('extensions.self: refers back');
    // biome-ignore lint/suspicious/noSparseArray: a sparse list is the hostile input under test
    expect(configProblem(() => buildFeeds([episode()], { ...site, podcast: { ...podcast, categories: [, ,] as never } }))).toContain('podcast.categories[0]: is an empty slot');
    // biome-ignore lint/suspicious/noSparseArray: as above
    expect(configProblem(() => buildFeeds([item()], { ...site, authors: [, { name: 'A' }] as never }))).toContain('authors[0]: is an empty slot');
  });

  it('a resolved site resolves to an equal site', () => {
    const resolved = resolveSite({ ...site, podcast, authors: [{ name: 'A', email: 'a@x.example' }], stylesheet: 'feed.xsl' });
    expect(resolveSite(resolved)).toEqual(resolved);
  });

  it('any value in any setting is a feed set or a StoryfeedError (property)', () => {
    const keys = [
      'siteUrl',
      'title',
      'description',
      'language',
      'authors',
      'feedBaseUrl',
      'storyPath',
      'outputs',
      'itemLimit',
      'archive',
      'copyright',
      'icon',
      'favicon',
      'logo',
      'hub',
      'stylesheet',
      'entityTags',
      'entities',
      'defaultDate',
      'timeZone',
      'undated',
      'content',
      'contentLimit',
      'podcast',
      'namespaces',
      'extensions',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        try {
          buildFeedSet([episode()], { ...site, podcast, [key]: value } as never, { tagFeeds: true, authorFeeds: true });
        } catch (error) {
          expect(isStoryfeedError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('characters XML forbids in a setting are removed with one warning naming the setting (regression: two identical "from the site config" lines)', () => {
    const { warnings, document } = buildFeeds([item()], { ...site, title: 'X\u0000', authors: [{ name: 'A\u001b' }] });
    expect(document.title).toBe('X');
    const messages = warnings.map((w) => w.message);
    expect(messages.filter((m) => m.includes('U+0000'))).toEqual([expect.stringContaining("removed U+0000 (1 character) that XML forbids from the site's `title`")]);
    expect(messages).toContainEqual(expect.stringContaining("removed U+001B (1 character) that XML forbids from the site's `authors[0].name`"));
  });
});

describe('site addresses with [ and ]', () => {
  it('are published percent-encoded, as a configuration file gives them, so the feeds verify', async () => {
    const site = {
      siteUrl: 'https://e.example/',
      title: 'X',
      icon: 'https://e.example/icon.png?v[1]=2',
      logo: 'https://e.example/logo.png?v[1]=2',
      hub: 'https://hub.example/?a[b]=1',
      authors: [{ name: 'Ann', url: 'https://e.example/ann?x[1]=1' }],
      podcast: { image: 'https://e.example/art.jpg?s[w]=3000', categories: [{ text: 'History' }], explicit: false },
    };
    const { outputs, document } = buildFeeds(
      [{ url: '/a', title: 'A', published: '2024-03-05T10:00:00Z', contentText: 'Body.', enclosures: [{ url: '/a.mp3', type: 'audio/mpeg', length: 1 }] }],
      site,
    );
    for (const text of [outputs.rss, outputs.atom, outputs.json]) expect(text).not.toMatch(/\?(?:v|a|x|s)\[/);
    expect(outputs.atom).toContain('<icon>https://e.example/icon.png?v%5B1%5D=2</icon>');
    expect(outputs.rss).toContain('https://e.example/art.jpg?s%5Bw%5D=3000');
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
  });
});

describe("a site's outputs", () => {
  it('keep the default name of a format given as undefined, as for one not given', () => {
    const site = { siteUrl: 'https://e.example/', title: 'X', outputs: { rss: undefined, json: 'items.json' } };
    expect(feedUrls(site)).toEqual({ rss: 'https://e.example/rss.xml', atom: 'https://e.example/atom.xml', json: 'https://e.example/items.json' });
    const [main] = buildFeedSet([{ url: '/a', title: 'A', published: '2024-03-05T10:00:00Z', contentText: 'Body.' }], site);
    expect(feedSetFiles(main!, site)).toEqual({ rss: 'rss.xml', atom: 'atom.xml', json: 'items.json' });
  });

  it('name a file for each format: two formats in one file is E_CONFIG naming the second', () => {
    expect(() => resolveSite({ siteUrl: 'https://e.example/', title: 'X', outputs: { rss: 'feed.xml', atom: 'feed.xml' } })).toThrow(
      expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining(`outputs.atom: "feed.xml" is already the rss feed's file`) }),
    );
    expect(() => resolveSite({ siteUrl: 'https://e.example/', title: 'X', outputs: { json: 'rss.xml' } })).toThrow(/outputs\.json: "rss\.xml" is already the rss feed's file/);
  });

  it('name files that differ in more than case: RSS.xml and rss.xml are one file on macOS and Windows', () => {
    expect(() => resolveSite({ siteUrl: 'https://e.example/', title: 'X', outputs: { rss: 'RSS.xml', atom: 'rss.xml' } })).toThrow(
      expect.objectContaining({
        code: 'E_CONFIG',
        message: expect.stringContaining(`outputs.atom: "rss.xml" is already the rss feed's file ("RSS.xml") on a file system that ignores case`),
      }),
    );
    expect(() => resolveSite({ siteUrl: 'https://e.example/', title: 'X', outputs: { json: 'ATOM.xml' } })).toThrow(
      /outputs\.json: "ATOM\.xml" is already the atom feed's file \("atom\.xml"\)/,
    );
    expect(resolveSite({ siteUrl: 'https://e.example/', title: 'X', outputs: { rss: 'RSS.xml', atom: 'Atom.xml' } }).outputs).toEqual({ rss: 'RSS.xml', atom: 'Atom.xml' });
  });
});
