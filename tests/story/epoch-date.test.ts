import { describe, expect, it } from 'vitest';
import { buildFeeds } from '../../src/pipeline.js';
import { buildFeedDocument } from '../../src/feed/document.js';
import { nearUnixEpoch } from '../../src/seed/dates.js';
import { parseSeed } from '../../src/story/normalize.js';
import { toStories } from '../../src/item/index.js';
import { resolveSite } from '../../src/feed/site.js';

/**
 * Readers never see a 1970 date. A date at the Unix epoch is what a lost date (0, or null turned into
 * a Date) looks like, in any time zone; Unix seconds read as milliseconds (`new Date(1709632800)`)
 * land in the weeks after it. Both are refused where they are given, naming the file or field.
 */
const site = { siteUrl: 'https://x.example', title: 'X' };
const DAY = 86_400_000;
/** 2024-03-05T10:00:00Z in Unix seconds, as many databases and CMSs store it. */
const UNIX_SECONDS = 1_709_632_800;

describe('dates near the Unix epoch', () => {
  it('are the days around it and the weeks after it, where Unix seconds read as milliseconds fall', () => {
    expect(nearUnixEpoch(new Date(0))).toBe(true);
    expect(nearUnixEpoch(new Date(-DAY))).toBe(true);
    expect(nearUnixEpoch(new Date(UNIX_SECONDS))).toBe(true);
    // The seconds of any date up to 2134 still fall inside.
    expect(nearUnixEpoch(new Date(Date.UTC(2134, 0, 1) / 1000))).toBe(true);
    expect(nearUnixEpoch(new Date(-3 * DAY))).toBe(false);
    expect(nearUnixEpoch(new Date(61 * DAY))).toBe(false);
    expect(nearUnixEpoch(new Date(UNIX_SECONDS * 1000))).toBe(false);
  });

  it('are refused in front matter and in a dated file name', () => {
    for (const date of ['1970-01-01', '1970-01-01T00:00:00Z', '1970-01-01T02:00:00+02:00', '1970-01-02', '1970-02-15', '1969-12-31T20:00:00-05:00']) {
      expect(() => parseSeed(`---\ndate: "${date}"\n---\nTitle\n\nBody text here.\n`, { file: 'a.md', site }), date).toThrow(
        /^a\.md: the publication date is 19(70|69)-\S+, within weeks of the Unix epoch/,
      );
    }
    expect(() => parseSeed('Title\n\nBody text here.\n', { file: '1970-01-01-story.txt', site })).toThrow(/the Unix epoch/);
    // Two months on it is a date like any other (an archive of 1970 may hold it).
    expect(parseSeed('---\ndate: 1970-03-05\n---\nTitle\n\nBody text here.\n', { file: 'a.md', site }).published.toISOString()).toBe('1970-03-05T00:00:00.000Z');
  });

  it('are refused for a plain item, given as a Date, as Unix seconds or as text, also in a time zone west of UTC', () => {
    for (const published of [new Date(0), '1970-01-01', '1970-01-01T00:00:00.000Z', new Date(UNIX_SECONDS)]) {
      expect(() => buildFeeds([{ url: '/a', title: 'A', published }], site)).toThrow(/^items\[0\]\.published is 1970-\S+, within weeks of the Unix epoch/);
    }
    expect(() => buildFeeds([{ url: '/a', title: 'A', published: '1970-01-01' }], { ...site, timeZone: 'America/New_York' })).toThrow(
      /^items\[0\]\.published is 1970-01-01T05:00:00\.000Z, within weeks of the Unix epoch/,
    );
    expect(() => buildFeeds([{ url: '/a', title: 'A', published: '2024-03-05', updated: new Date(UNIX_SECONDS) }], site)).toThrow(/^items\[0\]\.updated is 1970-/);
  });

  it('are refused as a defaultDate given to the library, which dates undated items', () => {
    expect(() => buildFeeds([{ url: '/a', title: 'A' }], { ...site, defaultDate: '1970-01-10' })).toThrow(/defaultDate/);
    expect(() => toStories([{ url: '/a', title: 'A' }], { ...site, defaultDate: '1970-01-10' })).toThrow(/defaultDate.*within weeks of the Unix epoch/);
  });

  it('are refused as the date of an empty feed or of undated items', () => {
    expect(() => buildFeeds([], site, { emptyFeedDate: new Date(0) })).toThrow(/^options\.emptyFeedDate is 1970-01-01T00:00:00\.000Z, within weeks/);
    expect(() => buildFeeds([{ url: '/a', title: 'A' }], site, { fallbackDate: new Date(UNIX_SECONDS) })).toThrow(/^options\.fallbackDate is 1970-/);
    expect(buildFeeds([], site, { emptyFeedDate: new Date('2024-03-05T00:00:00Z') }).outputs.rss).toContain('Tue, 05 Mar 2024');
  });

  it('are refused in a Story given as it is, but for the stand-in of an undated one, which the feed stage names', () => {
    const story = parseSeed('---\ndate: 2024-03-05\n---\nTitle\n\nBody text here.\n', { file: 'a.md', site });
    expect(() => toStories([{ ...story, published: new Date(UNIX_SECONDS) }], resolveSite(site))).toThrow(/items\[0\]\.published is 1970-/);
    const undated = parseSeed('Title\n\nBody text here.\n', { file: 'b.txt', site, fallbackDate: new Date(0) });
    expect(undated.undated).toBe(true);
    expect(() => buildFeedDocument([undated], site)).toThrow(/b\.txt has no date/);
    const lateStandIn = parseSeed('Title\n\nBody text here.\n', { file: 'c.txt', site, fallbackDate: new Date(DAY) });
    expect(() => buildFeedDocument([lateStandIn], site)).toThrow(/c\.txt has no date/);
  });
});

describe('the zero date of Go, .NET and Python (0001-01-01), a date never set', () => {
  const zero = 'is 0001-01-01T00:00:00.000Z, the zero value';
  it('is refused in front matter and in a dated file name, as a 1970 date is', () => {
    for (const date of ['0001-01-01', '0001-01-01T00:00:00Z', '0001-01-01 00:00:00 +0000']) {
      expect(() => parseSeed(`---\ndate: "${date}"\n---\nTitle\n\nBody text here.\n`, { file: 'a.md', site }), date).toThrow(
        expect.objectContaining({ code: 'E_DATE', message: expect.stringContaining(zero) }),
      );
    }
    expect(() => parseSeed('Title\n\nBody text here.\n', { file: '0001-01-01-story.txt', site })).toThrow(/the zero value/);
    // Any other early date is a date like any other.
    expect(parseSeed('---\ndate: "0001-01-03"\n---\nTitle\n\nBody text here.\n', { file: 'a.md', site }).published.toISOString()).toBe('0001-01-03T00:00:00.000Z');
  });

  it("is refused as a Story's date and as the date of a feed with no items", () => {
    const story = parseSeed('---\ndate: 2024-03-05\n---\nTitle\n\nBody text here.\n', { file: 'a.md', site });
    expect(() => toStories([{ ...story, published: new Date('0001-01-01T00:00:00Z') }], site)).toThrow(
      expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining(`items[0].published ${zero}`) }),
    );
    expect(() => buildFeedDocument([], { ...site, defaultDate: '0001-01-01' })).toThrow(expect.objectContaining({ code: 'E_UNDATED', message: expect.stringContaining(zero) }));
  });
});
