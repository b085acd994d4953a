import { describe, expect, it } from 'vitest';
import { parseDate, parseWrittenDate } from '../../src/seed/dates.js';
import { parseSeed } from '../../src/story/normalize.js';
import { buildFeeds } from '../../src/pipeline.js';
import { costGrowth } from '../support/linear.js';

const iso = (value: string, timeZone?: string): string | undefined => {
  const parsed = parseDate(value, timeZone);
  return parsed.ok ? parsed.date.toISOString() : undefined;
};

describe('dates written with a month name', () => {
  it('are read in the forms other generators and CMS exports write them', () => {
    // The Astro blog template's pubDate.
    expect(iso('Jul 08 2022')).toBe('2022-07-08T00:00:00.000Z');
    expect(iso('July 8, 2022')).toBe('2022-07-08T00:00:00.000Z');
    expect(iso('8 July 2022')).toBe('2022-07-08T00:00:00.000Z');
    expect(iso('Sept. 3, 2024')).toBe('2024-09-03T00:00:00.000Z');
    // RFC 2822, as RSS writes dates.
    expect(iso('Fri, 08 Jul 2022 10:00:00 +0000')).toBe('2022-07-08T10:00:00.000Z');
    expect(iso('Fri, 08 Jul 2022 10:00:00 GMT')).toBe('2022-07-08T10:00:00.000Z');
    expect(iso('Friday, July 8, 2022 10:30')).toBe('2022-07-08T10:30:00.000Z');
    // Without an offset, in the configured time zone, as ISO dates are.
    expect(iso('Jul 08 2022', 'Europe/Kyiv')).toBe('2022-07-07T21:00:00.000Z');
    expect(iso('2022-07-08')).toBe('2022-07-08T00:00:00.000Z');
  });

  it('written with numbers and a 12-hour clock are read as Ruby reads them for Jekyll (regression: "AM" was refused as a zone\'s name)', () => {
    expect(iso('2024-03-05 10:00 AM')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('2024-03-05 12:30 am')).toBe('2024-03-05T00:30:00.000Z');
    expect(iso('2024-03-05 1:30 p.m. PST')).toBe('2024-03-05T21:30:00.000Z');
    expect(iso('2024/3/5 10:00:05 PM +01:00')).toBe('2024-03-05T21:00:05.000Z');
    expect(parseDate('2024-03-05 13:00 PM')).toMatchObject({ ok: false, reason: expect.stringContaining("a 12-hour clock's hour is 1 to 12, not 13") });
    expect(parseDate('2024-03-05 9:05 pm CET')).toMatchObject({ ok: false, reason: expect.stringMatching(/^"2024-03-05 9:05 pm CET" gives its time zone as "CET"/) });
  });

  it('with a year of two or three digits in RFC 822 form are read as RFC 2822 §4.3 says (regression: refused, as RSS feeds still write them)', () => {
    expect(iso('Fri, 01 Mar 24 10:00:00 GMT')).toBe('2024-03-01T10:00:00.000Z');
    expect(iso('01 Mar 24 10:00 +0100')).toBe('2024-03-01T09:00:00.000Z');
    expect(iso('Sat, 01 Mar 97 10:00:00 EST')).toBe('1997-03-01T15:00:00.000Z');
    expect(iso('01 Mar 124 10:00:00 GMT')).toBe('2024-03-01T10:00:00.000Z');
    // The weekday is checked against the year read; without a time it is no RFC 822 date, and not read.
    expect(parseDate('Mon, 01 Mar 24 10:00:00 GMT').ok).toBe(false);
    expect(parseWrittenDate('01 Mar 24')).toBeUndefined();
  });

  it("are read as JavaScript's Date#toString writes them, as Hashnode's backup dates a post", () => {
    expect(iso('Mon Sep 09 2024 04:38:21 GMT+0000 (Coordinated Universal Time)')).toBe('2024-09-09T04:38:21.000Z');
    expect(iso('Mon Sep 09 2024 10:08:21 GMT+0530 (India Standard Time)', 'Europe/Kyiv')).toBe('2024-09-09T04:38:21.000Z');
    expect(iso('Mon Sep 09 2024 04:38:21 UTC+02:00')).toBe('2024-09-09T02:38:21.000Z');
    // The zone's name alone decides nothing.
    expect(parseWrittenDate('Mon Sep 09 2024 04:38:21 (Coordinated Universal Time)')).toBeUndefined();
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const hashnode =
      '---\ntitle: "Kafka considerations"\ndatePublished: Mon Dec 22 2025 16:52:32 GMT+0000 (Coordinated Universal Time)\ncuid: cmjhe9eg9000102jp4jnz4es0\nslug: kafka-considerations\ntags: queue, kafka\n\n---\n\nAt most once delivery.\n';
    const warnings: string[] = [];
    const story = parseSeed(hashnode, { file: 'cmjhe9eg9000102jp4jnz4es0.md', site, onWarning: (d) => warnings.push(d.code) });
    expect(story.published.toISOString()).toBe('2025-12-22T16:52:32.000Z');
    expect(warnings).not.toContain('W_NO_DATE');
  });

  it('are checked as ISO dates are, and a wrong weekday is refused', () => {
    expect(parseWrittenDate('Feb 30 2024')).toEqual({ ok: false, reason: expect.stringMatching(/^"Feb 30 2024" is not a date: has day 30; 2024-02 has 29 days/) });
    expect(parseWrittenDate('Mon, 08 Jul 2022')).toEqual({ ok: false, reason: '"Mon, 08 Jul 2022" names the wrong weekday: 2022-07-08 is a fri' });
    // Forms whose day and month cannot be told apart are not read.
    expect(parseWrittenDate('07/08/2022')).toBeUndefined();
    expect(parseDate('07/08/2022')).toEqual({ ok: false, reason: '"07/08/2022" is not a date (expected e.g. 2024-10-21, 2024-10-21T08:30:00+03:00 or 21 October 2024)' });
    expect(parseWrittenDate('Julember 8 2022')).toBeUndefined();
    expect(parseWrittenDate(`Jul 08 2022${' '.repeat(100)}x`)).toBeUndefined();
  });

  it('date a seed and a plain item', () => {
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const story = parseSeed("---\ntitle: First post\npubDate: 'Jul 08 2022'\n---\nBody text here.\n", { file: 'first-post.md', site });
    expect(story.published.toISOString()).toBe('2022-07-08T00:00:00.000Z');
    const { outputs } = buildFeeds([{ url: '/a', title: 'A', published: 'July 8, 2022' }], site);
    expect(outputs.rss).toContain('<pubDate>Fri, 08 Jul 2022 00:00:00 GMT</pubDate>');
  });

  it('are read in time linear in the text, whatever it holds', async () => {
    for (const shape of [(n: number) => 'Jul '.repeat(n), (n: number) => `Fri, ${'8 '.repeat(n)}`, (n: number) => `Jul 08 2022${' '.repeat(n)}`]) {
      const growth = await costGrowth((n) => parseDate(shape(n)), 2_000, 20_000, 4);
      expect(growth).toBeLessThan(4);
    }
  });
});

