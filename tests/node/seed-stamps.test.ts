import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/node/build.js';
import { loadStories, POOL_MIN_SEEDS, type LoadStoriesOptions } from '../../src/node/load-stories.js';
import { readClock, SeedStamps, STAMPS_FILE, type FileClock } from '../../src/node/seed-stamps.js';
import { StoryCache } from '../../src/node/story-cache.js';
import { runTask, type NormalizeTask, type WorkerPool } from '../../src/node/workers.js';
import { validateConfig } from '../../src/config/site-config.js';

/** Every seed and sidecar read, by path: a seed vouched for by its stamp is not read at all. */
const reads = vi.hoisted(() => new Map<string, number>());
vi.mock('../../src/node/read-bounded.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/node/read-bounded.js')>();
  return {
    ...actual,
    readBoundedSync: (file: string, options: Parameters<typeof actual.readBoundedSync>[1]) => {
      reads.set(file, (reads.get(file) ?? 0) + 1);
      return actual.readBoundedSync(file, options);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-seed-stamps-'));
  mkdirSync(path.join(dir, 'seeds'));
  writeSeed('2024-03-04-port.md', '---\ntitle: Port reopens AAA\n---\nShips wait outside the harbour.\n');
  writeSeed('2024-03-05-rail.md', 'Rail line closes\n\nThe line closes for repairs on Friday.\n');
  writeSeed('2024-03-05-rail.meta.yaml', 'title: Rail line closes for a week AAA\n');
  writeSeed('2024-03-06-bridge.txt', 'Bridge opens\n\nThe new bridge opens to traffic.\n');
  reads.clear();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const site = { siteUrl: 'https://news.example.com', language: 'en' };
const seeds = (): string => path.join(dir, 'seeds');
const seed = (name: string): string => path.join(seeds(), name);
const cacheDir = (): string => path.join(dir, 'cache');
const PORT = '2024-03-04-port.md';
const RAIL = '2024-03-05-rail.md';
const SIDECAR = '2024-03-05-rail.meta.yaml';
const BRIDGE = '2024-03-06-bridge.txt';
const ALL = [PORT, RAIL, SIDECAR, BRIDGE];

/** Writes a file under seeds with a fixed modification time (whole seconds, so it can be set back exactly). */
function writeSeed(name: string, text: string): void {
  writeFileSync(seed(name), text);
  utimesSync(seed(name), 1_700_000_000, 1_700_000_000);
}

/** The change times of the files in the seeds folder, oldest first. */
function changeTimes(): bigint[] {
  return readdirSync(seeds())
    .map((name) => lstatSync(seed(name), { bigint: true }).ctimeNs)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The latest change time among the files in the seeds folder. */
const latestChange = (): bigint => changeTimes().at(-1) ?? 0n;

/**
 * A clock that settles every seed as they are now: one tick after their latest change. Right for a
 * build after which no seed is written in place (a later write might share the tick of the last).
 */
const justAfter = (): FileClock => ({ dev: statSync(seeds(), { bigint: true }).dev, ctimeNs: latestChange() + 1n });

/**
 * The file system's real clock once it has passed every seed's change time, for tests that write a
 * seed in place afterwards: that write is then sure to move its change time. Probe files are made
 * until one is changed later than the seeds, which takes at most one tick of the file system's clock.
 */
function settledClock(): FileClock {
  const latest = latestChange();
  for (;;) {
    const clock = readClock(cacheDir())!;
    if (clock.ctimeNs > latest) return clock;
  }
}

/** One loading of the seeds with the story cache and seed stamps, as a build does; the paths read come back relative. */
async function load(clock: FileClock | undefined, options: Partial<LoadStoriesOptions> = {}) {
  const cache = new StoryCache(cacheDir(), { site });
  const stamps = SeedStamps.open(cacheDir(), () => clock);
  reads.clear();
  const loaded = await loadStories(seeds(), { site, cwd: dir, cache, stamps, feedRecords: true, ...options });
  await cache.prune();
  const read = [...reads.keys()].map((file) => path.relative(seeds(), file)).sort();
  return { loaded, stamps, cache, read, titles: loaded.stories.map((s) => s.title) };
}

const stampsFile = (): string => path.join(cacheDir(), STAMPS_FILE);

describe('seed stamps: an unchanged seed is not read again', () => {
  it('reads every seed once, then none: the digests come from the stamps and the stories from the cache', async () => {
    const first = await load(justAfter());
    expect(first.read).toEqual(ALL);
    expect(first.stamps.counters).toEqual({ vouched: 0, recorded: 4 });
    expect(first.titles).toEqual(['Port reopens AAA', 'Rail line closes for a week AAA', 'Bridge opens']);
    const second = await load(justAfter());
    expect(second.read).toEqual([]);
    expect(second.stamps.counters).toEqual({ vouched: 4, recorded: 0 });
    expect(second.cache.counters).toEqual({ hits: 3, misses: 0 });
    expect(second.loaded.stories).toEqual(first.loaded.stories);
    expect(second.loaded.files).toEqual(first.loaded.files);
  });

  it('keys a vouched seed as its bytes would: a seed whose story left the cache is read and found again', async () => {
    const first = await load(justAfter());
    // Only the index holds the stories now, and it is emptied: every vouched key misses.
    for (const name of readdirSync(cacheDir())) if (name !== STAMPS_FILE) rmSync(path.join(cacheDir(), name), { recursive: true, force: true });
    const second = await load(justAfter());
    expect(second.read).toEqual(ALL);
    expect(second.cache.counters).toEqual({ hits: 0, misses: 3 });
    expect(second.loaded.stories).toEqual(first.loaded.stories);
    const third = await load(justAfter());
    expect(third.read).toEqual([]);
    expect(third.cache.counters).toEqual({ hits: 3, misses: 0 });
  });

  it('gives the stories a build without the stamps file gives', async () => {
    await load(justAfter());
    const vouched = await load(justAfter());
    rmSync(stampsFile());
    const unstamped = await load(undefined);
    expect(unstamped.read).toEqual(ALL);
    expect(vouched.loaded.stories).toEqual(unstamped.loaded.stories);
  });

  it('works the same for seeds handed to worker threads', async () => {
    for (let i = 0; i < POOL_MIN_SEEDS; i++) writeSeed(`story-${String(i).padStart(5, '0')}.txt`, `Story number ${i}\n\nThe body of story ${i}.\n`);
    let tasks = 0;
    const pool = { available: true, size: 2, run: async (task: NormalizeTask) => (tasks++, runTask(task)) } as unknown as WorkerPool;
    const first = await load(justAfter(), { pool });
    expect(tasks).toBe(POOL_MIN_SEEDS + 3);
    expect(first.read.length).toBe(POOL_MIN_SEEDS + 4);
    tasks = 0;
    const second = await load(justAfter(), { pool });
    expect(tasks).toBe(0);
    expect(second.read).toEqual([]);
    expect(second.loaded.stories).toEqual(first.loaded.stories);
  });
});

describe('seed stamps: a changed seed is read', () => {
  it('finds an edit that keeps the size and sets the modification time back: the change time moved', async () => {
    const before = statSync(seed(PORT), { bigint: true });
    await load(settledClock());
    writeSeed(PORT, '---\ntitle: Port reopens BBB\n---\nShips wait outside the harbour.\n');
    const after = statSync(seed(PORT), { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    const edited = await load(justAfter());
    expect(edited.read).toEqual([PORT]);
    expect(edited.titles[0]).toBe('Port reopens BBB');
    const again = await load(justAfter());
    expect(again.read).toEqual([]);
    expect(again.titles[0]).toBe('Port reopens BBB');
  });

  it('finds an edit of a sidecar alone, and reads the seed with it', async () => {
    await load(settledClock());
    writeSeed(SIDECAR, 'title: Rail line closes for a week BBB\n');
    const edited = await load(justAfter());
    expect(edited.read).toEqual([RAIL, SIDECAR]);
    expect(edited.titles[1]).toBe('Rail line closes for a week BBB');
  });

  it('finds a seed replaced by renaming another file of the same size and time over it', async () => {
    await load(justAfter());
    writeFileSync(seed('.replacement'), '---\ntitle: Port reopens CCC\n---\nShips wait outside the harbour.\n');
    utimesSync(seed('.replacement'), 1_700_000_000, 1_700_000_000);
    renameSync(seed('.replacement'), seed(PORT));
    const replaced = await load(justAfter());
    expect(replaced.read).toEqual([PORT]);
    expect(replaced.titles[0]).toBe('Port reopens CCC');
  });

  it('drops the stamps of removed seeds, and reads a seed that comes back', async () => {
    await load(justAfter());
    const port = readFileSync(seed(PORT));
    rmSync(seed(PORT));
    await load(justAfter());
    expect(readFileSync(stampsFile(), 'utf8')).not.toContain(PORT);
    writeFileSync(seed(PORT), port);
    const back = await load(justAfter());
    expect(back.read).toEqual([PORT]);
  });
});

describe('seed stamps: only a whole record of settled stamps is trusted', () => {
  it('ignores a record cut short, damaged, empty or of another format: every seed is read', async () => {
    await load(justAfter());
    const record = readFileSync(stampsFile());
    const lineStart = record.indexOf('\n') + 1;
    const flipped = Buffer.from(record);
    flipped[lineStart] = flipped[lineStart] === 0x30 ? 0x31 : 0x30;
    const variants = [
      record.subarray(0, Math.floor(record.length / 2)),
      record.subarray(0, record.length - 1),
      flipped,
      Buffer.alloc(0),
      Buffer.from('not a record\n'),
      Buffer.concat([record, Buffer.from('0'.repeat(64))]),
    ];
    for (const variant of variants) {
      writeFileSync(stampsFile(), variant);
      const run = await load(justAfter());
      expect(run.read).toEqual(ALL);
      expect(run.stamps.counters.vouched).toBe(0);
      expect(run.titles[0]).toBe('Port reopens AAA');
    }
  });

  it('does not trust a line whose stamp was changed to an edited seed’s: the record no longer matches its digest', async () => {
    const old = statSync(seed(PORT), { bigint: true });
    await load(settledClock());
    const record = readFileSync(stampsFile(), 'utf8');
    writeSeed(PORT, '---\ntitle: Port reopens BBB\n---\nShips wait outside the harbour.\n');
    const now = statSync(seed(PORT), { bigint: true });
    const stamp = (info: typeof now): string => `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
    expect(record).toContain(stamp(old));
    writeFileSync(stampsFile(), record.replace(stamp(old), stamp(now)));
    const run = await load(justAfter());
    expect(run.read).toEqual(ALL);
    expect(run.titles[0]).toBe('Port reopens BBB');
  });

  it('records no stamp changed within the clock’s tick, on another device, or without a clock', async () => {
    const { dev } = statSync(seeds(), { bigint: true });
    // The clock at the oldest seed's change: no seed changed before it, whether the seeds were written
    // within one tick of the file system's clock or across several.
    const oldest = changeTimes()[0]!;
    for (const clock of [{ dev, ctimeNs: oldest }, { dev: dev + 1n, ctimeNs: latestChange() + 1_000_000_000n }, undefined]) {
      const run = await load(clock);
      expect(run.read).toEqual(ALL);
      expect(run.stamps.counters.recorded).toBe(0);
      expect(existsSync(stampsFile())).toBe(false);
    }
    // Unsettled when read, so not trusted later: read again (and recorded now that it is settled).
    expect((await load(justAfter())).read).toEqual(ALL);
    expect((await load(justAfter())).read).toEqual([]);
  });

  it('drops the stamp of a seed read while not settled', async () => {
    await load(justAfter());
    writeFileSync(seed(PORT), '---\ntitle: Port reopens DDD\n---\nShips wait outside the harbour.\n');
    const { dev } = statSync(seeds(), { bigint: true });
    const unsettled = await load({ dev, ctimeNs: latestChange() });
    expect(unsettled.read).toEqual([PORT]);
    expect(readFileSync(stampsFile(), 'utf8')).not.toContain(PORT);
    expect((await load(justAfter())).read).toEqual([PORT]);
  });
});

describe('seed stamps: the record', () => {
  it('is written into the cache folder only when it changes, by renaming a flushed temporary file', async () => {
    await load(justAfter());
    const first = statSync(stampsFile(), { bigint: true });
    const lines = readFileSync(stampsFile(), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(5);
    expect(lines.slice(1).map((line) => line.slice(line.lastIndexOf(' ') + 1))).toEqual([PORT, RAIL, SIDECAR, BRIDGE].map(seed));
    await load(justAfter());
    expect(statSync(stampsFile(), { bigint: true }).ino).toBe(first.ino);
    writeSeed(BRIDGE, 'Bridge opens\n\nThe new bridge opens to all traffic.\n');
    await load(justAfter());
    expect(statSync(stampsFile(), { bigint: true }).ino).not.toBe(first.ino);
    expect(readdirSync(cacheDir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is kept by a build in its cache folder, never in the output folder', async () => {
    const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'] });
    settledClock();
    await buildSite({ config, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' });
    expect(existsSync(path.join(dir, '.storyfeed-cache', STAMPS_FILE))).toBe(true);
    expect(readdirSync(path.join(dir, 'public'), { recursive: true }).filter((name) => String(name).includes('stamps'))).toEqual([]);
    reads.clear();
    await buildSite({ config, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' });
    expect([...reads.keys()].filter((file) => file.startsWith(seeds()))).toEqual([]);
  });
});

describe('seed stamps: problems report as without them', () => {
  const errors = (run: { loaded: { errors: { code: string; message: string }[] } }) => run.loaded.errors.map((e) => `${e.code} ${e.message}`);

  it('reports seeds and sidecars over a lower size limit, and a seed that became a broken link', async () => {
    writeSeed(SIDECAR, `title: Rail line closes for a week AAA\n# ${'x'.repeat(200)}\n`);
    await load(justAfter());
    rmSync(seed(BRIDGE));
    symlinkSync(seed('missing.txt'), seed(BRIDGE));
    // Over the sidecar's size, under every seed's.
    const maxSeedBytes = 150;
    const stamped = await load(justAfter(), { maxSeedBytes });
    const plain = await loadStories(seeds(), { site, cwd: dir, feedRecords: true, maxSeedBytes });
    expect(errors(stamped)).toEqual(errors({ loaded: plain }));
    expect(errors(stamped).map((e) => e.split(' ')[0])).toEqual(['E_TOO_LARGE', 'E_IO']);
    const tiny = await load(justAfter(), { maxSeedBytes: 40 });
    const tinyPlain = await loadStories(seeds(), { site, cwd: dir, feedRecords: true, maxSeedBytes: 40 });
    expect(errors(tiny)).toEqual(errors({ loaded: tinyPlain }));
    expect(errors(tiny).filter((e) => e.startsWith('E_TOO_LARGE')).length).toBe(2);
  });

  it('without a cache reads every seed each time and keeps no stamps', async () => {
    const stamps = SeedStamps.open(cacheDir(), justAfter);
    const first = await loadStories(seeds(), { site, cwd: dir, stamps });
    const second = await loadStories(seeds(), { site, cwd: dir, stamps });
    expect(reads.get(seed(PORT))).toBe(2);
    expect(reads.get(seed(SIDECAR))).toBe(2);
    expect(second.stories).toEqual(first.stories);
    expect(existsSync(stampsFile())).toBe(false);
  });
});
