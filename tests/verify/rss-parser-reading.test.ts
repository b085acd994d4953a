/**
 * rss-parser as the second, independent reading of our RSS and Atom outputs: its exceptions become
 * problems (never a throw), and wherever its reading and the strict reader's disagree the
 * round trip names the item and the field.
 */
import { describe, expect, it } from 'vitest';
import { renderFeeds } from '../../src/render/index.js';
import { readFeed, verifyDocument } from '../../src/verify/index.js';
import { readWithRssParser, type RssParserItem, type RssParserReading } from '../../src/verify/rss-parser-reading.js';
import { compareReadings, READERS } from '../../src/verify/second-reading.js';
import { sampleDocument, surgery } from './fixtures.js';

const doc = sampleDocument();
const outputs = renderFeeds(doc);
const ALPHA = 'https://news.example.com/2024/alpha';
const BETA = 'tag:news.example.com,2024:beta';
const GAMMA = 'https://news.example.com/2024/gamma';

describe('readWithRssParser', () => {
  it('reads the fields rss-parser gives for each RSS item', async () => {
    const reading = await readWithRssParser(outputs.rss);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.items.map((i) => i.id)).toEqual([ALPHA, BETA, GAMMA]);
    expect(reading.items[1]).toMatchObject({
      title: 'Beta: budget talks stall',
      link: 'https://news.example.com/2024/beta',
      pubDate: 'Wed, 28 Feb 2024 09:15:00 GMT',
      isoDate: '2024-02-28T09:15:00.000Z',
      content: 'Regional councils could not agree on grain-port levies.',
      creator: 'Jane Roe, Petro Kovalenko, Ann Smith',
      categories: ['Economy', 'Grain ports', 'Odesa Oblast'],
      enclosure: { url: 'https://news.example.com/img/beta.png', type: 'image/png', length: '0' },
    });
  });

  it('reads Atom entries: id, alternate link, published date, first author', async () => {
    const reading = await readWithRssParser(outputs.atom);
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.items[0]).toMatchObject({ id: ALPHA, title: 'Alpha: ferries resume at Izmail', link: ALPHA, isoDate: '2024-03-01T10:00:00.000Z', author: 'Olena Marchenko' });
  });

  it('an Atom <entry/> with no children makes rss-parser throw: the reading fails, nothing escapes', async () => {
    const atom = surgery(outputs.atom, '</feed>', '<entry/></feed>');
    const reading = await readWithRssParser(atom);
    expect(reading).toEqual({ ok: false, message: "Cannot read properties of undefined (reading '$')" });
  });

  it('an Atom date rss-parser cannot read (its toISOString throws) fails the reading, nothing escapes', async () => {
    const atom = surgery(outputs.atom, '<published>2024-03-01T10:00:00.000Z</published>', '<published>yesterday</published>');
    const reading = await readWithRssParser(atom);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? '' : reading.message).toMatch(/Invalid time value/);
  });

  it('text that is not XML fails the reading instead of rejecting', async () => {
    const reading = await readWithRssParser('<rss version="2.0"><channel><item></channel>');
    expect(reading.ok).toBe(false);
  });
});

describe('verifyDocument contains rss-parser exceptions', () => {
  it('an Atom <entry/> with no children is a graded problem of the feed, not a throw', async () => {
    const atom = surgery(outputs.atom, '</feed>', '<entry/></feed>');
    const report = await verifyDocument({ atom }, doc);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({
      format: 'atom',
      itemId: null,
      field: 'rss-parser',
      expected: 'a feed rss-parser can read',
      actual: "rss-parser could not read this feed: Cannot read properties of undefined (reading '$')",
    });
    // The strict reader still reads the feed and reports the entry it cannot accept.
    expect(report.formats.atom?.items).toBe(4);
  });

  it('outputs that match their document give no disagreement between the readers', async () => {
    const report = await verifyDocument(outputs, doc);
    expect(report.problems).toEqual([]);
  });
});

