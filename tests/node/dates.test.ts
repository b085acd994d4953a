import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { isStoryfeedError } from '../../src/errors.js';
import { buildSite } from '../../src/node/build.js';
import { MANIFEST_FILE, type Manifest } from '../../src/node/manifest.js';
import { buildFeeds } from '../../src/pipeline.js';
import { parseSeed } from '../../src/story/normalize.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-dates-'));
  mkdirSync(path.join(dir, 'seeds'));
  writeFileSync(path.join(dir, 'seeds', '2024-01-05-dated.txt'), 'A dated story\nIt has a date in its file name.\n');
  writeFileSync(path.join(dir, 'seeds', 'undated.txt'), 'An undated story\nNothing here says when it was written.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', entities: false, tagFeeds: true });
const undatedOf = (result: Awaited<ReturnType<typeof buildSite>>) => result.document.items.find((i) => i.title === 'An undated story')!;
const manifestOf = (): Manifest => JSON.parse(readFileSync(path.join(dir, 'public', MANIFEST_FILE), 'utf8')) as Manifest;
/** Every date a feed can carry, in the formats' notations, for the epoch. */
const EPOCH_DATES = /1970-01-01|Thu, 01 Jan 1970/;

describe('undated stories (regression: an undated story was published as 1 January 1970)', () => {
  it('are refused with SOURCE_DATE_EPOCH near 1970 (0: some build systems\' "no date"), which would be their date, naming the cause; dated ones build', async () => {
    for (const epoch of ['0', '86400']) {
      const warnings: string[] = [];
      const run = buildSite({ config, cwd: dir, cache: false, workers: 0, sourceDateEpoch: epoch, onWarning: (d) => warnings.push(d.message) });
      await expect(run).rejects.toMatchObject({
        code: 'E_UNDATED',
        message: expect.stringMatching(/1 story has no date, and SOURCE_DATE_EPOCH \(\d+\) is 1970-.*git log -1 --format=%ct/),
      });
      // No warning said first that the story is dated 1970.
      expect(warnings.filter((w) => w.includes('1970'))).toEqual([]);
    }
    rmSync(path.join(dir, 'seeds', 'undated.txt'));
    const result = await buildSite({ config, cwd: dir, cache: false, workers: 0, sourceDateEpoch: '0' });
    for (const [file, text] of Object.entries(result.contents)) expect(text, file).not.toMatch(EPOCH_DATES);
  });

  it('are dated when first published, recorded in the manifest, and no output carries 1970', async () => {
    const before = Date.now();
    const result = await buildSite({ config, cwd: dir, cache: false, workers: 0 });
    const after = Date.now();
    const published = undatedOf(result).published.getTime();
    expect(published).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(published).toBeLessThanOrEqual(after);
    expect(manifestOf().stories.find((e) => e.file?.endsWith('undated.txt'))?.published).toBe(new Date(published).toISOString());
    for (const [file, text] of Object.entries(result.contents)) expect(text, file).not.toMatch(EPOCH_DATES);
  });

  it('keep their first-published date when edited (regression: an edit never changes published); only updated moves', async () => {
    const first = await buildSite({ config, cwd: dir, cache: false, workers: 0, sourceDateEpoch: '1700000000' });
    expect(undatedOf(first).published.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    writeFileSync(path.join(dir, 'seeds', 'undated.txt'), 'An undated story\nNothing here says when it was written. Now edited.\n');
    const second = await buildSite({ config, cwd: dir, cache: false, workers: 0, sourceDateEpoch: '1800000000' });
    expect(undatedOf(second).published.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(undatedOf(second).updated.toISOString()).toBe('2027-01-15T08:00:00.000Z');
    // An unchanged rebuild, much later, moves nothing.
    const third = await buildSite({ config, cwd: dir, cache: false, workers: 0, sourceDateEpoch: '1900000000' });
    expect(undatedOf(third).published.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(undatedOf(third).updated.toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(third.written).toBe(false);
  });

  it('are an E_UNDATED error naming the file with undated: "error", and nothing is written', async () => {
    const strict = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', entities: false, undated: 'error' });
    const error = await buildSite({ config: strict, cwd: dir, cache: false, workers: 0 }).catch((e: unknown) => e);
    expect(isStoryfeedError(error) && error.code).toBe('E_UNDATED');
    expect(isStoryfeedError(error) && error.problems).toEqual(['seeds/undated.txt']);
    expect(() => readFileSync(path.join(dir, 'public', 'rss.xml'))).toThrow();
  });

  it('are refused by the pure library unless a date is given (fallbackDate, defaultDate)', () => {
    const story = parseSeed('An undated story\nNo date.\n', { file: 'u.txt', site: { siteUrl: 'https://x.example' } });
    expect(story.undated).toBe(true);
    const site = { siteUrl: 'https://x.example', title: 'X' };
    expect(() => buildFeeds([story], site)).toThrow(/E_UNDATED/);
    expect(buildFeeds([{ url: '/a', title: 'A' }], site, { fallbackDate: new Date('2024-05-01T00:00:00Z') }).document.items[0]!.published.toISOString()).toBe(
      '2024-05-01T00:00:00.000Z',
    );
    expect(buildFeeds([{ url: '/a', title: 'A' }], { ...site, defaultDate: '2024-06-01' }).document.items[0]!.published.toISOString()).toBe('2024-06-01T00:00:00.000Z');
    expect(() => buildFeeds([{ url: '/a', title: 'A' }], { ...site, undated: 'error' }, { fallbackDate: new Date('2024-05-01T00:00:00Z') })).toThrow(/E_UNDATED/);
  });
});
