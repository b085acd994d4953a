import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { childScripts, makeTemp, removeTemp, snapshot, startChild, tally } from './support.js';

/**
 * Two builds of the same seeds, in different time zones, locales and even with a wrong system
 * clock, produce byte-identical output; `SOURCE_DATE_EPOCH` gives undated stories their date. Each
 * build is the real CLI in its own process, since TZ and the ICU locale are read at start-up.
 */

const ENVIRONMENTS: Record<string, { env: Record<string, string>; clock?: boolean }> = {
  'UTC, C locale': { env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } },
  'Kiritimati (UTC+14), Turkish': { env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' } },
  'St. John’s (UTC−3:30), German': { env: { TZ: 'America/St_Johns', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } },
  'Kathmandu (UTC+5:45), Japanese, clock in 2031': { env: { TZ: 'Asia/Kathmandu', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' }, clock: true },
};

const SEEDS: Record<string, string> = {
  '2024-03-01-dated-by-name.txt': 'Dated by its file name\nIstanbul and İzmir agreed on Friday to share the ferry timetable.\n',
  'no-zone.md':
    '---\ntitle: A date-time without an offset\ndate: 2024-03-31T02:30:00\nupdated: 2024-10-27 03:30\ntags: [Istanbul, İstanbul, ISTANBUL, straße, STRASSE, Ångström]\nauthor: Ìñigo Çelik <inigo@news.example.com>\n---\nThe clocks changed overnight in much of Europe. "We were ready," said Dr. Ayşe Yılmaz.\n',
  'dateline.txt': 'A dateline without a year\nIZMAIL, Ukraine, Nov. 3 — A ferry carried trucks across the Danube on Sunday.\n',
  'undated.md': '# An undated story\n\nIt takes its date from SOURCE_DATE_EPOCH, never from the clock.\n',
  'json-seed.json': JSON.stringify({
    title: 'Ölçüm sonuçları',
    date: '1969-07-20T20:17:40Z',
    language: 'tr',
    body: 'Bilim insanları İstanbul’da ölçüm yaptı.\n\nİkinci paragraf.',
  }),
  'far.md': '---\ntitle: Far future\ndate: 9999-12-31T23:59:59Z\n---\nA story from the far future.\n',
  'same-time-a.md': '---\ntitle: Same time A\ndate: 2024-06-01T12:00:00+02:00\n---\nTies are broken by id.\n',
  'same-time-b.md': '---\ntitle: Same time B\ndate: 2024-06-01T10:00:00Z\n---\nTies are broken by id.\n',
};

let dir: string;
let fakeClock: string;
beforeAll(async () => {
  dir = makeTemp('determinism');
  await childScripts();
  // Loaded with --import: every clock read says 2031, so output that depends on the clock would differ.
  fakeClock = path.join(dir, 'clock-2031.mjs');
  writeFileSync(
    fakeClock,
    `const Real = Date; const shift = Real.UTC(2031, 5, 15) - Real.now();
globalThis.Date = class extends Real { constructor(...a) { if (a.length === 0) super(Real.now() + shift); else super(...a); } static now() { return Real.now() + shift; } };\n`,
  );
}, 120_000);
afterAll(() => removeTemp(dir));

function project(name: string, config: Record<string, unknown>): string {
  const work = path.join(dir, name);
  mkdirSync(path.join(work, 'seeds'), { recursive: true });
  for (const [file, text] of Object.entries(SEEDS)) writeFileSync(path.join(work, 'seeds', file), text);
  writeFileSync(
    path.join(work, 'storyfeed.config.json'),
    JSON.stringify({ siteUrl: 'https://news.example.com', title: 'Zeitung', defaultYear: 2024, tagFeeds: true, authorFeeds: true, archive: true, itemLimit: 4, ...config }),
  );
  return work;
}

async function snapshotAfter(child: Awaited<ReturnType<typeof startChild>>, work: string, label: string): Promise<Map<string, Buffer>> {
  const how = await child.exited;
  expect(how, `${label}: ${child.stderr()}`).toBe(0);
  return snapshot(path.join(work, 'public'))!;
}

/** Builds the same project in each environment and returns how many builds matched the first, byte for byte. */
async function compareBuilds(name: string, config: Record<string, unknown>, labels: string[]): Promise<{ builds: number; files: number }> {
  const source = project(name.replace(/\W+/g, '-'), config);
  const outputs: [string, Map<string, Buffer>][] = [];
  for (const label of labels) {
    const work = `${source}-${label.replace(/\W+/g, '-')}`;
    cpSync(source, work, { recursive: true });
    outputs.push([label, await snapshotAfter(await startChildIn(work, ENVIRONMENTS[label]!, '1700000000'), work, label)]);
  }
  const [first, files] = outputs[0]!;
  expect(files.size).toBeGreaterThan(10);
  for (const [label, other] of outputs.slice(1)) {
    expect([...other.keys()], `${label} vs ${first}`).toEqual([...files.keys()]);
    const differing = [...files].filter(([file, bytes]) => !other.get(file)!.equals(bytes)).map(([file]) => file);
    expect(differing, `files that differ: ${label} vs ${first}`).toEqual([]);
  }
  return { builds: outputs.length, files: files.size };
}

const TURKISH = 'Kiritimati (UTC+14), Turkish';

describe('deterministic builds', () => {
  for (const [name, config] of Object.entries({ 'no timeZone in the config': {}, 'timeZone Asia/Tokyo in the config': { timeZone: 'Asia/Tokyo' } })) {
    it(`gives byte-identical output in every time zone, locale and clock (${name})`, async () => {
      const { builds, files } = await compareBuilds(
        name,
        config,
        Object.keys(ENVIRONMENTS).filter((l) => l !== TURKISH),
      );
      tally(`deterministic builds compared (${name})`, builds, `${files} files each, byte-identical`);
    }, 180_000);
  }

  // Tag feeds are grouped with toLowerCase(), never the locale's rules ("I" → "ı" in Turkish).
  it('gives byte-identical output under a Turkish locale too', async () => {
    await compareBuilds('turkish', {}, ['UTC, C locale', TURKISH]);
  }, 180_000);

  it('honours SOURCE_DATE_EPOCH for undated stories, and reads the clock only to date a story first published without it', async () => {
    const source = project('epoch', {});
    const runs: Record<string, Map<string, Buffer>> = {};
    const utc = ENVIRONMENTS['UTC, C locale']!;
    const later = ENVIRONMENTS['Kathmandu (UTC+5:45), Japanese, clock in 2031']!;
    for (const [label, epoch, setup] of [
      ['epoch A', '1700000000', utc],
      ['epoch A, clock in 2031', '1700000000', later],
      ['epoch B', '1000000000', utc],
      ['no epoch', undefined, utc],
      ['no epoch, clock in 2031', undefined, later],
    ] as const) {
      const work = `${source}-${label.replace(/\W+/g, '-')}`;
      cpSync(source, work, { recursive: true });
      runs[label] = await snapshotAfter(await startChildIn(work, setup, epoch), work, label);
    }
    const undated = (files: Map<string, Buffer>): string => {
      const feed = JSON.parse(files.get('feed.json')!.toString()) as { items: { title: string; date_published: string }[] };
      const all = [...files.entries()]
        .filter(([f]) => f.endsWith('.json') && !f.startsWith('.'))
        .flatMap(([, b]) => (JSON.parse(b.toString()) as { items: { title: string; date_published: string }[] }).items);
      return (feed.items.concat(all).find((i) => i.title === 'An undated story') ?? { date_published: 'missing' }).date_published;
    };
    expect(undated(runs['epoch A']!)).toBe('2023-11-14T22:13:20.000Z');
    expect(undated(runs['epoch B']!)).toBe('2001-09-09T01:46:40.000Z');
    // Without SOURCE_DATE_EPOCH an undated story is dated when first published (the clock), never 1970.
    expect(undated(runs['no epoch']!)).not.toMatch(/^1970/);
    expect(undated(runs['no epoch, clock in 2031']!)).toMatch(/^2031-/);
    for (const [a, b] of [['epoch A', 'epoch A, clock in 2031']] as const) {
      for (const [file, bytes] of runs[a]!) expect(runs[b]!.get(file)?.toString(), `${file}: ${b} vs ${a}`).toBe(bytes.toString());
      const everything = [...runs[b]!.values()].map((v) => v.toString()).join('\n');
      expect(everything).not.toMatch(/2031|203[0-9]-\d\d-\d\dT/);
    }
  }, 180_000);
});

describe('SOURCE_DATE_EPOCH out of range', () => {
  it('is refused with a clear error, not an internal failure', async () => {
    const work = project('epoch-range', {});
    for (const epoch of ['300000000000', '9999999999999999']) {
      const run = await cli(['build', '--no-cache'], { cwd: work, env: { SOURCE_DATE_EPOCH: epoch } });
      expect(run.code).toBe(1);
      // Reported once, for the build, not once per seed.
      expect(run.stderr).toContain(`SOURCE_DATE_EPOCH must be whole seconds since 1970 up to 253402300799 (year 9999), found "${epoch}" [E_CONFIG]`);
      expect(run.stderr.match(/SOURCE_DATE_EPOCH/g)).toHaveLength(1);
      expect(run.stderr).not.toContain('E_INTERNAL');
    }
  });
});

/** The CLI, `storyfeed build`, in its own process in `work`, with the environment's TZ and locale. */
function startChildIn(work: string, setup: { env: Record<string, string>; clock?: boolean }, epoch: string | undefined): ReturnType<typeof startChild> {
  const env: Record<string, string> = { ...setup.env, SOURCE_DATE_EPOCH: epoch ?? '' };
  return startChild('cli', ['build', '--quiet'], { env, cwd: work, nodeFlags: setup.clock ? ['--import', fakeClock] : [] });
}