describe('dates written year first with slashes', () => {
  it("are read as Hexo's documentation and `hexo new` write a post's date", () => {
    expect(iso('2013/7/13 20:46:25')).toBe('2013-07-13T20:46:25.000Z');
    expect(iso('2017/1/8')).toBe('2017-01-08T00:00:00.000Z');
    expect(iso('2026/05/08 12:00')).toBe('2026-05-08T12:00:00.000Z');
    // Without an offset, in the configured time zone, as ISO dates are.
    expect(iso('2013/7/13 20:46', 'Asia/Shanghai')).toBe('2013-07-13T12:46:00.000Z');
  });

  it("are read with dashes and a one-digit month or day, as Jekyll reads a post's, with the offset given", () => {
    expect(parseDate('2025-1-1 10:21:00 +0800')).toEqual({ ok: true, date: new Date('2025-01-01T02:21:00.000Z'), hadZone: true, hadTime: true });
    expect(iso('2019-8-8 14:10:00 +08:00')).toBe('2019-08-08T06:10:00.000Z');
    expect(iso('2024-3-5')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('2024-03-5 9:05', 'Europe/Berlin')).toBe('2024-03-05T08:05:00.000Z');
    expect(parseDate('2024-2-30 10:00')).toEqual({ ok: false, reason: expect.stringContaining('has day 30; 2024-02 has 29 days') });
    // Two digits each is ISO 8601's form, refused with its own reason; a mix of separators is no date.
    expect(parseDate('2024-13-45')).toEqual({ ok: false, reason: expect.stringMatching(/^"2024-13-45" has month 13/) });
    for (const text of ['2024-3/5', '2024-3-5-1', '2024-3-5 +0800']) expect(parseDate(text).ok).toBe(false);
    // YAML 1.1's timestamp forms, as Jekyll reads them: a T, a fraction of a second, an offset's hour in one digit.
    expect(iso('2025-1-1T10:21:00')).toBe('2025-01-01T10:21:00.000Z');
    expect(iso('2025-1-1 10:21:00.5 +8')).toBe('2025-01-01T02:21:00.500Z');
    expect(iso('2025-1-1 10:21:00 -5:30')).toBe('2025-01-01T15:51:00.000Z');
    expect(iso('2025-1-1 10:21:00 Z')).toBe('2025-01-01T10:21:00.000Z');
  });

  it('are checked as ISO dates are; day-first and month-first slashes are still not read', () => {
    expect(parseDate('2024/2/30')).toEqual({ ok: false, reason: expect.stringMatching(/^"2024\/2\/30" is not a date: has day 30; 2024-02 has 29 days/) });
    expect(parseDate('2024/13/1').ok).toBe(false);
    for (const text of ['07/08/2022', '8/7/2022', '2022/07', '2022/7/8/9', '2022/7/8 25', '22/07/08']) expect(parseDate(text).ok).toBe(false);
  });

  it('date a Hexo post', () => {
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const story = parseSeed('---\ntitle: Hexo Lost 41k GitHub Stars\ndate: 2026/05/08 12:00\n---\nOn May 8, 2026, an owner changed the visibility.\n', {
      file: '_posts/hexo-lost.md',
      site,
    });
    expect(story.published.toISOString()).toBe('2026-05-08T12:00:00.000Z');
  });
});

