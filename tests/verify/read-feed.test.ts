import { describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../src/errors.js';
import { renderFeeds } from '../../src/render/index.js';
import { readFeed } from '../../src/verify/index.js';
import { sampleDocument } from './fixtures.js';

const outputs = renderFeeds(sampleDocument());

/** The StoryfeedError readFeed rejects with. */
async function readError(text: string, format?: 'rss' | 'atom' | 'json'): Promise<StoryfeedError> {
  const error: unknown = await readFeed(text, format ? { format } : {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StoryfeedError)) throw new Error(`expected a StoryfeedError, got ${String(error)}`);
  return error;
}

describe('readFeed on storyfeed output', () => {
  it.each(['rss', 'atom', 'json'] as const)('reads %s into the normalized shape', async (format) => {
    const feed = await readFeed(outputs[format]);
    expect(feed).toMatchObject({
      format,
      title: 'Danube Dispatch',
      description: 'Reporting from the lower Danube & the Black Sea coast.',
      siteUrl: 'https://news.example.com/',
      selfUrl: `https://news.example.com/${format === 'json' ? 'feed.json' : `${format}.xml`}`,
      language: 'en',
      hub: 'https://hub.example.com/',
      problems: [],
    });
    expect(feed.items.map((i) => i.id)).toEqual(['https://news.example.com/2024/alpha', 'tag:news.example.com,2024:beta', 'https://news.example.com/2024/gamma']);
    const beta = feed.items[1]!;
    expect(beta).toMatchObject({
      title: 'Beta: budget talks stall',
      url: 'https://news.example.com/2024/beta',
      published: new Date('2024-02-28T09:15:00Z'),
      summary: 'Regional councils could not agree on grain-port levies.',
      contentHtml: '<p>Councils met for six hours.</p>\n<blockquote><p>We will meet again.</p></blockquote>',
      tags: ['Economy', 'Grain ports', 'Odesa Oblast'],
    });
    expect(beta.image?.url).toBe('https://news.example.com/img/beta.png');
    expect(beta.authors.map((a) => a.name).sort()).toEqual(['Ann Smith', 'Jane Roe', 'Petro Kovalenko']);
    if (format !== 'json') expect(beta.line).toBeGreaterThan(1);
  });

  it('keeps what only some formats carry', async () => {
    const [rss, atom, json] = await Promise.all([readFeed(outputs.rss), readFeed(outputs.atom), readFeed(outputs.json)]);
    expect(rss.items.map((i) => i.isPermaLink)).toEqual([true, false, true]);
    expect(rss.items[1]!.authors).toEqual([{ name: 'Jane Roe' }, { name: 'Petro Kovalenko' }, { name: 'Ann Smith' }]);
    expect(rss.items[2]!.authors).toEqual([{ name: 'Ivan Lysak', email: 'ivan@example.com' }]);
    expect(rss.updated).toEqual(new Date('2024-03-03T08:00:00Z'));
    expect(atom.items[1]!.updated).toEqual(new Date('2024-02-29T12:30:00Z'));
    expect(atom.items[1]!.authors[2]).toEqual({ name: 'Ann Smith', email: 'ann@example.com', url: 'https://news.example.com/people/ann' });
    expect(atom.items[1]!.image).toEqual({ url: 'https://news.example.com/img/beta.png', type: 'image/png' });
    expect(atom.authors).toEqual([
      { name: 'Desk Editor', email: 'desk@example.com' },
      { name: 'Night Desk', url: 'https://news.example.com/night' },
    ]);
    expect(json).toMatchObject({ version: '1.1' });
    expect(json.items[1]).toMatchObject({ language: 'uk', contentText: 'Councils met for six hours.\n\nWe will meet again.', updated: new Date('2024-02-29T12:30:00Z') });
  });
});

describe('readFeed on hand-written RSS', () => {
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>
      Example   News
    </title>
    <link>https://ex.com/</link>
    <description>All the news</description>
    <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
    <atom:link rel="next" href="https://ex.com/rss.xml?page=2"/>
    <atom:link rel="self" href="https://ex.com/rss.xml" type="application/rss+xml"/>
    <lastBuildDate>Mon, 15 Jan 2024 10:00:00 +0100</lastBuildDate>
    <item>
      <title>  First &amp;amp; foremost  </title>
      <link>https://ex.com/1</link>
      <guid>https://ex.com/1</guid>
      <description>&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt; with &amp;amp; and&lt;br&gt;a break&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Full <em>body</em></p>]]></content:encoded>
      <category domain="https://ex.com/sections">News</category>
      <category>World</category>
      <author>jane@ex.com (Jane Doe)</author>
      <author>Joe Bloggs &lt;joe@ex.com&gt;</author>
      <dc:creator>Olena</dc:creator>
      <pubDate>Sun, 14 Jan 2024 09:30:00 GMT</pubDate>
      <enclosure url="https://ex.com/a.mp3" length="1234" type="audio/mpeg"/>
      <enclosure url="https://ex.com/a.jpg" length="99" type="image/jpeg"/>
    </item>
    <item>
      <title>Second</title>
      <guid isPermaLink="false">post-2</guid>
      <author>Just A Name</author>
      <pubDate>2024-01-13 08:00</pubDate>
    </item>
  </channel>
</rss>`;

  it('picks the self link by rel among several atom:link, not the first one', async () => {
    const feed = await readFeed(rss);
    expect(feed).toMatchObject({ title: 'Example News', selfUrl: 'https://ex.com/rss.xml', hub: 'https://pubsubhubbub.appspot.com/', updated: new Date('2024-01-15T09:00:00Z') });
  });

  it('reads description as the HTML summary and content:encoded as the body', async () => {
    const [first] = (await readFeed(rss)).items;
    expect(first).toMatchObject({
      title: 'First &amp; foremost',
      summary: 'Short summary with & and\na break',
      contentHtml: '<p>Full <em>body</em></p>',
      isPermaLink: true,
      published: new Date('2024-01-14T09:30:00Z'),
    });
  });

  it('reduces categories with attributes to their terms', async () => {
    expect((await readFeed(rss)).items[0]!.tags).toEqual(['News', 'World']);
  });

  it('reads every author form and every enclosure', async () => {
    const [first] = (await readFeed(rss)).items;
    expect(first!.authors).toEqual([{ email: 'jane@ex.com', name: 'Jane Doe' }, { email: 'joe@ex.com', name: 'Joe Bloggs' }, { name: 'Olena' }]);
    expect(first!.enclosures).toEqual([
      { url: 'https://ex.com/a.mp3', type: 'audio/mpeg', length: 1234 },
      { url: 'https://ex.com/a.jpg', type: 'image/jpeg', length: 99 },
    ]);
    expect(first!.image).toEqual({ url: 'https://ex.com/a.jpg', type: 'image/jpeg', length: 99 });
  });

  it('an enclosure length beyond what a 64-bit reader holds (hundreds of digits) is an error in RSS and Atom, and gives no length', async () => {
    const huge = '9'.repeat(400);
    const channel = (enclosure: string): string =>
      `<rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>D</description><item><title>x</title><guid>https://ex.com/1</guid>${enclosure}</item></channel></rss>`;
    const tooLong = 'expected length to be a number of bytes, found a number of 400 digits, more than any reader holds (at most 9223372036854775807)';
    const rssFeed = await readFeed(channel(`<enclosure url="https://ex.com/1.mp3" length="${huge}" type="audio/mpeg"/>`));
    expect(rssFeed.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`)).toEqual([`channel.item[0].enclosure[0].length: ${tooLong}`]);
    expect(rssFeed.items[0]!.enclosures).toEqual([{ url: 'https://ex.com/1.mp3', type: 'audio/mpeg' }]);
    const atomFeed = await readFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><id>https://ex.com/</id><title>T</title><updated>2024-01-01T00:00:00Z</updated><author><name>A</name></author>` +
        `<entry><id>https://ex.com/1</id><title>x</title><updated>2024-01-01T00:00:00Z</updated><summary>s</summary><link href="https://ex.com/1"/>` +
        `<link rel="enclosure" href="https://ex.com/1.mp3" type="audio/mpeg" length="${huge}"/></entry></feed>`,
    );
    expect(atomFeed.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([tooLong]);
    expect(atomFeed.items[0]!.enclosures).toEqual([{ url: 'https://ex.com/1.mp3', type: 'audio/mpeg' }]);
    // The largest size a 64-bit reader holds, and the same with leading zeros, are lengths.
    for (const length of ['9223372036854775807', '0009223372036854775807', '0', '24000000']) {
      const feed = await readFeed(channel(`<enclosure url="https://ex.com/1.mp3" length="${length}" type="audio/mpeg"/>`));
      expect(
        feed.problems.filter((p) => p.severity === 'error'),
        length,
      ).toEqual([]);
      expect(feed.items[0]!.enclosures[0]!.length, length).toBe(Number(length));
    }
    const overByOne = await readFeed(channel('<enclosure url="https://ex.com/1.mp3" length="9223372036854775808" type="audio/mpeg"/>'));
    expect(overByOne.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([expect.stringMatching(/a number of 19 digits, more than any reader holds/)]);
  });

  it('reads isPermaLink="false" and reports spec problems with their lines instead of failing', async () => {
    const feed = await readFeed(rss);
    expect(feed.items[1]).toMatchObject({ id: 'post-2', isPermaLink: false, title: 'Second' });
    // In document order, by line and column.
    expect(feed.problems).toEqual([
      { path: 'channel.item[0].enclosure', message: '2 enclosures; many readers show only the first', severity: 'warning', line: 13, column: 5 },
      { path: 'channel.item[0].author[1]', message: '<author> appears again (first on line 21); only one is allowed', severity: 'error', line: 22, column: 7 },
      {
        path: 'channel.item[1].author[0]',
        message: 'expected an email address such as "jane@example.com (Jane Doe)", found "Just A Name"',
        severity: 'error',
        line: 31,
        column: 7,
      },
      {
        path: 'channel.item[1].pubDate',
        message: 'expected an RFC 822 date such as "Fri, 01 Mar 2024 10:00:00 GMT", found "2024-01-13 08:00"',
        severity: 'error',
        line: 32,
        column: 7,
      },
    ]);
  });

  it('reads RSS without a version, and says so', async () => {
    const feed = await readFeed('<rss><channel><title>T</title><link>https://ex.com/</link><description>D</description></channel></rss>');
    expect(feed.format).toBe('rss');
    expect(feed.problems.map((p) => p.message)).toContain('expected version="2.0", found no version attribute');
  });
});

