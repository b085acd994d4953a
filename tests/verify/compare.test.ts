import { describe, expect, it } from 'vitest';
import { buildFeedDocument } from '../../src/feed/document.js';
import { renderFeeds } from '../../src/render/index.js';
import type { SiteConfig, Story } from '../../src/types.js';
import { canonicalHtml, crossCheck, formatReport, htmlToText, readFeed, verifyDocument, verifyFeeds, type VerifyReport } from '../../src/verify/index.js';
import { sampleDocument, surgery } from './fixtures.js';

const doc = sampleDocument();
const outputs = renderFeeds(doc);

describe('canonicalHtml compares HTML as HTML', () => {
  const same: [string, string][] = [
    ['<p>a &amp; b</p>', '<p>a &#38; b</p>'],
    ['<p>x<br/>y</p>', '<P>x<BR>y</P>'],
    ['<a title="t" href=\'/x?a=1&amp;b=2\'>l</a>', '<a href="/x?a=1&b=2" title=t>l</a>'],
    ['<p>one</p>\n\n<p>two</p>', '<p>one</p><p>two</p>'],
    ['<p>  spaced\n  out </p>', '<p>spaced out</p>'],
    ['<p>a<!-- note -->b</p>', '<p>ab</p>'],
    ['<p>x\r\ny</p>', '<p>x\ny</p>'],
    ['<p>&nbsp;x</p>', '<p>\u00A0x</p>'],
  ];
  it.each(same)('%j equals %j', (a, b) => {
    expect(canonicalHtml(a)).toBe(canonicalHtml(b));
  });

  const different: [string, string][] = [
    ['<p>a &amp; b</p>', '<p>a &amp;amp; b</p>'],
    ['<p>text</p>', '<p>test</p>'],
    ['<p><b>x</b></p>', '<p><i>x</i></p>'],
    ['<a href="/x">l</a>', '<a href="/y">l</a>'],
    ['<pre>a  b</pre>', '<pre>a b</pre>'],
    ['<p>a <b>b</b></p>', '<p>a<b>b</b></p>'],
    ['<p>&nbsp;x</p>', '<p> x</p>'],
  ];
  it.each(different)('%j differs from %j', (a, b) => {
    expect(canonicalHtml(a)).not.toBe(canonicalHtml(b));
  });

  it('htmlToText gives the text a reader shows', () => {
    expect(htmlToText('<p>Tom &amp; <b>Jerry</b></p><p>second<br>line</p><script>x()</script>')).toBe('Tom & Jerry\nsecond\nline');
    expect(htmlToText('Sum &amp;amp; &lt;x&gt;\n  line2')).toBe('Sum &amp; <x> line2');
  });
});

describe('verifyFeeds builds the document from stories', () => {
  it('passes for outputs rendered from the same stories', async () => {
    const site: SiteConfig = { siteUrl: 'https://news.example.com', title: 'T', description: 'D', language: 'en', authors: [{ name: 'Desk', email: 'desk@example.com' }] };
    const story: Story = {
      id: 'https://news.example.com/s',
      slug: 's',
      url: 'https://news.example.com/s',
      title: 'A  story\n',
      summary: 'S',
      published: new Date('2024-01-01T00:00:00Z'),
      updated: new Date('2024-01-02T00:00:00Z'),
      authors: [],
      language: 'en',
      sections: [],
      quotes: [],
      sources: [],
      entities: { people: [], organizations: [], places: [] },
      tags: ['x', 'x', ' y '],
      wordCount: 1,
      readingMinutes: 1,
      contentHtml: '<p>S</p>',
      contentText: 'S',
      draft: false,
    };
    const built = renderFeeds(buildFeedDocument([story], site));
    expect(await verifyFeeds(built, [story], site)).toEqual({
      ok: true,
      problems: [],
      formats: { rss: { items: 1, expectedItems: 1, problems: 0 }, atom: { items: 1, expectedItems: 1, problems: 0 }, json: { items: 1, expectedItems: 1, problems: 0 } },
    });
    const changed = await verifyFeeds(built, [{ ...story, title: 'Another story' }], site);
    expect(changed.problems.map((p) => `${p.format} ${p.field}`)).toEqual(['rss title', 'atom title', 'json title']);
  });
});

