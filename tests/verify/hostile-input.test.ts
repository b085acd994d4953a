/**
 * The verify side of the hostile-input classes (issue 13): stack overflows on large inputs
 * (spreading unbounded arrays into calls, recursive tree walks) and quadratic work per problem.
 * Each test is named after its class.
 */
import { describe, expect, it } from 'vitest';
import { renderFeeds } from '../../src/render/index.js';
import { canonicalHtml, checkWellFormedXml, crossCheck, htmlToText, readFeed, verifyDocument, type ParsedFeed, type ParsedItem } from '../../src/verify/index.js';
import { parseXmlWithSaxes, type XmlElement } from '../../src/verify/xml-check.js';
import { MAX_XML_DEPTH, parseXmlFast } from '../../src/verify/xml-fast.js';
import { splitCreators } from '../../src/verify/rss.js';
import { LineIndex } from '../../src/verify/lines.js';
import { MAX_LISTED_PROBLEMS, MAX_SAME_PROBLEM } from '../../src/verify/problem-list.js';
import { costGrowth } from '../support/linear.js';
import { sampleDocument } from './fixtures.js';

const ATOM = 'http://www.w3.org/2005/Atom';

function parsedFeed(format: ParsedFeed['format'], count: number): ParsedFeed {
  const items: ParsedItem[] = [];
  for (let i = 0; i < count; i++) items.push({ id: `https://ex.com/${i}`, title: `Item ${i}`, authors: [], tags: [], enclosures: [] });
  return { format, version: '1', title: 'T', authors: [], items, problems: [], history: { archive: false } };
}

