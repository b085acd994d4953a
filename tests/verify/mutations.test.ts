import { describe, expect, it } from 'vitest';
import { renderFeeds } from '../../src/render/index.js';
import type { FeedFormat } from '../../src/types.js';
import { verifyDocument } from '../../src/verify/index.js';
import { sampleDocument, surgery } from './fixtures.js';

// Corrupt exactly one value in one rendered output; verification must name exactly that format,
// item and field, and nothing else.

const doc = sampleDocument();
const outputs = renderFeeds(doc);
const ALPHA = 'https://news.example.com/2024/alpha';
const BETA = 'tag:news.example.com,2024:beta';
const GAMMA = 'https://news.example.com/2024/gamma';

interface Mutation {
  /** What is corrupted, for the test name. */
  name: string;
  itemId: string | null;
  field: string;
  find: string;
  replace: string;
  /** Which occurrence of `find`, when it occurs more than once. */
  nth?: number;
}

const MUTATIONS: Record<FeedFormat, Mutation[]> = {
  rss: [
    { name: 'feed title', itemId: null, field: 'title', find: '<title>Danube Dispatch</title>', replace: '<title>Danube Despatch</title>' },
    { name: 'feed description', itemId: null, field: 'description', find: 'lower Danube &amp; the', replace: 'lower Danube and the' },
    { name: 'site link', itemId: null, field: 'siteUrl', find: '<link>https://news.example.com/</link>', replace: '<link>https://news.example.org/</link>' },
    { name: 'self link', itemId: null, field: 'selfUrl', find: 'href="https://news.example.com/rss.xml"', replace: 'href="https://news.example.com/atom.xml"' },
    { name: 'language', itemId: null, field: 'language', find: '<language>en</language>', replace: '<language>fr</language>' },
    { name: 'feed updated', itemId: null, field: 'updated', find: '<lastBuildDate>Sun, 03 Mar 2024 08:00:00 GMT', replace: '<lastBuildDate>Sun, 03 Mar 2024 08:00:01 GMT' },
    { name: 'hub', itemId: null, field: 'hub', find: 'href="https://hub.example.com/"', replace: 'href="https://hub.example.net/"' },
    { name: 'title', itemId: BETA, field: 'title', find: '<title>Beta: budget talks stall</title>', replace: '<title>Beta: budget talks stalls</title>' },
    { name: 'link', itemId: BETA, field: 'url', find: '<link>https://news.example.com/2024/beta</link>', replace: '<link>https://news.example.com/2024/bet</link>' },
    { name: 'id', itemId: BETA, field: 'id', find: '>tag:news.example.com,2024:beta</guid>', replace: '>tag:news.example.com,2024:beta2</guid>' },
    { name: 'permalink flag', itemId: BETA, field: 'isPermaLink', find: '<guid isPermaLink="false">', replace: '<guid isPermaLink="true">' },
    { name: 'published', itemId: BETA, field: 'published', find: '<pubDate>Wed, 28 Feb 2024 09:15:00 GMT', replace: '<pubDate>Wed, 28 Feb 2024 09:16:00 GMT' },
    { name: 'summary', itemId: BETA, field: 'summary', find: 'could not agree on grain-port', replace: 'could agree on grain-port' },
    { name: 'content', itemId: BETA, field: 'content', find: 'met for six hours', replace: 'met for seven hours' },
    { name: 'content markup', itemId: BETA, field: 'content', find: '<blockquote><p>We', replace: '<blockquote><p class="x">We' },
    { name: 'middle of several authors (dc:creator)', itemId: BETA, field: 'authors[1].name', find: 'Petro Kovalenko,', replace: 'Petro Kovalenk,' },
    { name: 'first of several authors (dc:creator)', itemId: BETA, field: 'authors[0].name', find: '<dc:creator>Jane Roe,', replace: '<dc:creator>Jane Doe,' },
    { name: 'last of several authors (dc:creator)', itemId: BETA, field: 'authors[2].name', find: 'Ann Smith</dc:creator>', replace: 'Ann Smyth</dc:creator>' },
    { name: 'tag', itemId: BETA, field: 'tags[1]', find: '<category>Grain ports</category>', replace: '<category>Grain port</category>' },
    { name: 'last tag', itemId: BETA, field: 'tags[2]', find: '<category>Odesa Oblast</category>', replace: '<category>Odessa Oblast</category>' },
    {
      name: 'image url',
      itemId: BETA,
      field: 'image.url',
      find: '<media:content url="https://news.example.com/img/beta.png"',
      replace: '<media:content url="https://news.example.com/img/beta2.png"',
    },
    { name: 'image type', itemId: BETA, field: 'image.type', find: 'medium="image" type="image/png"', replace: 'medium="image" type="image/gif"' },
    {
      name: 'enclosure url',
      itemId: BETA,
      field: 'enclosure.url',
      find: '<enclosure url="https://news.example.com/img/beta.png"',
      replace: '<enclosure url="https://news.example.com/img/beta3.png"',
    },
    { name: 'author of another item', itemId: GAMMA, field: 'authors[0].email', find: 'ivan@example.com', replace: 'ivan@example.org' },
    { name: 'title of the first item', itemId: ALPHA, field: 'title', find: 'Alpha: ferries resume', replace: 'Alpha: ferries resumed' },
  ],
  atom: [
    { name: 'feed title', itemId: null, field: 'title', find: '<title>Danube Dispatch</title>', replace: '<title>Danube Despatch</title>' },
    { name: 'feed subtitle', itemId: null, field: 'description', find: 'lower Danube &amp; the', replace: 'lower Danube and the' },
    {
      name: 'site link',
      itemId: null,
      field: 'siteUrl',
      find: '<link rel="alternate" href="https://news.example.com/"/>',
      replace: '<link rel="alternate" href="https://news.example.org/"/>',
    },
    {
      name: 'self link',
      itemId: null,
      field: 'selfUrl',
      find: '<link rel="self" href="https://news.example.com/atom.xml"/>',
      replace: '<link rel="self" href="https://news.example.com/rss.xml"/>',
    },
    { name: 'language', itemId: null, field: 'language', find: 'xml:lang="en"', replace: 'xml:lang="de"' },
    { name: 'feed updated', itemId: null, field: 'updated', find: '<updated>2024-03-03T08:00:00.000Z</updated>', replace: '<updated>2024-03-04T08:00:00.000Z</updated>', nth: 0 },
    { name: 'hub', itemId: null, field: 'hub', find: 'href="https://hub.example.com/"', replace: 'href="https://hub.example.net/"' },
    { name: 'feed author', itemId: null, field: 'authors[1].url', find: '<uri>https://news.example.com/night</uri>', replace: '<uri>https://news.example.com/day</uri>' },
    { name: 'title', itemId: BETA, field: 'title', find: 'Beta: budget talks stall', replace: 'Beta: budget talk stall' },
    { name: 'link', itemId: BETA, field: 'url', find: '<link href="https://news.example.com/2024/beta"/>', replace: '<link href="https://news.example.com/2024/bet"/>' },
    { name: 'id', itemId: BETA, field: 'id', find: '<id>tag:news.example.com,2024:beta</id>', replace: '<id>tag:news.example.com,2024:beta2</id>' },
    { name: 'published', itemId: BETA, field: 'published', find: '<published>2024-02-28T09:15:00.000Z', replace: '<published>2024-02-28T09:15:30.000Z' },
    { name: 'updated', itemId: BETA, field: 'updated', find: '<updated>2024-02-29T12:30:00.000Z', replace: '<updated>2024-02-29T13:30:00.000Z' },
    { name: 'summary', itemId: BETA, field: 'summary', find: 'could not agree on grain-port', replace: 'could agree on grain-port' },
    { name: 'content', itemId: BETA, field: 'content', find: 'met for six hours', replace: 'met for seven hours' },
    { name: 'author name', itemId: BETA, field: 'authors[1].name', find: '<name>Petro Kovalenko</name>', replace: '<name>Petro Kowalenko</name>' },
    { name: 'author email', itemId: BETA, field: 'authors[0].email', find: '<email>jane@example.com</email>', replace: '<email>jane.roe@example.com</email>' },
    {
      name: 'author uri',
      itemId: BETA,
      field: 'authors[2].url',
      find: '<uri>https://news.example.com/people/ann</uri>',
      replace: '<uri>https://news.example.com/people/anne</uri>',
    },
    { name: 'tag', itemId: BETA, field: 'tags[0]', find: '<category term="Economy"/>', replace: '<category term="Economics"/>' },
    { name: 'image url', itemId: BETA, field: 'image.url', find: 'href="https://news.example.com/img/beta.png"', replace: 'href="https://news.example.com/img/beta2.png"' },
    { name: 'image type', itemId: BETA, field: 'image.type', find: 'beta.png" type="image/png"', replace: 'beta.png" type="image/webp"' },
    { name: 'author of another item', itemId: ALPHA, field: 'authors[0].name', find: '<name>Olena Marchenko</name>', replace: '<name>Olena Marchenko-Bondar</name>' },
  ],
  json: [
    { name: 'feed title', itemId: null, field: 'title', find: '"title": "Danube Dispatch"', replace: '"title": "Danube Despatch"' },
    { name: 'feed description', itemId: null, field: 'description', find: 'lower Danube & the', replace: 'lower Danube and the' },
    { name: 'site link', itemId: null, field: 'siteUrl', find: '"home_page_url": "https://news.example.com/"', replace: '"home_page_url": "https://news.example.org/"' },
    { name: 'self link', itemId: null, field: 'selfUrl', find: '"feed_url": "https://news.example.com/feed.json"', replace: '"feed_url": "https://news.example.com/feed2.json"' },
    { name: 'language', itemId: null, field: 'language', find: '"language": "en"', replace: '"language": "es"' },
    { name: 'hub', itemId: null, field: 'hub', find: '"url": "https://hub.example.com/"', replace: '"url": "https://hub.example.net/"' },
    { name: 'feed author', itemId: null, field: 'authors[1].name', find: '"name": "Night Desk"', replace: '"name": "Day Desk"' },
    { name: 'title', itemId: BETA, field: 'title', find: '"title": "Beta: budget talks stall"', replace: '"title": "Beta: budget talks stal"' },
    { name: 'link', itemId: BETA, field: 'url', find: '"url": "https://news.example.com/2024/beta"', replace: '"url": "https://news.example.com/2024/bet"' },
    { name: 'id', itemId: BETA, field: 'id', find: '"id": "tag:news.example.com,2024:beta"', replace: '"id": "tag:news.example.com,2024:beta2"' },
    { name: 'published', itemId: BETA, field: 'published', find: '"date_published": "2024-02-28T09:15:00.000Z"', replace: '"date_published": "2024-02-28T09:15:00.000+01:00"' },
    { name: 'updated', itemId: BETA, field: 'updated', find: '"date_modified": "2024-02-29T12:30:00.000Z"', replace: '"date_modified": "2024-02-29T12:30:09Z"' },
    { name: 'summary', itemId: BETA, field: 'summary', find: 'could not agree on grain-port', replace: 'could agree on grain-port' },
    { name: 'content', itemId: BETA, field: 'content', find: 'met for six hours.</p>', replace: 'met for seven hours.</p>' },
    { name: 'content_text', itemId: BETA, field: 'contentText', find: 'met for six hours.\\n', replace: 'met for six hours!\\n' },
    { name: 'author name', itemId: BETA, field: 'authors[2].name', find: '"name": "Ann Smith"', replace: '"name": "Anna Smith"' },
    {
      name: 'author url',
      itemId: BETA,
      field: 'authors[1].url',
      find: '"url": "https://news.example.com/people/petro"',
      replace: '"url": "https://news.example.com/people/pedro"',
    },
    { name: 'first author (authors, not the 1.0 author)', itemId: BETA, field: 'authors[0].name', find: '"name": "Jane Roe"', replace: '"name": "Jane Rowe"', nth: 1 },
    { name: 'tag', itemId: BETA, field: 'tags[2]', find: '"Odesa Oblast"', replace: '"Odessa Oblast"' },
    { name: 'image', itemId: BETA, field: 'image.url', find: '"image": "https://news.example.com/img/beta.png"', replace: '"image": "https://news.example.com/img/beta.gif"' },
    { name: 'item language', itemId: BETA, field: 'language', find: '"language": "uk"', replace: '"language": "ru"' },
    { name: 'tag of another item', itemId: GAMMA, field: 'tags[0]', find: '"Reni"', replace: '"Izmail"' },
  ],
};

