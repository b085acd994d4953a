import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { buildFeeds } from '../../src/pipeline.js';
import { verifyDocument } from '../../src/verify/index.js';

/**
 * Items in the shapes other tools hand over (a JSON feed's items, a CMS's API answers), passed to storyfeed as they
 * come: a known shape is read fully, and a field storyfeed cannot read is an `E_ITEM` error naming it.
 */

const site = { siteUrl: 'https://planet.example', title: 'Harbour Planet', description: 'Feeds from the harbour.', language: 'en' };

/** The E_ITEM message `fn` throws (fails the test when it throws anything else, or nothing). */
function itemError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isStoryfeedError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected an E_ITEM error');
}

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
