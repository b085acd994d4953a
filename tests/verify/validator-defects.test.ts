/**
 * Regression tests for the defects of `verify` as a validator for any feed (issue 14): each test
 * is named after the defect it covers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../src/errors.js';
import { decodeFeed, readFeed, type FeedProblem } from '../../src/verify/index.js';
import { ATOM, minimalRss } from '../support/feeds.js';

const errors = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
const warnings = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);

function rss(items: string, channel = ''): string {
  return minimalRss(items, { channel, declaration: '<?xml version="1.0" encoding="UTF-8"?>' });
}

function atom(entries: string, feed = ''): string {
  return `<feed xmlns="${ATOM}">
<title>T</title>
<id>https://ex.com/</id>
<updated>2024-01-01T00:00:00Z</updated>
<author><name>A</name></author>
<link rel="self" href="https://ex.com/atom.xml"/>
${feed}
${entries}
</feed>`;
}

const entry = (id: string, body = '<title>E</title><updated>2024-01-01T00:00:00Z</updated><link href="https://ex.com/e"/>'): string => `<entry><id>${id}</id>${body}</entry>`;

async function readError(text: string): Promise<StoryfeedError> {
  const error: unknown = await readFeed(text).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StoryfeedError)) throw new Error(`expected a StoryfeedError, got ${String(error)}`);
  return error;
}

describe('namespaces are matched by URI, not by prefix', () => {
  it('a valid Atom feed with a namespace prefix is Atom (<a:feed xmlns:a=…>)', async () => {
    const text =
      `<a:feed xmlns:a="${ATOM}"><a:title>T</a:title><a:id>https://ex.com/</a:id><a:updated>2024-01-01T00:00:00Z</a:updated>` +
      '<a:author><a:name>A</a:name></a:author><a:link rel="self" href="https://ex.com/atom.xml"/>' +
      '<a:entry><a:id>https://ex.com/1</a:id><a:title>One</a:title><a:updated>2024-01-01T00:00:00Z</a:updated><a:link href="https://ex.com/1"/></a:entry></a:feed>';
    const feed = await readFeed(text);
    expect(feed).toMatchObject({ format: 'atom', title: 'T', selfUrl: 'https://ex.com/atom.xml', items: [{ id: 'https://ex.com/1', title: 'One' }] });
    // The prefix itself is only a warning, as for the W3C validator (AvoidNamespacePrefix).
    expect(feed.problems.map((p) => [p.severity, p.path])).toEqual([['warning', 'feed.xmlns:a']]);
  });

  it('an a10:link rel="self" bound to the Atom namespace is the self link (as .NET writes it)', async () => {
    const text = rss('<item><title>x</title><guid>https://ex.com/1</guid></item>')
      .replace('xmlns:atom=', `xmlns:a10="${ATOM}" xmlns:atom=`)
      .replace('<atom:link rel="self" href="https://ex.com/rss.xml"/>', '<a10:link rel="self" href="https://ex.com/rss.xml"/>');
    const feed = await readFeed(text);
    expect(feed.selfUrl).toBe('https://ex.com/rss.xml');
    expect(warnings(feed.problems)).toEqual([]);
  });

  it('an atom:link whose prefix is bound to another namespace is not a self link', async () => {
    const text = rss('<item><title>x</title></item>').replace(`xmlns:atom="${ATOM}"`, 'xmlns:atom="urn:not-atom"');
    const feed = await readFeed(text);
    expect(feed.selfUrl).toBeUndefined();
    expect(warnings(feed.problems)).toEqual([expect.stringMatching(/^channel: expected an <atom:link rel="self">/)]);
  });
});

describe('duplicate item ids are reported', () => {
  it('duplicate RSS guids are an error', async () => {
    const feed = await readFeed(rss('<item><title>a</title><guid>https://ex.com/1</guid></item><item><title>b</title><guid>https://ex.com/1</guid></item>'));
    expect(errors(feed.problems)).toEqual(['channel.item[1].guid: the same guid as channel.item[0] ("https://ex.com/1"); guids must be unique']);
  });

  it('duplicate Atom ids: an error with the same updated and different content, a warning for another version', async () => {
    const twice = await readFeed(
      atom(entry('https://ex.com/1') + entry('https://ex.com/1', '<title>Other</title><updated>2024-01-01T00:00:00Z</updated><link href="https://ex.com/e"/>')),
    );
    expect(errors(twice.problems)).toEqual([expect.stringMatching(/^entry\[1\]\.id: the same <id> and <updated> as entry\[0\]/)]);
    const versions = await readFeed(
      atom(entry('https://ex.com/1') + entry('https://ex.com/1', '<title>E</title><updated>2024-02-01T00:00:00Z</updated><link href="https://ex.com/e"/>')),
    );
    expect(errors(versions.problems)).toEqual([]);
    expect(warnings(versions.problems)).toEqual([expect.stringMatching(/^entry\[1\]\.id: the same <id> as entry\[0\]/)]);
  });

  it('duplicate JSON Feed ids are an error', async () => {
    const item = { id: '1', content_text: 'x' };
    const feed = await readFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [item, item] }));
    expect(errors(feed.problems)).toEqual(['items[1].id: the same id as items[0] ("1"); ids must be unique']);
  });
});

describe('repeated single-valued elements are reported, not "first one wins"', () => {
  it('two <title>s in an RSS item', async () => {
    const feed = await readFeed(rss('<item><title>a</title><title>b</title></item>'));
    expect(errors(feed.problems)).toEqual([expect.stringMatching(/^channel\.item\[0\]\.title\[1\]: <title> appears again/)]);
  });

  it('two <id>s in an Atom entry', async () => {
    const feed = await readFeed(atom(entry('https://ex.com/1', '<id>https://ex.com/2</id><title>E</title><updated>2024-01-01T00:00:00Z</updated><link href="https://ex.com/e"/>')));
    expect(errors(feed.problems)).toEqual([expect.stringMatching(/^entry\[0\]\.id\[1\]: <id> appears again/)]);
  });
});

describe('non-UTF-8 feeds that declare their encoding are decoded, never assumed', () => {
  const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

  it('a Latin-1 feed declaring encoding="ISO-8859-1"', async () => {
    const bytes = latin1(rss('<item><title>Caf\u00e9 na pra\u00e7a</title></item>').replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));
    const decoded = decodeFeed(bytes);
    expect(decoded).toMatchObject({ encoding: 'windows-1252', source: 'declaration' });
    expect((await readFeed(decoded.text)).items[0]!.title).toBe('Caf\u00e9 na pra\u00e7a');
  });

  it('windows-1252 bytes 0x80 to 0x9F as the characters they stand for, whatever the runtime (Node 20 gives C1 controls)', async () => {
    // Every byte a feed declaring ISO-8859-1 (which windows-1252 stands in for) can hold: the WHATWG index, written out here.
    const high =
      '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const expected = Array.from(all, (b) => (b >= 0x80 && b <= 0x9f ? high[b - 0x80] : String.fromCharCode(b))).join('');
    expect(decodeFeed(all, { charset: 'iso-8859-1' }).text).toBe(expected);
    // windows-1252 itself leaves five bytes without a character: without them, the same characters.
    const defined = all.filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    expect(decodeFeed(defined, { charset: 'windows-1252' }).text).toBe(Array.from(defined, (b) => expected[b]).join(''));
    // Longer than one chunk of the decoder, with the declaration.
    const title = '\u201cQuoted\u201d \u20ac 5 \u2014 caf\u00e9 '.repeat(1_000);
    const feed = rss(`<item><title>${title}</title></item>`).replace('encoding="UTF-8"', 'encoding="windows-1252"');
    const bytes = Uint8Array.from(feed, (c) => (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x80 + high.indexOf(c)));
    expect((await readFeed(decodeFeed(bytes).text)).items[0]!.title).toBe(title.trim());
  });

  it('the HTTP charset wins over the declaration, a byte-order mark over both', () => {
    const bytes = latin1('<?xml version="1.0" encoding="utf-8"?><rss/>\u00e9');
    expect(decodeFeed(bytes, { charset: 'iso-8859-1' })).toMatchObject({ source: 'http', text: '<?xml version="1.0" encoding="utf-8"?><rss/>\u00e9' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('<rss/>', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(decodeFeed(utf16, { charset: 'iso-8859-1' })).toEqual({ text: '<rss/>', encoding: 'utf-16le', source: 'bom' });
  });

  it('bytes that are not valid in the declared encoding, and unknown encodings, are errors with a code', () => {
    expect(() => decodeFeed(Uint8Array.from([0x3c, 0x61, 0xff, 0x3e]))).toThrow(expect.objectContaining({ code: 'E_ENCODING' }));
    expect(() => decodeFeed(latin1('<?xml version="1.0" encoding="x-no-such"?><rss/>'))).toThrow(expect.objectContaining({ code: 'E_FEED' }));
  });
});

describe('unescaped markup in RSS text is kept and reported, not silently dropped', () => {
  it('<title>Big <b>news</b> today</title>', async () => {
    const feed = await readFeed(rss('<item><title>Big <b>news</b> today</title><description>A <i>real</i> story</description></item>'));
    expect(feed.items[0]).toMatchObject({ title: 'Big <b>news</b> today', summary: 'A real story' });
    expect(errors(feed.problems)).toEqual([
      expect.stringMatching(/^channel\.item\[0\]\.title: <title> contains the element <b>: markup inside it must be escaped/),
      expect.stringMatching(/^channel\.item\[0\]\.description: <description> contains the element <i>/),
    ]);
  });
});

describe('an Atom <entry> with no children never surfaces a parser exception', () => {
  it('<entry/> is read, and its missing elements are reported', async () => {
    const feed = await readFeed(atom('<entry/>'));
    expect(feed.items).toHaveLength(1);
    expect(errors(feed.problems)).toEqual([
      'entry[0].id: expected an <id>, found none',
      'entry[0].title: expected a <title>, found none',
      'entry[0].updated: expected an <updated>, found none',
      'entry[0]: expected a <content> or a <link rel="alternate">, found neither',
    ]);
  });
});

describe('RFC 4287 rules are enforced', () => {
  it.each(['2024-01-01t00:00:00Z', '2024-01-01T00:00:00z', '2024-01-01 00:00:00Z', '2024-01-01T00:00Z'])('the date %s is an error', async (date) => {
    const feed = await readFeed(atom(entry('https://ex.com/1', `<title>E</title><updated>${date}</updated><link href="https://ex.com/e"/>`)));
    expect(errors(feed.problems)).toEqual([expect.stringMatching(/^entry\[0\]\.updated: expected an RFC 3339 date/)]);
  });

  it('a relative <id> is an error', async () => {
    const feed = await readFeed(atom(entry('post-1')));
    expect(errors(feed.problems)).toEqual(['entry[0].id: expected an absolute URI, found the relative reference "post-1"']);
  });

  it('content src with type="html" is an error, and out-of-line content needs a summary', async () => {
    const feed = await readFeed(atom(entry('https://ex.com/1', '<title>E</title><updated>2024-01-01T00:00:00Z</updated><content type="html" src="https://ex.com/1.html"/>')));
    expect(errors(feed.problems)).toEqual([
      'entry[0].content: out-of-line content (src) must give a MIME type, not type="html"',
      'entry[0]: expected a <summary>: the <content> is out of line (src)',
    ]);
  });

  it('base64 content needs a summary', async () => {
    const feed = await readFeed(atom(entry('https://ex.com/1', '<title>E</title><updated>2024-01-01T00:00:00Z</updated><content type="image/png">iVBORw0KGgo=</content>')));
    expect(errors(feed.problems)).toEqual(['entry[0]: expected a <summary>: the <content> is base64 (type="image/png")']);
  });
});

describe('false alarms that are gone', () => {
  it('an empty channel <description/> is a warning, not an error', async () => {
    const feed = await readFeed(rss('<item><title>x</title></item>').replace('<description>D</description>', '<description/>'));
    expect(errors(feed.problems)).toEqual([]);
    expect(warnings(feed.problems)).toEqual(['channel.description: <description> is empty']);
  });

  it.each(['Fri, 01 Mar 2024 10:00:00 Z', 'Fri, 01 Mar 2024 10:00:00 A', 'Fri, 01 Mar 2024 10:00:00 m', 'Fri, 01 Mar 2024 10:00:00 Y'])(
    'the RFC 822 military zone in %s is accepted',
    async (date) => {
      const feed = await readFeed(rss(`<item><title>x</title><pubDate>${date}</pubDate></item>`));
      expect(errors(feed.problems)).toEqual([]);
      expect(feed.items[0]!.published).toEqual(new Date('2024-03-01T10:00:00Z'));
    },
  );

  it('Atom 0.3 is "unsupported: Atom 0.3", not Atom 1.0 with errors', async () => {
    const error = await readError('<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title></feed>');
    expect(error.detail).toMatch(/^unsupported: Atom 0\.3 /);
  });

  it.each([
    ['RSS 0.94', '<rss version="0.94"><channel><title>T</title></channel></rss>'],
    ['RSS 1.1', '<Channel xmlns="http://purl.org/net/rss1.1#"/>'],
    ['an Atom entry document (not a feed)', `<entry xmlns="${ATOM}"/>`],
  ])('%s is named as unsupported', async (name, text) => {
    expect((await readError(text)).detail).toContain(`unsupported: ${name}`);
  });
});

describe('weak checks are now errors', () => {
  it('a blank guid is an error', async () => {
    const feed = await readFeed(rss('<item><title>x</title><guid isPermaLink="false"> </guid></item>'));
    expect(errors(feed.problems)).toEqual(['channel.item[0].guid: expected a guid, found an empty element']);
  });

  it('isPermaLink="0" is an error', async () => {
    const feed = await readFeed(rss('<item><title>x</title><guid isPermaLink="0">https://ex.com/1</guid></item>'));
    expect(errors(feed.problems)).toEqual(['channel.item[0].guid: expected isPermaLink="true" or "false", found isPermaLink="0"']);
  });

  it('a wrong weekday is an error', async () => {
    const feed = await readFeed(rss('<item><title>x</title><pubDate>Mon, 01 Mar 2024 10:00:00 GMT</pubDate></item>'));
    expect(errors(feed.problems)).toEqual(['channel.item[0].pubDate: the weekday is wrong: "Mon, 01 Mar 2024 10:00:00 GMT" is a Fri']);
  });

  it('weekdays of years before 100 are those of the proleptic Gregorian calendar, not of 19xx', async () => {
    // JavaScript's Date.UTC takes years 0-99 for 1900-1999; 1 June 1950 was a Thursday, 1 June 50 a Wednesday.
    const right = await readFeed(rss('<item><title>x</title><pubDate>Wed, 01 Jun 0050 00:00:00 GMT</pubDate></item>'));
    expect(errors(right.problems)).toEqual([]);
    const wrong = await readFeed(rss('<item><title>x</title><pubDate>Thu, 01 Jun 0050 00:00:00 GMT</pubDate></item>'));
    expect(errors(wrong.problems)).toEqual(['channel.item[0].pubDate: the weekday is wrong: "Thu, 01 Jun 0050 00:00:00 GMT" is a Wed']);
  });

  it('the channel pubDate is checked', async () => {
    const feed = await readFeed(rss('<item><title>x</title></item>', '<pubDate>yesterday</pubDate>'));
    expect(errors(feed.problems)).toEqual([expect.stringMatching(/^channel\.pubDate: expected an RFC 822 date/)]);
  });
});

describe('hand-written RSS mistakes that used to pass', () => {
  it('a relative <link> is an error', async () => {
    const feed = await readFeed(rss('<item><title>x</title><link>/2024/x</link></item>'));
    expect(errors(feed.problems)).toEqual(['channel.item[0].link: expected an absolute URI, found the relative reference "/2024/x"']);
  });

  it('an item with neither title nor description is an error', async () => {
    const feed = await readFeed(rss('<item><link>https://ex.com/1</link></item>'));
    expect(errors(feed.problems)).toEqual(['channel.item[0]: expected a <title> or a <description>, found neither']);
  });
});

describe('the verifier is independent of the renderer', () => {
  it('no module of src/verify imports src/render', () => {
    const dir = new URL('../../src/verify/', import.meta.url);
    for (const name of readdirSync(dir)) {
      expect(readFileSync(new URL(name, dir), 'utf8'), name).not.toMatch(/from '\.\.\/render\//);
    }
  });
});
