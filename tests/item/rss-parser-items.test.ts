import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { buildFeeds } from '../../src/pipeline.js';
import type { FeedItem } from '../../src/types.js';
import { verifyDocument } from '../../src/verify/index.js';

/**
 * Items as rss-parser gives them (`(await parser.parseURL(url)).items`), handed to storyfeed as they are or mapped,
 * as someone re-publishing or merging other feeds does: each is published with its full text, its date, its
 * authors, its categories, its files and its id. The feeds are written here as their publishers write them and
 * read by rss-parser itself, so the items are its real output.
 */

const site = { siteUrl: 'https://planet.example', title: 'Harbour Planet', description: 'Feeds from the harbour.', language: 'en' };

/** An RSS 2.0 feed as WordPress writes one: full text in `content:encoded`, the excerpt as the description, `dc:creator`. */
const WORDPRESS_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
  xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
<channel>
  <title>Harbour News</title>
  <atom:link href="https://harbour.example/feed/" rel="self" type="application/rss+xml" />
  <link>https://harbour.example</link>
  <description>News from the harbour</description>
  <lastBuildDate>Sat, 02 Mar 2024 08:00:00 +0000</lastBuildDate>
  <language>en-GB</language>
  <sy:updatePeriod>hourly</sy:updatePeriod>
  <generator>https://wordpress.org/?v=6.4.3</generator>
  <item>
    <title>Night ferry resumes after a winter&#8217;s repairs</title>
    <link>https://harbour.example/2024/03/01/night-ferry-resumes/</link>
    <comments>https://harbour.example/2024/03/01/night-ferry-resumes/#respond</comments>
    <dc:creator><![CDATA[Ada Quay]]></dc:creator>
    <pubDate>Fri, 01 Mar 2024 18:30:00 +0000</pubDate>
    <category><![CDATA[Transport]]></category>
    <category><![CDATA[Ferries & Boats]]></category>
    <guid isPermaLink="false">https://harbour.example/?p=1234</guid>
    <description><![CDATA[The night ferry sails again from Monday, the harbour office said. [&#8230;]]]></description>
    <content:encoded><![CDATA[<p>The night ferry sails again from Monday, the harbour office said.</p>
<h2>Timetable</h2>
<p>Boats leave at <strong>22:00</strong> and 23:30 from pier&nbsp;4.</p>
<figure class="wp-block-image"><img src="https://harbour.example/wp-content/uploads/2024/03/ferry.jpg" alt="The ferry at pier 4"/></figure>
]]></content:encoded>
    <wfw:commentRss>https://harbour.example/2024/03/01/night-ferry-resumes/feed/</wfw:commentRss>
    <slash:comments>0</slash:comments>
    <enclosure url="https://harbour.example/wp-content/uploads/2024/03/timetable.pdf" length="48213" type="application/pdf" />
  </item>
  <item>
    <title>Harbour office hours</title>
    <link>https://harbour.example/2024/02/20/office-hours/</link>
    <author>office@harbour.example (Harbour Office)</author>
    <pubDate>Tue, 20 Feb 2024 09:00:00 GMT</pubDate>
    <category domain="https://harbour.example/category/notices/">Notices</category>
    <guid>https://harbour.example/2024/02/20/office-hours/</guid>
    <description>&lt;p&gt;The office opens at &lt;em&gt;eight&lt;/em&gt; from March.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

/** An Atom feed as Blogger and most static site generators write one: the full text in `content`, a short `summary`. */
const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Quay Notes</title>
  <link href="https://notes.example/"/>
  <link rel="self" href="https://notes.example/atom.xml"/>
  <updated>2024-03-04T10:00:00Z</updated>
  <id>tag:notes.example,2024:feed</id>
  <entry>
    <title>Tides &amp; timetables</title>
    <link rel="alternate" type="text/html" href="https://notes.example/2024/tides"/>
    <id>tag:notes.example,2024:tides</id>
    <published>2024-03-03T07:15:00+01:00</published>
    <updated>2024-03-04T10:00:00Z</updated>
    <author><name>Bo Marin</name><uri>https://notes.example/bo</uri></author>
    <category term="Tides"/>
    <summary>How the tide tables are made.</summary>
    <content type="html">&lt;p&gt;Every tide table starts with a year of readings.&lt;/p&gt;&lt;p&gt;The harbour keeps them since 1902.&lt;/p&gt;</content>
  </entry>
</feed>`;

/** A podcast's RSS as hosts write it: an `itunes:` element for each detail, the audio as the enclosure, an id that is no address. */
const PODCAST_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Talk</title>
  <link>https://talk.example</link>
  <description>Talk from the harbour.</description>
  <itunes:author>Harbour Talk</itunes:author>
  <itunes:image href="https://talk.example/art.jpg"/>
  <itunes:explicit>false</itunes:explicit>
  <item>
    <title>Episode 12: The pilots</title>
    <link>https://talk.example/12</link>
    <guid isPermaLink="false">urn:uuid:6f1c3d2a-7b4e-4c59-9a1f-2e8d5b0c4a71</guid>
    <pubDate>Mon, 04 Mar 2024 05:00:00 -0500</pubDate>
    <description><![CDATA[<p>We meet the harbour pilots.</p>]]></description>
    <content:encoded><![CDATA[<p>We meet the harbour pilots, who bring every large ship in.</p><ul><li>Pilot boats</li><li>Night shifts</li></ul>]]></content:encoded>
    <enclosure url="https://cdn.talk.example/audio/12.mp3" length="31457280" type="audio/mpeg"/>
    <itunes:duration>00:32:45</itunes:duration>
    <itunes:episode>12</itunes:episode>
    <itunes:season>2</itunes:season>
    <itunes:episodeType>full</itunes:episodeType>
    <itunes:explicit>no</itunes:explicit>
    <itunes:image href="https://talk.example/12.jpg"/>
  </item>
</channel>
</rss>`;

/** The items rss-parser gives for `xml`. */
async function parsedItems(xml: string): Promise<Record<string, unknown>[]> {
  return (await new Parser().parseString(xml)).items as unknown as Record<string, unknown>[];
}

/** The stories storyfeed publishes for `items`, after checking that its feeds verify and that it has nothing to warn of. */
async function published(items: Record<string, unknown>[], settings: Record<string, unknown> = site): Promise<FeedItem[]> {
  const built = buildFeeds(items as never[], settings as typeof site);
  expect(built.warnings.map((w) => w.message)).toEqual([]);
  expect((await verifyDocument(built.outputs, built.document)).problems).toEqual([]);
  return built.document.items;
}

describe('items as rss-parser gives them', () => {
  it('publish an RSS item’s full text (content:encoded) as the body and its description as the summary', async () => {
    const items = await parsedItems(WORDPRESS_RSS);
    expect(items[0]).toHaveProperty(['content:encoded']);
    const [ferry, office] = await published(items);
    expect(ferry!.contentHtml).toContain('<h2>Timetable</h2>');
    expect(ferry!.contentHtml).toContain('<img src="https://harbour.example/wp-content/uploads/2024/03/ferry.jpg"');
    expect(ferry!.contentText).toContain('Boats leave at 22:00 and 23:30 from pier');
    expect(ferry!.summary).toBe('The night ferry sails again from Monday, the harbour office said. […]');
    // Without content:encoded, the description (HTML) is the body, and its text the summary.
    expect(office!.contentHtml).toBe('<p>The office opens at <em>eight</em> from March.</p>');
    expect(office!.summary).toBe('The office opens at eight from March.');
  });

  it('publish an RSS item’s date, authors, categories as tags, enclosure and guid as its id', async () => {
    const [ferry, office] = await published(await parsedItems(WORDPRESS_RSS));
    expect(ferry).toMatchObject({
      id: 'https://harbour.example/?p=1234',
      url: 'https://harbour.example/2024/03/01/night-ferry-resumes/',
      title: 'Night ferry resumes after a winter’s repairs',
      authors: [{ name: 'Ada Quay' }],
      tags: ['Transport', 'Ferries & Boats'],
      enclosures: [{ url: 'https://harbour.example/wp-content/uploads/2024/03/timetable.pdf', type: 'application/pdf', length: 48213 }],
    });
    expect(ferry!.published.toISOString()).toBe('2024-03-01T18:30:00.000Z');
    // A category with a domain (rss-parser's { _: name, $: { domain } }) is its name; an RSS author its name and address.
    expect(office).toMatchObject({ tags: ['Notices'], authors: [{ name: 'Harbour Office', email: 'office@harbour.example' }] });
    expect(office!.published.toISOString()).toBe('2024-02-20T09:00:00.000Z');
  });

  it('publish an Atom entry’s content, summary, date, author and id', async () => {
    const [tides] = await published(await parsedItems(ATOM));
    expect(tides).toMatchObject({
      id: 'tag:notes.example,2024:tides',
      url: 'https://notes.example/2024/tides',
      title: 'Tides & timetables',
      summary: 'How the tide tables are made.',
      contentHtml: '<p>Every tide table starts with a year of readings.</p><p>The harbour keeps them since 1902.</p>',
      authors: [{ name: 'Bo Marin' }],
    });
    expect(tides!.published.toISOString()).toBe('2024-03-03T06:15:00.000Z');
  });

  it('publish a podcast episode’s audio, full text and iTunes details', async () => {
    const podcast = {
      ...site,
      podcast: { image: 'https://planet.example/art.jpg', categories: [{ text: 'News' }], explicit: false, owner: { name: 'Desk', email: 'desk@planet.example' } },
    };
    const [episode] = await published(await parsedItems(PODCAST_RSS), podcast);
    expect(episode).toMatchObject({
      id: 'urn:uuid:6f1c3d2a-7b4e-4c59-9a1f-2e8d5b0c4a71',
      summary: 'We meet the harbour pilots.',
      enclosures: [{ url: 'https://cdn.talk.example/audio/12.mp3', type: 'audio/mpeg', length: 31457280 }],
      episode: { duration: 1965, episode: 12, season: 2, episodeType: 'full', explicit: false, image: 'https://talk.example/12.jpg' },
    });
    expect(episode!.contentHtml).toContain('<li>Night shifts</li>');
    expect(episode!.published.toISOString()).toBe('2024-03-04T10:00:00.000Z');
  });

  it('take an empty iTunes element as none, and an episode type in any case', async () => {
    const podcast = {
      ...site,
      podcast: { image: 'https://planet.example/art.jpg', categories: [{ text: 'News' }], explicit: false, owner: { name: 'Desk', email: 'desk@planet.example' } },
    };
    const emptied = PODCAST_RSS.replace('00:32:45', '')
      .replace('<itunes:episode>12</itunes:episode>', '<itunes:episode> </itunes:episode>')
      .replace('<itunes:season>2</itunes:season>', '<itunes:season></itunes:season>')
      .replace('<itunes:explicit>no</itunes:explicit>', '<itunes:explicit></itunes:explicit>')
      .replace('<itunes:episodeType>full</itunes:episodeType>', '<itunes:episodeType>Bonus</itunes:episodeType>');
    const [item] = await parsedItems(emptied);
    expect(item!.itunes).toMatchObject({ duration: '', episode: ' ', season: '', explicit: '', episodeType: 'Bonus' });
    const [episode] = await published([item!], podcast);
    expect(episode!.episode).toEqual({ episodeType: 'bonus', image: 'https://talk.example/12.jpg' });
    // An empty episode type is none too; a type that is none of iTunes' is still refused, and named.
    const [typeless] = await published([{ ...item!, itunes: { episodeType: ' ' } }], podcast);
    expect(typeless!.episode).toBeUndefined();
    try {
      buildFeeds([{ ...item!, itunes: { episodeType: 'special' } } as never], podcast);
      expect.unreachable();
    } catch (error) {
      expect(isStoryfeedError(error) && error.code).toBe('E_ITEM');
      expect((error as Error).message).toMatch(/^items\[0\]\.itunes\.episodeType must be one of full, trailer, bonus, found "special"/);
    }
  });

  it('publish an episode’s itunes:author as its author when the item names no other', async () => {
    const podcast = {
      ...site,
      podcast: { image: 'https://planet.example/art.jpg', categories: [{ text: 'News' }], explicit: false, owner: { name: 'Desk', email: 'desk@planet.example' } },
    };
    const withHost = PODCAST_RSS.replace('<itunes:duration>', '<itunes:author>Ria Vos</itunes:author><itunes:duration>');
    const [episode] = await published(await parsedItems(withHost), podcast);
    expect(episode!.authors).toEqual([{ name: 'Ria Vos' }]);
    // dc:creator, which names the author, goes before it.
    const withCreator = withHost
      .replace('<itunes:duration>', '<dc:creator>Bo Marin</dc:creator><itunes:duration>')
      .replace('<rss ', '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" ');
    const [named] = await published(await parsedItems(withCreator), podcast);
    expect(named!.authors).toEqual([{ name: 'Bo Marin' }]);
  });

  it('publish a guid that is a bare UUID as its urn:uuid: IRI, and one that is no URI as a fragment of the item’s URL', async () => {
    const guids = ['C2F4B0A4-1A2B-4C3D-8E9F-0A1B2C3D4E5F', 'c2f4b0a4-1a2b-4c3d-8e9f-0a1b2c3d4e60', '5ddc9141c35e7700383b2937', 'Buzzsprout-123'];
    const items = guids.map((guid, i) => ({ title: `Episode ${i}`, link: `https://talk.example/${i}`, guid, content: 'Notes.', isoDate: '2024-03-04T10:00:00.000Z' }));
    const built = buildFeeds(items as never[], site);
    expect(built.document.items.map((s) => s.id).sort()).toEqual([
      'https://talk.example/2#5ddc9141c35e7700383b2937',
      'https://talk.example/3#Buzzsprout-123',
      'urn:uuid:c2f4b0a4-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      'urn:uuid:c2f4b0a4-1a2b-4c3d-8e9f-0a1b2c3d4e60',
    ]);
    expect(built.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'W_UNKNOWN_FIELD',
        'items[0].guid "C2F4B0A4-1A2B-4C3D-8E9F-0A1B2C3D4E5F" is a bare UUID: it is published as urn:uuid:c2f4b0a4-1a2b-4c3d-8e9f-0a1b2c3d4e5f, the standard IRI of a UUID (an Atom id must be an IRI), as is every other item\'s guid of a UUID',
      ],
      [
        'W_UNKNOWN_FIELD',
        'items[2].guid "5ddc9141c35e7700383b2937" is no URI, as an Atom id must be: it is published as https://talk.example/2#5ddc9141c35e7700383b2937, the item\'s URL with the guid as its fragment, as is every other item\'s guid that is no URI (2 items)',
      ],
    ]);
    expect((await verifyDocument(built.outputs, built.document)).problems).toEqual([]);
  });

  it('publish podcast episodes sharing the show’s link, their guids no URIs, as items with distinct ids', async () => {
    const episodes = PODCAST_RSS.replace('<link>https://talk.example/12</link>', '<link>https://talk.example/</link>')
      .replace('urn:uuid:6f1c3d2a-7b4e-4c59-9a1f-2e8d5b0c4a71', 'Buzzsprout-1')
      .replace(/<item>[\s\S]*<\/item>/, (item) => `${item}${item.replace('Buzzsprout-1', 'Buzzsprout-2').replace('Episode 12', 'Episode 13').replace('05:00:00', '06:00:00')}`);
    const items = await parsedItems(episodes);
    expect(items.map((item) => [item.link, item.guid])).toEqual([
      ['https://talk.example/', 'Buzzsprout-1'],
      ['https://talk.example/', 'Buzzsprout-2'],
    ]);
    const podcast = {
      ...site,
      podcast: { image: 'https://planet.example/art.jpg', categories: [{ text: 'News' }], explicit: false, owner: { name: 'Desk', email: 'desk@planet.example' } },
    };
    const built = buildFeeds(items as never[], podcast);
    expect(built.document.items.map((s) => [s.id, s.url])).toEqual([
      ['https://talk.example/#Buzzsprout-2', 'https://talk.example/'],
      ['https://talk.example/#Buzzsprout-1', 'https://talk.example/'],
    ]);
    expect(built.warnings.map((w) => w.message)).toEqual([
      'items[0].guid "Buzzsprout-1" is no URI, as an Atom id must be: it is published as https://talk.example/#Buzzsprout-1, the item\'s URL with the guid as its fragment, as is every other item\'s guid that is no URI (2 items)',
    ]);
    expect((await verifyDocument(built.outputs, built.document)).problems).toEqual([]);
    // Two items with one guid and one link are still two items with one id.
    try {
      buildFeeds([items[0], { ...items[1], guid: 'Buzzsprout-1' }] as never[], podcast);
      expect.unreachable();
    } catch (error) {
      expect(isStoryfeedError(error) && error.code).toBe('E_DUPLICATE_ID');
    }
  });

  it('publish items merged from several feeds and mapped as a merging script maps them', async () => {
    const merged = [...(await parsedItems(WORDPRESS_RSS)), ...(await parsedItems(ATOM))].map((item) => ({ ...item, title: `[Harbour] ${String(item.title)}` }));
    const stories = await published(merged);
    expect(stories.map((s) => s.title)).toEqual(['[Harbour] Tides & timetables', '[Harbour] Night ferry resumes after a winter’s repairs', '[Harbour] Harbour office hours']);
    expect(stories.find((s) => s.id === 'https://harbour.example/?p=1234')!.contentHtml).toContain('<h2>Timetable</h2>');
  });

  it('take what real feeds leave empty or odd as none, and name a wrong value by the key rss-parser gives', async () => {
    const odd = WORDPRESS_RSS.replace('length="48213"', 'length=""')
      .replace('<category><![CDATA[Transport]]></category>', '')
      .replace('</content:encoded>', '</content:encoded><itunes:duration>1:00</itunes:duration>');
    const [ferry] = await published(await parsedItems(odd));
    expect(ferry!.enclosures).toEqual([{ url: 'https://harbour.example/wp-content/uploads/2024/03/timetable.pdf', type: 'application/pdf' }]);
    const [item] = await parsedItems(WORDPRESS_RSS);
    try {
      buildFeeds([{ ...item, 'content:encoded': 42 } as never], site);
      expect.unreachable();
    } catch (error) {
      expect(isStoryfeedError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^items\[0\]\["content:encoded"\] must be text, found number 42/);
    }
  });

  it('take an RSS item’s guid as its address when it has no link, as RSS reads a guid (isPermaLink by default)', async () => {
    const feed = WORDPRESS_RSS.replace('<link>https://harbour.example/2024/02/20/office-hours/</link>', '');
    const [, office] = await published(await parsedItems(feed));
    expect(office).toMatchObject({ id: 'https://harbour.example/2024/02/20/office-hours/', url: 'https://harbour.example/2024/02/20/office-hours/' });
    // A guid that is no address is no URL: the item's URL is still required, and named.
    const [, noAddress] = await parsedItems(feed.replace('<guid>https://harbour.example/2024/02/20/office-hours/</guid>', '<guid isPermaLink="false">office-hours-1</guid>'));
    try {
      buildFeeds([noAddress as never], site);
      expect.unreachable();
    } catch (error) {
      expect(isStoryfeedError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^items\[0\]\.url is required/);
    }
  });
});
