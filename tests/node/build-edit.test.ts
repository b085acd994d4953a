import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite, type BuildSiteResult } from '../../src/node/build.js';

/**
 * An edit rebuilt from the caches: the feeds the edit does not touch come from the feed cache and
 * are published from its bytes, and the published folder is byte for byte what a build without
 * any cache writes.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-build-edit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = validateConfig({
  siteUrl: 'https://news.example.com',
  title: 'News & <more>',
  authors: ['Desk <desk@news.example.com>'],
  entities: false,
  archive: true,
  itemLimit: 10,
  tagFeeds: true,
});

const oneFeed = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false });

function writeSeeds(n: number): void {
  mkdirSync(path.join(dir, 'seeds'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    writeFileSync(
      path.join(dir, 'seeds', `2023-${month}-${day}-story-${i}.md`),
      `---\ntitle: "Story ${i}: é ]]> & <b>"\ntags: [${i % 3 ? 'energy' : 'ports'}]\n---\nThe first paragraph of story ${i} — “quoted” — says something.\n\nA second paragraph.\n`,
    );
  }
}

/** Every file under `root` (relative path → bytes). */
function folder(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const pending = [''];
  while (pending.length) {
    const rel = pending.pop()!;
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const name = path.join(rel, entry.name);
      if (entry.isDirectory()) pending.push(name);
      else files.set(name, readFileSync(path.join(root, name)));
    }
  }
  return files;
}

/** The result's sizes are its files' sizes in bytes, whether their contents are held, cached or joined from pieces. */
function expectSizes(result: BuildSiteResult): void {
  expect(Object.keys(result.sizes)).toEqual(Object.keys(result.contents));
  for (const file of Object.keys(result.contents)) expect([file, result.sizes[file]]).toEqual([file, Buffer.byteLength(result.contents[file]!)]);
}

describe('rebuild after an edit (edit-one)', () => {
  it('publishes cached feeds byte-identical to a build without cache, and rewrites only the changed files', async () => {
    writeSeeds(120);
    const options = { config, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' };
    expectSizes(await buildSite(options));
    expectSizes(await buildSite(options));
    const out = path.join(dir, 'public');
    const before = new Map([...folder(out).keys()].map((file) => [file, statSync(path.join(out, file)).mtimeMs]));

    appendFileSync(path.join(dir, 'seeds', '2023-01-06-story-5.md'), '\nAn added sentence.\n');
    const edited = await buildSite(options);
    expect(edited.written).toBe(true);
    const published = folder(out);
    // The edited story's archive page changed; pages of older stories did not, and were not rewritten.
    const changed = [...published.keys()].filter((file) => statSync(path.join(out, file)).mtimeMs !== before.get(file));
    expect(changed.some((file) => file.startsWith('archive/') && published.get(file)!.includes('An added sentence.'))).toBe(true);
    const untouched = [...published.keys()].filter((file) => file.startsWith('archive/') && !changed.includes(file));
    expect(untouched.length).toBeGreaterThan(0);
    // What the result says matches what was published, read from the published files.
    for (const feed of edited.feeds) for (const format of ['rss', 'atom', 'json'] as const) expect(Buffer.from(feed.outputs[format])).toEqual(published.get(feed.files[format]));
    expectSizes(edited);

    // The same build without any cache, into a copy of the folder and its state: the same bytes.
    cpSync(out, path.join(dir, 'copy'), { recursive: true });
    cpSync(path.join(dir, '.public.storyfeed'), path.join(dir, '.copy.storyfeed'), { recursive: true });
    const reference = await buildSite({ ...options, out: 'copy', cache: false });
    expect(reference.written).toBe(false);
    expect(folder(path.join(dir, 'copy'))).toEqual(published);
  }, 120_000);

  it('publishes a large feed joined from cached and re-rendered pieces byte-identical to a build without cache', async () => {
    writeSeeds(520);
    const options = { config: oneFeed, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' };
    await buildSite(options);
    appendFileSync(path.join(dir, 'seeds', '2023-03-06-story-61.md'), '\nAn added sentence.\n');
    const edited = await buildSite(options);
    const out = path.join(dir, 'public');
    const published = folder(out);
    expect(published.get('rss.xml')!.includes('An added sentence.')).toBe(true);
    for (const format of ['rss', 'atom', 'json'] as const) expect(Buffer.from(edited.outputs[format])).toEqual(published.get(edited.feeds[0]!.files[format]));
    expectSizes(edited);
    cpSync(out, path.join(dir, 'copy'), { recursive: true });
    cpSync(path.join(dir, '.public.storyfeed'), path.join(dir, '.copy.storyfeed'), { recursive: true });
    const reference = await buildSite({ ...options, out: 'copy', cache: false });
    expect(reference.written).toBe(false);
    expect(folder(path.join(dir, 'copy'))).toEqual(published);
    // A dry run of another edit: the joined feed's sizes come from its pieces (cached and fresh), before anything is published.
    appendFileSync(path.join(dir, 'seeds', '2023-02-06-story-33.md'), '\nAnother sentence, “quoted” and é.\n');
    const dry = await buildSite({ ...options, write: false });
    expect(dry.contents['rss.xml']!.includes('Another sentence')).toBe(true);
    expectSizes(dry);
  }, 120_000);
});
