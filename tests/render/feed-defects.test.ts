import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { buildFeedDocument } from '../../src/feed/document.js';
import { renderAtom, renderFeeds, renderJson, renderRss } from '../../src/render/index.js';
import type { FeedDocument, FeedItem, SiteConfig, Story } from '../../src/types.js';
import { checkWellFormedXml, readFeed, verifyDocument } from '../../src/verify/index.js';

// One regression test per known defect of feed@6 (see the research notes) that reaches our output.
// Each test fails if the corresponding correction in src/render (or the document builder) is lost.

const NOW = new Date('2024-01-15T10:00:00Z');

function item(extra: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 'https://ex.com/1',
    url: 'https://ex.com/1',
    title: 'T',
    summary: 'S',
    contentHtml: '<p>C</p>',
    contentText: 'C',
    published: NOW,
    updated: NOW,
    authors: [{ name: 'Jane Doe', email: 'jane@ex.com' }],
    tags: [],
    ...extra,
  };
}

function doc(items: FeedItem[] = [item()], extra: Partial<FeedDocument> = {}): FeedDocument {
  return {
    title: 'Feed',
    description: 'About',
    siteUrl: 'https://ex.com/',
    language: 'uk',
    selfUrls: { rss: 'https://ex.com/rss.xml', atom: 'https://ex.com/atom.xml', json: 'https://ex.com/feed.json' },
    updated: NOW,
    authors: [{ name: 'Desk', email: 'desk@ex.com' }],
    generator: { name: 'storyfeed', version: '0.1.0', url: 'https://www.npmjs.com/package/storyfeed' },
    items,
    ...extra,
  };
}

function expectWellFormed(xml: string): void {
  const result = checkWellFormedXml(xml);
  if (!result.ok) throw new Error(`not well-formed: ${result.error.message} at ${result.error.line}:${result.error.column}`);
}

/** Renders, checks both XML outputs strictly, and verifies all three against the document. */
async function roundTrip(d: FeedDocument): Promise<void> {
  const outputs = renderFeeds(d);
  expectWellFormed(outputs.rss);
  expectWellFormed(outputs.atom);
  expect((await verifyDocument(outputs, d)).problems).toEqual([]);
}

