import { Feed } from 'feed';
import Parser from 'rss-parser';
import { problemOf } from '../support/problems.js';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import type { AstroRssItem, FeedPackageItem, WordPressPost } from '../../src/item/index.js';
import { buildFeeds } from '../../src/pipeline.js';
import { verifyDocument } from '../../src/verify/index.js';

/**
 * Items written for other libraries (the `feed` package, `@astrojs/rss`) are plain items too: the
 * same object given to them and to storyfeed gives the same item (names read from their fields), and
 * a problem names the field as the item gives it.
 */

const site = { siteUrl: 'https://news.example', title: 'Harbour News', description: 'News from the harbour.', language: 'en' };

/** An item as the `feed` package's README writes one, with every field it reads. */
const feedItem = (): FeedPackageItem & Record<string, unknown> => ({
  title: 'Night ferry resumes',
  id: 'https://news.example/2024/night-ferry',
  link: 'https://news.example/2024/night-ferry',
  description: 'The night ferry sails again from Monday.',
  content: '<p>The night ferry sails again from Monday, the harbour office said.</p>',
  author: [{ name: 'Ada Quay', email: 'ada@news.example', link: 'https://news.example/ada' }],
  category: [{ name: 'Transport' }, { name: 'Harbour', domain: 'https://news.example/tags' }],
  date: new Date('2024-03-02T08:00:00Z'),
  published: new Date('2024-03-01T18:30:00Z'),
  image: 'https://news.example/img/ferry.jpg',
  audio: { url: 'https://news.example/audio/ferry.mp3', length: 48213 },
});

/** The same item under storyfeed's own names. */
const plainItem = () => ({
  id: 'https://news.example/2024/night-ferry',
  url: 'https://news.example/2024/night-ferry',
  title: 'Night ferry resumes',
  summary: 'The night ferry sails again from Monday.',
  contentHtml: '<p>The night ferry sails again from Monday, the harbour office said.</p>',
  authors: [{ name: 'Ada Quay', email: 'ada@news.example', url: 'https://news.example/ada' }],
  tags: ['Transport', 'Harbour'],
  published: new Date('2024-03-01T18:30:00Z'),
  updated: new Date('2024-03-02T08:00:00Z'),
  image: 'https://news.example/img/ferry.jpg',
  enclosures: [{ url: 'https://news.example/audio/ferry.mp3', type: 'audio/mpeg', length: 48213 }],
});

/** The message of the StoryfeedError `fn` throws (anything else thrown, or nothing, fails the test). */
const itemError = (fn: () => unknown): string => problemOf(fn).message;