describe('RFC 3339 dates in lower case', () => {
  it("are read: RFC 3339 lets the `T` and the `Z` be written `t` and `z` (a lower-case `t` was 'not an ISO 8601 date')", () => {
    expect(iso('2024-05-01t08:30:00z')).toBe('2024-05-01T08:30:00.000Z');
    expect(iso('2024-05-01t08:30:00+02:00')).toBe('2024-05-01T06:30:00.000Z');
  });
});

describe('ISO dates with an offset of hours alone', () => {
  it("are read: ISO 8601 writes `+05`, and YAML 1.1's timestamps (Jekyll's) `-5` or `+8:00` (with two-digit month and day they were 'not a date')", () => {
    expect(iso('2024-03-05T10:00:00+05')).toBe('2024-03-05T05:00:00.000Z');
    expect(iso('2024-03-05T10:00-03')).toBe('2024-03-05T13:00:00.000Z');
    expect(iso('2024-03-05 10:00:00 -5')).toBe('2024-03-05T15:00:00.000Z');
    expect(iso('2024-03-05 10:00:00.25 +8:00')).toBe('2024-03-05T02:00:00.250Z');
    expect(iso('2024-03-05 10:00:00 -5:30', 'Europe/Kyiv')).toBe('2024-03-05T15:30:00.000Z');
    // Three digits are neither hours nor hours and minutes; an hour past 23 is no offset.
    for (const text of ['2024-03-05T10:00:00+123', '2024-03-05T10:00:00+530', '2024-03-05T10:00:00+24', '2024-03-05T10:00:00+5:3']) expect(parseDate(text).ok).toBe(false);
  });

  it('date a Jekyll post, with its offset', () => {
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const warnings: string[] = [];
    const story = parseSeed('---\ntitle: Late meeting\ndate: 2024-03-05 22:15:00 -5\n---\nThe council met late.\n', {
      file: '_posts/2024-03-05-late-meeting.md',
      site,
      onWarning: (d) => warnings.push(d.code),
    });
    expect(story.published.toISOString()).toBe('2024-03-06T03:15:00.000Z');
    expect(warnings).not.toContain('W_DATE_NO_ZONE');
  });
});

