import { describe, expect, it } from 'vitest';
import { buildFeeds } from '../../src/pipeline.js';
import { parseSeed } from '../../src/story/normalize.js';

/**
 * Readers never see a 1970 date: a date of exactly 1970-01-01T00:00:00Z is what a lost date (0, or
 * null turned into a Date) looks like, so it is refused where it is given, naming the file or field.
 */
const site = { siteUrl: 'https://x.example', title: 'X' };

describe('the Unix epoch as a publication date', () => {
  it('is refused in front matter and in a dated file name', () => {
    for (const date of ['1970-01-01', '1970-01-01T00:00:00Z', '1970-01-01T02:00:00+02:00']) {
      expect(() => parseSeed(`---\ndate: "${date}"\n---\nTitle\n\nBody text here.\n`, { file: 'a.md', site }), date).toThrow(
        /^a\.md: the publication date is 1970-01-01T00:00:00Z, the Unix epoch/,
      );
    }
    expect(() => parseSeed('Title\n\nBody text here.\n', { file: '1970-01-01-story.txt', site })).toThrow(/the Unix epoch/);
    expect(parseSeed('---\ndate: 1970-01-02\n---\nTitle\n\nBody text here.\n', { file: 'a.md', site }).published.toISOString()).toBe('1970-01-02T00:00:00.000Z');
  });

  it('is refused for a plain item, given as a Date or as text', () => {
    for (const published of [new Date(0), '1970-01-01', '1970-01-01T00:00:00.000Z']) {
      expect(() => buildFeeds([{ url: '/a', title: 'A', published }], site)).toThrow(/^items\[0\]\.published is 1970-01-01T00:00:00Z, the Unix epoch/);
    }
  });
});
