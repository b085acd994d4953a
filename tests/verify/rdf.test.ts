/**
 * RSS 1.0 (RDF Site Summary) and RSS 0.90 as `readFeed` reads and checks them (src/verify/rdf.ts):
 * valid feeds pass, and each rule of the specification broken is named with its element path.
 */
import { describe, expect, it } from 'vitest';
import { parseW3cdtf } from '../../src/verify/dates.js';
import { readFeed, type FeedProblem } from '../../src/verify/index.js';
import { costGrowth } from '../support/linear.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const NAMESPACES = `xmlns:rdf="${RDF}" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/"`;

const errors = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
const warnings = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);

const ITEM = (n: number, body = ''): string => `<item rdf:about="https://ex.com/${n}"><title>Story ${n}</title><link>https://ex.com/${n}</link>${body}</item>`;

/** An RSS 1.0 document: a channel listing items 1…`count`, then `rest` (the items, an image…). */
function rdf(rest: string, { channel = '', count = 1 }: { channel?: string; count?: number } = {}): string {
  const list = Array.from({ length: count }, (_, i) => `<rdf:li rdf:resource="https://ex.com/${i + 1}"/>`).join('');
  return `<?xml version="1.0"?>
<rdf:RDF ${NAMESPACES}>
<channel rdf:about="https://ex.com/rss.rdf">
<title>Example</title>
<link>https://ex.com/</link>
<description>An example</description>
${channel}
<items><rdf:Seq>${list}</rdf:Seq></items>
</channel>
${rest}
</rdf:RDF>`;
}

describe('RSS 1.0: valid feeds', () => {
  it("the specification's own example, with modules, is read with no problem", async () => {
    const feed = await readFeed(
      rdf(
        `<image rdf:about="https://ex.com/logo.png"><title>Example</title><link>https://ex.com/</link><url>https://ex.com/logo.png</url></image>
${ITEM(1, '<description>&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;</description><dc:creator>Jane Doe</dc:creator><dc:subject>news</dc:subject><dc:date>2024-03-01T10:00:00+01:00</dc:date><content:encoded>&lt;p&gt;Full &lt;b&gt;text&lt;/b&gt;&lt;/p&gt;</content:encoded><trackback:ping rdf:resource="https://ex.com/tb/1"/>')}
${ITEM(2, '<dc:date>2024-02</dc:date>')}`,
        {
          count: 2,
          channel:
            '<image rdf:resource="https://ex.com/logo.png"/><dc:language>ja</dc:language><dc:date>2024-03-01</dc:date><dc:creator>Jane Doe</dc:creator><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>',
        },
      ),
    );
    expect(feed.problems).toEqual([]);
    expect(feed).toMatchObject({
      format: 'rss',
      version: '1.0',
      title: 'Example',
      siteUrl: 'https://ex.com/',
      description: 'An example',
      language: 'ja',
      updated: new Date('2024-03-01T00:00:00Z'),
      authors: [{ name: 'Jane Doe' }],
    });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      id: 'https://ex.com/1',
      title: 'Story 1',
      url: 'https://ex.com/1',
      summary: 'Hello & welcome',
      contentHtml: '<p>Full <b>text</b></p>',
      authors: [{ name: 'Jane Doe' }],
      tags: ['news'],
      published: new Date('2024-03-01T09:00:00Z'),
    });
    expect(feed.items[1]!.published).toEqual(new Date('2024-02-01T00:00:00Z'));
  });

  it('rdf:parseType="Literal" keeps markup as the text, and modules may hold RDF descriptions', async () => {
    const feed = await readFeed(
      rdf(ITEM(1, '<description rdf:parseType="Literal"><b>bold</b> text</description><dc:creator><rdf:Description><dc:title>me</dc:title></rdf:Description></dc:creator>')),
    );
    expect(errors(feed.problems)).toEqual([]);
    expect(feed.items[0]!.summary).toBe('bold text');
  });

  it('an empty <items/> is a channel with nothing listed yet: not an error', async () => {
    const feed = await readFeed(rdf('').replace(/<items>.*<\/items>/, '<items/>'));
    expect(feed.problems).toEqual([]);
  });

  it('RSS 0.90 (its own namespace, no rdf:about, no <items>) is read as version 0.90', async () => {
    const feed = await readFeed(`<rdf:RDF xmlns:rdf="${RDF}" xmlns="http://my.netscape.com/rdf/simple/0.9/">
<channel><title>Old</title><link>http://ex.com/</link><description>Old feed</description></channel>
<item><title>One</title><link>http://ex.com/1</link></item>
</rdf:RDF>`);
    expect(feed.problems).toEqual([]);
    expect(feed).toMatchObject({ format: 'rss', version: '0.90', title: 'Old', items: [{ title: 'One', url: 'http://ex.com/1' }] });
  });
});