describe('stack overflow: push(...array) in verify', () => {
  it('an RSS with 70,000 bad items is one report, not a RangeError', async () => {
    const items: string[] = [];
    for (let i = 0; i < 70_000; i++) items.push(`<item><title>t${i}</title><guid>https://ex.com/${i}</guid><pubDate>bad</pubDate></item>`);
    const rss = `<rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>D</description>${items.join('')}</channel></rss>`;
    const report = await verifyDocument({ rss }, sampleDocument());
    expect(report.ok).toBe(false);
    expect(report.formats.rss?.items).toBe(70_000);
    // The bad dates are listed up to the report's limit, then counted in one more problem; the first
    // three items pair with the document's three by position (changed ids), the rest are unexpected.
    const dates = report.problems.filter((p) => p.field.endsWith('.pubDate'));
    expect(dates.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
    const unlisted = /^(\d+) more errors from this line on, not listed/.exec(dates.at(-1)!.actual);
    expect(dates.length - 1 + Number(unlisted?.[1])).toBe(70_000);
    expect(report.problems.filter((p) => p.field === 'id')).toHaveLength(3);
    expect(report.problems.filter((p) => p.actual.startsWith('present at position'))).toHaveLength(69_997);
  }, 120_000);

  it('two formats that differ by more than 120,000 items are one report', () => {
    const report = crossCheck([parsedFeed('rss', 120_001), parsedFeed('json', 0)]);
    expect(report.problems).toHaveLength(120_001);
    expect(report.formats.json).toEqual({ items: 0, expectedItems: 120_001, problems: 120_001 });
  });

  it('many identical authors or tags align in linear time', async () => {
    const doc = sampleDocument();
    const tags = Array.from({ length: 50_000 }, () => 'same');
    doc.items[0] = { ...doc.items[0]!, tags };
    const outputs = renderFeeds(doc);
    const report = await verifyDocument({ json: outputs.json }, doc);
    expect(report.problems).toEqual([]);
  });
});

describe('stack overflow: deeply nested XHTML in a feed', () => {
  it.each([5_000, 20_000])(
    '%i levels of XHTML in Atom content are read, not a RangeError',
    async (depth) => {
      const open = '<span>'.repeat(depth);
      const close = '</span>'.repeat(depth);
      const text =
        `<feed xmlns="${ATOM}"><title>T</title><id>https://ex.com/</id><updated>2024-01-01T00:00:00Z</updated><author><name>A</name></author>` +
        `<entry><id>https://ex.com/1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${open}deep${close}</div></title>` +
        `<updated>2024-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${open}body${close}</div></content></entry></feed>`;
      const feed = await readFeed(text);
      expect(feed.items[0]!.title).toBe('deep');
      expect(feed.items[0]!.contentHtml).toContain('body');
    },
    60_000,
  );

  it('20,000 levels of HTML reduce to their text', () => {
    expect(htmlToText(`${'<b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}`)).toBe('x');
  });
});

describe('quadratic verify on JSON Feed problems (line lookup per problem)', () => {
  const feed = (count: number): string =>
    JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'T',
        items: Array.from({ length: count }, (_, i) => ({ id: String(i), content_text: 'x', date_published: 'soon' })),
      },
      null,
      1,
    );

  it('every problem gets its line, from one index of line starts', async () => {
    const parsed = await readFeed(feed(3));
    expect(parsed.problems.map((p) => [p.path, p.line])).toEqual([
      ['items[0].date_published', 8],
      ['items[1].date_published', 13],
      ['items[2].date_published', 18],
    ]);
    const index = new LineIndex('a\nbc\n\nd');
    expect([0, 1, 2, 4, 5, 6].map((o) => index.at(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });

  it('a 3 MB feed with 40,000 problems gives each problem listed its line (the per-problem scan took over 30 s)', async () => {
    const text = feed(40_000);
    expect(text.length).toBeGreaterThan(3_000_000);
    const parsed = await readFeed(text);
    // The first MAX_LISTED_PROBLEMS are listed, each on its line; one more counts the rest from its line on.
    expect(parsed.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(parsed.problems.every((p, i) => p.line === 8 + 5 * i)).toBe(true);
    expect(parsed.problems.at(-1)!.message).toMatch(new RegExp(`^${40_000 - MAX_LISTED_PROBLEMS} more errors from this line on`));
  });
});

describe('quadratic: one long JSON name over many values (every value got its full path when a line was looked up)', () => {
  // Longer than the strings V8 hashes by their characters: paths this long and of one length all collide.
  const longName = `_${'x'.repeat(17_000)}`;
  const feed = (members: number, title: string): string =>
    `{"version":"https://jsonfeed.org/version/1.1","title":${title},"items":[{"id":"https://ex.com/1","content_text":"x"}],\n"${longName}":{${Array.from({ length: members }, (_, i) => `"${String(i).padStart(6, '0')}":1`).join(',')}}}`;

  it('a spec problem gets its line in time linear in the number of values under the name', async () => {
    const run = async (members: number): Promise<void> => {
      const parsed = await readFeed(feed(members, '1'));
      expect(parsed.problems).toMatchObject([{ path: 'title', line: 1, severity: 'error' }]);
    };
    expect(await costGrowth(run, 50, 500, 3)).toBeLessThanOrEqual(3);
  }, 120_000);

  it('a name given twice under it is warned about with its path and line, in linear time', async () => {
    const repeated = (members: number): string => feed(members, '"T"').replace(/\}\}$/, ',\n"000000":2}}');
    const parsed = await readFeed(repeated(3));
    expect(parsed.problems).toMatchObject([{ path: `${longName}.000000`, line: 3, severity: 'warning' }]);
    const run = async (members: number): Promise<void> => {
      expect((await readFeed(repeated(members))).problems).toHaveLength(1);
    };
    expect(await costGrowth(run, 50, 500, 3)).toBeLessThanOrEqual(3);
  }, 120_000);
});

describe('a document of many problems is a report of bounded size', () => {
  const channel = (inner: string): string => `<rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>D</description>${inner}</channel></rss>`;

  it('lists one problem a hundred times with its line, then counts it (750,000 unknown elements: gigabytes before)', async () => {
    const feed = await readFeed(channel('<x/>\n'.repeat(300)));
    const same = feed.problems.filter((p) => p.path === 'channel.x');
    expect(same).toHaveLength(MAX_SAME_PROBLEM + 1);
    expect(same.slice(0, MAX_SAME_PROBLEM).map((p) => p.line)).toEqual(Array.from({ length: MAX_SAME_PROBLEM }, (_, i) => i + 1));
    expect(same.at(-1)).toMatchObject({
      severity: 'error',
      line: MAX_SAME_PROBLEM + 1,
      message: expect.stringContaining(`(and ${300 - MAX_SAME_PROBLEM} more times from this line on, not listed)`),
    });
  });

  it('lists at most MAX_LISTED_PROBLEMS different problems, then counts errors and warnings', async () => {
    const feed = await readFeed(channel(Array.from({ length: MAX_LISTED_PROBLEMS + 500 }, (_, i) => `<x${i}/>`).join('')));
    expect(feed.problems.length).toBeLessThanOrEqual(MAX_LISTED_PROBLEMS + 1);
    const last = feed.problems.at(-1)!;
    // Each unknown element is an error; the channel's other problems (warnings) are counted apart.
    const counted = Number(/^(\d+) more errors?(?: and \d+ more warnings?)? from this line on, not listed/.exec(last.message)?.[1]);
    const listed = feed.problems.slice(0, -1).filter((p) => p.path.startsWith('channel.x')).length;
    expect(listed + counted).toBe(MAX_LISTED_PROBLEMS + 500);
  });

  it('a JSON Feed too, with the line of the first problem not listed', async () => {
    const items = Array.from({ length: MAX_LISTED_PROBLEMS + 500 }, (_, i) => ({ id: `https://ex.com/${i}`, content_text: 'x', date_published: 'soon' }));
    const feed = await readFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items }, null, 1));
    expect(feed.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(feed.problems.at(-1)).toMatchObject({
      path: `items[${MAX_LISTED_PROBLEMS}].date_published`,
      message: expect.stringMatching(/^500 more errors from this line on, not listed/),
    });
    expect(feed.problems.at(-1)!.line).toBeGreaterThan(feed.problems.at(-2)!.line!);
  });
});