describe('items written for the feed package', () => {
  it('give the same feeds as the same item under storyfeed’s names, and verify', async () => {
    const warnings: Diagnostic[] = [];
    const fromFeedItem = buildFeeds([feedItem()], site);
    const fromPlainItem = buildFeeds([plainItem()], site);
    warnings.push(...fromFeedItem.warnings);
    expect(fromFeedItem.outputs).toEqual(fromPlainItem.outputs);
    expect(warnings).toEqual([]);
    expect((await verifyDocument(fromFeedItem.outputs, fromFeedItem.document)).ok).toBe(true);
  });

  it('read as the feed package publishes them: the fields a reader sees agree', async () => {
    const item = feedItem();
    const feed = new Feed({ title: site.title, id: site.siteUrl, link: site.siteUrl, copyright: 'CC BY 4.0' });
    feed.addItem(item as Parameters<Feed['addItem']>[0]);
    const parser = new Parser();
    const theirs = (await parser.parseString(feed.rss2())).items[0]!;
    const ours = (await parser.parseString(buildFeeds([feedItem()], site).outputs.rss)).items[0]!;
    for (const key of ['title', 'link', 'guid', 'pubDate', 'content:encoded'] as const) expect(ours[key], key).toEqual(theirs[key]);
    // A category's domain is not kept: storyfeed's tags are names.
    const name = (c: unknown): unknown => (typeof c === 'string' ? c : (c as { _: string })._);
    expect(ours.categories?.map(name)).toEqual(theirs.categories?.map(name));
    // feed writes the type from the extension as audio/mp3, which is no MIME type; storyfeed writes audio/mpeg.
    expect(theirs.enclosure).toMatchObject({ url: item.audio && typeof item.audio !== 'string' ? item.audio.url : '', type: 'audio/mp3' });
    expect(ours.enclosure).toMatchObject({ url: 'https://news.example/audio/ferry.mp3', type: 'audio/mpeg', length: '48213' });
  });

  it('take the date as both times without published, and guid as the id without id', () => {
    const [story] = buildFeeds([{ ...feedItem(), id: undefined, published: undefined, guid: 'https://news.example/guid/1' }], site).document.items;
    expect(story!.id).toBe('https://news.example/guid/1');
    expect(story!.published.toISOString()).toBe('2024-03-02T08:00:00.000Z');
    expect(story!.updated.toISOString()).toBe('2024-03-02T08:00:00.000Z');
  });

  it('read storyfeed’s name when both are given, and name the other in a warning', () => {
    const { warnings, document } = buildFeeds([{ ...feedItem(), summary: 'Own summary.', enclosures: [], contributor: [{ name: 'Bo' }], copyright: 'CC' }], site);
    expect(document.items[0]!.summary).toBe('Own summary.');
    expect(document.items[0]!.enclosures).toBeUndefined();
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('items[0].description is not read: items[0].summary is given'),
      expect.stringContaining('items[0].audio is not read: items[0].enclosures is given'),
      expect.stringContaining('items[0].contributor is not published'),
      expect.stringContaining('items[0].copyright is not published'),
    ]);
    expect(warnings.every((w) => w.code === 'W_UNKNOWN_FIELD')).toBe(true);
  });

  it('read an author’s url when it gives link too, and name link in a warning', () => {
    const author = [{ name: 'Ada Quay', url: 'https://news.example/ada', link: 'https://news.example/old-ada' }];
    const { warnings, document } = buildFeeds([{ ...feedItem(), author }], site);
    expect(document.items[0]!.authors[0]!.url).toBe('https://news.example/ada');
    expect(warnings.map((w) => [w.code, w.message])).toEqual([['W_UNKNOWN_FIELD', 'items[0].author[0].link is not read: items[0].author[0].url is given']]);
    // An author with link alone reads it as the url, without a warning.
    expect(buildFeeds([{ ...feedItem(), author: [{ name: 'Ada Quay', link: 'https://news.example/ada' }] }], site).warnings).toEqual([]);
  });

  it('are told from storyfeed’s items by their link: an item with a url reads no other library’s names, as before', () => {
    const own = { url: 'https://news.example/own', title: 'Own', published: '2024-03-01T00:00:00Z', contentText: 'The real body.' };
    // What a CMS row may carry besides: its own date, an author id, a body in its own markup, category ids.
    const withExtras = { ...own, date: '2030-01-01T00:00:00Z', author: 5, content: 'Some *markdown*', description: 'x', categories: [3, 4], link: 'https://cms.example/row/1' };
    const plain = buildFeeds([own], site);
    const extras = buildFeeds([withExtras], site);
    expect(extras.outputs).toEqual(plain.outputs);
    expect(extras.warnings).toEqual([]);
  });

  it('take an empty date as none, and the next name given', () => {
    const [story] = buildFeeds([{ ...feedItem(), published: undefined, pubDate: '', date: '2024-03-05T00:00:00Z' }], site).document.items;
    expect(story!.published.toISOString()).toBe('2024-03-05T00:00:00.000Z');
  });

  it('read categories as tags, within the tags’ limit', () => {
    const tags = buildFeeds([{ ...feedItem(), category: [{ name: '', term: 'Harbour' }, 'Ships'] as never }], site).document.items[0]!.tags;
    expect(tags).toEqual(['Harbour', 'Ships']);
    const many = Array.from({ length: 201 }, (_, i) => `t${i}`);
    expect(itemError(() => buildFeeds([{ ...feedItem(), category: undefined, categories: many }], site))).toMatch(
      /^items\[0\]\.categories has 201 tags; a story may have at most 200/,
    );
    expect(itemError(() => buildFeeds([{ ...feedItem(), category: [null] as never }], site))).toMatch(/^items\[0\]\.category\[0\] must be a name \(text\) or \{ name \}/);
  });

  it('name the field as the item gives it when it is wrong', () => {
    const bad = (changes: Record<string, unknown>): string => itemError(() => buildFeeds([{ ...feedItem(), ...changes }], site));
    expect(bad({ link: 'javascript:alert(1)' })).toMatch(/^items\[0\]\.link /);
    expect(bad({ link: undefined })).toMatch(/^items\[0\]\.url is required .*`link` as the feed package names it/);
    expect(bad({ link: 42 })).toMatch(/^items\[0\]\.link must be text/);
    expect(bad({ date: 'yesterday', published: undefined })).toMatch(/^items\[0\]\.date /);
    expect(bad({ date: new Date(0), published: undefined })).toMatch(/^items\[0\]\.date is 1970-01-01/);
    expect(bad({ category: [{ name: 'A' }, { domain: 'x' }] })).toMatch(/^items\[0\]\.category\[1\]\.name is required/);
    expect(bad({ author: [{ name: 'A', link: 'javascript:alert(1)' }] })).toMatch(/^items\[0\]\.author\[0\]\.link /);
    expect(bad({ audio: 'https://news.example/stream' })).toMatch(/^items\[0\]\.audio needs a MIME type/);
    expect(bad({ video: { url: 'https://news.example/v.mp4', length: -1 } })).toMatch(/^items\[0\]\.video\.length /);
    expect(bad({ content: 42 })).toMatch(/^items\[0\]\.content must be text/);
    expect(bad({ extensions: [{ name: '_x', objects: {} }] })).toMatch(/^items\[0\]\.extensions must be \{ xml, json \}.*feed package/);
  });

  it('read a description of only an image as the body, though it gives no text for the summary', () => {
    const { document } = buildFeeds(
      [{ link: '/p', title: 'Photo of the day', description: '<p><img src="https://news.example/sunset.jpg" alt="Sunset"></p>', date: new Date('2022-01-01T00:00:00Z') }],
      site,
    );
    expect(document.items[0]!.contentHtml).toContain('<img src="https://news.example/sunset.jpg" alt="Sunset"');
    expect(document.items[0]!.summary).toBe('');
  });

  it('read description as HTML, as the feed package writes it: its text is the summary, and without content its sanitized HTML is the body', () => {
    const description = '<p>This is <b>bold</b> &amp; fine</p>\n<p>Second <script>alert(1)</script>part.</p>';
    const { document, warnings } = buildFeeds([{ ...feedItem(), content: undefined, description }], site);
    const item = document.items[0]!;
    expect(item.summary).toBe('This is bold & fine Second part.');
    expect(item.contentHtml).toBe('<p>This is <b>bold</b> &amp; fine</p>\n<p>Second part.</p>');
    expect(item.contentText).toBe('This is bold & fine\n\nSecond part.');
    expect(warnings.map((w) => w.code)).toEqual(['W_UNSAFE_HTML']);
    // With content, the description is the summary only (its markup removed, nothing to warn of).
    const withContent = buildFeeds([{ ...feedItem(), description }], site);
    expect(withContent.document.items[0]!.summary).toBe('This is bold & fine Second part.');
    expect(withContent.document.items[0]!.contentHtml).toBe('<p>The night ferry sails again from Monday, the harbour office said.</p>');
    expect(withContent.warnings).toEqual([]);
    // storyfeed's own summary is plain text, as given.
    expect(buildFeeds([{ ...plainItem(), summary: '<b>Bold</b> &amp; plain' }], site).document.items[0]!.summary).toBe('<b>Bold</b> &amp; plain');
  });

  it('type audio and video by their extension, or as given', () => {
    const { document } = buildFeeds(
      [{ ...feedItem(), audio: undefined, enclosure: { url: 'https://news.example/a.pdf' }, video: 'https://news.example/v.webm', image: undefined }],
      site,
    );
    expect(document.items[0]!.enclosures).toEqual([
      { url: 'https://news.example/a.pdf', type: 'application/pdf' },
      { url: 'https://news.example/v.webm', type: 'video/webm' },
    ]);
    const typed = buildFeeds([{ ...feedItem(), audio: { url: 'https://news.example/stream', type: 'audio/aac', duration: 61 } }], site).document.items[0]!;
    expect(typed.enclosures).toEqual([{ url: 'https://news.example/stream', type: 'audio/aac', duration: 61 }]);
  });
});