describe('readFeed on hand-written Atom', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-AT">
  <title type="html">Nachrichten &lt;b&gt;aus&lt;/b&gt; Wien &amp;amp; mehr</title>
  <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Alles <em>Wichtige</em></div></subtitle>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-01-15T10:00:00+01:00</updated>
  <link rel="hub" href="https://hub.example.org/"/>
  <link href="https://wien.example.org/"/>
  <author><name>Redaktion</name></author>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> title</div></title>
    <id>tag:wien.example.org,2024:1</id>
    <link rel="alternate" type="text/html" href="https://wien.example.org/1"/>
    <link rel="enclosure" type="image/png" href="https://wien.example.org/1.png" length="42"/>
    <published>2024-01-14T09:00:00Z</published>
    <updated>2024-01-15T09:00:00.250Z</updated>
    <author><name>Anna</name><email>anna@example.org</email></author>
    <author><name>Ben</name><uri>https://example.org/ben</uri></author>
    <category term="politik" label="Politik &amp; Gesellschaft" scheme="https://wien.example.org/c"/>
    <category term="wien"/>
    <summary type="text">
      Two lines
      of text
    </summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <a href="https://x.org/?a=1&amp;b=2">link</a><br/>there</p></div></content>
  </entry>
  <entry xml:lang="en">
    <title>Plain &lt;not a tag&gt;</title>
    <id>tag:wien.example.org,2024:2</id>
    <link href="https://wien.example.org/2"/>
    <updated>yesterday</updated>
    <summary type="html">&lt;p&gt;An &lt;i&gt;HTML&lt;/i&gt; summary&lt;/p&gt;</summary>
    <content type="html">&lt;p&gt;Body&lt;/p&gt;</content>
  </entry>
</feed>`;

  it('reduces html and xhtml titles to plain text and reads xml:lang', async () => {
    const feed = await readFeed(atom);
    expect(feed).toMatchObject({ title: 'Nachrichten aus Wien & mehr', description: 'Alles Wichtige', language: 'de-AT', id: 'urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6' });
    expect(feed.items.map((i) => i.title)).toEqual(['A bold title', 'Plain <not a tag>']);
  });

  it('does not take the first non-self link as the self link', async () => {
    const feed = await readFeed(atom);
    expect(feed.selfUrl).toBeUndefined();
    expect(feed.siteUrl).toBe('https://wien.example.org/');
    expect(feed.hub).toBe('https://hub.example.org/');
    expect(feed.problems).toContainEqual(expect.objectContaining({ path: 'feed.link', severity: 'warning', message: expect.stringMatching(/rel="self"/) }));
  });

  it('recovers entry updated, all authors, categories and enclosures', async () => {
    const [first] = (await readFeed(atom)).items;
    expect(first).toMatchObject({
      url: 'https://wien.example.org/1',
      published: new Date('2024-01-14T09:00:00Z'),
      updated: new Date('2024-01-15T09:00:00.250Z'),
      authors: [
        { name: 'Anna', email: 'anna@example.org' },
        { name: 'Ben', url: 'https://example.org/ben' },
      ],
      tags: ['politik', 'wien'],
      image: { url: 'https://wien.example.org/1.png', type: 'image/png', length: 42 },
      summary: 'Two lines\n      of text',
    });
  });

  it('serializes xhtml content as HTML without the wrapper div', async () => {
    const [first] = (await readFeed(atom)).items;
    expect(first!.contentHtml).toBe('<p>Hello <a href="https://x.org/?a=1&amp;b=2">link</a><br>there</p>');
  });

  it('reads html summaries as text, and reports a bad date instead of rejecting the feed', async () => {
    const feed = await readFeed(atom);
    expect(feed.items[1]).toMatchObject({ summary: 'An HTML summary', contentHtml: '<p>Body</p>', language: 'en' });
    expect(feed.items[1]!.updated).toBeUndefined();
    expect(feed.problems).toContainEqual({
      path: 'entry[1].updated',
      message: 'expected an RFC 3339 date such as "2024-03-01T10:00:00Z" (upper-case T and Z, no space), found "yesterday"',
      severity: 'error',
      line: 31,
      column: 5,
    });
  });

  it('reports an Atom feed outside the Atom namespace', async () => {
    const feed = await readFeed('<feed><title>T</title><id>x</id><updated>2024-01-01T00:00:00Z</updated></feed>');
    expect(feed.format).toBe('atom');
    expect(feed.problems[0]).toMatchObject({ path: 'feed', severity: 'error', message: expect.stringMatching(/xmlns="http:\/\/www.w3.org\/2005\/Atom"/) });
  });
});

describe('readFeed on hand-written JSON Feed 1.0', () => {
  const json = JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1',
      title: 'My Example Feed',
      home_page_url: 'https://example.org/',
      feed_url: 'https://example.org/feed.json',
      author: { name: 'Brent Simmons', url: 'https://example.org/brent' },
      items: [
        { id: '2', content_text: 'This is a second item.', url: 'https://example.org/second-item', date_published: '2017-05-17T10:02:12-07:00', author: { name: 'Manton' } },
        {
          id: 1,
          content_html: '<p>Hello, world!</p>',
          url: 'https://example.org/initial-post',
          tags: ['a', 'b'],
          attachments: [{ url: 'https://example.org/a.mp3', mime_type: 'audio/mpeg', size_in_bytes: 100 }],
        },
      ],
    },
    null,
    2,
  );

  it('reads the 1.0 author, coerces numeric ids and reads attachments', async () => {
    const feed = await readFeed(json);
    expect(feed).toMatchObject({
      format: 'json',
      version: '1.0',
      authors: [{ name: 'Brent Simmons', url: 'https://example.org/brent' }],
      siteUrl: 'https://example.org/',
      selfUrl: 'https://example.org/feed.json',
    });
    expect(feed.items[0]).toMatchObject({ id: '2', contentText: 'This is a second item.', published: new Date('2017-05-17T17:02:12Z'), authors: [{ name: 'Manton' }] });
    expect(feed.items[1]).toMatchObject({
      id: '1',
      contentHtml: '<p>Hello, world!</p>',
      tags: ['a', 'b'],
      enclosures: [{ url: 'https://example.org/a.mp3', type: 'audio/mpeg', length: 100 }],
    });
    expect(feed.problems).toEqual([{ path: 'items[1].id', message: 'expected a string, found 1', severity: 'warning', line: 21, column: 13 }]);
  });
});

describe('readFeed errors for input that is not a feed', () => {
  it('an HTML page, naming the feeds it links to', async () => {
    const error = await readError('<!DOCTYPE html>\n<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Hi</body></html>');
    expect(error.code).toBe('E_FEED');
    expect(error.detail).toBe('this is an HTML page, not a feed (it links to a feed: /rss.xml)');
  });

  it('an XHTML page that is well-formed XML', async () => {
    expect((await readError('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).detail).toBe('this is an HTML page, not a feed');
  });

  it('truncated XML, with the line', async () => {
    const error = await readError(outputs.rss.slice(0, outputs.rss.indexOf('<category>Economy')));
    expect(error.detail).toMatch(/^the XML ends too early \(truncated\?\): <item> opened on line \d+ is never closed/);
    expect(error.line).toBeGreaterThan(20);
  });

  it('XML that is not well-formed, with line and column', async () => {
    const error = await readError('<rss version="2.0">\n<channel>\n<title>caf&eacute;</title></channel></rss>');
    expect(error.detail).toMatch(/^the XML is not well-formed at line 3, column 18: undefined entity &eacute;: /);
    expect(error.line).toBe(3);
  });

  it('broken CDATA that rss-parser would silently corrupt', async () => {
    const error = await readError('<rss version="2.0"><channel><title><![CDATA[a ]]]]><![CDATA[> b ]]> c]]></title></channel></rss>');
    expect(error.detail).toMatch(/not well-formed.*"\]\]>" is disallowed/);
  });

  it('JSON that is not a feed', async () => {
    expect((await readError('{\n  "name": "storyfeed",\n  "version": "0.1.0"\n}')).detail).toBe(
      'this is JSON but not a JSON Feed: "version" is "0.1.0" (expected "https://jsonfeed.org/version/1.1")',
    );
    expect((await readError('{"title": "x"}')).detail).toBe('this is JSON but not a JSON Feed: it has no "version" (expected "https://jsonfeed.org/version/1.1")');
    expect((await readError('[1, 2]')).detail).toMatch(/^this is JSON but not a JSON Feed: the top level is an array/);
  });

  it('JSON with a syntax error, with line and column', async () => {
    const error = await readError('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "T",\n  "items": [\n    {"id": "1", "content_text": "x",}\n  ]\n}');
    expect(error.detail).toBe('the JSON cannot be parsed at line 5, column 37: expected a property name in double quotes, found "}"');
    expect(error.line).toBe(5);
  });

  it('truncated JSON', async () => {
    const error = await readError(outputs.json.slice(0, 400));
    expect(error.detail).toMatch(/^the JSON ends too early \(truncated\?\) at line \d+/);
  });

  it('an unknown XML root', async () => {
    expect((await readError('<?xml version="1.0"?>\n<note><to>Tove</to></note>')).detail).toBe(
      'unsupported: an XML document with the root <note>, not a feed (storyfeed reads RSS 2.0, 0.92, 0.91 and 1.0, Atom 1.0 and JSON Feed 1.0/1.1)',
    );
    const error = await readError('<opml version="2.0"><body/></opml>');
    expect(error).toMatchObject({ code: 'E_FEED', line: 1 });
  });

  it('an rdf:RDF without an RSS channel is read as RSS 1.0 with that error', async () => {
    const feed = await readFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>');
    expect(feed).toMatchObject({ format: 'rss', version: '1.0', items: [] });
    expect(feed.problems).toMatchObject([{ path: 'rdf:RDF.channel', severity: 'error', message: expect.stringContaining('expected an RSS 1.0 <channel>') }]);
  });

  it('empty input', async () => {
    expect((await readError('')).detail).toBe('the input is empty');
    expect((await readError('\uFEFF \n\t')).detail).toBe('the input is empty');
  });

  it('plain text', async () => {
    expect((await readError('Hello, world')).detail).toBe('this is not a feed: it starts with "Hello, world" (expected XML or JSON)');
  });

  it('a feed of another format than the one asked for', async () => {
    expect((await readError(outputs.json, 'atom')).detail).toBe('expected Atom 1.0, found JSON Feed');
    expect((await readError(outputs.rss, 'json')).detail).toBe('expected JSON Feed, found RSS 2.0');
  });

  it('a feed of another format than the one asked for names the RSS version it is', async () => {
    const rdf = (ns: string): string =>
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="${ns}"><channel rdf:about="https://ex.com/"><title>T</title><link>https://ex.com/</link><description>D</description></channel></rdf:RDF>`;
    const legacy = (version: string): string => `<rss version="${version}"><channel><title>T</title><link>https://ex.com/</link><description>D</description></channel></rss>`;
    expect((await readError(rdf('http://purl.org/rss/1.0/'), 'atom')).detail).toBe('expected Atom 1.0, found RSS 1.0');
    expect((await readError(rdf('http://my.netscape.com/rdf/simple/0.9/'), 'json')).detail).toBe('expected JSON Feed, found RSS 0.90');
    expect((await readError(legacy('0.91'), 'atom')).detail).toBe('expected Atom 1.0, found RSS 0.91');
    expect((await readError(legacy(' 0.92 '), 'json')).detail).toBe('expected JSON Feed, found RSS 0.92');
    expect((await readError(legacy('2.0'), 'atom')).detail).toBe('expected Atom 1.0, found RSS 2.0');
  });

  it('an RSS document without a channel is read with that error, and the rest of it checked', async () => {
    const feed = await readFeed('<rss version="2.1"><item/></rss>');
    expect(feed.items).toEqual([]);
    expect(feed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['rss: expected version="2.0", found version="2.1"', 'rss.channel: expected <channel>, found none']);
  });

  it('an Atom link without attributes, which crashed rss-parser, is a problem of the feed', async () => {
    const feed = await readFeed('<feed xmlns="http://www.w3.org/2005/Atom">\n<link>https://x.org/</link></feed>');
    expect(feed.problems).toContainEqual({ path: 'feed.link[0]', message: '<link> has no href attribute', severity: 'error', line: 2, column: 1 });
  });
});
