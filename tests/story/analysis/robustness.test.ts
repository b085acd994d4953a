import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import type { AnalysisInput, ArticleAnalysis } from '../../../src/story/analysis/index.js';

const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

const expectWellTyped = (r: ArticleAnalysis): void => {
  expect(Array.isArray(r.quotes)).toBe(true);
  for (const q of r.quotes) {
    expect(typeof q.text).toBe('string');
    expect(q.text.length).toBeGreaterThan(0);
    expect(q.speaker === null || (typeof q.speaker === 'string' && q.speaker.length > 0)).toBe(true);
  }
  expect(isStringArray(r.sources)).toBe(true);
  expect(new Set(r.sources).size).toBe(r.sources.length);
  expect(isStringArray(r.entities.people)).toBe(true);
  expect(isStringArray(r.entities.organizations)).toBe(true);
  expect(isStringArray(r.entities.places)).toBe(true);
  for (const e of r.ranked) {
    expect(['person', 'organization', 'place']).toContain(e.kind);
    expect(typeof e.name).toBe('string');
    expect(Number.isFinite(e.score)).toBe(true);
    expect(Number.isInteger(e.mentions) && e.mentions >= 1).toBe(true);
  }
  expect(r.ranked).toHaveLength(r.entities.people.length + r.entities.organizations.length + r.entities.places.length);
};

// Text that looks a little like news: capitals, quotes of every style, punctuation, Cyrillic, emoji.
const newsish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '"',
        '“',
        '”',
        '«',
        '»',
        '„',
        "'",
        '’',
        ',',
        '.',
        ':',
        '—',
        '(',
        ')',
        'said',
        'according to',
        'the',
        'The',
        'of',
        'in',
        'President',
        'Ministry',
        'NATO',
        'U.S.',
        'St.',
        "Russia's",
        'Kyiv',
        'сказав',
        '—',
        'За даними',
        '🛰️',
        '\u0000',
        '\uFFFE',
        '\r\n',
      ),
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(' '));

describe('robustness', () => {
  it('never throws on arbitrary strings and always returns well-typed results', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.array(fc.string(), { maxLength: 6 }),
        fc.string({ maxLength: 5 }),
        (title, headings, paragraphs, language) => {
          expectWellTyped(analyzeArticle({ title, headings, paragraphs, language }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on news-like text in any language tag', () => {
    fc.assert(
      fc.property(
        newsish,
        fc.array(newsish, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('en', 'uk', 'ru', 'de', '', 'und', 'zz'),
        fc.boolean(),
        (title, paragraphs, language, entities) => {
          const r = analyzeArticle({ title, headings: [], paragraphs, language }, { entities });
          expectWellTyped(r);
          if (!entities) expect(r.ranked).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives malformed input objects', () => {
    const bad = [{}, { title: null, paragraphs: 'x' }, { title: 1, headings: [1, null], paragraphs: [undefined], language: 5 }] as unknown as AnalysisInput[];
    for (const input of bad) expectWellTyped(analyzeArticle(input));
  });

  it('handles a very long paragraph in reasonable time', () => {
    const paragraph = Array.from({ length: 2000 }, (_, i) => `Minister Anna Berg${i % 7} said "the plan for region number ${i} is ready now" in Oslo.`).join(' ');
    const started = performance.now();
    expectWellTyped(analyzeArticle({ title: 'Long', headings: [], paragraphs: [paragraph], language: 'en' }));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('pathological quotation marks (regression: quadratic scans)', () => {
  it('analyses unclosed marks, long runs of marks and apostrophes without scanning back and forth', () => {
    const r = analyzeArticle({
      title: 'T',
      headings: [],
      paragraphs: [
        `He said "${'a'.repeat(200_000)}`,
        `x "${'ab '.repeat(50_000)}`,
        '‘'.repeat(30_000) + '’'.repeat(30_000),
        '"'.repeat(60_000),
        `Anna Berg said ${'"a b" and '.repeat(5_000)}left.`,
      ],
      language: 'en',
    });
    expectWellTyped(r);
  });
});