describe('crossCheck compares formats with each other', () => {
  it('finds nothing between the formats of one document', async () => {
    const parsed = await Promise.all([readFeed(outputs.rss), readFeed(outputs.atom), readFeed(outputs.json)]);
    const report = crossCheck(parsed);
    expect(report.problems).toEqual([]);
    expect(report.formats).toEqual({
      rss: { items: 3, expectedItems: 3, problems: 0 },
      atom: { items: 3, expectedItems: 3, problems: 0 },
      json: { items: 3, expectedItems: 3, problems: 0 },
    });
  });

  it('names both formats when they disagree', async () => {
    const json = surgery(outputs.json, '"title": "Beta: budget talks stall"', '"title": "Beta: budget talks resume"');
    const report = crossCheck(await Promise.all([readFeed(outputs.rss), readFeed(outputs.atom), readFeed(json)]));
    expect(report.problems).toEqual([
      { format: 'cross', itemId: 'tag:news.example.com,2024:beta', field: 'title (rss vs json)', expected: 'Beta: budget talks stall', actual: 'Beta: budget talks resume' },
    ]);
    expect(report.ok).toBe(false);
    expect(report.formats.json?.problems).toBe(1);
  });

  it('reports missing items and order changes', async () => {
    const atom = outputs.atom.replace(/\s*<entry>[\s\S]*?<\/entry>/, '');
    const report = crossCheck(await Promise.all([readFeed(outputs.rss), readFeed(atom)]));
    expect(report.problems).toEqual([{ format: 'cross', itemId: 'https://news.example.com/2024/alpha', field: 'item (rss vs atom)', expected: 'in the feed', actual: 'missing' }]);
  });

  it('is OK with nothing to compare', () => {
    expect(crossCheck([])).toEqual({ ok: true, problems: [], formats: {} });
  });
});

describe('formatReport', () => {
  it('prints one line per problem and a summary', async () => {
    const rss = surgery(outputs.rss, '<title>Beta: budget talks stall</title>', '<title>Beta: budget talks go on</title>');
    const atom = surgery(outputs.atom, '<name>Petro Kovalenko</name>', '<name>Petro K.</name>');
    const report = await verifyDocument({ ...outputs, rss, atom }, doc);
    expect(formatReport(report)).toBe(
      [
        'rss   item tag:news.example.com,2024:beta  title: expected "Beta: budget talks stall" got "Beta: budget talks go on"',
        'atom  item tag:news.example.com,2024:beta  authors[1].name: expected "Petro Kovalenko" got "Petro K."',
        '2 problems: rss 1, atom 1, json OK',
      ].join('\n'),
    );
  });

  it('cuts long values around their first difference', () => {
    const long = 'a'.repeat(200);
    const report: VerifyReport = {
      ok: false,
      problems: [{ format: 'json', itemId: 'x', field: 'content', expected: `${long}Xtail${'b'.repeat(100)}`, actual: `${long}Ytail${'b'.repeat(100)}` }],
      formats: { json: { items: 1, expectedItems: 1, problems: 1 } },
    };
    const [line] = formatReport(report).split('\n');
    expect(line).toBe(`json  item x  content: expected …"${'a'.repeat(24)}Xtail${'b'.repeat(43)}"… (305 chars) got …"${'a'.repeat(24)}Ytail${'b'.repeat(43)}"… (305 chars)`);
  });

  it('shows absent values and control characters plainly', () => {
    const report: VerifyReport = {
      ok: false,
      problems: [{ format: 'rss', itemId: null, field: 'hub', expected: 'a\nb', actual: '(none)' }],
      formats: { rss: { items: 0, expectedItems: 0, problems: 1 } },
    };
    expect(formatReport(report)).toBe('rss   feed  hub: expected "a\\nb" got (none)\n1 problem: rss 1');
  });

  it('summarizes a clean report', async () => {
    expect(formatReport(await verifyDocument(outputs, doc))).toBe('OK: rss, atom, json checked, no problems (3 items each)');
  });
});
