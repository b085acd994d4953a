import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFeedDocument } from '../../src/feed/document.js';
import { renderFeeds } from '../../src/render/index.js';
import type { Author, SiteConfig, Story } from '../../src/types.js';
import { checkWellFormedXml, compareFeed, readFeed } from '../../src/verify/index.js';
import { readWithRssParser } from '../../src/verify/rss-parser-reading.js';
import { compareReadings } from '../../src/verify/second-reading.js';
import { removeIllegalXmlChars } from '../../src/xml-chars.js';
import { carriesFeedText } from '../support/stories.js';

// Any text survives every format: render, check strictly, parse back, compare. FUZZ_RUNS raises
// the number of cases (e.g. FUZZ_RUNS=100000 for a long run).
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const SPECIALS = [
  ']]>',
  ']]',
  ']]]]><![CDATA[>',
  '<![CDATA[',
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  '&lt;',
  '&#38;',
  '&#x3C;',
  '&nbsp;',
  '&eacute;',
  '&amp;amp;',
  '<p>',
  '</p>',
  '<b>bold</b>',
  '<br/>',
  '<script>x</script>',
  '<!-- c -->',
  '?>',
  '<?xml-stylesheet?>',
  '\u0000',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '\u0085',
  '\u2028',
  '\u2029',
  '\r\n',
  '\r',
  '\n',
  '\t',
  ' ',
  '  ',
  '\u00A0',
  '\u3000',
  '\uFEFF',
  '\u200B',
  '😀',
  '👩🏽‍🚀',
  '𝔸',
  'שלום עולם',
  'مرحبا بالعالم',
  '\u202E',
  '\u202B',
  'Київ',
  'İstanbul',
  'ﬀ',
];