describe('backtracking: comments before the root element', () => {
  // A lazy comment pattern repeated by a regular expression tried 2^k ways to group k comments (28: 9 s).
  const comments = '<!--a-->'.repeat(60);
  const channel = '<channel><title>T</title><link>https://ex.com/</link><description>D</description></channel>';

  it.each([
    ['an HTML page', `${comments}<html><body>Hello</body></html>`, 'this is an HTML page'],
    ['a broken draft RSS 0.94', `<?xml version="1.0"?>${comments}<!DOCTYPE rss><rss version="0.94">${channel}&nbsp;`, 'unsupported: RSS 0.94'],
    ['a broken RSS 0.91', `<?xml version="1.0"?>${comments}<!DOCTYPE rss><rss version="0.91">${channel}&nbsp;`, 'undefined entity &nbsp;'],
    ['a broken RSS 1.0', `${comments}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel>`, 'the XML ends too early'],
    ['broken XML of another kind', `${comments}<svg><g>`, 'the root <svg>'],
    ['an unterminated comment', `${'<!--a-->'.repeat(60)}<!--${'-'.repeat(20_000)}`, 'not well-formed'],
  ])('%s after 60 comments is answered at once', async (_, text, message) => {
    await expect(readFeed(text)).rejects.toMatchObject({ code: 'E_FEED', message: expect.stringContaining(message) });
  });

  it('an RSS after 60 comments and a processing instruction is read', async () => {
    const feed = await readFeed(`<?xml version="1.0"?>${comments}<?xml-stylesheet href="s.xsl"?>${comments}<rss version="2.0">${channel}</rss>`);
    expect(feed.format).toBe('rss');
  });
});