describe('RSS 1.0: relative and empty rdf:about and rdf:resource, resolved as RDF/XML resolves them', () => {
  /** A channel and one item whose references are written relative, inside `rdf:RDF` with `attributes`. */
  const relative = (attributes: string, item = '<item rdf:about="posts/1"><title>One</title><link>https://ex.com/posts/1</link></item>'): string =>
    `<rdf:RDF ${NAMESPACES}${attributes}><channel rdf:about=""><title>T</title><link>https://ex.com/</link><description>D</description><image rdf:resource="logo.png"/><items><rdf:Seq><rdf:li rdf:resource="posts/1"/></rdf:Seq></items></channel><image rdf:about="logo.png"><title>T</title><link>https://ex.com/</link><url>https://ex.com/logo.png</url></image>${item}</rdf:RDF>`;

  it('against xml:base: no problem, and the item is named by the URI they resolve to', async () => {
    const feed = await readFeed(relative(' xml:base="https://ex.com/blog/"'));
    expect(feed.problems).toEqual([]);
    expect(feed.items.map((item) => item.id)).toEqual(['https://ex.com/blog/posts/1']);
  });

  it("against the document's address when no xml:base says otherwise, and an item's own xml:base over it", async () => {
    const feed = await readFeed(relative('', '<item rdf:about="posts/1" xml:base="https://other.example/"><title>One</title><link>https://ex.com/posts/1</link></item>'), {
      url: 'https://ex.com/feeds/index.rdf',
    });
    expect(errors(feed.problems)).toEqual([]);
    expect(feed.items.map((item) => item.id)).toEqual(['https://other.example/posts/1']);
    // The list names https://ex.com/feeds/posts/1, which is another resource: the item is not listed.
    expect(warnings(feed.problems)).toEqual([
      'channel.items: lists 1 item that no <item> describes (first: "https://ex.com/feeds/posts/1")',
      'item[0]: rdf:about "https://other.example/posts/1" is not listed in the channel\'s <items>: readers that follow the list miss this item',
    ]);
  });

  it('with no base known: no problem, the item named as written', async () => {
    const feed = await readFeed(
      relative('', '<item rdf:about="posts/1"><title>One</title><link>https://ex.com/posts/1</link><trackback:ping rdf:resource="posts/1/ping"/></item>'),
    );
    expect(feed.problems).toEqual([]);
    expect(feed.items.map((item) => item.id)).toEqual(['posts/1']);
  });

  it("a module's relative rdf:resource is no problem either", async () => {
    const feed = await readFeed(rdf(ITEM(1), { channel: '<admin:errorReportsTo xmlns:admin="http://webns.net/mvcb/" rdf:resource="contact"/>' }));
    expect(feed.problems).toEqual([]);
  });

  it('two items resolving to one URI are the same resource, and one resolving to the channel is the channel', async () => {
    const feed = await readFeed(
      relative(
        ' xml:base="https://ex.com/"',
        '<item rdf:about="posts/1"><title>One</title><link>https://ex.com/posts/1</link></item><item rdf:about="https://ex.com/posts/1"><title>One</title><link>https://ex.com/posts/1</link></item><item rdf:about="/"><title>Home</title><link>https://ex.com/</link></item>',
      ),
    );
    expect(errors(feed.problems)).toEqual([
      'item[1]: the same rdf:about as item[0] ("https://ex.com/posts/1"); each item names its own resource',
      'item[2]: the same rdf:about as the channel ("https://ex.com/"); an item names its own resource',
    ]);
  });

  it('compare as RFC 3986 §6.2.2 normalises them: scheme and host in any case, a percent-encoding in either case (regression: a relative reference resolved against a base with a capital in its host matched no absolute one as written)', async () => {
    const feed = await readFeed(
      `<rdf:RDF ${NAMESPACES} xml:base="https://Example.com/blog/"><channel rdf:about="HTTPS://example.COM/blog/"><title>T</title><link>https://example.com/blog/</link><description>D</description><image rdf:resource="logo.png"/><items><rdf:Seq><rdf:li rdf:resource="a"/><rdf:li rdf:resource="b"/><rdf:li rdf:resource="caf%c3%a9"/></rdf:Seq></items></channel><image rdf:about="https://EXAMPLE.com/blog/logo.png"><title>T</title><link>https://example.com/</link><url>https://example.com/logo.png</url></image><item rdf:about="https://Example.com/blog/a"><title>A</title><link>https://example.com/blog/a</link></item><item rdf:about="https://example.com/blog/b"><title>B</title><link>https://example.com/blog/b</link></item><item rdf:about="https://example.com/blog/caf%C3%A9"><title>C</title><link>https://example.com/blog/c</link></item><item rdf:about="https://example.com/blog/%7e"><title>Home</title><link>https://example.com/blog/</link></item></rdf:RDF>`,
    );
    expect(errors(feed.problems)).toEqual([]);
    expect(warnings(feed.problems)).toEqual([
      'item[3]: rdf:about "https://example.com/blog/%7e" is not listed in the channel\'s <items>: readers that follow the list miss this item',
    ]);
    // Each item is named as written (an absolute reference) or as it resolves (a relative one).
    expect(feed.items.map((item) => item.id)).toEqual([
      'https://Example.com/blog/a',
      'https://example.com/blog/b',
      'https://example.com/blog/caf%C3%A9',
      'https://example.com/blog/%7e',
    ]);
    // Another path, or a user name in other case, is another resource; the channel in any case is the channel.
    const other = await readFeed(
      `<rdf:RDF ${NAMESPACES} xml:base="https://ex.com/"><channel rdf:about="https://ex.com/"><title>T</title><link>https://ex.com/</link><description>D</description><items><rdf:Seq><rdf:li rdf:resource="Posts/1"/><rdf:li rdf:resource="https://Ann@ex.com/2"/></rdf:Seq></items></channel><item rdf:about="https://ex.com/posts/1"><title>One</title><link>https://ex.com/posts/1</link></item><item rdf:about="https://ann@EX.com/2"><title>Two</title><link>https://ex.com/2</link></item><item rdf:about="HTTPS://EX.COM/"><title>Home</title><link>https://ex.com/</link></item></rdf:RDF>`,
    );
    expect(errors(other.problems)).toEqual(['item[2]: the same rdf:about as the channel ("HTTPS://EX.COM/"); an item names its own resource']);
    expect(warnings(other.problems)).toHaveLength(4);
  });

  it('a reference that is no URI at all is still an error', async () => {
    const feed = await readFeed(relative(' xml:base="https://ex.com/"', '<item rdf:about="posts/a b"><title>One</title><link>https://ex.com/posts/1</link></item>'));
    expect(errors(feed.problems)).toEqual(['item[0]: rdf:about: the URI "posts/a b" contains " ", which must be percent-encoded']);
  });
});