describe('dates written with 年月日 (Chinese, Japanese) or 년월일 (Korean)', () => {
  it('are read, with an optional time and offset, in full-width digits too', () => {
    expect(iso('2024年5月1日')).toBe('2024-05-01T00:00:00.000Z');
    expect(iso('2024年05月01日')).toBe('2024-05-01T00:00:00.000Z');
    expect(iso('２０２４年５月１日')).toBe('2024-05-01T00:00:00.000Z');
    expect(iso('2024년 5월 1일')).toBe('2024-05-01T00:00:00.000Z');
    expect(iso('2024年5月1日 10:30 +08:00')).toBe('2024-05-01T02:30:00.000Z');
    // Without an offset, in the configured time zone, as ISO dates are.
    expect(iso('2024年5月1日 10:30', 'Asia/Tokyo')).toBe('2024-05-01T01:30:00.000Z');
  });

  it('are checked as ISO dates are; other text around them is no date', () => {
    expect(parseDate('2023年2月29日')).toEqual({ ok: false, reason: expect.stringMatching(/^"2023年2月29日" is not a date: has day 29; 2023-02 has 28 days/) });
    expect(parseDate('2024年5月1日 午前').ok).toBe(false);
    for (const text of ['5月1日', '2024年5月', '2024年13月1日', '二〇二四年五月一日']) expect(parseDate(text).ok).toBe(false);
  });

  it('date a Hugo post in Chinese', () => {
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const story = parseSeed('---\ntitle: 杭州西湖三日游\ndate: 2024年5月1日\n---\n五月初，我们一家人趁着假期去了杭州。\n', { file: 'content/zh/posts/hangzhou.md', site });
    expect(story.published.toISOString()).toBe('2024-05-01T00:00:00.000Z');
  });

  it('are read in time linear in the text, whatever it holds', async () => {
    for (const shape of [(n: number) => '2024年'.repeat(n), (n: number) => `2024年5月1日${' '.repeat(n)}x`]) {
      const growth = await costGrowth((n) => parseDate(shape(n)), 2_000, 20_000, 4);
      expect(growth).toBeLessThan(4);
    }
  });
});

describe('a refused date of megabytes', () => {
  const big = 'z'.repeat(1_000_000);
  const site = { siteUrl: 'https://x.example', title: 'X' };

  it('is named by its start, in every form read, so the message stays a line', () => {
    for (const value of [big, `2024-01-01T${big}`, `2024/1/1 ${big}`, `July 8, 2022 ${big}`, `2024年5月1日 ${big}`, `${big}2024-01-01`]) {
      const parsed = parseDate(value);
      expect(parsed.ok).toBe(false);
      const reason = parsed.ok ? '' : parsed.reason;
      expect(reason, reason.slice(0, 200)).toMatch(/^".{40}…" is not a date/);
      expect(reason.length, reason.slice(0, 200)).toBeLessThan(300);
    }
  });

  it('in a seed and in a plain item', () => {
    const messages: string[] = [];
    try {
      // Front matter holds at most 64 KB.
      parseSeed(`---\ntitle: T\ndate: ${big.slice(0, 50_000)}\n---\nBody text here.\n`, { file: 'a.md', site });
    } catch (error) {
      messages.push((error as Error).message);
    }
    try {
      buildFeeds([{ url: '/a', title: 'A', published: big }], site);
    } catch (error) {
      messages.push((error as Error).message);
    }
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.slice(0, 200)).toContain('zzz…" is not a date');
      expect(message.length, message.slice(0, 200)).toBeLessThan(400);
    }
  });

  it('a short refused date is quoted whole, as before', () => {
    expect(parseDate('2024-13-01')).toEqual({ ok: false, reason: '"2024-13-01" has month 13; months run from 01 to 12' });
    expect(parseDate('2024/2/30')).toEqual({ ok: false, reason: '"2024/2/30" is not a date: has day 30; 2024-02 has 29 days' });
    expect(parseDate('2024年2月30日')).toEqual({ ok: false, reason: '"2024年2月30日" is not a date: has day 30; 2024-02 has 29 days' });
  });
});

