import { describe, expect, it } from 'vitest';
import { limitContent, READ_MORE } from '../../src/feed/content.js';
import { buildFeeds } from '../../src/pipeline.js';
import { isStory, itemToStory } from '../../src/item/index.js';
import { resolveSite } from '../../src/feed/site.js';
import { checkWellFormedXml, verifyFeeds } from '../../src/verify/index.js';

/** The Story the item becomes (verifyFeeds takes Stories). */
async function storyOf(input: typeof item) {
  const story = itemToStory(input, 0, resolveSite(site));
  expect(isStory(story)).toBe(true);
  return story;
}

const site = { siteUrl: 'https://x.example', title: 'X' };
const paragraphs = Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1} has some words in it, enough to fill a line.`);
const item = { url: '/long', title: 'Long', published: '2024-01-01', summary: 'A long story.', contentText: paragraphs.join('\n\n') };

describe('summary-only feeds (content: "summary")', () => {
  it('carry the summary as the only body in every format, and verify', async () => {
    const { outputs, document } = buildFeeds([item], { ...site, content: 'summary' });
    expect(document.content).toBe('summary');
    expect(document.items[0]).toMatchObject({ contentHtml: '<p>A long story.</p>', contentText: 'A long story.' });
    expect(outputs.rss).toContain('<content:encoded><![CDATA[<p>A long story.</p>]]></content:encoded>');
    expect(outputs.atom).toContain('<summary type="text">A long story.</summary>');
    const json = JSON.parse(outputs.json).items[0];
    expect(json.content_html).toBe('<p>A long story.</p>');
    expect(json.content_text).toBe('A long story.');
    for (const format of ['rss', 'atom', 'json'] as const) expect(outputs[format]).not.toContain('Paragraph 1 ');
    for (const format of ['rss', 'atom'] as const) expect(checkWellFormedXml(outputs[format]).ok).toBe(true);
    expect((await verifyFeeds(outputs, [await storyOf(item)], { ...site, content: 'summary' })).ok).toBe(true);
  });
});

describe('contentLimit', () => {
  it('keeps the whole blocks that fit and links to the story', () => {
    const { document } = buildFeeds([item], { ...site, contentLimit: 400 });
    const html = document.items[0]!.contentHtml;
    expect(html.length).toBeLessThanOrEqual(400);
    expect(html).toMatch(/^<p>Paragraph 1 /);
    expect(html.endsWith(`<p><a href="https://x.example/long">${READ_MORE}</a></p>`)).toBe(true);
    // Only whole paragraphs: every <p> is closed.
    expect(html.split('<p>').length).toBe(html.split('</p>').length);
    const text = document.items[0]!.contentText;
    expect(text.length).toBeLessThanOrEqual(402);
    expect(text.endsWith('\n\n…')).toBe(true);
  });

  it('leaves short bodies alone and never cuts inside a tag or an element', () => {
    expect(limitContent({ contentHtml: '<p>Short.</p>', contentText: 'Short.', url: 'https://x.example/' }, 100)).toEqual({ contentHtml: '<p>Short.</p>', contentText: 'Short.' });
    const nested = '<blockquote><p>One</p><p>Two</p></blockquote><p>Three</p>';
    const cut = limitContent({ contentHtml: nested.repeat(3), contentText: 'x'.repeat(10), url: 'https://x.example/a?b=1&c=2' }, 100);
    expect(cut.contentHtml).toBe(`<p><a href="https://x.example/a?b=1&amp;c=2">${READ_MORE}</a></p>`);
    const two = limitContent({ contentHtml: nested.repeat(3), contentText: 'x', url: 'https://x.example/' }, 200);
    expect(two.contentHtml.startsWith(`${nested}<p>Three</p>`.slice(0, nested.length))).toBe(true);
    expect(two.contentHtml.split('<blockquote>').length).toBe(two.contentHtml.split('</blockquote>').length);
  });

  it('cuts text without a word break between two graphemes (a surrogate pair, a flag, a letter and its accents)', () => {
    const cutOf = (text: string, limit: number): string => limitContent({ contentHtml: `<p>${text}</p>`, contentText: text, url: 'https://x.example/' }, limit).contentText;
    const wellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();
    // Each unit a grapheme (two code units, four, three), and characters of one code unit each.
    for (const [unit, limit] of [
      ['\u{20BB7}', 101],
      ['\u{1F1E9}\u{1F1EA}', 102],
      ['e\u0301\u0323', 100],
      ['吉', 100],
    ] as const) {
      const text = unit.repeat(200);
      const cut = cutOf(text, limit);
      expect(cut.endsWith('…'), unit).toBe(true);
      const kept = cut.slice(0, -1);
      expect(wellFormed(cut), unit).toBe(true);
      // Whole units only, as many as fit.
      expect(kept, unit).toBe(unit.repeat(Math.floor(limit / unit.length)));
    }
  });
});