describe('RSS 1.0: each rule broken is named with its element', () => {
  const cases: [string, string, { channel?: string; count?: number } | undefined, string][] = [
    ['an item title', '<item rdf:about="https://ex.com/1"><link>https://ex.com/1</link></item>', undefined, 'item[0].title: expected <title>, found none'],
    ['an item link', '<item rdf:about="https://ex.com/1"><title>T</title></item>', undefined, 'item[0].link: expected <link>, found none'],
    [
      'an item rdf:about',
      '<item><title>T</title><link>https://ex.com/1</link></item>',
      undefined,
      'item[0]: expected an rdf:about attribute giving the URI of the <item>, found none',
    ],
    [
      'an item rdf:about that is no URI',
      '<item rdf:about="http:///ex.com/1"><title>T</title><link>https://ex.com/1</link></item>',
      undefined,
      'item[0]: rdf:about: expected http:// and a host, found "http:///ex.com/1"',
    ],
    [
      'an item link that is no URL',
      '<item rdf:about="https://ex.com/1"><title>T</title><link>not a url</link></item>',
      undefined,
      'item[0].link: the URI "not a url" contains " ", which must be percent-encoded',
    ],
    [
      'a dc:date that is not W3C-DTF',
      ITEM(1, '<dc:date>Fri, 01 Mar 2024 10:00:00 GMT</dc:date>'),
      undefined,
      'item[0].dc:date: expected a W3C-DTF date such as "2024-03-01T10:00:00Z", found "Fri, 01 Mar 2024 10:00:00 GMT" in <dc:date>',
    ],
    [
      'an RSS 2.0 element in an item',
      ITEM(1, '<pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate>'),
      undefined,
      'item[0].pubDate: <pubDate> is not an element of <item> (RSS 1.0 dates in dc:date, a W3C-DTF date)',
    ],
    [
      'an RSS 2.0 element in the channel',
      ITEM(1),
      { channel: '<language>en</language>' },
      'channel.language: <language> is not an element of <channel> (RSS 1.0 gives the language in dc:language)',
    ],
    ['an item inside the channel', ITEM(1), { channel: ITEM(1) }, 'channel.item: <item> is not an element of <channel>'],
    [
      'a second channel',
      `${ITEM(1)}<channel rdf:about="https://ex.com/2"><title>T</title><link>https://ex.com/</link><description>D</description><items/></channel>`,
      undefined,
      'rdf:RDF.channel[1]: <channel> appears again (first on line 3); only one is allowed',
    ],
    ['a second <items>', ITEM(1), { channel: '<items><rdf:Seq/></items>' }, 'channel.items[1]: <items> appears again (first on line 7); only one is allowed'],
    [
      'an image without rdf:about',
      '<image><title>T</title><link>https://ex.com/</link><url>https://ex.com/i.png</url></image>',
      { count: 0 },
      'image: expected an rdf:about attribute giving the URI of the <image>, found none',
    ],
    [
      'an image without its url',
      '<image rdf:about="https://ex.com/i.png"><title>T</title><link>https://ex.com/</link></image>',
      { count: 0 },
      'image.url: expected <url> in <image>, found none',
    ],
    [
      'a text input without its name',
      '<textinput rdf:about="https://ex.com/s"><title>T</title><description>D</description><link>https://ex.com/s</link></textinput>',
      { count: 0 },
      'textinput.name: expected <name> in <textinput>, found none',
    ],
    ['two items with one rdf:about', `${ITEM(1)}${ITEM(1)}`, undefined, 'item[1]: the same rdf:about as item[0] ("https://ex.com/1"); each item names its own resource'],
    [
      "an item with the channel's rdf:about",
      '<item rdf:about="https://ex.com/rss.rdf"><title>T</title><link>https://ex.com/1</link></item>',
      { count: 0 },
      'item[0]: the same rdf:about as the channel ("https://ex.com/rss.rdf"); an item names its own resource',
    ],
    [
      'trackback:about as text',
      ITEM(1, '<trackback:about>https://ex.com/x</trackback:about>'),
      undefined,
      'item[0].trackback:about: expected an rdf:resource attribute giving the URL (RSS 1.0 modules name resources so, not as text), found none',
    ],
    [
      'text and elements mixed in a module element',
      ITEM(1, '<dc:creator>Jane <rdf:Description/></dc:creator>'),
      undefined,
      'item[0].dc:creator: <dc:creator> holds both text and elements, which RDF does not read (add rdf:parseType="Literal" to keep XML as its text)',
    ],
    [
      'markup in a description',
      ITEM(1, '<description><b>bold</b></description>'),
      undefined,
      'item[0].description: <description> contains the element <b>: markup inside it must be escaped (&lt;b&gt;) or in CDATA',
    ],
  ];
  it.each(cases)('%s', async (_, rest, options, expected) => {
    expect(errors((await readFeed(rdf(rest, options))).problems)).toEqual([expected]);
  });

  it('the channel title', async () => {
    const feed = await readFeed(rdf(ITEM(1)).replace('<title>Example</title>', ''));
    expect(errors(feed.problems)).toEqual(['channel.title: expected <title>, found none']);
  });

  it('an rdf:li without a resource', async () => {
    const feed = await readFeed(rdf(ITEM(1)).replace('<rdf:li rdf:resource="https://ex.com/1"/>', '<rdf:li/>'));
    expect(errors(feed.problems)).toEqual(['channel.items.li[0]: expected an rdf:resource attribute on <rdf:li>, found none']);
  });

  it('a channel without rdf:about or <items>', async () => {
    const feed = await readFeed(
      rdf(ITEM(1))
        .replace(' rdf:about="https://ex.com/rss.rdf"', '')
        .replace(/<items>.*<\/items>/, ''),
    );
    expect(errors(feed.problems)).toEqual([
      'channel: expected an rdf:about attribute giving the URI of the <channel>, found none',
      'channel.items: expected <items> listing the items in an rdf:Seq, found none',
    ]);
  });

  it('no channel at all', async () => {
    const feed = await readFeed(`<rdf:RDF ${NAMESPACES}>${ITEM(1)}</rdf:RDF>`);
    expect(errors(feed.problems)).toEqual(['rdf:RDF.channel: expected <channel>, found none']);
    expect(feed.items).toHaveLength(1);
  });

  it('items and the list that names them disagree: warnings, as readers still show them', async () => {
    const feed = await readFeed(rdf(ITEM(2), { count: 1 }));
    expect(errors(feed.problems)).toEqual([]);
    expect(warnings(feed.problems)).toEqual([
      'channel.items: lists 1 item that no <item> describes (first: "https://ex.com/1")',
      'item[0]: rdf:about "https://ex.com/2" is not listed in the channel\'s <items>: readers that follow the list miss this item',
    ]);
  });

  it.each([
    ['no namespace', '', 'no namespace'],
    ['a mistyped namespace', ' xmlns="http://purl.org/rss/1.0"', 'the namespace "http://purl.org/rss/1.0"'],
  ])('a channel in %s is an error naming the namespace (readers matching by namespace find no channel), still read as RSS 1.0', async (_, declaration, where) => {
    const feed = await readFeed(
      `<rdf:RDF xmlns:rdf="${RDF}"${declaration}><channel rdf:about="https://ex.com/"><title>T</title><link>https://ex.com/</link><description>D</description><items><rdf:Seq><rdf:li rdf:resource="https://ex.com/1"/></rdf:Seq></items></channel>${ITEM(1)}</rdf:RDF>`,
    );
    expect(errors(feed.problems)).toEqual([
      `rdf:RDF.channel: <channel> is in ${where}, not RSS 1.0's (http://purl.org/rss/1.0/): readers that match it by namespace find no channel; declare xmlns="http://purl.org/rss/1.0/"`,
    ]);
    expect(warnings(feed.problems)).toEqual([]);
    expect(feed).toMatchObject({ version: '1.0', title: 'T', items: [{ id: 'https://ex.com/1', title: 'Story 1' }] });
  });

  it('each problem has the line of its element', async () => {
    const feed = await readFeed(rdf(`\n\n${ITEM(1, '<dc:date>soon</dc:date>')}`));
    expect(feed.problems).toMatchObject([{ path: 'item[0].dc:date', line: 12 }]);
  });
});