describe('quadratic: text read at every level of nested elements', () => {
  const rssWith = (item: string): string =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title><link>https://ex.com/</link><description>D</description><item><title>I</title>${item}</item></channel></rss>`;

  it('nested <media:group> are checked once each: cost per level alike at 8,000 and 80,000 levels (each level read its whole subtree)', async () => {
    const nested = async (depth: number): Promise<void> => {
      const feed = await readFeed(rssWith(`${'<media:group>'.repeat(depth)}x${'</media:group>'.repeat(depth)}`));
      expect(feed.problems.some((p) => p.message.includes('expected two or more <media:content>'))).toBe(true);
    };
    expect(await costGrowth(nested, 8_000, 80_000, 3)).toBeLessThanOrEqual(3);
  }, 120_000);
});

describe('quadratic: the first of many entries sharing an id', () => {
  it('is read once: cost per entry alike at 2,000 and 20,000 repeats of an entry with as many children', async () => {
    const repeats = async (n: number): Promise<void> => {
      const first = `<entry><id>https://ex.com/1</id><title>x</title><updated>2024-01-01T00:00:00Z</updated>${'<category term="c"/>'.repeat(n)}</entry>`;
      const again = '<entry><id>https://ex.com/1</id><title>y</title><updated>2024-01-01T00:00:00Z</updated></entry>';
      const feed = await readFeed(
        `<feed xmlns="${ATOM}"><id>https://ex.com/</id><title>T</title><updated>2024-01-01T00:00:00Z</updated><author><name>A</name></author>${first}${again.repeat(n)}</feed>`,
      );
      expect(feed.items).toHaveLength(n + 1);
    };
    expect(await costGrowth(repeats, 2_000, 20_000, 3)).toBeLessThanOrEqual(3);
  }, 120_000);
});

describe('backtracking: author fields', () => {
  const rssWith = (item: string): string =>
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://ex.com/</link><description>D</description><item><title>I</title><guid>https://ex.com/1</guid>${item}</item></channel></rss>`;

  it('an RSS <author> of spaces and many @ is read in linear time (its patterns backtracked: 3 KB took 2 s)', async () => {
    const author = async (n: number): Promise<void> => {
      const feed = await readFeed(rssWith(`<author>x${' '.repeat(n)}&lt;${'a@'.repeat(n)}</author>`));
      expect(feed.problems.some((p) => p.message.startsWith('expected an email address'))).toBe(true);
    };
    expect(await costGrowth(author, 1_000, 10_000, 3)).toBeLessThanOrEqual(3);
  }, 120_000);

  it('a run of spaces in a dc:creator of several names is split in linear time', async () => {
    const split = (n: number): void => {
      expect(splitCreators(`Ann Lee,${' '.repeat(n)}Bo${' '.repeat(n)}Chan , Cy Dee`)).toEqual(['Ann Lee', `Bo${' '.repeat(n)}Chan`, 'Cy Dee']);
    };
    expect(await costGrowth(split, 10_000, 100_000, 3)).toBeLessThanOrEqual(3);
  });
});

describe('backtracking: podcast and FeedSync attributes', () => {
  const channel = (inner: string, item = ''): string =>
    `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:sx="http://feedsync.org/2007/feedsync"><channel><title>T</title><link>https://ex.com/</link><description>D</description>${inner}<item><title>I</title><guid>https://ex.com/1</guid>${item}</item></channel></rss>`;

  it('an itunes:email of many dots is checked in linear time', async () => {
    const email = async (n: number): Promise<void> => {
      const feed = await readFeed(channel(`<itunes:owner><itunes:name>O</itunes:name><itunes:email>a@${'.'.repeat(n)}@</itunes:email></itunes:owner>`));
      expect(feed.problems.some((p) => p.message.startsWith('expected an email address'))).toBe(true);
    };
    expect(await costGrowth(email, 5_000, 50_000, 3)).toBeLessThanOrEqual(3);
  }, 120_000);

  it('a FeedSync by of many tag starts without an end is checked in linear time', async () => {
    const by = async (n: number): Promise<void> => {
      const feed = await readFeed(channel('', `<sx:sync id="s1" updates="1"><sx:history sequence="1" by="${'&lt;a'.repeat(n)}"/></sx:sync>`));
      expect(feed.problems.some((p) => p.message.startsWith('by: expected URN characters only'))).toBe(true);
    };
    expect(await costGrowth(by, 5_000, 50_000, 3)).toBeLessThanOrEqual(3);
  }, 120_000);
});