describe.each(['rss', 'atom', 'json'] as const)('one corrupted value in %s is one problem', (format) => {
  it('reports nothing for the untouched outputs', async () => {
    const report = await verifyDocument(outputs, doc);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it.each(MUTATIONS[format])('$name', async ({ itemId, field, find, replace, nth }) => {
    const corrupted = { ...outputs, [format]: surgery(outputs[format], find, replace, nth) };
    const report = await verifyDocument(corrupted, doc);
    expect(report.problems.map(({ format: f, itemId: i, field: n }) => ({ format: f, itemId: i, field: n }))).toEqual([{ format, itemId, field }]);
    expect(report.ok).toBe(false);
    expect(report.formats[format]?.problems).toBe(1);
    const problem = report.problems[0]!;
    expect(problem.expected).not.toBe(problem.actual);
  });
});

/** The `<item>`/`<entry>` blocks of an XML feed, with what comes before and after them. */
function xmlItems(xml: string, tag: 'item' | 'entry'): { head: string; items: string[]; tail: string } {
  const pattern = new RegExp(`\\s*<${tag}(?:\\s[^>]*)?>[\\s\\S]*?</${tag}>`, 'g');
  const items = xml.match(pattern) ?? [];
  const first = xml.indexOf(items[0]!);
  const last = xml.lastIndexOf(items[items.length - 1]!) + items[items.length - 1]!.length;
  return { head: xml.slice(0, first), items, tail: xml.slice(last) };
}

function rearrange(format: FeedFormat, text: string, order: number[]): string {
  if (format === 'json') {
    const data = JSON.parse(text) as { items: unknown[] };
    return JSON.stringify({ ...data, items: order.map((i) => data.items[i]) }, null, 4);
  }
  const { head, items, tail } = xmlItems(text, format === 'rss' ? 'item' : 'entry');
  return head + order.map((i) => items[i]!).join('') + tail;
}

describe.each(['rss', 'atom', 'json'] as const)('items dropped, duplicated or moved in %s', (format) => {
  const check = async (order: number[]): Promise<{ format: string; itemId: string | null; field: string }[]> => {
    const report = await verifyDocument({ [format]: rearrange(format, outputs[format], order) }, doc);
    return report.problems.map(({ format: f, itemId, field }) => ({ format: f, itemId, field }));
  };

  it('the rearranging helper itself changes nothing when the order is kept', async () => {
    expect(await check([0, 1, 2])).toEqual([]);
  });

  it('a dropped item is one "missing" problem', async () => {
    expect(await check([0, 2])).toEqual([{ format, itemId: BETA, field: 'item' }]);
  });

  it('a dropped last item is one problem', async () => {
    expect(await check([0, 1])).toEqual([{ format, itemId: GAMMA, field: 'item' }]);
  });

  it('a duplicated item is one problem', async () => {
    expect(await check([0, 1, 1, 2])).toEqual([{ format, itemId: BETA, field: 'item' }]);
  });

  it('an item moved out of order is one "position" problem', async () => {
    const problems = await check([1, 0, 2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ format, field: 'position' });
    expect([ALPHA, BETA]).toContain(problems[0]!.itemId);
  });

  it('an item moved from last to first is one problem naming it', async () => {
    expect(await check([2, 0, 1])).toEqual([{ format, itemId: GAMMA, field: 'position' }]);
  });
});

describe('only the formats given are checked', () => {
  it('verifies a single output', async () => {
    const report = await verifyDocument({ json: outputs.json }, doc);
    expect(report).toEqual({ ok: true, problems: [], formats: { json: { items: 3, expectedItems: 3, problems: 0 } } });
  });

  it('reports an unreadable output as one problem instead of throwing', async () => {
    const report = await verifyDocument({ rss: outputs.rss.slice(0, 500) }, doc);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ format: 'rss', itemId: null, field: 'feed' });
    expect(report.problems[0]!.actual).toMatch(/truncated/);
  });

  it('reports an output in the wrong format', async () => {
    const report = await verifyDocument({ rss: outputs.atom }, doc);
    expect(report.problems).toEqual([{ format: 'rss', itemId: null, field: 'feed', expected: 'a readable RSS 2.0 feed', actual: 'expected RSS 2.0, found Atom 1.0' }]);
  });
});
