import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFeeds } from '../../src/pipeline.js';
import { escapeRssText, escapeXmlText } from '../../src/render/placeholders.js';
import { channelImage } from '../../src/render/rss.js';
import type { SiteConfig } from '../../src/types.js';
import { readFeed, verifyDocument, verifyExtensions } from '../../src/verify/index.js';

// Regression tests for what the W3C Feed Validation Service reported on our own outputs
// (bench/w3c-oracle.mjs). Each checks the property with our own code, not with the validator.

const site: SiteConfig = { siteUrl: 'https://blog.example.org', title: 'Field Notes', description: 'Notes.', language: 'en' };

/** The raw text of every `<name>` element of `xml` (no attributes, no CDATA). */
function rawTexts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');
}

/** What a reader taking RSS text for HTML could misread (the validator's CharacterData/ContainsHTML test). */
const MARKUP_LIKE = /<[/a-zA-Z]|&[#A-Za-z]/;

describe('RSS text that could be read as markup: W3C "CharacterData" warning', () => {
  it('writes & and < as hexadecimal references in a title and categories that look like markup', async () => {
    const { outputs, document } = buildFeeds(
      [{ url: 'https://blog.example.org/1', title: 'Rivers & <tides>', summary: 'S', published: '2024-05-01T08:00:00Z', tags: ['R&D', '<script>'] }],
      site,
    );
    expect(rawTexts(outputs.rss, 'title')).toContain('Rivers &#x26; &#x3C;tides&gt;');
    expect(rawTexts(outputs.rss, 'category')).toEqual(['R&#x26;D', '&#x3C;script&gt;']);
    const rss = await readFeed(outputs.rss);
    expect(rss.items[0]?.title).toBe('Rivers & <tides>');
    expect(rss.items[0]?.tags).toEqual(['R&D', '<script>']);
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
  });

  it('keeps plain escaping for text no reader could take for markup', () => {
    const { outputs } = buildFeeds([{ url: 'https://blog.example.org/1', title: 'Salt & pepper > sugar', summary: 'S', published: '2024-05-01T08:00:00Z' }], site);
    expect(rawTexts(outputs.rss, 'title')).toContain('Salt &amp; pepper &gt; sugar');
  });

  it('any text that looks like markup is written with a hexadecimal reference, and reads back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }), (text) => {
        const escaped = escapeRssText(text);
        if (MARKUP_LIKE.test(text)) expect(escaped).toContain('&#x');
        if (!/<|&[#A-Za-z]/.test(text)) expect(escaped).toBe(escapeXmlText(text));
        const decoded = escaped.replace(
          /&#x26;|&#x3C;|&amp;|&lt;|&gt;|&#13;/g,
          (r) => ({ '&#x26;': '&', '&#x3C;': '<', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#13;': '\r' })[r]!,
        );
        expect(decoded).toBe(text);
      }),
    );
  });

  it('Atom keeps ordinary XML escaping', () => {
    const { outputs } = buildFeeds([{ url: 'https://blog.example.org/1', title: 'Rivers & <tides>', summary: 'S', published: '2024-05-01T08:00:00Z' }], site);
    expect(outputs.atom).toContain('<title type="text">Rivers &amp; &lt;tides&gt;</title>');
  });
});

describe('Atom entry without a summary: W3C "NotBlank" warning on an empty <summary>', () => {
  it('writes no <summary> element when the item has no summary, and verifies clean', async () => {
    const { outputs, document } = buildFeeds(
      [
        {
          url: 'https://blog.example.org/e',
          title: 'Two enclosures',
          published: '2024-02-06T00:00:00Z',
          enclosures: [{ url: 'https://blog.example.org/e.pdf', type: 'application/pdf' }],
        },
        { url: 'https://blog.example.org/f', title: 'With a summary', summary: 'Short.', published: '2024-02-07T00:00:00Z' },
      ],
      site,
    );
    expect(document.items.find((i) => i.url.endsWith('/e'))?.summary).toBe('');
    expect(outputs.atom).not.toMatch(/<summary[^>]*>\s*<\/summary>/);
    expect(outputs.atom.match(/<summary/g)).toEqual(['<summary']);
    expect(outputs.atom).toContain('<summary type="text">Short.</summary>');
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
  });
});

describe('RSS channel image that is not GIF, JPEG or PNG: W3C "ImageUrlFormat" warning', () => {
  const item = { url: 'https://blog.example.org/1', title: 'T', summary: 'S', published: '2024-05-01T08:00:00Z' };

  it('uses the icon when the logo is an SVG, and writes no <image> when neither is GIF, JPEG or PNG', () => {
    const withPngIcon = buildFeeds([item], { ...site, logo: 'https://blog.example.org/logo.svg', icon: 'https://blog.example.org/icon.PNG' });
    expect(withPngIcon.outputs.rss).toMatch(/<image>\s*<title>[^<]*<\/title>\s*<url>https:\/\/blog\.example\.org\/icon\.PNG<\/url>/);
    const none = buildFeeds([item], { ...site, logo: 'https://blog.example.org/logo.svg', icon: 'https://blog.example.org/favicon.ico' });
    expect(none.outputs.rss).not.toContain('<image>');
    // Atom and JSON Feed have no such limit: the logo stays there.
    expect(none.outputs.atom).toContain('<logo>https://blog.example.org/logo.svg</logo>');
  });

  it('keeps an image whose URL shows no extension, and ignores query and fragment', () => {
    expect(channelImage({ logo: 'https://cdn.example.org/img/123?w=144' })).toBe('https://cdn.example.org/img/123?w=144');
    expect(channelImage({ logo: 'https://cdn.example.org/logo.webp?v=2', icon: 'https://cdn.example.org/i.jpeg#x' })).toBe('https://cdn.example.org/i.jpeg#x');
    expect(channelImage({})).toBeUndefined();
  });
});

describe('podcast without an owner: W3C "MissingItunesEmail" warning', () => {
  const podcast = { image: 'https://pod.example.org/art.jpg', categories: [{ text: 'News' }], explicit: false };
  const episode = {
    url: 'https://pod.example.org/1',
    title: 'One',
    summary: 'S',
    published: '2024-05-01T08:00:00Z',
    enclosures: [{ url: 'https://pod.example.org/1.mp3', type: 'audio/mpeg', length: 1000 }],
  };

  it('takes itunes:owner from the first site author with an e-mail, and verify reads it back', () => {
    const { outputs, document } = buildFeeds([episode], { ...site, authors: [{ name: 'No Mail' }, { name: 'Ann Host', email: 'ann@pod.example.org' }], podcast });
    expect(document.podcast?.owner).toEqual({ name: 'Ann Host', email: 'ann@pod.example.org' });
    expect(outputs.rss).toMatch(/<itunes:owner>\s*<itunes:name>Ann Host<\/itunes:name>\s*<itunes:email>ann@pod\.example\.org<\/itunes:email>\s*<\/itunes:owner>/);
    expect(verifyExtensions(outputs, document)).toEqual([]);
  });

  it('keeps an owner given, and writes none when no author has an e-mail', () => {
    const given = buildFeeds([episode], {
      ...site,
      authors: [{ name: 'A', email: 'a@pod.example.org' }],
      podcast: { ...podcast, owner: { name: 'O', email: 'o@pod.example.org' } },
    });
    expect(given.document.podcast?.owner?.email).toBe('o@pod.example.org');
    const none = buildFeeds([episode], { ...site, authors: [{ name: 'No Mail' }], podcast });
    expect(none.document.podcast?.owner).toBeUndefined();
    expect(none.outputs.rss).not.toContain('<itunes:owner>');
  });
});

describe('an enclosure duration outside a podcast: W3C "missing podcast channel" warnings', () => {
  const audio = { url: 'https://blog.example.org/a.mp3', type: 'audio/mpeg', length: 1000, duration: 125 };
  const item = { url: 'https://blog.example.org/1', title: 'Talk', summary: 'S', published: '2024-05-01T08:00:00Z', enclosures: [audio] };

  it('writes no itunes:duration in a feed that is not a podcast, keeps the duration in JSON Feed, and verifies', async () => {
    const { outputs, document } = buildFeeds([item], site);
    expect(outputs.rss).not.toContain('itunes:');
    expect(outputs.atom).not.toContain('itunes:');
    expect(JSON.parse(outputs.json).items[0].attachments[0].duration_in_seconds).toBe(125);
    expect((await verifyDocument(outputs, document)).problems).toEqual([]);
    expect(await verifyExtensions(outputs, document)).toEqual([]);
  });

  it('writes it for an item with episode fields, and in a podcast', async () => {
    const episode = buildFeeds([{ ...item, episode: { episode: 1 } }], site);
    expect(episode.outputs.rss).toContain('<itunes:duration>2:05</itunes:duration>');
    expect(await verifyExtensions(episode.outputs, episode.document)).toEqual([]);
  });
});