describe('quadratic: HTML nested deeply in a feed’s content', () => {
  // htmlparser2 shifts its array of open elements at every tag: 40,000 unclosed <b> (2.4 MB) took 23 s.
  const unclosed = (n: number): string => `${'<b>'.repeat(n)}x`;
  const closed = (n: number): string => `${'<span>'.repeat(n)}x${'</span>'.repeat(n)}`;
  const stray = (n: number): string => `${'<i>'.repeat(2_000)}${'</q>'.repeat(n)}x`;

  it('reads it in time linear in its size', async () => {
    const selfClosed = (n: number): string => `${'<b/>'.repeat(n)}x`;
    for (const shape of [unclosed, closed, stray, selfClosed]) expect(await costGrowth((n) => htmlToText(shape(n)), 3_000, 30_000, 4)).toBeLessThanOrEqual(4);
  });

  it('keeps its text past the limit, and reads HTML nested within it as before', () => {
    expect(htmlToText(unclosed(50_000))).toBe('x');
    expect(htmlToText(`<p>a${'<b>'.repeat(1_000)}b${'</b>'.repeat(1_000)}</p>`)).toBe('ab');
    expect(htmlToText(`<p>one ${'<i>'.repeat(5_000)}two &amp; three</p>`)).toBe('one two & three');
    // Past the limit, the text as a reader sees it: block tags break lines, inline ones join, scripts go.
    expect(htmlToText(`<p>wo<b>r</b>d</p><script>var s = "hidden";</script>${'<i>'.repeat(5_000)}<p>end</p>`)).toBe('word\nend');
    const shallow = `${'<p>one<br>two'.repeat(3_000)}`;
    expect(htmlToText(shallow).split('\n').length).toBe(6_000);
  });

  it('compares HTML htmlparser2 nests deeper than a browser (end tags left out) as before', () => {
    // <li><p> is two levels an item to htmlparser2: 1,000 items, 2,000 levels.
    const list = Array.from({ length: 1_000 }, (_, i) => `<li><p>item ${i}`).join('');
    const page = (href: string): string => `<p>See <a href="${href}">this</a></p><ul>${list}</ul>`;
    expect(canonicalHtml(page('https://a.example/'))).not.toBe(canonicalHtml(page('https://b.example/')));
    expect(htmlToText(`<p>wo<b>r</b>d</p>${page('https://a.example/')}`).split('\n')).toHaveLength(1_002);
  });

  it('compares many tags nested shallowly as before: end tags left out or written, differences seen', () => {
    const rows = (explicit: boolean): string => Array.from({ length: 1_100 }, (_, i) => (explicit ? `<tr><td>r${i}</td><td>b</td></tr>` : `<tr><td>r${i}<td>b`)).join('');
    const table = (explicit: boolean, tail: string): string => `<table>${rows(explicit)}</table>${tail}`;
    expect(canonicalHtml(table(false, '<p><b>x</b></p>'))).toBe(canonicalHtml(table(true, '<p><b>x</b></p>')));
    expect(canonicalHtml(table(false, '<p><b>x</b></p>'))).not.toBe(canonicalHtml(table(false, '<p><i>x</i></p>')));
    expect(htmlToText(table(false, '<p>x</p>')).split('\n').slice(-3)).toEqual(['r1099', 'b', 'x']);
    // Self-closed names open elements in HTML: nested past the limit, read as text, in linear time.
    expect(htmlToText(`${'<b/>'.repeat(5_000)}x`)).toBe('x');
  });
});