describe('feed@6 defects that must stay corrected', () => {
  it('JSON Feed is 1.1, not 1.0', async () => {
    const json = JSON.parse(renderJson(doc())) as Record<string, unknown>;
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect((await readFeed(renderJson(doc()))).version).toBe('1.1');
  });

  it('every "]]>" is split, not only the first', async () => {
    const d = doc([item({ title: 'a ]]> b ]]> c', summary: 'x ]]> y ]]> z', contentHtml: '<p>1 ]]> 2 ]]> 3 ]]></p>' })], { title: ']]>]]>' });
    const outputs = renderFeeds(d);
    expect(outputs.rss).not.toContain('> b ]]> c');
    await roundTrip(d);
    const atom = await readFeed(outputs.atom);
    expect(atom.items[0]?.contentHtml).toBe('<p>1 ]]> 2 ]]> 3 ]]></p>');
  });

  it('characters XML forbids never reach the output', async () => {
    const warnings: Diagnostic[] = [];
    const story: Story = {
      id: 'https://ex.com/s',
      slug: 's',
      url: 'https://ex.com/s',
      title: 'Bad\u0000Nul\u000BVT\uFFFEend',
      summary: 'a\u0001b',
      published: NOW,
      updated: NOW,
      authors: [{ name: 'Ja\u0008ne' }],
      language: 'en',
      sections: [],
      quotes: [],
      sources: [],
      entities: { people: [], organizations: [], places: [] },
      tags: ['t\u001Fag'],
      wordCount: 1,
      readingMinutes: 1,
      contentHtml: '<p>x\uFFFF\uD800y</p>',
      contentText: 'x\u0000y',
      draft: false,
    };
    const site: SiteConfig = { siteUrl: 'https://ex.com', title: 'Site\u000C', description: 'D', language: 'en', authors: [] };
    const d = buildFeedDocument([story], site, { onWarning: (w) => warnings.push(w) });
    expect(d.items[0]).toMatchObject({ title: 'BadNulVTend', summary: 'ab', contentHtml: '<p>xy</p>', contentText: 'xy', tags: ['tag'], authors: [{ name: 'Jane' }] });
    expect(warnings.map((w) => w.code)).toContain('W_ILLEGAL_CHAR');
    await roundTrip(d);
  });

  it('a non-URL id does not throw in Atom, and every format writes the id unchanged', async () => {
    const d = doc([item({ id: 'post-1' }), item({ id: 'HTTPS://Ex.com/a b', url: 'https://ex.com/2' })]);
    expect(() => renderAtom(d)).not.toThrow();
    const outputs = renderFeeds(d);
    expect(outputs.atom).toContain('<id>post-1</id>');
    expect(outputs.atom).toContain('<id>HTTPS://Ex.com/a b</id>');
    for (const format of ['rss', 'atom', 'json'] as const) {
      expect((await readFeed(outputs[format])).items.map((i) => i.id)).toEqual(['post-1', 'HTTPS://Ex.com/a b']);
    }
    await roundTrip(d);
  });

  it('guid isPermaLink is true exactly when the id is the URL', async () => {
    const outputs = renderFeeds(doc([item(), item({ id: 'tag:ex.com,2024:2', url: 'https://ex.com/2' })]));
    expect((await readFeed(outputs.rss)).items.map((i) => i.isPermaLink)).toEqual([true, false]);
  });

  it('RSS <author> only for a sole author with an email; otherwise one dc:creator naming everyone', async () => {
    const several = renderRss(doc([item({ authors: [{ name: 'Jane Doe' }, { name: 'Joe Bloggs', email: 'joe@ex.com' }, { name: 'Ann Lee', url: 'https://ex.com/ann' }] })]));
    expect(several).not.toContain('<author>');
    expect([...several.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => m[1])).toEqual(['Jane Doe, Joe Bloggs, Ann Lee']);
    const parsed = await readFeed(several);
    expect(parsed.problems).toEqual([]);
    expect(parsed.items[0]!.authors).toEqual([{ name: 'Jane Doe' }, { name: 'Joe Bloggs' }, { name: 'Ann Lee' }]);
    const sole = renderRss(doc([item({ authors: [{ name: 'Joe', email: 'joe@ex.com' }] })]));
    expect([...sole.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1])).toEqual(['joe@ex.com (Joe)']);
    const bare = renderRss(doc([item({ authors: [{ name: 'Jane' }] })]));
    expect(bare).not.toContain('<author>');
    expect(bare).toContain('<dc:creator>Jane</dc:creator>');
    await roundTrip(doc([item({ authors: [{ name: 'Jane Doe' }, { name: 'Joe', email: 'joe@ex.com' }] })]));
  });

  describe('the clock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is never read for lastBuildDate or updated', () => {
      const d = doc();
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2031-07-01T00:00:00Z'));
      const first = renderFeeds(d);
      vi.setSystemTime(new Date('2042-12-31T23:59:59Z'));
      const second = renderFeeds(d);
      expect(second).toEqual(first);
      expect(first.rss).toContain('<lastBuildDate>Mon, 15 Jan 2024 10:00:00 GMT</lastBuildDate>');
      expect(first.atom).toContain('<updated>2024-01-15T10:00:00.000Z</updated>');
      expect(`${first.rss}${first.atom}${first.json}`).not.toMatch(/2031|2042/);
    });
  });

  it('attribute values are escaped: no raw "<" or "&" in category terms, URLs or domains', async () => {
    const d = doc([item({ tags: ['R&D <x> "q"', 'a&b'], image: { url: 'https://ex.com/i.png?a=1&b=<2>', type: 'image/png' } })], { hub: 'https://hub.ex.com/?a=1&b=2' });
    const outputs = renderFeeds(d);
    expect(outputs.atom).toContain('<category term="R&amp;D &lt;x&gt; &quot;q&quot;"/>');
    expect(outputs.rss).not.toMatch(/="[^"]*&(?!amp;|lt;|gt;|quot;|#)/);
    expect(outputs.atom).not.toMatch(/="[^"]*&(?!amp;|lt;|gt;|quot;|#)/);
    await roundTrip(d);
  });

  it('Atom titles and summaries are plain text (type="text"), not HTML in CDATA', async () => {
    const d = doc([item({ title: 'Tom & Jerry <script> A<B', summary: 'x < y & <b>not bold</b>' })]);
    const atom = renderAtom(d);
    expect(atom).toContain('<title type="text">Tom &amp; Jerry &lt;script&gt; A&lt;B</title>');
    expect(atom).toContain('<summary type="text">x &lt; y &amp; &lt;b&gt;not bold&lt;/b&gt;</summary>');
    expect(atom).not.toContain('type="html"><![CDATA[Tom');
    expect((await readFeed(atom)).items[0]).toMatchObject({ title: 'Tom & Jerry <script> A<B', summary: 'x < y & <b>not bold</b>' });
    await roundTrip(d);
  });

  it('image MIME types come from the story, never guessed from the extension (no image/jpg)', async () => {
    const d = doc([
      item({ image: { url: 'https://ex.com/a.jpg', type: 'image/jpeg' } }),
      item({ id: 'https://ex.com/2', url: 'https://ex.com/2', image: { url: 'https://ex.com/b.jpg' } }),
      item({ id: 'https://ex.com/3', url: 'https://ex.com/3', image: { url: 'https://EX.com/c.JPG', type: 'image/jpeg' } }),
    ]);
    const outputs = renderFeeds(d);
    expect(`${outputs.rss}${outputs.atom}`).not.toMatch(/image\/jpg|image\/JPG/i);
    const atom = await readFeed(outputs.atom);
    expect(atom.items.map((i) => i.image)).toEqual([
      { url: 'https://ex.com/a.jpg', type: 'image/jpeg' },
      { url: 'https://ex.com/b.jpg' },
      { url: 'https://ex.com/c.JPG', type: 'image/jpeg' },
    ]);
    await roundTrip(d);
  });

  it('each format announces its own self link', async () => {
    const outputs = renderFeeds(doc());
    const [rss, atom, json] = await Promise.all([readFeed(outputs.rss), readFeed(outputs.atom), readFeed(outputs.json)]);
    expect([rss.selfUrl, atom.selfUrl, json.selfUrl]).toEqual(['https://ex.com/rss.xml', 'https://ex.com/atom.xml', 'https://ex.com/feed.json']);
  });

  it('JSON Feed keeps every author, at feed and item level', async () => {
    const authors = [{ name: 'A', url: 'https://ex.com/a' }, { name: 'B', email: 'b@ex.com' }, { name: 'C' }];
    const d = doc([item({ authors })], { authors });
    const json = JSON.parse(renderJson(d)) as { authors: unknown[]; items: { authors: unknown[] }[] };
    expect(json.authors).toEqual([{ name: 'A', url: 'https://ex.com/a' }, { name: 'B' }, { name: 'C' }]);
    expect(json.items[0]?.authors).toHaveLength(3);
    await roundTrip(d);
  });

  it('Atom and JSON Feed carry the language', async () => {
    const d = doc([item({ language: 'en' })]);
    const outputs = renderFeeds(d);
    expect((await readFeed(outputs.atom)).language).toBe('uk');
    const json = await readFeed(outputs.json);
    expect(json.language).toBe('uk');
    expect(json.items[0]?.language).toBe('en');
  });

  it("an Atom entry in another language than the feed's carries its xml:lang; one in the feed's inherits it", async () => {
    const d = doc([item({ id: 'https://ex.com/ar', url: 'https://ex.com/ar', title: 'افتتاح المتحف', language: 'ar' }), item()]);
    const atom = renderAtom(d);
    expect(atom).toContain('<entry xml:lang="ar">');
    expect(atom.match(/<entry>/g)).toHaveLength(1);
    const parsed = await readFeed(atom);
    expect(parsed.items.map((i) => i.language)).toEqual(['ar', undefined]);
    // The verifier compares the entry's language with the story's: a lost xml:lang is a problem it reports.
    expect((await verifyDocument({ atom }, d)).problems).toEqual([]);
    const lost = await verifyDocument({ atom: atom.replace('<entry xml:lang="ar">', '<entry>') }, d);
    expect(lost.problems.map((p) => p.field)).toContain('language');
    // The feed's own elements still come before its first entry when that entry has a language of its own.
    const withChannel = renderAtom({ ...d, extensions: { xml: { 'dc:rights': 'CC BY' } } });
    expect(withChannel.indexOf('<dc:rights>')).toBeGreaterThan(0);
    expect(withChannel.indexOf('<dc:rights>')).toBeLessThan(withChannel.indexOf('<entry'));
  });

  it('the stylesheet href is escaped, and its type follows the extension', () => {
    const xsl = renderFeeds(doc([item()], { stylesheet: '/s.xsl?a=1&b=2' }));
    expect(xsl.rss).toContain('<?xml-stylesheet href="/s.xsl?a=1&amp;b=2" type="text/xsl"?>');
    expect(xsl.atom).toContain('<?xml-stylesheet href="/s.xsl?a=1&amp;b=2" type="text/xsl"?>');
    const css = renderRss(doc([item()], { stylesheet: '/feed.css?x="1"<2>?>' }));
    expect(css).toContain('type="text/css"?>');
    expectWellFormed(xsl.rss);
    expectWellFormed(xsl.atom);
    expectWellFormed(css);
  });

  it('text that looks like an entity ("&amp;") comes back as written', async () => {
    const d = doc(
      [
        item({
          title: 'Tom &amp; Jerry',
          summary: '&lt;b&gt; is &amp;',
          contentHtml: '<p>&amp;amp;</p>',
          tags: ['&amp;', '&#38;'],
          authors: [{ name: 'A &amp; B', email: 'ab@ex.com' }, { name: '&lt;C&gt;' }],
        }),
      ],
      {
        title: 'News &amp; Views',
        description: '&copy; us',
        selfUrls: { rss: 'https://ex.com/rss.xml?x=&amp;', atom: 'https://ex.com/atom.xml?x=&amp;', json: 'https://ex.com/feed.json' },
      },
    );
    const outputs = renderFeeds(d);
    for (const format of ['rss', 'atom', 'json'] as const) {
      const feed = await readFeed(outputs[format]);
      expect(feed.title).toBe('News &amp; Views');
      expect(feed.items[0]).toMatchObject({ title: 'Tom &amp; Jerry', summary: '&lt;b&gt; is &amp;', contentHtml: '<p>&amp;amp;</p>', tags: ['&amp;', '&#38;'] });
    }
    expect(renderAtom(d)).toContain('<id>https://ex.com/atom.xml?x=&amp;amp;</id>');
    await roundTrip(d);
  });

  it('the deprecated JSON Feed 1.0 author is the first of authors, url included', async () => {
    const authors = [{ name: 'A', url: 'https://ex.com/a' }, { name: 'B' }];
    const text = renderJson(doc([item({ authors })], { authors }));
    const json = JSON.parse(text) as { author: unknown; items: { author: unknown }[] };
    expect(json.author).toEqual({ name: 'A', url: 'https://ex.com/a' });
    expect(json.items[0]?.author).toEqual({ name: 'A', url: 'https://ex.com/a' });
    expect((await readFeed(text)).problems).toEqual([]);
  });

  it('a JSON Feed item with a summary but no HTML body keeps its summary', async () => {
    const json = JSON.parse(renderJson(doc([item({ contentHtml: '', summary: 'Only a summary' })]))) as { items: Record<string, unknown>[] };
    expect(json.items[0]?.summary).toBe('Only a summary');
  });
});

