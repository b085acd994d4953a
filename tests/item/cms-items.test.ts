import { problemOf } from '../support/problems.js';
import { describe, expect, it } from 'vitest';
import { toStories } from '../../src/item/index.js';
import { buildFeeds } from '../../src/pipeline.js';
import { verifyDocument } from '../../src/verify/index.js';

/**
 * Items in the shapes other tools hand over (a JSON feed's items, a CMS's API answers), passed to storyfeed as they
 * come: a known shape is read fully, and a field storyfeed cannot read is an `E_ITEM` error naming it.
 */

const site = { siteUrl: 'https://planet.example', title: 'Harbour Planet', description: 'Feeds from the harbour.', language: 'en' };

/** The message of the StoryfeedError `fn` throws (anything else thrown, or nothing, fails the test). */
const itemError = (fn: () => unknown): string => problemOf(fn).message;

/** A JSON Feed 1.1 document as micro.blog and most generators write one, and an item of JSON Feed 1.0 (one `author`). */
const JSON_FEED = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Harbour Talk",
  "home_page_url": "https://talk.example/",
  "feed_url": "https://talk.example/feed.json",
  "authors": [{ "name": "Harbour Talk" }],
  "language": "en-GB",
  "items": [
    {
      "id": "https://talk.example/2024/03/04/pilots.html",
      "url": "https://talk.example/2024/03/04/pilots.html",
      "external_url": "https://pilots.example/interview",
      "title": "The pilots",
      "content_html": "<p>We meet the harbour <em>pilots</em>.</p>\\n<p>They bring every large ship in.</p>",
      "content_text": "We meet the harbour pilots.\\n\\nThey bring every large ship in.",
      "summary": "We meet the harbour pilots.",
      "image": "https://talk.example/uploads/pilots.jpg",
      "banner_image": "https://talk.example/uploads/pilots-wide.jpg",
      "date_published": "2024-03-04T05:00:00-05:00",
      "date_modified": "2024-03-05T08:00:00Z",
      "authors": [{ "name": "Ada Quay", "url": "https://talk.example/ada", "avatar": "https://talk.example/ada.jpg" }],
      "tags": ["pilots", "interviews"],
      "language": "en-GB",
      "attachments": [
        { "url": "https://cdn.talk.example/12.mp3", "mime_type": "audio/mpeg", "title": "Episode 12", "size_in_bytes": 31457280, "duration_in_seconds": 1965 }
      ]
    },
    {
      "id": "https://talk.example/2024/03/01/note.html",
      "url": "https://talk.example/2024/03/01/note.html",
      "content_text": "A short note: the office opens at eight.",
      "date_published": "2024-03-01T09:00:00Z",
      "author": { "name": "Bo Marin", "url": "https://talk.example/bo" }
    }
  ]
}`;

describe('JSON Feed items, as someone merging JSON feeds passes them', () => {
  it('publish an id that is no URI ("1") as a fragment of the item’s URL, and a UUID as its urn:uuid: IRI', () => {
    const item = { url: 'https://talk.example/1', title: 'One', content_text: 'Hello.', date_published: '2024-03-04T10:00:00Z' };
    const built = buildFeeds(
      [
        { ...item, id: '1' },
        { ...item, url: 'https://talk.example/2', id: 'be633bf1-dfa0-436d-b259-571129a590e5' },
        // JSON Feed has a reader take an id given as a number as its text; two items sharing one URL keep two ids.
        { ...item, id: 3 },
        // The id is percent-encoded, and replaces a fragment the URL has.
        { ...item, url: 'https://talk.example/4#top', id: 'post 4/#é' },
      ] as never[],
      site,
    );
    expect(built.document.items.map((s) => s.id).sort()).toEqual([
      'https://talk.example/1#1',
      'https://talk.example/1#3',
      'https://talk.example/4#post%204%2F%23%C3%A9',
      'urn:uuid:be633bf1-dfa0-436d-b259-571129a590e5',
    ]);
    // Each is said once a build, naming the first item and how many.
    expect(built.warnings.map((w) => w.message)).toEqual([
      'items[1].id "be633bf1-dfa0-436d-b259-571129a590e5" is a bare UUID: it is published as urn:uuid:be633bf1-dfa0-436d-b259-571129a590e5, the standard IRI of a UUID (an Atom id must be an IRI), as is every other item\'s id of a UUID',
      'items[0].id "1" is no URI, as an Atom id must be: it is published as https://talk.example/1#1, the item\'s URL with the id as its fragment, as is every other item\'s id that is no URI (3 items)',
    ]);
    // One holding a character no feed can carry (a lone surrogate) is refused, as any id is.
    expect(itemError(() => buildFeeds([{ ...item, id: 'post-\uD800' }] as never[], site))).toMatch(/^items\[0\]\.id holds .* that XML forbids/);
  });

  it('publish each item’s HTML and text, dates, authors, tags, images, external URL and attachments', async () => {
    const { items } = JSON.parse(JSON_FEED) as { items: Record<string, unknown>[] };
    const built = buildFeeds(items as never[], site);
    expect(built.warnings).toEqual([]);
    expect((await verifyDocument(built.outputs, built.document)).problems).toEqual([]);
    const [pilots, note] = built.document.items;
    expect(pilots).toMatchObject({
      id: 'https://talk.example/2024/03/04/pilots.html',
      title: 'The pilots',
      summary: 'We meet the harbour pilots.',
      contentHtml: '<p>We meet the harbour <em>pilots</em>.</p>\n<p>They bring every large ship in.</p>',
      contentText: 'We meet the harbour pilots.\n\nThey bring every large ship in.',
      externalUrl: 'https://pilots.example/interview',
      banner: 'https://talk.example/uploads/pilots-wide.jpg',
      image: { url: 'https://talk.example/uploads/pilots.jpg' },
      authors: [{ name: 'Ada Quay', url: 'https://talk.example/ada', avatar: 'https://talk.example/ada.jpg' }],
      tags: ['pilots', 'interviews'],
      language: 'en-GB',
      enclosures: [{ url: 'https://cdn.talk.example/12.mp3', type: 'audio/mpeg', title: 'Episode 12', length: 31457280, duration: 1965 }],
    });
    expect(pilots!.published.toISOString()).toBe('2024-03-04T10:00:00.000Z');
    expect(pilots!.updated.toISOString()).toBe('2024-03-05T08:00:00.000Z');
    expect(note).toMatchObject({ contentText: 'A short note: the office opens at eight.', authors: [{ name: 'Bo Marin', url: 'https://talk.example/bo' }] });
    expect(note!.published.toISOString()).toBe('2024-03-01T09:00:00.000Z');
  });

  it('read storyfeed’s name when both are given, and name the other in a warning', () => {
    const item = { url: 'https://talk.example/a', title: 'A', date_published: '2024-03-01T09:00:00Z', contentHtml: '<p>Ours.</p>', content_html: '<p>Theirs.</p>' };
    const built = buildFeeds([item], site);
    expect(built.document.items[0]!.contentHtml).toBe('<p>Ours.</p>');
    expect(built.warnings.map((w) => [w.code, w.message])).toEqual([['W_UNKNOWN_FIELD', "items[0].content_html is not read: the item gives its body under storyfeed's names"]]);
  });

  it('name a wrong member as the item gives it', () => {
    const item = { url: 'https://talk.example/a', title: 'A', date_published: '2024-03-01T09:00:00Z' };
    expect(itemError(() => buildFeeds([{ ...item, date_published: 'last week' }], site))).toMatch(/^items\[0\]\.date_published /);
    expect(itemError(() => buildFeeds([{ ...item, content_html: 42 }], site))).toMatch(/^items\[0\]\.content_html must be text/);
    expect(itemError(() => buildFeeds([{ ...item, attachments: [{ url: 'https://talk.example/a.mp3' }] }], site))).toMatch(/^items\[0\]\.attachments\[0\]\.mime_type is required/);
    expect(itemError(() => buildFeeds([{ ...item, attachments: [{ url: 'https://talk.example/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: '12' }] }], site))).toMatch(
      /^items\[0\]\.attachments\[0\]\.size_in_bytes must be a whole number/,
    );
    expect(itemError(() => buildFeeds([{ ...item, external_url: 'javascript:alert(1)' }], site))).toMatch(/^items\[0\]\.external_url /);
  });
});

/** A Sanity post's body: Portable Text, as its span type's reference shows one block. */
const PORTABLE_TEXT = [
  {
    _key: '9d2d1ed68d84',
    _type: 'block',
    children: [
      { _type: 'span', marks: [], text: 'I am ' },
      { _type: 'span', marks: ['strong'], text: 'strong and ' },
      { _type: 'span', marks: ['strong', 'cbe9d12c6af9'], text: 'annotated' },
    ],
    markDefs: [{ _key: 'cbe9d12c6af9', _type: 'link', href: 'https://www.google.com/?q=annotation' }],
    style: 'normal',
  },
];

/** A Contentful entry's Rich Text field, as the Delivery API gives it. */
const CONTENTFUL_RICH_TEXT = {
  data: {},
  content: [
    {
      data: {},
      content: [
        { data: {}, marks: [], value: 'This is ', nodeType: 'text' },
        { data: {}, marks: [{ type: 'bold' }], value: 'Formatted', nodeType: 'text' },
      ],
      nodeType: 'paragraph',
    },
  ],
  nodeType: 'document',
};

/** A Lexical editor state: Payload's rich text field, and (as JSON text) a Ghost post's `lexical`. */
const LEXICAL = {
  root: {
    children: [
      {
        children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: 'Hello from the editor.', type: 'text', version: 1 }],
        direction: 'ltr',
        format: '',
        indent: 0,
        type: 'paragraph',
        version: 1,
      },
    ],
    direction: 'ltr',
    format: '',
    indent: 0,
    type: 'root',
    version: 1,
  },
};

/** Strapi 5's blocks field. */
const STRAPI_BLOCKS = [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'A paragraph of ' },
      { type: 'text', text: 'blocks', bold: true },
    ],
  },
];

describe('rich text as a CMS’s editor stores it', () => {
  const item = { url: 'https://planet.example/a', title: 'A', published: '2024-03-01T09:00:00Z' };

  it('is an E_ITEM error naming the field and the format, given where the text belongs', () => {
    expect(itemError(() => buildFeeds([{ ...item, contentHtml: PORTABLE_TEXT as never }], site))).toMatch(
      /^items\[0\]\.contentHtml must be text, found a list: Sanity's Portable Text .*@portabletext\/to-html/,
    );
    expect(itemError(() => buildFeeds([{ ...item, contentHtml: CONTENTFUL_RICH_TEXT as never }], site))).toMatch(
      /^items\[0\]\.contentHtml must be text, found a mapping: Contentful's Rich Text .*rich-text-html-renderer/,
    );
    expect(itemError(() => buildFeeds([{ ...item, contentHtml: LEXICAL as never }], site))).toMatch(
      /^items\[0\]\.contentHtml must be text, found a mapping: a Lexical editor's state/,
    );
    expect(itemError(() => buildFeeds([{ ...item, contentMarkdown: STRAPI_BLOCKS as never }], site))).toMatch(
      /^items\[0\]\.contentMarkdown must be text, found a list: blocks of a rich-text editor/,
    );
    expect(itemError(() => buildFeeds([{ ...item, summary: PORTABLE_TEXT as never }], site))).toMatch(/^items\[0\]\.summary must be text, found a list: Sanity's Portable Text/);
    // Another list or object is named as before.
    expect(itemError(() => buildFeeds([{ ...item, contentHtml: ['<p>a</p>'] as never }], site))).toMatch(/^items\[0\]\.contentHtml must be text, found a list \[E_ITEM\]/);
  });

  it('is an error given as its JSON text too, where it would have been published as that text', () => {
    expect(itemError(() => buildFeeds([{ ...item, contentHtml: JSON.stringify(LEXICAL) }], site))).toMatch(
      /^items\[0\]\.contentHtml holds a Lexical editor's state .* as JSON text, not the text itself/,
    );
    expect(itemError(() => buildFeeds([{ ...item, contentText: ` ${JSON.stringify(PORTABLE_TEXT)}\n` }], site))).toMatch(/^items\[0\]\.contentText holds Sanity's Portable Text/);
    // Text that only looks like JSON, or is JSON of something else, is the text it is.
    const json = buildFeeds([{ ...item, contentText: '["harbour", "ferry"]' }], site).document.items[0]!;
    expect(json.contentText).toBe('["harbour", "ferry"]');
    expect(buildFeeds([{ ...item, contentText: '{ a brace }' }], site).document.items[0]!.contentText).toBe('{ a brace }');
  });

  it('given as a post’s body, as Sanity gives it, is named; a body of text there is named in a warning', () => {
    const sanityPost = {
      _id: 'a5d2b1c0-post',
      _type: 'post',
      _createdAt: '2024-03-01T09:00:00Z',
      _updatedAt: '2024-03-02T09:00:00Z',
      title: 'A',
      publishedAt: '2024-03-01T09:00:00Z',
      body: PORTABLE_TEXT,
    };
    expect(itemError(() => buildFeeds([{ ...sanityPost, url: 'https://planet.example/a', published: sanityPost.publishedAt }], site))).toMatch(
      /^items\[0\]\.body must be text, found a list: Sanity's Portable Text/,
    );
    const { warnings, document } = buildFeeds([{ ...item, summary: 'The summary.', body: 'A body under a JSON seed’s name.' }], site);
    expect(document.items[0]!.contentText).toBe('The summary.');
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['W_UNKNOWN_FIELD', 'items[0].body is not read: an item gives its body as contentHtml, contentMarkdown or contentText'],
    ]);
  });
});

/** Posts as Ghost's Content API gives them (`/ghost/api/content/posts/?include=tags,authors`), as its documentation shows one. */
const GHOST_POSTS = `{
  "posts": [
    {
      "slug": "welcome-short",
      "id": "5ddc9141c35e7700383b2937",
      "uuid": "a5aa9bd8-ea31-415c-b452-3040dae1e730",
      "title": "Welcome",
      "html": "<p>👋 Welcome, it's great to have you here.</p>\\n<p>Start with the <a href=\\"https://demo.ghost.io/about/\\">about page</a>.</p>",
      "comment_id": "5ddc9141c35e7700383b2937",
      "feature_image": "https://static.ghost.org/v3.0.0/images/welcome-to-ghost.png",
      "feature_image_alt": null,
      "feature_image_caption": null,
      "featured": false,
      "visibility": "public",
      "created_at": "2019-11-26T02:43:13.000+00:00",
      "updated_at": "2019-11-26T02:44:17.000+00:00",
      "published_at": "2019-11-26T02:44:17.000+00:00",
      "custom_excerpt": "A first post.",
      "codeinjection_head": null,
      "codeinjection_foot": null,
      "custom_template": null,
      "canonical_url": null,
      "url": "https://demo.ghost.io/welcome-short/",
      "excerpt": "👋 Welcome, it's great to have you here.",
      "reading_time": 0,
      "access": true,
      "og_image": null,
      "meta_title": null,
      "meta_description": null,
      "email_subject": null,
      "authors": [
        { "id": "5951f5fca366002ebd5dbef7", "name": "Ghost", "slug": "ghost", "profile_image": "https://static.ghost.org/v3.0.0/images/ghost.png", "url": "https://demo.ghost.io/author/ghost/" }
      ],
      "tags": [
        { "id": "59799bbd6ebb2f00243a33db", "name": "Getting Started", "slug": "getting-started", "visibility": "public", "url": "https://demo.ghost.io/tag/getting-started/" },
        { "id": "59799bbd6ebb2f00243a33dc", "name": "#newsletter", "slug": "hash-newsletter", "visibility": "internal", "url": "https://demo.ghost.io/404/" }
      ],
      "primary_author": { "id": "5951f5fca366002ebd5dbef7", "name": "Ghost", "slug": "ghost", "url": "https://demo.ghost.io/author/ghost/" }
    },
    {
      "slug": "members-news",
      "id": "5ddc9141c35e7700383b2938",
      "uuid": "b5aa9bd8-ea31-415c-b452-3040dae1e731",
      "title": "Members news",
      "html": "<p>The public part.</p><!--members-only--><p>For members only.</p>",
      "visibility": "members",
      "created_at": "2019-11-27T02:43:13.000+00:00",
      "updated_at": "2019-11-27T02:44:17.000+00:00",
      "published_at": "2019-11-27T02:44:17.000+00:00",
      "url": "https://demo.ghost.io/members-news/",
      "excerpt": "The public part.",
      "authors": [],
      "tags": []
    },
    {
      "slug": "about",
      "id": "5ddc9141c35e7700383b2939",
      "uuid": "c5aa9bd8-ea31-415c-b452-3040dae1e732",
      "title": "About",
      "html": "<p>About this site.</p>",
      "type": "page",
      "status": "published",
      "created_at": "2019-11-25T02:43:13.000+00:00",
      "updated_at": "2019-11-25T02:44:17.000+00:00",
      "published_at": "2019-11-25T02:44:17.000+00:00",
      "url": "https://demo.ghost.io/about/"
    }
  ]
}`;

describe('posts of Ghost’s Content API, as they come', () => {
  const ghostSite = { siteUrl: 'https://demo.ghost.io', title: 'Ghost Demo' };
  const posts = (): Record<string, unknown>[] => (JSON.parse(GHOST_POSTS) as { posts: Record<string, unknown>[] }).posts;

  it('publish each post’s HTML, excerpt, dates, authors, tags and image, and leave the site’s pages out', async () => {
    const built = buildFeeds(posts() as never[], ghostSite);
    expect(built.warnings.map((w) => [w.code, w.message])).toEqual([['W_DRAFT', '"About" is a draft and is left out of the feeds']]);
    expect((await verifyDocument(built.outputs, built.document)).problems).toEqual([]);
    expect(built.document.items.map((s) => s.title)).toEqual(['Members news', 'Welcome']);
    const welcome = built.document.items[1]!;
    expect(welcome).toMatchObject({
      id: 'https://demo.ghost.io/welcome-short/',
      url: 'https://demo.ghost.io/welcome-short/',
      summary: 'A first post.',
      authors: [{ name: 'Ghost', url: 'https://demo.ghost.io/author/ghost/' }],
      tags: ['Getting Started'],
      image: { url: 'https://static.ghost.org/v3.0.0/images/welcome-to-ghost.png' },
    });
    expect(welcome.contentHtml).toContain('<a href="https://demo.ghost.io/about/">about page</a>');
    expect(welcome.published.toISOString()).toBe('2019-11-26T02:44:17.000Z');
    // A post for members is published as a visitor sees it: the part before its paywall card.
    expect(built.document.items[0]!.contentHtml).toBe('<p>The public part.</p>');
  });

  it('read a post of Ghost’s export, its addresses written with __GHOST_URL__, and leave out one Ghost has not published', () => {
    const [post] = posts();
    const exported = { ...post, url: '__GHOST_URL__/welcome-short/', feature_image: '__GHOST_URL__/content/images/welcome.png', authors: undefined, tags: undefined };
    const [story] = buildFeeds([exported, { ...exported, uuid: 'd5aa9bd8-ea31-415c-b452-3040dae1e733', url: '__GHOST_URL__/draft/', status: 'draft' }], ghostSite).document.items;
    expect(story).toMatchObject({ url: 'https://demo.ghost.io/welcome-short/', image: { url: 'https://demo.ghost.io/content/images/welcome.png' } });
    expect(buildFeeds([exported, { ...exported, url: '__GHOST_URL__/draft/', status: 'draft' }], ghostSite).document.items).toHaveLength(1);
  });

  it('name a wrong field as the post gives it, and a post whose text is only in Ghost’s editor format', () => {
    const [post] = posts();
    expect(itemError(() => buildFeeds([{ ...post, published_at: 'soon' } as never], ghostSite))).toMatch(/^items\[0\]\.published_at /);
    expect(itemError(() => buildFeeds([{ ...post, feature_image: 'javascript:alert(1)' } as never], ghostSite))).toMatch(/^items\[0\]\.feature_image /);
    const lexical = JSON.stringify(LEXICAL);
    expect(itemError(() => buildFeeds([{ ...post, html: undefined, lexical } as never], ghostSite))).toMatch(/^items\[0\]\.lexical holds a Lexical editor's state .* as JSON text/);
  });

  it('take a post without its HTML (html: null) as any item without a body: its summary alone, else E_ITEM naming html', () => {
    const [post] = posts();
    for (const html of [null, undefined])
      expect(itemError(() => buildFeeds([{ ...post, html, custom_excerpt: null } as never], ghostSite))).toMatch(
        /^items\[0\]\.html is required: the post's HTML, which Ghost's Admin API gives only when asked for it \(`\?formats=html`\)/,
      );
    const { document } = buildFeeds([{ ...post, html: null, custom_excerpt: 'The custom excerpt.' } as never], ghostSite);
    expect(document.items[0]!.contentText).toBe('The custom excerpt.');
  });
});

describe('entries of other CMSs, as their APIs give them', () => {
  /** An entry of Strapi 5 (flattened; Strapi 4 nests the same fields under `attributes`), with its URL added. */
  const strapiEntry = {
    id: 14,
    documentId: 'clkgylmcc000008lcdd868feh',
    title: 'Article A',
    slug: 'article-a',
    description: 'The summary.',
    createdAt: '2023-09-05T02:10:12.273Z',
    updatedAt: '2023-09-05T06:06:27.575Z',
    publishedAt: '2023-09-05T02:44:05.136Z',
    locale: 'en',
  };

  it('name a record number or a record id given as the id, and what to give instead', () => {
    expect(itemError(() => buildFeeds([{ ...strapiEntry, url: '/article-a', published: strapiEntry.publishedAt } as never], site))).toMatch(
      /^items\[0\]\.id must be text, found number 14: a record number of a CMS or database is no id a feed can carry; leave it out \(the item's id is then its url\)/,
    );
    // A Notion page's id is a UUID: a feed carries it as urn:uuid:….
    const notionPage = { url: '/p', title: 'P', published: '2022-10-24T22:54:00.000Z', id: 'be633bf1-dfa0-436d-b259-571129a590e5' };
    expect(itemError(() => buildFeeds([notionPage], site))).toMatch(/^items\[0\]\.id .*: a UUID is one written urn:uuid:be633bf1-dfa0-436d-b259-571129a590e5/);
    expect(buildFeeds([{ ...notionPage, id: 'urn:uuid:be633bf1-dfa0-436d-b259-571129a590e5' }], site).document.items[0]!.id).toBe('urn:uuid:be633bf1-dfa0-436d-b259-571129a590e5');
    expect(itemError(() => buildFeeds([{ ...notionPage, id: '65a1' }], site))).toMatch(/^items\[0\]\.id "65a1" must be an absolute URI .*leave it out/);
  });

  it('name the fields holding dates when none is under a name storyfeed reads', () => {
    const { id: _, ...withoutId } = strapiEntry;
    expect(itemError(() => buildFeeds([{ ...withoutId, url: '/article-a' }], site))).toMatch(
      /^items\[0\]\.published is required: .*; items\[0\]\.createdAt, items\[0\]\.updatedAt, items\[0\]\.publishedAt hold dates under a name storyfeed does not read: give the publication date as published/,
    );
    // Without such a field, the message is as it was.
    expect(itemError(() => buildFeeds([{ url: '/a', title: 'A', slug: '2024' }], site))).toMatch(
      /^items\[0\]\.published is required: give the date the item was published \(a Date or an ISO 8601 string\) \[E_ITEM\]/,
    );
  });

  it('name the record holding an entry’s fields, as Strapi 4 and Contentful nest them', () => {
    expect(itemError(() => buildFeeds([{ id: 14, attributes: { title: 'Article A', slug: 'article-a', publishedAt: '2023-09-05T02:44:05.136Z' } } as never], site))).toMatch(
      /^items\[0\]\.url is required .*; the item's fields are under items\[0\]\.attributes \(it holds title, slug\), as a CMS's API nests an entry's: pass that record's fields, with url/,
    );
    const contentful = { sys: { id: '7gRkxpacpEf7yLjL1ukb4G', type: 'Entry', createdAt: '2020-07-21T12:34:49.321Z' }, fields: { title: 'CF', slug: 'cf' } };
    expect(itemError(() => buildFeeds([contentful as never], site))).toMatch(/; the item's fields are under items\[0\]\.fields \(it holds title, slug\)/);
    // With the URL added and the fields left nested, the title is required, and the record named.
    expect(itemError(() => buildFeeds([{ ...contentful, url: '/cf', published: '2020-07-21T12:34:49.321Z' } as never], site))).toMatch(
      /^items\[0\]\.title is required when the item has no summary or body; the item's fields are under items\[0\]\.fields \(it holds title, slug\)/,
    );
  });

  it('name no file, image or iTunes record as the one holding the item’s fields', () => {
    // A podcast episode as rss-parser gives it, with no link: its records describe its files, not the item.
    const episode = {
      title: 'Ep 1',
      guid: 'Buzzsprout-1',
      isoDate: '2024-01-01T10:00:00.000Z',
      content: 'Notes.',
      enclosure: { url: 'https://cdn.example.com/ep1.mp3', length: '12345', type: 'audio/mpeg', title: 'Episode 1 audio' },
      image: { url: 'https://cdn.example.com/ep1.jpg', title: 'Episode 1' },
      itunes: { author: 'Jane', duration: '1:00', image: 'https://cdn.example.com/ep1.jpg', title: 'Episode 1' },
      media: { url: 'https://cdn.example.com/ep1.mp4', title: 'Episode 1 video', medium: 'video' },
    };
    const message = itemError(() => buildFeeds([episode as never], site));
    expect(message).toMatch(/^items\[0\]\.url is required /);
    expect(message).not.toContain('fields are under');
    // A record with a title and a body is the item's, with or without its url.
    const nested = { id: 3, data: { title: 'Nested', url: '/nested', content: 'The body.' } };
    expect(itemError(() => buildFeeds([nested as never], site))).toMatch(/; the item's fields are under items\[0\]\.data \(it holds title, url, content\)/);
  });

  it('read a Sanity slug as its current text', () => {
    const post = { url: '/s', title: 'Sanity', published: '2024-01-02T03:04:05Z', slug: { _type: 'slug', current: 'harbour-news' } };
    expect(toStories([post as never], site)[0]!.slug).toBe('harbour-news');
    expect(itemError(() => buildFeeds([{ ...post, slug: { _type: 'slug', current: 4 } } as never], site))).toMatch(/^items\[0\]\.slug\.current must be text/);
  });
});

describe('entries their CMS has not published', () => {
  const entry = { url: '/a', title: 'A', published: '2024-03-01T09:00:00Z', contentHtml: '<p>Text.</p>' };
  const titles = (items: Record<string, unknown>[]): string[] => buildFeeds(items as never[], site).document.items.map((s) => s.title);

  it('are left out as drafts, as their status says: Directus’s status, Payload’s _status, a Sanity draft’s id', () => {
    const directus = [
      { ...entry, title: 'Directus published', status: 'published' },
      { ...entry, url: '/b', title: 'Directus draft', status: 'draft' },
      { ...entry, url: '/c', title: 'Directus archived', status: 'archived' },
    ];
    expect(titles(directus)).toEqual(['Directus published']);
    expect(
      titles([
        { ...entry, _status: 'published' },
        { ...entry, url: '/b', title: 'Payload draft', _status: 'draft' },
      ]),
    ).toEqual(['A']);
    expect(
      titles([
        { ...entry, _id: 'a5d2b1c0' },
        { ...entry, url: '/b', title: 'Sanity draft', _id: 'drafts.a5d2b1c0' },
      ]),
    ).toEqual(['A']);
    expect(buildFeeds([entry, { ...entry, url: '/b', status: 'draft' }], site).warnings.map((w) => w.code)).toEqual(['W_DRAFT']);
  });

  it('are named in the W_DRAFT warning by the field that makes each a draft', () => {
    const warned = (item: Record<string, unknown>): string[] => buildFeeds([entry, { ...item, url: '/b' }] as never[], site).warnings.map((w) => `${w.code} ${w.message}`);
    expect(warned({ ...entry, status: 'Draft ' })).toEqual(['W_DRAFT "A" is a draft (items[1].status is "Draft ") and is left out of the feeds']);
    expect(warned({ ...entry, _status: 'draft' })).toEqual(['W_DRAFT "A" is a draft (items[1]._status is "draft") and is left out of the feeds']);
    expect(warned({ ...entry, _id: 'drafts.a5d2b1c0' })).toEqual(['W_DRAFT "A" is a draft (items[1]._id "drafts.a5d2b1c0" is a Sanity draft\'s) and is left out of the feeds']);
    // An item's own draft: true says it itself.
    expect(warned({ ...entry, draft: true })).toEqual(['W_DRAFT "A" is a draft and is left out of the feeds']);
  });

  it('are published when the item says draft: false, and a status of another kind is not read', () => {
    expect(titles([{ ...entry, status: 'draft', draft: false }])).toEqual(['A']);
    expect(
      titles([
        { ...entry, status: 'breaking' },
        { ...entry, url: '/b', status: 3 },
      ]),
    ).toEqual(['A', 'A']);
  });
});

describe('a post’s text under content, as Strapi, Directus and Payload give it', () => {
  const entry = { url: '/a', title: 'A', published: '2024-03-01T09:00:00Z', summary: 'The summary.' };

  it('is named when the item gives no body: rich text as what it is, text in a warning', () => {
    expect(itemError(() => buildFeeds([{ ...entry, content: LEXICAL } as never], site))).toMatch(/^items\[0\]\.content must be text, found a mapping: a Lexical editor's state/);
    expect(itemError(() => buildFeeds([{ ...entry, content: STRAPI_BLOCKS } as never], site))).toMatch(
      /^items\[0\]\.content must be text, found a list: blocks of a rich-text editor/,
    );
    const { warnings } = buildFeeds([{ ...entry, content: '<p>Directus’s WYSIWYG text.</p>' } as never], site);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['W_UNKNOWN_FIELD', 'items[0].content is not read: an item gives its body as contentHtml, contentMarkdown or contentText'],
    ]);
  });

  it('holding a value that is neither text nor rich text (a dynamic zone, an object, a number), is named in a warning and the summary is the body', () => {
    const others: [string, unknown, string][] = [
      ['content', [{ __component: 'shared.media', id: 1 }], 'a list'],
      ['content', { rendered: '<p>x</p>' }, 'a mapping'],
      ['body', { foo: 1 }, 'a mapping'],
      ['body', 42, 'number 42'],
    ];
    for (const [name, value, found] of others) {
      const { warnings, document } = buildFeeds([{ ...entry, [name]: value } as never], site);
      expect(document.items[0]!.contentText).toBe('The summary.');
      expect(warnings.map((w) => [w.code, w.message])).toEqual([
        ['W_UNKNOWN_FIELD', `items[0].${name} is not read: it holds ${found}, not text (an item gives its body as contentHtml, contentMarkdown or contentText)`],
      ]);
    }
  });

  it('is left as it was beside a body of the item’s own', () => {
    expect(buildFeeds([{ ...entry, contentText: 'Body.', content: LEXICAL } as never], site).warnings).toEqual([]);
  });
});