describe('memory: elements opened and never closed', () => {
  // Each open element is kept until its end tag: `<a>` repeated (3 bytes an element) was read to the
  // end of the document, through the fast path and then saxes, at about 800 bytes an element
  // (10 MB: 2.6 GB). Both readers stop at the first element nested deeper than MAX_XML_DEPTH.
  const channel = '<rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>D</description><item><title>t</title>';
  const tooDeep = `more than ${MAX_XML_DEPTH} nested elements (<a> is one more): storyfeed reads no further`;

  it('refuses a feed of start tags at the first element past the limit, not at the end of the document', async () => {
    // <rss>, <channel> and <item> are three levels: the <a> at index MAX_XML_DEPTH - 3 is one too many.
    const column = channel.length + (MAX_XML_DEPTH - 3) * 3 + 1;
    const text = `${channel}${'<a>'.repeat(MAX_XML_DEPTH * 3)}`;
    // Not called ill-formed: it may not be (regression: "the XML is not well-formed").
    await expect(readFeed(text)).rejects.toMatchObject({
      code: 'E_FEED',
      line: 1,
      message: expect.stringContaining(`the XML nests deeper than storyfeed reads, at line 1, column ${column}: ${tooDeep}`),
    });
    // Nor is a document whose root is no feed's (regression: "not well-formed XML either").
    await expect(readFeed(`<doc>${'<a>'.repeat(MAX_XML_DEPTH * 3)}`)).rejects.toMatchObject({
      message: expect.stringContaining('not a feed (and nested deeper than storyfeed reads: '),
    });
    // A later error is never reached.
    expect(checkWellFormedXml(`${text}&undefined;</b>`)).toEqual({ ok: false, error: { message: tooDeep, line: 1, column, truncated: false, limit: true } });
  }, 60_000);

  it('stops at the same element through either reader; as deep as the limit is read as before', () => {
    const nested = (depth: number, lineEnd: string, close: boolean): string => `<r>${lineEnd}${'<a>'.repeat(depth - 1)}${close ? `${'</a>'.repeat(depth - 1)}</r>` : ''}`;
    expect(parseXmlFast(nested(MAX_XML_DEPTH, '\n', true))).toBeDefined();
    expect(parseXmlFast(nested(MAX_XML_DEPTH + 1, '\n', true))).toBeUndefined();
    // A CR keeps the document off the fast path: saxes reads it.
    for (const lineEnd of ['\n', '\r\n']) {
      expect(checkWellFormedXml(nested(MAX_XML_DEPTH, lineEnd, true)).ok).toBe(true);
      const open = checkWellFormedXml(nested(MAX_XML_DEPTH, lineEnd, false));
      expect(!open.ok && open.error).toMatchObject({ message: expect.stringMatching(/^the XML ends too early \(truncated\?\): <a> opened on line 2/), truncated: true });
      for (const close of [true, false]) {
        const deeper = checkWellFormedXml(nested(MAX_XML_DEPTH + 1, lineEnd, close));
        expect(deeper).toEqual({ ok: false, error: { message: tooDeep, line: 2, column: (MAX_XML_DEPTH - 1) * 3 + 1, truncated: false, limit: true } });
      }
    }
  }, 60_000);

  it('saxes builds the tree as the fast path does: one shared empty list for all elements without attributes or children', () => {
    const root = parseXmlWithSaxes('<r>\r\n<a/><b><c/></b></r>').root;
    const [a, b] = root.children.filter((child): child is XmlElement => child.kind === 'element');
    expect(a!.attributes).toBe(b!.attributes);
    expect(a!.children).toBe((b!.children[0] as XmlElement).children);
  });
});
