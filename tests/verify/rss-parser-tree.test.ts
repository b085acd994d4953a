/**
 * rss-parser on the tree the strict reader already parsed reads what rss-parser reads from the
 * text: the same items with the same fields (all but the bodies, which the tree reading leaves out),
 * the same failures. Checked on our own outputs, rss-parser's test feeds and hand-made XML with the
 * shapes xml2js treats specially.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFeeds } from '../../src/render/index.js';
import { readTreeWithRssParser } from '../../src/verify/rss-parser-reading.js';
import { parseXml } from '../../src/verify/xml-check.js';
import { sampleDocument } from './fixtures.js';
import { bothReadings } from './rss-parser-readings.js';

describe('readTreeWithRssParser', () => {
  it('reads our RSS and Atom outputs as rss-parser reads their text', async () => {
    const outputs = renderFeeds(sampleDocument());
    await bothReadings(outputs.rss);
    await bothReadings(outputs.atom);
    const reading = await readTreeWithRssParser(parseXml(outputs.rss).root, outputs.rss);
    expect(reading.ok && reading.items.length).toBe(3);
  });

  it("reads rss-parser's own test feeds as rss-parser reads their text", async () => {
    const dir = new URL('./rss-parser/input/', import.meta.url);
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) await bothReadings(readFileSync(new URL(name, dir), 'utf8'));
  });

  it('gives the same items for the shapes xml2js builds specially', async () => {
    const cases = [
      // Empty and whitespace-only elements, attributes with and without text, text around child elements.
      '<rss version="2.0"><channel><title></title><item><title>  </title><guid isPermaLink="false">a</guid><link/></item></channel></rss>',
      '<rss version="2.0"><channel><item><title>x<b>y</b>z</title><description>one &amp; <![CDATA[<p>two</p>]]></description></item></channel></rss>',
      '<rss version="2.0"><channel><item><_>odd</_><title>t</title><category domain="d">c</category><category>e</category></item></channel></rss>',
      '<rss><channel><item><title>no version</title></item></channel></rss>',
      '<rss version="0.91"><channel><item><title>old</title></item></channel></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a <b>b</b></div></title><link href="h"/><id>i</id><updated>2024-01-01T00:00:00Z</updated></entry></feed>',
      // rss-parser throws on a link without attributes: the same failure either way.
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link>bare</link></entry></feed>',
      // Items whose only child is a body, with and without text around it: still objects, not text.
      '<rss version="2.0"><channel><item><description>d</description></item><item>x<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">c</content:encoded></item></channel></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>c</content></entry></feed>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry> <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">s</div></summary> </entry></feed>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry>text<content>c</content></entry></feed>',
      // An Atom entry with no children at all: rss-parser throws, either way.
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>',
      '<opml version="2.0"><body/></opml>',
    ];
    for (const text of cases) await bothReadings(text);
  });

  it('gives the same reading for any text in titles, links and ids', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
    const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text, text), { maxLength: 5 }), async (items) => {
        const body = items.map(([t, l, g]) => `<item><title>${escapeXml(t)}</title><link>${escapeXml(l)}</link><guid a="${escapeXml(g)}">${escapeXml(g)}</guid></item>`).join('');
        await bothReadings(`<rss version="2.0"><channel><title>c</title>${body}</channel></rss>`);
      }),
      { numRuns: 200 },
    );
  });
});
