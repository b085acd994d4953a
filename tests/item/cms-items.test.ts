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
