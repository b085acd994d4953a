import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { buildFeedDocument } from '../../src/feed/document.js';
import { buildFeedSet } from '../../src/feed/sets.js';
import { buildFeeds } from '../../src/pipeline.js';
import { itemToStory, toStories } from '../../src/item/index.js';
import { resolveSite } from '../../src/feed/site.js';
import { discoveryLinks } from '../../src/feed/discovery.js';
import { feedUrls } from '../../src/feed/document.js';
import { decodeSeedBytes } from '../../src/seed/decode.js';
import { storyToJson } from '../../src/story/json.js';
import { slugify } from '../../src/story/slug.js';
import { renderIndexPage } from '../../src/site/index-page.js';

/**
 * Values a plain JavaScript caller can pass that are not plain data: getters and proxies that
 * throw, sparse lists, renderers that return the wrong shape. Each is an `E_ITEM` or `E_CONFIG`
 * error naming the field, never the caller's exception or a `TypeError` from inside the build.
 */

const site = { siteUrl: 'https://x.example', title: 'X' };
const podcastSite = { ...site, podcast: { image: 'https://x.example/art.jpg', categories: [{ text: 'Technology' }], explicit: false } };
const item = () => ({ url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentHtml: '<p>Hi there.</p>' });
const episode = () => ({ ...item(), enclosures: [{ url: 'https://x.example/a.mp3', type: 'audio/mpeg', length: 1 }] });

const throwingGetter = (key = 'url'): never =>
  Object.defineProperty<object>({}, key, {
    enumerable: true,
    get() {
      throw new Error('getter boom');
    },
  }) as never;
const throwingProxy = (): never =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('proxy boom');
      },
      ownKeys() {
        throw new Error('keys boom');
      },
      has() {
        throw new Error('has boom');
      },
      getOwnPropertyDescriptor() {
        throw new Error('descriptor boom');
      },
    },
  ) as never;
// biome-ignore lint/suspicious/noSparseArray: a sparse list is the hostile input under test
const sparse = (): unknown[] => [, ,];

function problemOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (!isStoryfeedError(error)) throw new Error(`expected a StoryfeedError, got ${String(error)}`);
    return { code: error.code, message: error.message };
  }
  throw new Error('expected the call to fail');
}

