import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { buildFeedSet } from '../../src/feed/sets.js';
import { renderAtom, renderFeeds, renderFormat, renderJson, renderRss } from '../../src/render/index.js';
import { buildFeeds } from '../../src/pipeline.js';
import type { FeedDocument } from '../../src/types.js';

/**
 * The renderers take a feed document from their caller: one edited by hand, or cached as JSON and read back
 * (its dates are then text), is refused with `E_ITEM` naming the field, never a TypeError or RangeError
 * from inside a renderer.
 */

const site = { siteUrl: 'https://x.example', title: 'X', namespaces: { ex: 'https://x.example/ns' } };
const built = () =>
  buildFeeds(
    [
      {
        url: '/a',
        title: 'A',
        published: '2024-01-02T03:04:05Z',
        contentHtml: '<p>Hi</p>',
        tags: ['t'],
        authors: [{ name: 'Ann', url: 'https://x.example/ann' }],
        image: '/a.png',
        enclosures: [{ url: '/a.mp3', type: 'audio/mpeg', length: 3, duration: 60 }],
        episode: { episode: 1, explicit: false, transcripts: [{ url: '/a.vtt', type: 'text/vtt' }] },
        extensions: { xml: { 'ex:rating': ['a', 'b'] }, json: { _ex: { rating: 'a' } } },
      },
    ],
    site,
  );

/** The message of the E_ITEM error `render` stops with (a TypeError fails the test). */
function problem(render: () => unknown): string {
  try {
    render();
  } catch (error) {
    expect(isStoryfeedError(error) && error.code, String(error)).toBe('E_ITEM');
    return (error as Error).message;
  }
  throw new Error('rendered');
}

const renderers: [string, (doc: FeedDocument) => unknown][] = [
  ['renderRss', renderRss],
  ['renderAtom', renderAtom],
  ['renderJson', renderJson],
  ['renderFeeds', renderFeeds],
  ['renderFormat', (doc) => renderFormat(doc, 'json')],
];

describe('a feed document given to the renderers', () => {
  it('read back from JSON is refused naming its first date, and renders as before once its dates are Dates again', () => {
    const { document, outputs } = built();
    const cached = JSON.parse(JSON.stringify(document)) as FeedDocument;
    for (const [name, render] of renderers)
      expect(
        problem(() => render(cached)),
        name,
      ).toMatch(/^doc\.updated must be a Date, found "2024-01-02T03:04:05\.000Z" \(a document read back from JSON/);
    cached.updated = new Date(cached.updated);
    expect(problem(() => renderFeeds(cached))).toMatch(/^doc\.items\[0\]\.published must be a Date/);
    for (const item of cached.items) Object.assign(item, { published: new Date(item.published), updated: new Date(item.updated) });
    expect(renderFeeds(cached)).toEqual(outputs);
  });

  it('with a field missing, of the wrong type or unreadable, is refused naming the field', () => {
    const cases: [(doc: FeedDocument) => unknown, RegExp][] = [
      [() => null, /^doc must be a feed document/],
      [(doc) => ({ ...doc, items: null }), /^doc\.items must be a list, found null/],
      [(doc) => ({ ...doc, items: [null] }), /^doc\.items\[0\] must be a feed item, found null/],
      [(doc) => ({ ...doc, title: 5 }), /^doc\.title must be text, found number 5/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, title: undefined }] }), /^doc\.items\[0\]\.title must be text, found nothing/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, url: '/a' }] }), /^doc\.items\[0\]\.url must be an absolute URL, found "\/a"/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, published: new Date(Number.NaN) }] }), /^doc\.items\[0\]\.published must be a valid Date from year 0000 to 9999/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, tags: [1] }] }), /^doc\.items\[0\]\.tags\[0\] must be text, found number 1/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, authors: ['Ann'] }] }), /^doc\.items\[0\]\.authors\[0\] must be \{ name/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, enclosures: [{ url: '/a.mp3' }] }] }), /^doc\.items\[0\]\.enclosures\[0\]\.type must be text/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, episode: { duration: '1:00' } }] }), /^doc\.items\[0\]\.episode\.duration must be a whole number/],
      [(doc) => ({ ...doc, items: [{ ...doc.items[0]!, extensions: { xml: { 'ex:a': 1 } } }] }), /^doc\.items\[0\]\.extensions\.xml\["ex:a"\] must be text/],
      [(doc) => ({ ...doc, podcast: { image: 'https://x.example/art.jpg', explicit: false } }), /^doc\.podcast\.categories must be a list/],
      [
        (doc) => ({
          ...doc,
          items: [
            Object.defineProperty({ ...doc.items[0]! }, 'summary', {
              get() {
                throw new Error('boom');
              },
            }),
          ],
        }),
        /^doc\.items\[0\] cannot be read: boom/,
      ],
    ];
    for (const [edit, message] of cases) {
      const doc = edit(built().document) as FeedDocument;
      for (const [name, render] of renderers)
        expect(
          problem(() => render(doc)),
          `${name} ${message}`,
        ).toMatch(message);
    }
  });

  it('as buildFeedDocument and buildFeedSet make them renders: a podcast, archive pages, tag feeds', () => {
    const podcast = { image: 'https://x.example/art.jpg', categories: [{ text: 'News' }], explicit: false, owner: { name: 'Ann', email: 'ann@x.example' } };
    const items = Array.from({ length: 5 }, (_, i) => ({
      url: `/${i}`,
      title: `T${i}`,
      published: `2024-01-0${i + 1}`,
      tags: ['t'],
      enclosures: [{ url: `/${i}.mp3`, type: 'audio/mpeg' }],
    }));
    const set = buildFeedSet(items, { ...site, podcast, archive: true, itemLimit: 2 }, { tagFeeds: true, authorFeeds: true });
    expect(set.length).toBeGreaterThan(2);
    for (const entry of set) expect(renderFeeds(entry.document).rss).toContain('<rss');
  });
});