describe('values at the edges of what the formats allow', () => {
  it('an enclosure of length 0 ("size unknown") verifies: RSS and Atom keep the 0, Media RSS has no fileSize', async () => {
    const outputs = renderFeeds(doc([item({ enclosures: [{ url: 'https://ex.com/a.mp3', type: 'audio/mpeg', length: 0 }] })]));
    expect(outputs.rss).toContain('length="0"');
    expect(outputs.rss).toMatch(/<media:content url="https:\/\/ex\.com\/a\.mp3" type="audio\/mpeg"\s*\/>/);
    const sized = renderFeeds(doc([item({ enclosures: [{ url: 'https://ex.com/a.mp3', type: 'audio/mpeg', length: 12 }] })]));
    expect(sized.rss).toContain('fileSize="12"');
    expect((await verifyDocument(outputs, doc([item({ enclosures: [{ url: 'https://ex.com/a.mp3', type: 'audio/mpeg', length: 0 }] })]))).problems).toEqual([]);
  });

  it('half a surrogate pair in a JSON extension, in a key or a value, of an item or the site, is taken out with a warning', async () => {
    const warnings: Diagnostic[] = [];
    const site: SiteConfig = { siteUrl: 'https://ex.com', title: 'X', extensions: { json: { _site: { 'k\ud800': 'v\udc00w' } } } };
    const items = [
      { url: 'https://ex.com/a', title: 'A', published: '2024-01-01T00:00:00Z', contentText: 'Hi.', extensions: { json: { _ex: { a: ['x\ud800y', { b: '\ud83d\ude00 ok' }] } } } },
    ];
    const document = buildFeedDocument(items, site, { onWarning: (d) => warnings.push(d) });
    expect(document.items[0]!.extensions!.json).toEqual({ _ex: { a: ['xy', { b: '\ud83d\ude00 ok' }] } });
    expect(document.extensions!.json).toEqual({ _site: { k: 'vw' } });
    expect(warnings.map((w) => w.code)).toEqual(['W_ILLEGAL_CHAR', 'W_ILLEGAL_CHAR']);
    const outputs = renderFeeds(document);
    expect((outputs.json as string & { isWellFormed(): boolean }).isWellFormed()).toBe(true);
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
  });
});