/** Unicode text with a high chance of everything that breaks feeds. */
const text = fc
  .array(fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

/** HTML-ish bodies: escaped paragraphs mixed with raw (sometimes broken) markup and text. */
const html = fc
  .array(
    fc.oneof(
      text.map((t) => `<p>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`),
      text,
      fc.constantFrom('<ul><li>a</li></ul>', '<pre>  x\n  y</pre>', '<a href="https://e.com/?a=1&amp;b=2">l</a>', '<p', '<b>unclosed'),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join('\n'));

const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
// From two months after the Unix epoch: dates nearer it are refused as lost or mis-scaled (see nearUnixEpoch).
const date = fc.date({ min: new Date('1970-03-02T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const language = fc.constantFrom('en', 'uk', 'ar', 'he', 'pt-BR', 'zh-Hant');

/** Addresses of the shape feeds accept (fast-check's own are any RFC 5322 address, `/@a.aa` too, which storyfeed refuses). */
const email = fc.tuple(fc.stringMatching(/^[A-Za-z0-9_+.'-]{1,20}$/), fc.domain()).map(([local, domain]) => `${local}@${domain}`);
const author: fc.Arbitrary<Author> = fc.record({ name: text, email: fc.option(email, { nil: undefined }), url: fc.option(url, { nil: undefined }) }).map((a) => {
  const out: Author = { name: a.name };
  if (a.email !== undefined) out.email = a.email;
  if (a.url !== undefined) out.url = a.url;
  return out;
});

const id = fc.oneof(
  url,
  fc.stringMatching(/^[a-z0-9-]{1,12}$/).map((s) => `tag:example.com,2024:${s}`),
  fc.uuid().map((u) => `urn:uuid:${u}`),
);

const story: fc.Arbitrary<Story> = fc
  .record({
    id,
    url,
    title: text,
    summary: text,
    contentHtml: html,
    contentText: text,
    published: date,
    updated: date,
    authors: fc.array(author, { maxLength: 3 }),
    tags: fc.array(text, { maxLength: 4 }),
    image: fc.option(fc.record({ url, type: fc.option(fc.constantFrom('image/jpeg', 'image/png', 'image/webp'), { nil: undefined }) }), { nil: undefined }),
    language,
  })
  .map((s) => {
    const out: Story = {
      ...s,
      slug: 'slug',
      sections: [],
      quotes: [],
      sources: [],
      entities: { people: [], organizations: [], places: [] },
      wordCount: 1,
      readingMinutes: 1,
      draft: false,
      image: undefined,
    };
    if (s.image) out.image = s.image.type ? { url: s.image.url, type: s.image.type } : { url: s.image.url };
    else delete out.image;
    return out;
  })
  // A story with no title, summary or body a feed can carry is refused (readers would get an empty item).
  // (HTML counts by its text between tags: `<p></p>` alone shows nothing.)
  .filter(carriesFeedText);

const site: fc.Arbitrary<SiteConfig> = fc
  .record({
    siteUrl: url,
    title: text,
    description: text,
    language,
    authors: fc.array(author, { maxLength: 2 }),
    hub: fc.option(url, { nil: undefined }),
    stylesheet: fc.option(text, { nil: undefined }),
  })
  .map((s) => {
    const out: SiteConfig = { siteUrl: s.siteUrl, title: s.title, description: s.description, language: s.language, authors: s.authors };
    if (s.hub !== undefined) out.hub = s.hub;
    if (s.stylesheet) out.stylesheet = s.stylesheet;
    return out;
  });

const stories = fc.uniqueArray(story, { maxLength: 4, selector: (s) => s.id });

const clean = (value: string): string => removeIllegalXmlChars(value).text;

describe('fast-check round trip: stories → document → RSS / Atom / JSON → read back', () => {
  it(
    `every output is well-formed and reads back equal to the input (${RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(stories, site, async (input, config) => {
          const doc = buildFeedDocument(input, config, { emptyFeedDate: new Date('2024-01-01T00:00:00Z') });
          // The document is the input minus the characters XML forbids.
          const byId = new Map(input.map((s) => [s.id, s]));
          for (const item of doc.items) {
            const source = byId.get(item.id)!;
            expect(item.contentHtml).toBe(clean(source.contentHtml));
            expect(item.summary).toBe(clean(source.summary));
            expect(item.title).toBe(clean(source.title).replace(/\s+/g, ' ').trim());
          }
          const outputs = renderFeeds(doc);
          for (const format of ['rss', 'atom'] as const) {
            const check = checkWellFormedXml(outputs[format]);
            if (!check.ok) throw new Error(`${format} is not well-formed: ${JSON.stringify(check.error)}`);
          }
          // What verifyDocument does, with the parsed feeds kept for the exact checks below.
          const [rss, atom, json] = await Promise.all([
            readFeed(outputs.rss, { format: 'rss' }),
            readFeed(outputs.atom, { format: 'atom' }),
            readFeed(outputs.json, { format: 'json' }),
          ]);
          expect([...compareFeed(rss, doc, 'rss'), ...compareFeed(atom, doc, 'atom'), ...compareFeed(json, doc, 'json')]).toEqual([]);
          // The second reading (rss-parser) of the same text agrees with the strict reader item by item.
          expect(compareReadings(rss, await readWithRssParser(outputs.rss), 'rss')).toEqual([]);
          expect(compareReadings(atom, await readWithRssParser(outputs.atom), 'atom')).toEqual([]);
          // Exact equality, beyond the comparison's whitespace rules, where formats carry text verbatim.
          expect(json.items.map((i) => [i.id, i.contentHtml, i.contentText, i.summary ?? ''])).toEqual(
            doc.items.map((i) => [i.id, i.contentHtml, i.contentText, i.summary.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')]),
          );
          expect(atom.items.map((i) => [i.id, i.title, i.contentHtml])).toEqual(doc.items.map((i) => [i.id, i.title, i.contentHtml]));
          expect(rss.items.map((i) => [i.id, i.title, i.contentHtml, i.tags])).toEqual(doc.items.map((i) => [i.id, i.title, i.contentHtml, i.tags]));
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 50),
  );
});
