import { describe, expect, it } from 'vitest';
import { buildFeedSet } from '../../src/feed/sets.js';
import { buildFeeds } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/seed/markdown.js';
import { problemOf } from '../support/problems.js';

/**
 * A plain item's body is capped as a seed file is: its bytes (`maxContentBytes`, default 5 MB) and its
 * lines, marks and tags (one per 25 bytes of the cap). 20 MB of `<p>a</p>` took 900 MB and 20 MB of
 * one-letter paragraphs 1.25 GB before the cap; each is refused before any parser sees it, naming the field.
 */

const site = { siteUrl: 'https://x.example', title: 'X' };
const item = { url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z' };
/** A cap of 25,000 bytes: 1,000 units of structure. */
const small = { maxContentBytes: 25_000, markdown: renderMarkdown };

describe('the size of a plain item body', () => {
  it('refuses a body over 5 MB by default, naming the field, before reading it', () => {
    const big = 'x'.repeat(5_000_001);
    for (const field of ['contentHtml', 'contentText', 'contentMarkdown', 'summary']) {
      const error = problemOf(() => buildFeeds([{ ...item, [field]: big }], site, { markdown: renderMarkdown }));
      expect(error.code).toBe('E_TOO_LARGE');
      expect(error.message).toContain(`items[0].${field} is larger than 5,000,000 bytes`);
      expect(error.message).toContain('maxContentBytes');
    }
    expect(buildFeeds([{ ...item, contentText: 'x'.repeat(4_999_000) }], site).document.items).toHaveLength(1);
  });

  it('counts bytes as UTF-8 writes them (two for é, four for an emoji, three for a lone surrogate)', () => {
    const fits = (text: string): boolean => {
      try {
        buildFeeds([{ ...item, contentText: text }], site, { maxContentBytes: 1_000 });
        return true;
      } catch {
        return false;
      }
    };
    expect(fits('é'.repeat(500))).toBe(true);
    expect(fits('é'.repeat(501))).toBe(false);
    expect(fits('😀'.repeat(250))).toBe(true);
    expect(fits('😀'.repeat(251))).toBe(false);
    expect(fits(`${'\ud800'.repeat(333)}a`)).toBe(true);
    expect(fits(`${'\ud800'.repeat(333)}ab`)).toBe(false);
    expect(fits('x'.repeat(1_000))).toBe(true);
    expect(fits('x'.repeat(1_001))).toBe(false);
  });

  it('refuses more lines, marks or tags than the cap allows, in each body field', () => {
    const over = [
      { field: 'contentHtml', text: '<p>a</p>'.repeat(1_001), what: 'HTML start tags and attributes' },
      { field: 'contentText', text: 'a\n'.repeat(1_001), what: 'lines with text' },
      { field: 'summary', text: 'a\n'.repeat(1_001), what: 'lines with text' },
      { field: 'contentMarkdown', text: '*a* '.repeat(600), what: 'lines, marks of markup, table cells and HTML attributes' },
    ];
    for (const { field, text, what } of over) {
      const error = problemOf(() => buildFeeds([{ ...item, [field]: text }], site, small));
      expect(error.code, field).toBe('E_TOO_LARGE');
      expect(error.message, field).toContain(`items[0].${field} has more than 1,000 ${what}`);
    }
    const under = { contentHtml: '<p>a</p>'.repeat(999), contentText: 'a\n'.repeat(999), summary: 'a\n'.repeat(999), contentMarkdown: '*a* '.repeat(400) };
    for (const [field, text] of Object.entries(under)) expect(buildFeeds([{ ...item, [field]: text }], site, small).document.items, field).toHaveLength(1);
  });

  it("names the field as the item gives it (another library's description), and the option to raise", () => {
    // Their description is HTML: its start tags are counted, as a body's are.
    const feedPackageItem = { link: 'https://x.example/a', title: 'A', date: new Date('2024-01-02T03:04:05Z'), description: '<p>a</p>'.repeat(1_001) };
    const error = problemOf(() => buildFeeds([feedPackageItem], site, small));
    expect(error.message).toContain('items[0].description has more than 1,000 HTML start tags');
    expect(error.message).toContain('raise `maxContentBytes`');
    expect(problemOf(() => buildFeeds([{ ...feedPackageItem, description: 'x'.repeat(25_001) }], site, small)).message).toContain(
      'items[0].description is larger than 25,000 bytes',
    );
  });

  it('applies the cap given to a feed set, and the default one without it', () => {
    const tags = '<p>a</p>'.repeat(1_001);
    expect(problemOf(() => buildFeedSet([{ ...item, contentHtml: tags }], site, { maxContentBytes: 25_000 })).code).toBe('E_TOO_LARGE');
    expect(buildFeedSet([{ ...item, contentHtml: tags }], site)).toHaveLength(1);
  });

  it('refuses a cap that is not a whole number of bytes above 0, naming the option', () => {
    for (const cap of [0, -1, 1.5, '5000', Number.NaN, null]) {
      const error = problemOf(() => buildFeeds([{ ...item, contentText: 'Hi.' }], site, { maxContentBytes: cap as never }));
      expect(error.code).toBe('E_ITEM');
      expect(error.message).toContain('options.maxContentBytes must be a whole number of bytes above 0');
    }
  });

  it('names the field whose HTML nests too deep', () => {
    const error = problemOf(() => buildFeeds([{ ...item, contentHtml: `${'<div>'.repeat(600)}x` }], site));
    expect(error.code).toBe('E_TOO_DEEP');
    expect(error.message).toContain('items[0].contentHtml nests elements more than 512 levels deep');
  });
});