describe('items written for @astrojs/rss', () => {
  /** An item as Astro's RSS guide writes one, with every field it reads. */
  const astroItem = (): AstroRssItem & Record<string, unknown> => ({
    title: 'Night ferry resumes',
    link: '/2024/night-ferry',
    pubDate: new Date('2024-03-01T18:30:00Z'),
    description: 'The night ferry sails again from Monday.',
    content: '<p>The night ferry sails again from Monday, the harbour office said.</p>',
    categories: ['Transport', 'Harbour'],
    author: 'ada@news.example (Ada Quay)',
    enclosure: { url: '/audio/ferry.mp3', length: 48213, type: 'audio/mpeg' },
  });

  it('give the same feeds as the same item under storyfeed’s names', () => {
    const { warnings, outputs } = buildFeeds([astroItem()], site);
    const plain = {
      ...plainItem(),
      id: undefined,
      authors: [{ name: 'Ada Quay', email: 'ada@news.example' }],
      updated: undefined,
      image: undefined,
    };
    expect(outputs).toEqual(buildFeeds([plain], site).outputs);
    expect(warnings).toEqual([]);
  });

  it('read description as HTML, as Astro writes it', () => {
    const item = buildFeeds([{ ...astroItem(), content: undefined, description: '<p>Ferry&nbsp;news: <a href="/timetable">timetable</a></p>' }], site).document.items[0]!;
    expect(item.summary).toBe('Ferry news: timetable');
    expect(item.contentHtml).toBe('<p>Ferry\u00a0news: <a href="https://news.example/timetable">timetable</a></p>');
  });

  it('name what they give that no feed of storyfeed’s has, and the date not read', () => {
    const { warnings } = buildFeeds(
      [{ ...astroItem(), published: new Date('2024-03-01T00:00:00Z'), commentsUrl: '/c', source: { url: 'https://other.example', title: 'O' }, customData: '<x/>' }],
      site,
    );
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('items[0].pubDate is not read: items[0].published is given'),
      expect.stringContaining('items[0].commentsUrl is not published'),
      expect.stringContaining('items[0].source is not published'),
      expect.stringContaining('items[0].customData is not published'),
    ]);
  });

  it('name the field as the item gives it when it is wrong', () => {
    expect(itemError(() => buildFeeds([{ ...astroItem(), pubDate: 'soon' }], site))).toMatch(/^items\[0\]\.pubDate /);
    expect(itemError(() => buildFeeds([{ ...astroItem(), categories: ['a', 3] as unknown as string[] }], site))).toMatch(/^items\[0\]\.categories\[1\]/);
  });
});

