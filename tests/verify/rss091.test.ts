/**
 * RSS 0.91 and 0.92 as `readFeed` reads them (src/verify/rss.ts, by RSS 2.0's rules with what each
 * version requires of its own) and the RSS 0.91 DTD's entities (src/verify/rss091-dtd.ts).
 */
import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../src/errors.js';
import { readFeed, type FeedProblem } from '../../src/verify/index.js';
import { RETIRED_RSS_091_DTD, RSS_091_DTD, RSS_091_ENTITIES, RSS_091_PUBLIC_ID } from '../../src/verify/rss091-dtd.js';
import { costGrowth } from '../support/linear.js';

const errors = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
const warnings = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);

function legacy(version: string, items: string, { doctype = '', channel = '<language>en-us</language>' }: { doctype?: string; channel?: string } = {}): string {
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
${doctype}
<rss version="${version}">
<channel>
<title>Notes</title>
<link>http://www.example.com/</link>
<description>Notes from the lab</description>
${channel}
${items}
</channel>
</rss>`;
}

const doctypeAt = (systemId: string): string => `<!DOCTYPE rss PUBLIC "${RSS_091_PUBLIC_ID}" "${systemId}">`;

describe("RSS 0.92 and 0.91 are read by RSS 2.0's rules", () => {
  it('a valid RSS 0.92 feed is read with no problem (no atom:link self asked of it)', async () => {
    const feed = await readFeed(
      legacy('0.92', '<item><description>Only a description</description><enclosure url="http://www.example.com/a.mp3" length="12" type="audio/mpeg"/></item>', { channel: '' }),
    );
    expect(feed.problems).toEqual([]);
    expect(feed).toMatchObject({
      format: 'rss',
      version: '0.92',
      title: 'Notes',
      items: [{ summary: 'Only a description', enclosures: [{ url: 'http://www.example.com/a.mp3' }] }],
    });
  });

  it('a valid RSS 0.91 feed is read with no problem', async () => {
    const feed = await readFeed(legacy('0.91', '<item><title>Hello</title><link>http://www.example.com/1</link></item>'));
    expect(feed.problems).toEqual([]);
    expect(feed.version).toBe('0.91');
  });

  it('an RSS 0.91 item needs its title and its link', async () => {
    const feed = await readFeed(legacy('0.91', '<item><description>D</description></item>'));
    expect(errors(feed.problems)).toEqual([
      'channel.item[0].title: expected <title>, which RSS 0.91 items have, found none',
      'channel.item[0].link: expected <link>, which RSS 0.91 items have, found none',
    ]);
  });

  it('an RSS 0.92 item needs a title or a description, as in RSS 2.0', async () => {
    const feed = await readFeed(legacy('0.92', '<item><link>http://www.example.com/1</link></item>'));
    expect(errors(feed.problems)).toEqual(['channel.item[0]: expected a <title> or a <description>, found neither']);
  });

  it('an RSS 0.91 channel without its language is warned about', async () => {
    const feed = await readFeed(legacy('0.91', '', { channel: '' }));
    expect(errors(feed.problems)).toEqual([]);
    expect(warnings(feed.problems)).toEqual(['channel.language: expected <language>, which RSS 0.91 requires, found none']);
  });

  it('the rules of RSS 2.0 still hold (a link that is not a URL)', async () => {
    const feed = await readFeed(legacy('0.92', '<item><title>T</title><link>www.example.com/1</link></item>'));
    expect(errors(feed.problems)).toEqual([expect.stringMatching(/^channel\.item\[0\]\.link: /)]);
  });

  it('an RSS 0.91 document without a channel is read with that error', async () => {
    const feed = await readFeed(`${doctypeAt(RSS_091_DTD)}\n<rss version="0.91"></rss>`);
    expect(errors(feed.problems)).toEqual(['rss.channel: expected <channel>, found none']);
  });
});

describe('the RSS 0.91 DTD', () => {
  it('a document naming it by its public identifier may use its Latin-1 entities', async () => {
    const feed = await readFeed(
      legacy('0.91', '<item><title>Und tsch&uuml;ss &copy;&nbsp;2004</title><link>http://www.example.com/1</link></item>', { doctype: doctypeAt(RSS_091_DTD) }),
    );
    expect(feed.problems).toEqual([]);
    expect(feed.items[0]!.title).toBe('Und tschüss ©\u00A02004');
  });

  it('without the DTD, an HTML entity is an XML error naming it', async () => {
    const error = await readFeed(legacy('0.91', '<item><title>tsch&uuml;ss</title><link>http://www.example.com/1</link></item>')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoryfeedError);
    expect((error as StoryfeedError).detail).toMatch(/undefined entity &uuml;/);
  });

  it.each([RSS_091_DTD, RETIRED_RSS_091_DTD])('a document naming it by its system identifier %s alone may use its Latin-1 entities too', async (systemId) => {
    const feed = await readFeed(
      legacy('0.91', '<item><title>&eacute;t&eacute;&nbsp;2004</title><link>http://www.example.com/1</link></item>', { doctype: `<!DOCTYPE rss SYSTEM "${systemId}">` }),
    );
    expect(errors(feed.problems)).toEqual([]);
    expect(feed.items[0]!.title).toBe('été\u00A02004');
  });

  it('the DTD brings Latin-1 only: an entity of HTML beyond it (&rsquo;, &mdash;) is one warning for them all, read as HTML reads it, as the W3C validator takes it', async () => {
    const items =
      '<item><title>a &rsquo; b &mdash; c &eacute;</title><link>http://www.example.com/1</link></item>\n<item><title>&rsquo;</title><link>http://www.example.com/2</link></item>';
    for (const systemId of [RSS_091_DTD, RETIRED_RSS_091_DTD]) {
      const feed = await readFeed(legacy('0.91', items, { doctype: doctypeAt(systemId) }));
      expect(feed.items.map((item) => item.title)).toEqual(['a \u2019 b \u2014 c é', '\u2019']);
      const problems = feed.problems.filter((p) => p.message.includes('&rsquo;'));
      expect(problems).toMatchObject([{ path: 'DOCTYPE', severity: 'warning', line: 9 }]);
      expect(problems[0]!.message).toMatch(/^&rsquo; \(3 references in all, also &mdash;\) is not declared by the RSS 0\.91 DTD/);
    }
  });

  it('an entity of HTML beyond Latin-1 under the DTD named by its system identifier alone is one error (the W3C validator takes HTML entities only with the public identifier)', async () => {
    const feed = await readFeed(
      legacy('0.91', '<item><title>a &rsquo; b &rsquo;</title><link>http://www.example.com/1</link></item>', { doctype: `<!DOCTYPE rss SYSTEM "${RSS_091_DTD}">` }),
    );
    expect(feed.problems.filter((p) => p.severity === 'error')).toMatchObject([
      { path: 'DOCTYPE', line: 9, message: expect.stringMatching(/^&rsquo; \(2 references in all\) is not declared/) },
    ]);
    expect(feed.items[0]!.title).toBe('a \u2019 b \u2019');
  });

  it('an entity neither the DTD nor HTML declares is one error and reads as nothing', async () => {
    const feed = await readFeed(legacy('0.91', '<item><title>a&bogus;b</title><link>http://www.example.com/1</link></item>', { doctype: doctypeAt(RSS_091_DTD) }));
    expect(errors(feed.problems)).toEqual([expect.stringMatching(/^DOCTYPE: &bogus; is declared neither by the RSS 0\.91 DTD nor by HTML/)]);
    expect(feed.items[0]!.title).toBe('ab');
  });

  it('the internal subset declares an entity before the DTD does', async () => {
    const doctype = `<!DOCTYPE rss PUBLIC "${RSS_091_PUBLIC_ID}" "${RSS_091_DTD}" [<!ENTITY copy "(c)">]>`;
    const feed = await readFeed(legacy('0.91', '<item><title>&copy; 2004</title><link>http://www.example.com/1</link></item>', { doctype }));
    expect(feed.items[0]!.title).toBe('(c) 2004');
  });

  it("the address Netscape no longer serves it at, without the DTD's public identifier, is a warning naming the one that does", async () => {
    const feed = await readFeed(legacy('0.91', '', { doctype: `<!DOCTYPE rss SYSTEM "${RETIRED_RSS_091_DTD}">` }));
    expect(errors(feed.problems)).toEqual([]);
    expect(warnings(feed.problems)).toEqual([
      `DOCTYPE: the DTD ${RETIRED_RSS_091_DTD} is no longer served (Netscape took it down); name ${RSS_091_DTD}, where the RSS Advisory Board serves it`,
    ]);
  });

  it('the address Netscape no longer serves it at, with its public identifier, is an error naming the one that does', async () => {
    const feed = await readFeed(legacy('0.91', '', { doctype: doctypeAt(RETIRED_RSS_091_DTD) }));
    expect(errors(feed.problems)).toEqual([
      `DOCTYPE: the DTD ${RETIRED_RSS_091_DTD} is no longer served (Netscape took it down); name ${RSS_091_DTD}, where the RSS Advisory Board serves it`,
    ]);
    expect(feed.problems[0]!.line).toBe(2);
  });

  it('references to entities it does not declare cost alike per unit at 2,000 and 20,000, distinct names and repeated ones', async () => {
    const item = (i: number): string => `<item><title>&rsquo;&x${i};&mdash;</title><link>http://www.example.com/${i}</link></item>`;
    const growth = await costGrowth(
      async (n) => {
        const feed = await readFeed(legacy('0.91', Array.from({ length: n }, (_, i) => item(i)).join('\n'), { doctype: doctypeAt(RSS_091_DTD) }));
        expect(feed.items).toHaveLength(n);
        expect(feed.problems.filter((p) => p.path === 'DOCTYPE')).toHaveLength(2);
      },
      2_000,
      20_000,
      3,
    );
    expect(growth).toBeLessThanOrEqual(3);
  }, 120_000);

  it("its entities are HTML's Latin-1 entities, U+00A0 to U+00FF", () => {
    expect(RSS_091_ENTITIES.size).toBe(96);
    for (const [name, value] of RSS_091_ENTITIES) expect(decodeHTML(`&${name};`), name).toBe(value);
    expect(RSS_091_ENTITIES.get('nbsp')).toBe('\u00A0');
    expect(RSS_091_ENTITIES.get('yuml')).toBe('\u00FF');
  });
});
