import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { parseDate } from '../../src/seed/dates.js';
import { parseSeed } from '../../src/story/normalize.js';

const site = { siteUrl: 'https://blog.example', language: 'en' };
const id = '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d';
const read = (text: string, file: string) => {
  const warnings: Diagnostic[] = [];
  const story = parseSeed(text, { site, file, timeZone: 'Europe/Lisbon', analysis: false, onWarning: (d) => warnings.push(d) });
  return { story, warnings };
};

/** A page of a Notion database as its Markdown export writes it. */
const page = (properties: string) =>
  `# My Trip to Lisbon\n\n${properties}\n\nLisbon is a city of hills and trams. We walked its old quarters for a week.\n\n## The food\n\nThe custard tarts deserve their fame.\n`;

describe("a page of Notion's Markdown export", () => {
  it('has its properties under the title as its fields, not as its first paragraph', () => {
    const { story, warnings } = read(
      page('Created: May 1, 2024 10:15 AM\nTags: Travel, Portugal\nStatus: Published\nLast edited time: May 3, 2024 9:02 PM\nReading time: 4'),
      `notion/My Trip to Lisbon ${id}.md`,
    );
    expect(story.title).toBe('My Trip to Lisbon');
    // Notion writes a page's times in the writer's zone, without an offset: read in the config's.
    expect(story.published.toISOString()).toBe('2024-05-01T09:15:00.000Z');
    expect(story.updated.toISOString()).toBe('2024-05-03T20:02:00.000Z');
    expect(story.tags).toEqual(['Travel', 'Portugal']);
    expect(story.draft).toBe(false);
    expect(story.summary).toBe('Lisbon is a city of hills and trams. We walked its old quarters for a week.');
    expect(story.contentText).not.toMatch(/Created|Status|Reading time/);
    expect(story.contentHtml.startsWith('<p>Lisbon is a city')).toBe(true);
    expect(warnings.map((w) => w.code)).not.toContain('W_NO_DATE');
  });

  it('takes a Date property before the page’s creation, and the start of a range', () => {
    const { story } = read(page('Created: April 2, 2024 8:00 AM\nDate: May 1, 2024 → May 3, 2024'), `My Trip to Lisbon ${id}.md`);
    expect(story.published.toISOString()).toBe('2024-04-30T23:00:00.000Z');
  });

  it('is a draft when its status says it is unfinished, or its Published box is not ticked', () => {
    for (const status of ['Draft', 'Not started', 'In progress']) expect(read(page(`Created: May 1, 2024\nStatus: ${status}`), `P ${id}.md`).story.draft, status).toBe(true);
    expect(read(page('Created: May 1, 2024\nPublished: No'), `P ${id}.md`).story.draft).toBe(true);
    expect(read(page('Created: May 1, 2024\nPublished: Yes'), `P ${id}.md`).story.draft).toBe(false);
  });

  it('keeps the lines as text where they are no properties Notion wrote', () => {
    // A file not named as Notion names a page: the lines are the writer's, as before.
    const plain = read(page('Created: May 1, 2024\nTags: Travel'), 'lisbon.md').story;
    expect(plain.contentText.startsWith('Created: May 1, 2024')).toBe(true);
    // A page without properties opening with a line of prose that has a colon.
    const prose = read(`# Lisbon\n\nNote: the trams stop at midnight.\n\nMore text.\n`, `Lisbon ${id}.md`).story;
    expect(prose.contentText.startsWith('Note: the trams stop at midnight.')).toBe(true);
    // A date that does not read: text as written, and a warning naming it.
    const { story, warnings } = read(page('Date: next Tuesday\nTags: Travel'), `P ${id}.md`);
    expect(story.contentText.startsWith('Date: next Tuesday')).toBe(true);
    expect(warnings.find((w) => w.code === 'W_UNKNOWN_FIELD')?.message).toMatch(/look like a Notion page's properties/);
  });
});

describe('a 12-hour clock in a written date', () => {
  it('is read as Notion writes it, and an hour no such clock shows is refused', () => {
    const iso = (value: string) => {
      const parsed = parseDate(value);
      return parsed.ok ? parsed.date.toISOString() : parsed.reason;
    };
    expect(iso('May 1, 2024 10:15 AM')).toBe('2024-05-01T10:15:00.000Z');
    expect(iso('May 1, 2024 12:05 AM')).toBe('2024-05-01T00:05:00.000Z');
    expect(iso('May 1, 2024 12:05 PM')).toBe('2024-05-01T12:05:00.000Z');
    expect(iso('May 1, 2024 1:05 p.m.')).toBe('2024-05-01T13:05:00.000Z');
    expect(iso('May 1, 2024 13:05 PM')).toBe('"May 1, 2024 13:05 PM" is not a date: a 12-hour clock\'s hour is 1 to 12, not 13');
  });
});

describe("a Notion page's address", () => {
  it("is its title's slug, without Notion's page id, but where another page of the export shares the title", () => {
    expect(read(page('Created: May 1, 2024'), `notion/My Trip to Lisbon ${id}.md`).story.url).toBe('https://blog.example/my-trip-to-lisbon');
    const twins = [`notion/My Trip to Lisbon ${id}.md`];
    const twin = parseSeed(page('Created: May 1, 2024'), { site, file: twins[0]!, analysis: false, notionTwins: twins });
    expect(twin.url).toBe(`https://blog.example/my-trip-to-lisbon-${id}`);
    // A link to another page (as the export writes it, its name percent-encoded) goes to that page's address.
    const linked = read(`# Index\n\nCreated: May 1, 2024\n\nRead [the trip](My%20Trip%20to%20Lisbon%20${id}.md) first.\n`, `notion/Index ${'f'.repeat(32)}.md`).story;
    expect(linked.contentHtml).toContain('href="https://blog.example/my-trip-to-lisbon"');
    // A name that only looks like Notion's (no space before the digits) keeps them.
    expect(read('# T\n\nText.\n', `notion/report-${id}.md`).story.url).toBe(`https://blog.example/report-${id}`);
  });
});