describe('a local time the daylight-saving change skips or repeats', () => {
  it('skipped (spring forward) is moved forward by the gap, as Temporal and ISO practice read it', () => {
    // New York: 02:00 EST became 03:00 EDT on 2024-03-10; 02:30 is 03:30 EDT.
    expect(iso('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    expect(iso('2024-03-10T02:00:00', 'America/New_York')).toBe('2024-03-10T07:00:00.000Z');
    expect(iso('2024-03-10T01:59:00', 'America/New_York')).toBe('2024-03-10T06:59:00.000Z');
    expect(iso('2024-03-10T03:00:00', 'America/New_York')).toBe('2024-03-10T07:00:00.000Z');
    // Berlin: 02:00 CET became 03:00 CEST on 2024-03-31; 02:30 is 03:30 CEST.
    expect(iso('2024-03-31T02:30:00', 'Europe/Berlin')).toBe('2024-03-31T01:30:00.000Z');
    // Lord Howe moves by half an hour: 02:15 is 02:45 at +11.
    expect(iso('2024-10-06T02:15:00', 'Australia/Lord_Howe')).toBe('2024-10-05T15:45:00.000Z');
    // A day Samoa skipped whole (30 December 2011) is moved forward a day.
    expect(iso('2011-12-30T12:00:00', 'Pacific/Apia')).toBe('2011-12-30T22:00:00.000Z');
  });

  it('repeated (fall back) is its first occurrence, on either side of Greenwich', () => {
    // New York: 01:30 came at EDT (-04), then again at EST (-05) on 2024-11-03.
    expect(iso('2024-11-03T01:30:00', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
    // Berlin: 02:30 came at CEST (+02), then again at CET (+01) on 2024-10-27.
    expect(iso('2024-10-27T02:30:00', 'Europe/Berlin')).toBe('2024-10-27T00:30:00.000Z');
    expect(iso('2024-10-27T03:00:00', 'Europe/Berlin')).toBe('2024-10-27T02:00:00.000Z');
    expect(iso('2024-10-27T01:59:00', 'Europe/Berlin')).toBe('2024-10-26T23:59:00.000Z');
  });

  it('in a seed read in the site time zone', () => {
    const site = { siteUrl: 'https://x.example', title: 'X', timeZone: 'America/New_York' };
    const story = parseSeed('---\ntitle: t\ndate: 2024-03-10T02:30:00\n---\nThe council met on Tuesday.\n', { file: 'a.md', site, timeZone: 'America/New_York' });
    expect(story.published.toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });
});

describe('dates written with a month name and an ordinal day', () => {
  it("are read, as Ruby reads a Jekyll post's (`March 5th, 2024`, `1st January 2020`)", () => {
    expect(iso('March 5th, 2024')).toBe('2024-03-05T00:00:00.000Z');
    expect(iso('Jan 1st 2020')).toBe('2020-01-01T00:00:00.000Z');
    expect(iso('1st January 2020')).toBe('2020-01-01T00:00:00.000Z');
    expect(iso('22nd Feb 2021 10:30')).toBe('2021-02-22T10:30:00.000Z');
    expect(iso('Tuesday, March 3rd, 2020')).toBe('2020-03-03T00:00:00.000Z');
    expect(iso('March 31st, 2024', 'Europe/Kyiv')).toBe('2024-03-30T22:00:00.000Z');
    // Checked as any other: no 31st of April.
    expect(parseDate('April 31st, 2024')).toMatchObject({ ok: false, reason: expect.stringContaining('has day 31') });
  });
});

describe("RFC 822's zone names in RFC 2822 dates", () => {
  it('are read: UT, GMT, the four North American zones, and military letters as UTC', () => {
    expect(iso('Tue, 05 Mar 2024 10:00:00 PST')).toBe('2024-03-05T18:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 PDT')).toBe('2024-03-05T17:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 MST')).toBe('2024-03-05T17:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 MDT')).toBe('2024-03-05T16:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 CST')).toBe('2024-03-05T16:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 CDT')).toBe('2024-03-05T15:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 EST')).toBe('2024-03-05T15:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 edt')).toBe('2024-03-05T14:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('05 Mar 2024 10:00 UT')).toBe('2024-03-05T10:00:00.000Z');
    // RFC 2822 §4.3: military zones other than Z are read as -0000 (UTC, the local zone unknown).
    expect(iso('Tue, 05 Mar 2024 10:00:00 Z')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 A', 'Europe/Berlin')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('Tue, 05 Mar 2024 10:00:00 Y', 'Europe/Berlin')).toBe('2024-03-05T10:00:00.000Z');
    // Month first, on a 12-hour clock.
    expect(iso('Mar 5, 2024 10:15 AM EST')).toBe('2024-03-05T15:15:00.000Z');
  });

  it('read with the zone given: no warning that the date has none', () => {
    const warnings: string[] = [];
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const story = parseSeed('---\ntitle: rfc\ndate: "Tue, 05 Mar 2024 10:00:00 PST"\n---\nThe council met on Tuesday.\n', {
      file: 'a.md',
      site,
      onWarning: (d) => warnings.push(d.code),
    });
    expect(story.published.toISOString()).toBe('2024-03-05T18:00:00.000Z');
    expect(warnings).not.toContain('W_DATE_NO_ZONE');
    const { document } = buildFeeds([{ url: '/a', title: 'A', published: 'Tue, 05 Mar 2024 10:00:00 EDT' }], site);
    expect(document.items[0]!.published.toISOString()).toBe('2024-03-05T14:00:00.000Z');
  });

  it('other abbreviations are refused, asking for an offset', () => {
    for (const value of [
      'Tue, 05 Mar 2024 10:00:00 CET',
      'Tue, 05 Mar 2024 10:00:00 IST',
      '5 March 2024 10:00 BST',
      'Tue, 05 Mar 2024 10:00:00 J',
      '2024-03-05 10:00:00 CET',
      '2024/3/5 10:00 AEST',
    ]) {
      const parsed = parseDate(value);
      expect(parsed.ok, value).toBe(false);
      expect(parsed.ok ? '' : parsed.reason, value).toMatch(/gives its time zone as "[A-Z]+", which is not one RFC 822 names .*give a UTC offset instead/);
    }
  });

  it('after a date written with numbers, as Jekyll posts give them, are read', () => {
    expect(parseDate('2024-03-05 10:00:00 PST')).toEqual({ ok: true, date: new Date('2024-03-05T18:00:00.000Z'), hadZone: true, hadTime: true });
    expect(iso('2024-07-05 10:00:00 PDT')).toBe('2024-07-05T17:00:00.000Z');
    expect(iso('2024-03-05 10:00 EST')).toBe('2024-03-05T15:00:00.000Z');
    expect(iso('2024-03-05T10:00:00 CDT')).toBe('2024-03-05T15:00:00.000Z');
    expect(iso('2024-03-05 10:00:00.250 MST')).toBe('2024-03-05T17:00:00.250Z');
    expect(iso('2024-03-05 10:00:00 UTC', 'Europe/Berlin')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('2024-03-05 10:00:00 GMT', 'Europe/Berlin')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('2024-03-05 10:00:00 UT', 'Europe/Berlin')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('2024-03-05 10:00:00 Z', 'Europe/Berlin')).toBe('2024-03-05T10:00:00.000Z');
    expect(iso('2024-03-05 10:00:00 pst')).toBe('2024-03-05T18:00:00.000Z');
    expect(iso('2025-1-1 10:21:00 PST')).toBe('2025-01-01T18:21:00.000Z');
    expect(iso('2024/3/5 10:00 EDT')).toBe('2024-03-05T14:00:00.000Z');
    // An offset of four digits after a space, as Jekyll's `date` gives it too.
    expect(iso('2024-03-05 10:00:00 -0800')).toBe('2024-03-05T18:00:00.000Z');
    expect(iso('2024-03-05 10:00:00-08:00')).toBe('2024-03-05T18:00:00.000Z');
  });

  it('after a date written with numbers are checked as the date with its offset is', () => {
    expect(parseDate('2024-02-30 10:00:00 PST')).toMatchObject({ ok: false, reason: expect.stringContaining('has day 30') });
    expect(parseDate('9999-12-31 23:00:00 EST')).toEqual({ ok: false, reason: '"9999-12-31 23:00:00 EST" is out of range: feeds carry dates from year 0000 to 9999 (UTC)' });
  });

  it("a military zone's letter other than Z after a date written with numbers is refused: its offset is unknown", () => {
    const parsed = parseDate('2024-03-05 10:00:00 A');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(/gives its time zone as "A", .*give a UTC offset instead/);
  });

  it('read in front matter, with no warning that the date has none', () => {
    const warnings: string[] = [];
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const story = parseSeed('---\ntitle: jekyll\ndate: 2024-03-05 10:00:00 PST\n---\nThe council met on Tuesday.\n', {
      file: '_posts/2024-03-05-jekyll.md',
      site,
      onWarning: (d) => warnings.push(d.code),
    });
    expect(story.published.toISOString()).toBe('2024-03-05T18:00:00.000Z');
    expect(warnings).not.toContain('W_DATE_NO_ZONE');
  });

  it('a word that is no zone after the time is not read as one', () => {
    expect(parseDate('8 July 2022 10:00 noon')).toMatchObject({ ok: false, reason: expect.stringContaining('is not a date (expected') });
  });
});