describe('compareReadings', () => {
  it('an enclosure link before the alternate link: rss-parser reads the image as the entry link', async () => {
    // Legal Atom (a link without rel is the alternate); rss-parser takes the first link when none says rel="alternate".
    const atom = surgery(
      outputs.atom,
      '<link href="https://news.example.com/2024/alpha"/>\n        <link rel="enclosure" href="https://news.example.com/img/alpha.jpg" type="image/jpeg"/>',
      '<link rel="enclosure" href="https://news.example.com/img/alpha.jpg" type="image/jpeg"/>\n        <link href="https://news.example.com/2024/alpha"/>',
    );
    const problems = compareReadings(await readFeed(atom, { format: 'atom' }), await readWithRssParser(atom), 'atom');
    expect(problems).toEqual([{ format: 'atom', itemId: ALPHA, field: `link ${READERS}`, expected: 'https://news.example.com/img/alpha.jpg', actual: ALPHA }]);
    // verifyDocument reports it too, though the strict reading matches the document.
    expect((await verifyDocument({ atom }, doc)).problems).toEqual(problems);
  });

  it('a <link> in another namespace: rss-parser matches by name, the strict reader by namespace', async () => {
    const rss = surgery(outputs.rss, `<link>${ALPHA}</link>`, `<link xmlns="urn:example:other">https://elsewhere.example/</link><link>${ALPHA}</link>`);
    const problems = compareReadings(await readFeed(rss, { format: 'rss' }), await readWithRssParser(rss), 'rss');
    expect(problems).toEqual([{ format: 'rss', itemId: ALPHA, field: `link ${READERS}`, expected: 'https://elsewhere.example/', actual: ALPHA }]);
  });

  it('markup inside an RSS title: rss-parser drops it, the strict reader keeps its text', async () => {
    const rss = surgery(outputs.rss, '<title>Gamma: a quiet night in Reni</title>', '<title>Gamma: a <b>quiet</b> night in Reni</title>');
    const strict = await readFeed(rss, { format: 'rss' });
    const problems = compareReadings(strict, await readWithRssParser(rss), 'rss');
    expect(problems).toEqual([{ format: 'rss', itemId: GAMMA, field: `title ${READERS}`, expected: 'Gamma: a night in Reni', actual: 'Gamma: a <b>quiet</b> night in Reni' }]);
    expect(strict.problems.map((p) => p.path)).toEqual(['channel.item[2].title']);
  });

  it('names every field where two readings of the same RSS disagree', async () => {
    const strict = await readFeed(outputs.rss, { format: 'rss' });
    const reading = await readWithRssParser(outputs.rss);
    if (!reading.ok) throw new Error(reading.message);
    const [alpha, beta, gamma] = reading.items as [RssParserItem, RssParserItem, RssParserItem];
    const divergent: RssParserReading = {
      ok: true,
      items: [
        // Entities, markup and whitespace runs in a title are not disagreements.
        { ...alpha, title: '  Alpha:   ferries resume at <i>Izmail</i>' },
        { ...gamma, enclosure: { url: 'https://news.example.com/img/other.png' } },
        { ...beta, title: 'Beta: budget talks stall &amp; resume', isoDate: '2024-02-28T09:15:01.000Z', link: 'https://news.example.com/2024/beta/' },
        { ...gamma },
      ],
    };
    expect(compareReadings(strict, divergent, 'rss')).toEqual([
      { format: 'rss', itemId: null, field: `items ${READERS}`, expected: '4', actual: '3' },
      { format: 'rss', itemId: BETA, field: `id ${READERS}`, expected: GAMMA, actual: BETA },
      { format: 'rss', itemId: BETA, field: `title ${READERS}`, expected: 'Gamma: a quiet night in Reni', actual: 'Beta: budget talks stall' },
      { format: 'rss', itemId: BETA, field: `link ${READERS}`, expected: 'https://news.example.com/2024/gamma', actual: 'https://news.example.com/2024/beta' },
      { format: 'rss', itemId: BETA, field: `date ${READERS}`, expected: '2024-02-27T21:45:00.000Z', actual: '2024-02-28T09:15:00.000Z' },
      { format: 'rss', itemId: BETA, field: `enclosure.url ${READERS}`, expected: 'https://news.example.com/img/other.png', actual: 'https://news.example.com/img/beta.png' },
      { format: 'rss', itemId: GAMMA, field: `id ${READERS}`, expected: BETA, actual: GAMMA },
      { format: 'rss', itemId: GAMMA, field: `title ${READERS}`, expected: 'Beta: budget talks stall &amp; resume', actual: 'Gamma: a quiet night in Reni' },
      { format: 'rss', itemId: GAMMA, field: `link ${READERS}`, expected: 'https://news.example.com/2024/beta/', actual: GAMMA },
      { format: 'rss', itemId: GAMMA, field: `date ${READERS}`, expected: '2024-02-28T09:15:01.000Z', actual: '2024-02-27T21:45:00.000Z' },
      { format: 'rss', itemId: GAMMA, field: `enclosure.url ${READERS}`, expected: 'https://news.example.com/img/beta.png', actual: '(none)' },
    ]);
  });

  it('a fault in the strict reading is found too', async () => {
    const strict = await readFeed(outputs.atom, { format: 'atom' });
    const reading = await readWithRssParser(outputs.atom);
    // As if the strict reader lost a second of one date and the id of another entry.
    const items = strict.items.map((item, i) => (i === 0 ? { ...item, published: new Date('2024-03-01T09:59:59Z') } : i === 2 ? { ...item, id: undefined } : item));
    expect(compareReadings({ ...strict, items }, reading, 'atom')).toEqual([
      { format: 'atom', itemId: ALPHA, field: `date ${READERS}`, expected: '2024-03-01T10:00:00.000Z', actual: '2024-03-01T09:59:59.000Z' },
      { format: 'atom', itemId: GAMMA, field: `id ${READERS}`, expected: GAMMA, actual: '(none)' },
    ]);
  });

  it('a date rss-parser kept but could not read is shown as written', async () => {
    const strict = await readFeed(outputs.rss, { format: 'rss' });
    const reading = await readWithRssParser(outputs.rss);
    if (!reading.ok) throw new Error(reading.message);
    const items = reading.items.map((item, i) => (i === 0 ? { ...item, pubDate: 'Fri, 01 Mar 2024 10:00:00 XYZ', isoDate: undefined } : item));
    expect(compareReadings(strict, { ok: true, items }, 'rss')).toEqual([
      { format: 'rss', itemId: ALPHA, field: `date ${READERS}`, expected: 'unreadable date "Fri, 01 Mar 2024 10:00:00 XYZ"', actual: '2024-03-01T10:00:00.000Z' },
    ]);
  });

  it('a failed reading is one problem', async () => {
    const strict = await readFeed(outputs.atom, { format: 'atom' });
    expect(compareReadings(strict, { ok: false, message: 'boom' }, 'atom')).toEqual([
      { format: 'atom', itemId: null, field: 'rss-parser', expected: 'a feed rss-parser can read', actual: 'rss-parser could not read this feed: boom' },
    ]);
  });
});