describe('plain items that are not plain data', () => {
  it('a getter or proxy that throws names the item and the field', () => {
    expect(problemOf(() => buildFeeds([throwingGetter() as never], site))).toMatchObject({
      code: 'E_ITEM',
      message: expect.stringMatching(/^items\[0\]\.url cannot be read: getter boom/),
    });
    expect(problemOf(() => buildFeeds([throwingProxy() as never], site)).code).toBe('E_ITEM');
    for (const field of ['image', 'episode', 'extensions', 'authors'] as const) {
      const value = field === 'authors' ? [throwingProxy()] : throwingProxy();
      expect(problemOf(() => buildFeeds([{ ...item(), [field]: value }], site)).message).toMatch(new RegExp(`^items\\[0\\]\\.${field}`));
    }
    expect(problemOf(() => buildFeeds([{ ...item(), image: throwingGetter() }], site)).message).toMatch(/^items\[0\]\.image\.url cannot be read: getter boom/);
    expect(problemOf(() => buildFeeds([{ ...item(), extensions: { xml: throwingGetter() } }], site)).message).toMatch(/^items\[0\]\.extensions\.xml\.url cannot be read/);
    expect(problemOf(() => buildFeeds([{ ...item(), extensions: { json: { _ex: throwingProxy() } } }], site)).message).toMatch(/^items\[0\]\.extensions\.json\["_ex"\]/);
    expect(problemOf(() => buildFeeds([{ ...item(), episode: { chapters: throwingGetter() } }], site)).message).toMatch(/^items\[0\]\.episode\.chapters\.url cannot be read/);
  });

  it('a getter that throws under a key that is no identifier names it in brackets, as the README writes it', () => {
    const rssItem = Object.defineProperty<object>({ link: 'https://x.example/a', title: 'A', pubDate: '2024-01-02T03:04:05Z' }, 'content:encoded', {
      enumerable: true,
      get() {
        throw new Error('getter boom');
      },
    });
    expect(problemOf(() => buildFeeds([rssItem as never], site)).message).toMatch(/^items\[0\]\["content:encoded"\] cannot be read: getter boom/);
    const withElement = { ...item(), extensions: { xml: throwingGetter('media:rating') } };
    expect(problemOf(() => buildFeeds([withElement as never], site)).message).toMatch(/^items\[0\]\.extensions\.xml\["media:rating"\] cannot be read: getter boom/);
  });

  it('a getter that throws inside a WordPress post’s { rendered } field names the field', () => {
    const post = { link: 'https://x.example/p', title: { rendered: 'P' }, content: { rendered: '<p>Body.</p>' }, date_gmt: '2024-03-05T00:00:00' };
    for (const field of ['title', 'content', 'excerpt', 'guid'] as const) {
      expect(
        problemOf(() => buildFeeds([{ ...post, [field]: throwingGetter('rendered') }], site)),
        field,
      ).toMatchObject({
        code: 'E_ITEM',
        message: expect.stringMatching(new RegExp(`^items\\[0\\]\\.${field}\\.rendered cannot be read: getter boom`)),
      });
    }
    expect(problemOf(() => buildFeeds([{ ...post, title: throwingProxy() }], site)).message).toMatch(/^items\[0\]\.title\.rendered cannot be read: proxy boom/);
  });

  it('a proxy of a Date is named as no Date, never a TypeError from reading its time', () => {
    const posing = new Proxy(new Date('2024-03-05T00:00:00Z'), {});
    const expected = { code: 'E_ITEM', message: expect.stringMatching(/must be a Date or an ISO 8601 string, found an object posing as a Date/) };
    expect(problemOf(() => buildFeeds([{ ...item(), published: posing }], site))).toMatchObject(expected);
    expect(problemOf(() => buildFeeds([{ ...item(), updated: posing }], site)).message).toMatch(/^items\[0\]\.updated must be a Date/);
    expect(problemOf(() => buildFeeds([{ url: 'https://x.example/a', title: 'A' }], site, { fallbackDate: posing })).message).toMatch(/^options\.fallbackDate must be a Date/);
    // A Date whose prototype was changed still holds its time: it is read as a Date.
    const plain = Object.setPrototypeOf(new Date('2024-03-05T00:00:00Z'), Object.prototype) as Date;
    expect(buildFeeds([{ ...item(), published: plain }], site).document.items[0]!.published.toISOString()).toBe('2024-03-05T00:00:00.000Z');
  });

  it('a class instance with getters on its prototype is read like a plain object', () => {
    class Row {
      get url() {
        return 'https://x.example/row';
      }
      get title() {
        return 'Row';
      }
      get published() {
        return '2024-01-02T03:04:05Z';
      }
    }
    const { document } = buildFeeds([new Row() as never], site);
    expect(document.items[0]).toMatchObject({ url: 'https://x.example/row', title: 'Row' });
  });

  it('a sparse list is refused by the slot, not skipped by one pass and read as undefined by the next', () => {
    expect(problemOf(() => buildFeeds(sparse() as never, site)).message).toMatch(/^items\[0\] is an empty slot/);
    expect(problemOf(() => buildFeeds([{ ...episode(), enclosures: sparse() as never }], podcastSite)).message).toMatch(/^items\[0\]\.enclosures\[0\] is an empty slot/);
    expect(problemOf(() => buildFeeds([{ ...item(), tags: Object.assign(['a'], { length: 3 }) as never }], site)).message).toMatch(/^items\[0\]\.tags\[1\] is an empty slot/);
    expect(problemOf(() => buildFeeds([{ ...episode(), episode: { transcripts: sparse() as never } }], podcastSite)).message).toMatch(/transcripts\[0\] is an empty slot/);
  });

  it('a renderer or analyser returning the wrong shape is named', () => {
    const markdownItem = { url: 'https://x.example/a', title: 'A', published: '2024-01-02', contentMarkdown: '# Hi' };
    expect(problemOf(() => buildFeeds([markdownItem], site, { markdown: (() => 1) as never })).message).toMatch(/^items\[0\]\.contentMarkdown .*renderMarkdown/);
    expect(problemOf(() => buildFeeds([item()], site, { analyze: (() => ({})) as never })).message).toMatch(/^options\.analyze returned no article analysis/);
  });

  it('options that are null, throw or are not objects', () => {
    expect(buildFeedSet([item()], site, null as never)).toHaveLength(1);
    expect(buildFeedDocument([item()], site, null as never).items).toHaveLength(1);
    expect(toStories([item()], site, null as never)).toHaveLength(1);
    expect(itemToStory(item(), 0, site, null as never).url).toBe('https://x.example/a');
    expect(problemOf(() => toStories([item()], site, 5 as never)).message).toMatch(/^options must be an object, found number 5/);
    expect(problemOf(() => itemToStory(item(), 0, site, throwingGetter('fallbackDate') as never)).code).toBe('E_ITEM');
    expect(problemOf(() => buildFeeds([item()], site, throwingProxy() as never)).code).toBe('E_ITEM');
    expect(problemOf(() => buildFeedSet([item()], site, throwingGetter('analyze') as never)).code).toBe('E_ITEM');
  });

  it('options of the wrong type, invalid Dates and dates no feed may carry are named, never a TypeError or RangeError', () => {
    const undated = { url: 'https://x.example/a', title: 'A' };
    const cases: [string, () => unknown, RegExp][] = [
      ['fallbackDate', () => buildFeeds([undated], site, { fallbackDate: new Date('x') }), /^options\.fallbackDate is an invalid Date/],
      ['fallbackDate', () => buildFeeds([undated], site, { fallbackDate: '2024-01-01' as never }), /^options\.fallbackDate must be a Date, found "2024-01-01"/],
      ['fallbackDate', () => buildFeeds([undated], site, { fallbackDate: new Date(8.64e15) }), /^options\.fallbackDate \+275760-09-13T00:00:00\.000Z is out of range/],
      ['fallbackDate', () => buildFeedDocument([undated], site, { fallbackDate: new Date('x') }), /^options\.fallbackDate is an invalid Date/],
      ['fallbackDate', () => buildFeedSet([undated], site, { fallbackDate: new Date(Number.NaN) }), /^options\.fallbackDate is an invalid Date/],
      ['emptyFeedDate', () => buildFeeds([], site, { emptyFeedDate: new Date(Number.NaN) }), /^options\.emptyFeedDate is an invalid Date/],
      ['emptyFeedDate', () => buildFeedSet([], site, { emptyFeedDate: new Date(-1e15) }), /^options\.emptyFeedDate .* is out of range/],
      ['onWarning', () => buildFeedSet([item()], site, { onWarning: 5 as never }), /^options\.onWarning must be a function, found number 5/],
      ['tagFeeds', () => buildFeedSet([item()], site, { tagFeeds: 5 as never }), /^options\.tagFeeds must be true or false/],
      ['authorFeeds', () => buildFeedSet([item()], site, { authorFeeds: 'yes' as never }), /^options\.authorFeeds must be true or false/],
      [
        'maxContentBytes',
        () => buildFeedSet([], site, { maxContentBytes: -1, emptyFeedDate: new Date('2024-03-05T00:00:00Z') }),
        /^options\.maxContentBytes must be a whole number/,
      ],
    ];
    for (const [name, call, pattern] of cases) {
      const error = problemOf(call);
      expect(error.code, name).toBe('E_ITEM');
      expect(error.message, name).toMatch(pattern);
    }
    // The edges of what feeds carry are fine.
    expect(buildFeeds([undated], site, { fallbackDate: new Date('9999-12-31T23:59:59Z') }).outputs.rss).toContain('9999');
  });

  it('the exported helpers given the wrong kind of argument name it, never a TypeError', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => slugify(5 as never), /^slugify: text must be text, found number 5/],
      [() => slugify('a', 0), /^slugify: maxLength must be a whole number above 0/],
      [() => storyToJson(null as never), /^storyToJson: story must be a Story/],
      [() => storyToJson({} as never), /^storyToJson: story must be a Story .* found a mapping/],
      [() => renderIndexPage(5 as never, () => ({ rss: '', atom: '', json: '' })), /^renderIndexPage: entries must be a feed set/],
      [() => renderIndexPage([], 5 as never), /^renderIndexPage: files must be a function/],
      [() => discoveryLinks(5 as never), /^discoveryLinks: documents must be a list of feed documents/],
      [() => discoveryLinks([], ['xml' as never]), /^discoveryLinks: formats must be a list of "rss", "atom" and "json"/],
      [() => feedUrls(5 as never), /^feedUrls: site must be the site settings with siteUrl/],
      [() => feedUrls({ siteUrl: 'notaurl' }), /^feedUrls: "notaurl" is not an absolute URL/],
      [() => decodeSeedBytes('x' as never), /^decodeSeedBytes: bytes must be the file's bytes .* found "x"/],
    ];
    for (const [call, pattern] of cases) expect(problemOf(call).message).toMatch(pattern);
    // What they are for still works.
    expect(slugify('Café au lait')).toBe('cafe-au-lait');
    expect(feedUrls({ siteUrl: 'https://x.example' }).rss).toBe('https://x.example/rss.xml');
  });

  it('any value in any field is an output or a StoryfeedError (property)', () => {
    const hostile = fc.oneof(
      fc.anything(),
      // Made on use: fast-check inspects constants, which a throwing proxy does not survive.
      fc
        .constantFrom(
          throwingGetter,
          throwingProxy,
          sparse,
          () => new Date(Number.NaN),
          () => Symbol('s'),
          () => 10n,
          () => () => 1,
          () => Object.create(null),
        )
        .map((make) => ({ make })),
    );
    const fields = [
      'id',
      'url',
      'externalUrl',
      'title',
      'summary',
      'contentHtml',
      'contentText',
      'published',
      'updated',
      'authors',
      'tags',
      'image',
      'banner',
      'language',
      'enclosures',
      'episode',
      'extensions',
      'draft',
      'slug',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), hostile, (field, given) => {
        const value = typeof given === 'object' && given !== null && 'make' in given && typeof given.make === 'function' ? given.make() : given;
        try {
          buildFeeds([{ ...episode(), [field]: value }], podcastSite);
        } catch (error) {
          expect(isStoryfeedError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('a refused value of megabytes', () => {
  it('is named by its start: the message stays a line, not the value again', () => {
    const big = 'z'.repeat(1_000_000);
    const fields: Record<string, unknown>[] = [
      { url: `ftp://${big}` },
      { url: `http://[${big}` },
      { image: `javascript:${big}` },
      { externalUrl: `https://user:pw@x.example/${big}` },
      { authors: [{ name: 'Ann', email: big }] },
      { authors: [`Ann <${big}@x>`] },
      { enclosures: [{ url: '/a.mp3', type: big }] },
      { episode: { episodeType: big } },
      { episode: { image: `https://x.example/${big}.gif` } },
      { episode: { transcripts: [{ url: `http://x.example/${big}`, type: 'text/vtt' }] } },
      { extensions: { xml: { [big]: 'x' } } },
      { extensions: { json: { [big]: {} } } },
    ];
    for (const field of fields) {
      let message = '';
      try {
        buildFeeds([{ ...item(), ...field }], site);
      } catch (error) {
        expect(isStoryfeedError(error), String(error).slice(0, 200)).toBe(true);
        message = (error as Error).message;
      }
      // Named by the field, the value's start quoted up to "…".
      expect(message, Object.keys(field)[0]).toMatch(/^items\[0\]\.[^ ]+.*zzz…"/);
      expect(message.length, message.slice(0, 200)).toBeLessThan(400);
    }
  });
});

describe('values shaped like a Story', () => {
  const story = () => ({
    id: 'https://x.example/a',
    slug: 'a',
    url: 'https://x.example/a',
    title: 'A',
    summary: 'S.',
    published: new Date('2024-01-01T00:00:00Z'),
    updated: new Date('2024-01-01T00:00:00Z'),
    authors: [],
    language: 'en',
    sections: [],
    quotes: [],
    sources: [],
    entities: { people: [], organizations: [], places: [] },
    tags: [],
    wordCount: 1,
    readingMinutes: 1,
    contentHtml: '<p>S.</p>',
    contentText: 'S.',
    draft: false,
  });

  it('are published as they are once their fields check out', () => {
    expect(buildFeeds([story()], site).document.items[0]?.id).toBe('https://x.example/a');
  });

  it("take a URL exactly when it parses as an absolute http(s) URL without credentials, on the site's address or off it", () => {
    /** The judgement of a full parse. */
    const parses = (url: string): boolean => {
      try {
        const u = new URL(url);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
      } catch {
        return false;
      }
    };
    const accepted = (url: string, on = site as typeof site & Record<string, unknown>): boolean => {
      try {
        toStories([{ ...story(), url }], on);
        return true;
      } catch (error) {
        if (isStoryfeedError(error) && /^items\[0\]\.url /.test(error.message)) return false;
        throw error;
      }
    };
    const sites = [site, { ...site, siteUrl: 'https://x.example/news/' }, { ...site, siteUrl: 'http://x.example:8080' }, { ...site, siteUrl: 'https://x.example/?lang=en' }];
    const tail = fc.string({ unit: fc.constantFrom('a', '/', '\\', '@', ':', '#', '?', '%', ' ', '\t', '\n', '\u0000', '\ud800', 'é', '.', '[', ']'), maxLength: 12 });
    fc.assert(
      fc.property(
        fc.constantFrom(...sites),
        fc.constantFrom('', 'https://x.example', 'https://x.example/', 'http://u:p@x.example/', 'https://x.example:99999/', 'javascript:', 'https://', 'https://x.exampl'),
        tail,
        (on, start, rest) => {
          // On the site's own address (the way a build's stories are made), and every other way.
          const base = on.siteUrl.endsWith('/') ? on.siteUrl : `${on.siteUrl}/`;
          for (const url of [`${base}${rest}`, `${start}${rest}`]) expect(accepted(url, on), JSON.stringify(url)).toBe(parses(url));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('with a wrong field are E_ITEM naming it, not a TypeError while rendering', () => {
    for (const [field, value, pattern] of [
      ['title', undefined, /^items\[0\]\.title must be text/],
      ['id', 5, /^items\[0\]\.id must be text/],
      ['id', 'not a uri', /^items\[0\]\.id "not a uri" must be an absolute URI/],
      ['url', '/a', /^items\[0\]\.url "\/a" must be an absolute http\(s\) URL/],
      ['url', '', /^items\[0\]\.url "" must be an absolute http\(s\) URL/],
      ['updated', '2024-01-01', /^items\[0\]\.updated must be a Date/],
      ['updated', new Date(Number.NaN), /^items\[0\]\.updated is an invalid Date/],
      ['published', new Proxy(new Date('2024-01-01T00:00:00Z'), {}), /^items\[0\]\.published must be a Date or an ISO 8601 string, found an object posing/],
      ['updated', new Proxy(new Date('2024-01-01T00:00:00Z'), {}), /^items\[0\]\.updated must be a Date or an ISO 8601 string, found an object posing/],
      ['language', 'not a tag!', /^items\[0\]\.language "not a tag!" is not a language tag/],
      ['language', 'zz', /^items\[0\]\.language "zz" is not a language tag starting with an ISO 639 language code/],
      ['tags', 'a', /^items\[0\]\.tags must be a list of text/],
      ['tags', [1], /^items\[0\]\.tags\[0\] must be text/],
      // biome-ignore lint/suspicious/noSparseArray: a list with a hole is what is checked
      ['tags', ['a', , 'b'], /^items\[0\]\.tags\[1\] is an empty slot/],
      [
        'tags',
        Object.defineProperty(['a'], 0, {
          get() {
            throw new Error('boom');
          },
        }),
        /^items\[0\]\.tags\[0\] cannot be read: boom/,
      ],
      ['published', new Date('+010000-01-01T00:00:00Z'), /^items\[0\]\.published .* is out of range/],
      ['updated', new Date('-000001-01-01T00:00:00Z'), /^items\[0\]\.updated .* is out of range/],
      ['externalUrl', 'javascript:x', /^items\[0\]\.externalUrl "javascript:x" must be an http\(s\) URL/],
      ['banner', 5, /^items\[0\]\.banner must be text/],
      ['draftBy', Symbol('status'), /^items\[0\]\.draftBy must be text/],
      ['authors', [{}], /^items\[0\]\.authors\[0\] must be \{ name/],
      ['image', { url: 'javascript:x' }, /^items\[0\]\.image\.url "javascript:x" must be an http\(s\) URL/],
      ['enclosures', [{ url: 5 }], /^items\[0\]\.enclosures\[0\]\.url must be text/],
      ['draft', 'no', /^items\[0\]\.draft must be true or false/],
    ] as const) {
      expect(problemOf(() => buildFeeds([{ ...story(), [field]: value } as never], site)).message, field).toMatch(pattern);
    }
  });
});

describe('what a feed cannot carry', () => {
  it('an item whose title and body are only characters XML forbids is refused, not published empty', () => {
    const cases: [object, RegExp][] = [
      [{ url: '/a', title: '\u0001\u0002', published: '2024-03-05' }, /^items\[0\]\.title holds no text a feed can carry/],
      [{ url: '/b', contentText: '\uD83D', published: '2024-03-05' }, /^items\[0\]\.title is required: the summary and body hold no text a feed can carry/],
      [{ link: '/c', title: { rendered: '&#1;' }, date_gmt: '2024-03-05T00:00:00' }, /^items\[0\]\.title holds no text a feed can carry/],
      [{ url: '/d', title: '\uFFFF', contentHtml: '<p>\u0008</p>', published: '2024-03-05' }, /^items\[0\]\.title holds no text a feed can carry/],
    ];
    for (const [input, message] of cases) expect(() => buildFeeds([input as never], site), JSON.stringify(input)).toThrow(message);
    // Text beside them is published, without them.
    expect(buildFeeds([{ url: '/e', title: 'A\u0001B', published: '2024-03-05' }], site).outputs.rss).toContain('<title>AB</title>');
  });

  it('an item whose title and body show nothing (zero-width spaces, soft hyphens, bidi marks, fillers) is refused, not published empty', () => {
    for (const invisible of ['\u200b\u200b', '\u00ad', '\u200e\u200f\u2066', '\u3164', '\u2060\ufeff \u00a0']) {
      const name = JSON.stringify(invisible);
      expect(() => buildFeeds([{ url: '/a', title: invisible, published: '2024-03-05' }], site), name).toThrow(
        /^items\[0\]\.title is required when the item has no summary or body/,
      );
      expect(() => buildFeeds([{ url: '/a', title: invisible, contentText: invisible, published: '2024-03-05' }], site), name).toThrow(
        /^items\[0\]\.title is required: the summary and body hold no text a feed can carry/,
      );
      expect(() => buildFeeds([{ link: '/a', title: invisible, description: `<p>${invisible}</p>`, date: '2024-03-05' }], site), name).toThrow(/^items\[0\]\.title is required/);
      // Beside a body that shows something, such a title is none: it is published as a title-less item's is.
      const { document, outputs } = buildFeeds([{ url: '/a', title: invisible, contentText: 'The ferry sails.', published: '2024-03-05' }], site);
      expect(document.items[0]?.title, name).toBe('');
      expect(outputs.rss.slice(outputs.rss.indexOf('<item>')), name).toContain('<title></title>');
    }
    // A title with a visible character keeps its invisible ones (a joiner inside a word shapes it).
    expect(buildFeeds([{ url: '/a', title: 'क्\u200dष', published: '2024-03-05' }], site).document.items[0]?.title).toBe('क्\u200dष');
  });

  it('a Story given as it is with nothing but such characters is refused by the feed stage', () => {
    const story = buildFeeds([item()], site).document.items[0]!;
    expect(story.title).toBe('A');
    const parsed = toStories([item()], site)[0]!;
    const empty = { ...parsed, title: '\u0001', summary: '\uFFFE', contentText: '\u0002', contentHtml: '<p>\u0002</p>' };
    expect(() => buildFeedDocument([empty], site)).toThrow(/has no title, summary or text a feed can carry/);
    // An image is something to show.
    expect(buildFeedDocument([{ ...empty, contentHtml: '<p><img src="https://x.example/a.png" alt=""></p>' }], site).items).toHaveLength(1);
  });

  it('an id holding a character XML forbids is refused (an id is published exactly as given), whatever its scheme', () => {
    for (const id of ['x-cms:post-\uD83D', 'x-cms:post-\uFFFF', 'tag:x.example,2024:a\u0001', 'https://x.example/a\uDC00'])
      expect(() => buildFeeds([{ ...item(), id }], site), JSON.stringify(id)).toThrow(/^items\[0\]\.id holds U\+[0-9A-F]{4} \(1 character\) that XML forbids/);
    const parsed = toStories([item()], site)[0]!;
    expect(() => buildFeedDocument([{ ...parsed, id: 'urn:x:\uFFFE' }], site)).toThrow(/items\[0\]\.id holds U\+FFFE/);
  });
});

describe('itemToStory and toStories', () => {
  it('take the site settings every feed call takes, not only resolveSite’s result', () => {
    expect(itemToStory(item(), 0, site).url).toBe('https://x.example/a');
    expect(toStories([item()], site)[0]!.url).toBe('https://x.example/a');
    expect(itemToStory(item(), 0, resolveSite(site)).url).toBe('https://x.example/a');
    expect(() => toStories([item()], undefined as never)).toThrow(/^the site must be an object with at least siteUrl and title/);
    expect(() => itemToStory(item(), 0, { title: 'X' } as never)).toThrow(/siteUrl: must be an absolute http\(s\) URL/);
  });
});