describe('parseW3cdtf', () => {
  it.each([
    ['2024', '2024-01-01T00:00:00.000Z'],
    ['2024-03', '2024-03-01T00:00:00.000Z'],
    ['2024-03-05', '2024-03-05T00:00:00.000Z'],
    ['2024-03-05T10:20+02:00', '2024-03-05T08:20:00.000Z'],
    ['2024-03-05T10:20:30.5Z', '2024-03-05T10:20:30.500Z'],
  ])('%s', (text, iso) => {
    expect(parseW3cdtf(text)?.toISOString()).toBe(iso);
  });

  it.each(['2024-02-30', '2024-13', '2024-03-05T10:20', '03/05/2024', ''])('%s is none', (text) => {
    expect(parseW3cdtf(text)).toBeUndefined();
  });
});

describe('RSS 1.0: linear in its size', () => {
  it('items, the list naming them and nested module elements cost alike per unit at 2,000 and 20,000', async () => {
    const feed = (n: number): string =>
      rdf(Array.from({ length: n }, (_, i) => ITEM(i + 1, `<dc:creator>${'<rdf:Description>'.repeat(5)}x${'</rdf:Description>'.repeat(5)}</dc:creator>`)).join('\n'), { count: n });
    const growth = await costGrowth(
      async (n) => {
        const read = await readFeed(feed(n));
        expect(read.items).toHaveLength(n);
      },
      2_000,
      20_000,
      3,
    );
    expect(growth).toBeLessThanOrEqual(3);
  }, 120_000);
});