describe('posts from the WordPress REST API', () => {
  /** A post as `/wp-json/wp/v2/posts` gives it (the fields storyfeed reads, and some it does not). */
  const wordPressPost = (): WordPressPost => ({
    id: 4127,
    date: '2024-03-01T20:30:00',
    date_gmt: '2024-03-01T18:30:00',
    guid: { rendered: 'https://news.example/?p=4127' },
    modified: '2024-03-02T10:00:00',
    modified_gmt: '2024-03-02T08:00:00',
    slug: 'night-ferry',
    status: 'publish',
    type: 'post',
    link: 'https://news.example/2024/03/01/night-ferry/',
    title: { rendered: 'Night ferry&#8217;s return &amp; <em>new</em> timetable' },
    content: { rendered: '<p>The night ferry sails again from Monday.</p>\n<p>Tickets are sold on board.</p>\n', protected: false },
    excerpt: { rendered: '<p>The night ferry sails again from Monday. [&hellip;]</p>\n', protected: false },
    author: 3,
    featured_media: 0,
    categories: [5, 9],
    tags: [12],
  });

  it('give an item with the post’s text, times and permanent id, and no warning', async () => {
    const { document, outputs, warnings } = buildFeeds([wordPressPost()], site);
    const item = document.items[0]!;
    expect(item).toMatchObject({
      id: 'https://news.example/?p=4127',
      url: 'https://news.example/2024/03/01/night-ferry/',
      title: 'Night ferry’s return & new timetable',
      summary: 'The night ferry sails again from Monday. […]',
      tags: [],
    });
    expect(item.published.toISOString()).toBe('2024-03-01T18:30:00.000Z');
    expect(item.updated.toISOString()).toBe('2024-03-02T08:00:00.000Z');
    expect(item.contentHtml).toContain('<p>Tickets are sold on board.</p>');
    expect(warnings).toEqual([]);
    expect((await verifyDocument(outputs, document)).ok).toBe(true);
  });

  it('take the authors and terms a post fetched with _embed names', () => {
    const _embedded = {
      author: [{ id: 3, name: 'Ada Quay', link: 'https://news.example/author/ada/' }, { id: 4 }],
      'wp:term': [
        [{ id: 5, name: 'Transport', taxonomy: 'category' }],
        [
          { id: 12, name: 'Harbour', taxonomy: 'post_tag' },
          { id: 13, name: 'Transport', taxonomy: 'post_tag' },
        ],
      ],
    };
    const item = buildFeeds([{ ...wordPressPost(), _embedded }], site).document.items[0]!;
    expect(item.authors).toEqual([{ name: 'Ada Quay', url: 'https://news.example/author/ada/' }]);
    expect(item.tags).toEqual(['Transport', 'Harbour']);
    expect(item.image).toBeUndefined();
    // What cannot be read of it is left: the post is read without it.
    const unreadable = Object.defineProperty({}, 'author', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(buildFeeds([{ ...wordPressPost(), _embedded: unreadable }], site).document.items[0]!.authors).toEqual([]);
  });

  it('take the featured image a post fetched with _embed gives as its lead image, unless the caller gives one', async () => {
    const _embedded = { 'wp:featuredmedia': [{ id: 321, source_url: 'https://news.example/wp-content/uploads/2024/06/ferry.jpg', media_type: 'image' }] };
    const { document, outputs } = buildFeeds([{ ...wordPressPost(), _embedded }], site);
    expect(document.items[0]!.image).toEqual({ url: 'https://news.example/wp-content/uploads/2024/06/ferry.jpg', type: 'image/jpeg' });
    expect((await verifyDocument(outputs, document)).ok).toBe(true);
    const given = buildFeeds([{ ...wordPressPost(), _embedded, image: 'https://cdn.example/own.png' }], site).document.items[0]!;
    expect(given.image?.url).toBe('https://cdn.example/own.png');
    // One the request may not see is an error object, with no address: no image.
    const forbidden = { 'wp:featuredmedia': [{ code: 'rest_forbidden', message: 'Sorry, you are not allowed to do that.' }] };
    expect(buildFeeds([{ ...wordPressPost(), _embedded: forbidden }], site).document.items[0]!.image).toBeUndefined();
    // Nor is a featured video, nor an address a reader cannot load: the post is read without an image, never refused.
    for (const featured of [
      { source_url: 'https://news.example/wp-content/uploads/2024/06/ferry.mp4', media_type: 'file' },
      { source_url: 'data:image/png;base64,iVBORw0KGgo=', media_type: 'image' },
      { source_url: 'ftp://news.example/ferry.jpg' },
      { source_url: 'https://user:secret@news.example/ferry.jpg' },
      { source_url: 'http://[bad' },
      { source_url: '/wp-content/uploads/ferry.jpg' },
    ]) {
      expect(buildFeeds([{ ...wordPressPost(), _embedded: { 'wp:featuredmedia': [featured] } }], site).document.items[0]!.image, featured.source_url).toBeUndefined();
    }
  });

  it('read the excerpt as HTML once: its text is the summary, and without content it is the body', () => {
    const excerpt = { rendered: '<p>Write &amp;lt;b&amp;gt; for <em>bold</em>.</p>\n', protected: false };
    const item = buildFeeds([{ ...wordPressPost(), content: undefined, excerpt }], site).document.items[0]!;
    expect(item.summary).toBe('Write &lt;b&gt; for bold.');
    expect(item.contentHtml).toBe('<p>Write &amp;lt;b&amp;gt; for <em>bold</em>.</p>');
  });

  it('read the names and guid WordPress keeps HTML-escaped as the text they stand for, decoded once', () => {
    const _embedded = {
      author: [
        { id: 3, name: 'Smith &amp; Jones' },
        { id: 4, name: '&nbsp;' },
      ],
      'wp:term': [[{ id: 5, name: 'Q&amp;A', taxonomy: 'category' }], [{ id: 12, name: 'Tom &amp;amp; Jerry', taxonomy: 'post_tag' }]],
    };
    const guid = { rendered: 'https://news.example/?post_type=product&#038;p=4127' };
    const { document, outputs } = buildFeeds([{ ...wordPressPost(), guid, _embedded }], site);
    const item = document.items[0]!;
    // A name that is only an escaped space is none.
    expect(item.authors).toEqual([{ name: 'Smith & Jones' }]);
    expect(item.tags).toEqual(['Q&A', 'Tom &amp; Jerry']);
    expect(item.id).toBe('https://news.example/?post_type=product&p=4127');
    expect(outputs.rss).toContain('<category>Q&#x26;A</category>');
    expect(outputs.rss).not.toMatch(/&#x26;amp;A|Smith &#x26;amp;|&#x26;#038;/);
    // storyfeed's own fields are taken as given: a plain item's tag is its text.
    const own = buildFeeds([{ url: 'https://news.example/own', title: 'Own', published: '2024-03-01T00:00:00Z', tags: ['Q&amp;A'], authors: ['A &amp; B'] }], site);
    expect(own.document.items[0]).toMatchObject({ tags: ['Q&amp;A'], authors: [{ name: 'A &amp; B' }] });
  });

  it('leave out a post WordPress has not published (a draft, a scheduled, pending or private post), as a draft is', () => {
    const posts = ['draft', 'future', 'pending', 'private', 'publish'].map((status, i) => ({
      ...wordPressPost(),
      status,
      link: `https://news.example/${status}/`,
      guid: { rendered: `https://news.example/?p=${i}` },
    }));
    const { document, warnings } = buildFeeds(posts, site);
    expect(document.items.map((item) => item.url)).toEqual(['https://news.example/publish/']);
    expect(warnings.map((w) => w.code)).toEqual(['W_DRAFT', 'W_DRAFT', 'W_DRAFT', 'W_DRAFT']);
  });

  it('leave out a password-protected post, whose text the REST API gives whoever may edit it, unless the caller says draft: false', () => {
    const locked = {
      ...wordPressPost(),
      link: 'https://news.example/locked/',
      guid: { rendered: 'https://news.example/?p=9' },
      title: { rendered: 'Protected: Crew rota' },
      content: { rendered: '<p>The door code is 4471.</p>\n', protected: true },
    };
    const { document, outputs, warnings } = buildFeeds([locked, wordPressPost()], site);
    expect(document.items.map((item) => item.url)).toEqual(['https://news.example/2024/03/01/night-ferry/']);
    expect(outputs.rss).not.toContain('4471');
    expect(warnings.map((w) => w.code)).toEqual(['W_DRAFT']);
    expect(buildFeeds([{ ...locked, draft: false }], site).document.items.map((item) => item.url)).toEqual(['https://news.example/locked/']);
  });

  it("leave out one of the site's pages (type: page), as WordPress's feeds do, unless the caller says draft: false", () => {
    const about = { ...wordPressPost(), type: 'page', link: 'https://news.example/about/', guid: { rendered: 'https://news.example/?page_id=2' }, title: { rendered: 'About' } };
    const { document, warnings } = buildFeeds([about, wordPressPost()], site);
    expect(document.items.map((item) => item.url)).toEqual(['https://news.example/2024/03/01/night-ferry/']);
    expect(warnings.map((w) => w.code)).toEqual(['W_DRAFT']);
    expect(buildFeeds([{ ...about, draft: false }], site).document.items.map((item) => item.url)).toEqual(['https://news.example/about/']);
  });

  it('read a post whose fields are getters or inherited (a class instance, a frozen object) as the same post in a plain object', () => {
    const plain = buildFeeds([wordPressPost()], site).document.items[0]!;
    /** A model class of a client library: the post's fields behind getters on its prototype. */
    class PostModel {
      [field: string]: unknown;
      readonly #post: WordPressPost;
      constructor(post: WordPressPost) {
        this.#post = post;
      }
      get link() {
        return this.#post.link;
      }
      get title() {
        return this.#post.title;
      }
      get content() {
        return this.#post.content;
      }
      get excerpt() {
        return this.#post.excerpt;
      }
      get guid() {
        return this.#post.guid;
      }
      get date_gmt() {
        return this.#post.date_gmt;
      }
      get modified_gmt() {
        return this.#post.modified_gmt;
      }
      get _embedded() {
        return { author: [{ name: 'Ada Quay' }], 'wp:term': [[{ name: 'Transport' }]] };
      }
    }
    const inherited = Object.freeze(Object.create(Object.freeze(wordPressPost())));
    for (const post of [new PostModel(wordPressPost()), inherited]) {
      const item = buildFeeds([post], site).document.items[0]!;
      expect(item).toMatchObject({ id: plain.id, url: plain.url, title: plain.title, summary: plain.summary, contentHtml: plain.contentHtml });
      expect([item.published, item.updated]).toEqual([plain.published, plain.updated]);
    }
    expect(buildFeeds([new PostModel(wordPressPost())], site).document.items[0]).toMatchObject({ authors: [{ name: 'Ada Quay' }], tags: ['Transport'] });
  });

  it('name the field as the post gives it when it is wrong', () => {
    expect(itemError(() => buildFeeds([{ ...wordPressPost(), date_gmt: 'yesterday' }], site))).toMatch(/^items\[0\]\.date_gmt /);
    expect(itemError(() => buildFeeds([{ ...wordPressPost(), title: 7 } as never], site))).toMatch(/^items\[0\]\.title must be text/);
    // Without one { rendered } field it is no WordPress post: its number id is named.
    expect(itemError(() => buildFeeds([{ ...wordPressPost(), title: 'T', content: '<p>x</p>' } as never], site))).toMatch(/^items\[0\]\.id must be text/);
  });
});
