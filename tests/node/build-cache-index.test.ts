import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';
import { codeIdentity } from '../../src/node/code-identity.js';
import { feedRecord } from '../../src/node/feed-record.js';
import { readIndexedBody } from '../../src/node/indexed-body.js';
import { loadStories } from '../../src/node/load-stories.js';
import { StoryCache } from '../../src/node/story-cache.js';
import type { Story } from '../../src/types.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-cache-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false, archive: true, itemLimit: 3 });
const cacheDir = (): string => path.join(dir, '.storyfeed-cache');
const indexFile = (): string => path.join(cacheDir(), 'records-3.jsonl');
/** The index's story lines (its first line names the bodies file). */
const indexLines = (encoding: BufferEncoding = 'utf8'): string[] => readFileSync(indexFile()).toString(encoding).trimEnd().split('\n').slice(1);
/** The bodies file the index names. */
const bodiesFile = (): string => path.join(cacheDir(), /^#storyfeed-records-3 (\S+)\n/.exec(readFileSync(indexFile(), 'utf8'))![1]!);
/** A story line's parts: key, where its body is (`offset:length`, or `-`), and its record's JSON. */
const partsOf = (line: string): { key: string; where: string; json: string } => {
  const where = line.indexOf(' ', 65);
  return { key: line.slice(0, 64), where: line.slice(65, where), json: line.slice(where + 1) };
};

function writeSeeds(n: number): void {
  mkdirSync(path.join(dir, 'seeds'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    writeFileSync(
      path.join(dir, 'seeds', `2024-01-${day}-story-${i}.md`),
      `---\ntitle: "Story “${i}” — in two-byte text"\ntags: [t${i % 3}]\n---\n\nThe first paragraph of story ${i} says “something”.\n\nA second paragraph.\n`,
    );
  }
}

/** Removes the cache's files of whole stories (its two-hex-digit shard folders): only the index can answer then. */
function removeStoryFiles(): void {
  for (const name of readdirSync(cacheDir())) if (/^[0-9a-f]{2}$/.test(name)) rmSync(path.join(cacheDir(), name), { recursive: true });
}

/** The first story of the seeds folder, whole (read without a cache). */
async function firstStory(): Promise<Story> {
  return (await loadStories(path.join(dir, 'seeds'), { site: config, cwd: dir })).stories[0]!;
}

/** Every output file of a build, by name. */
function outputs(result: Awaited<ReturnType<typeof buildSite>>): Record<string, string> {
  return Object.fromEntries(Object.keys(result.contents).map((name) => [name, result.contents[name]!]));
}

describe('story cache keys', () => {
  it('are the SHA-256 of the code identity, the settings, the seed path and the digests of the seed and its sidecar', () => {
    const settings = { siteUrl: 'https://news.example.com', language: 'fr', entities: true };
    const cache = new StoryCache(cacheDir(), settings);
    const seed = 'a'.repeat(64);
    const sidecar = 'b'.repeat(64);
    const reference = (file: string, withSidecar?: string): string => {
      const hash = createHash('sha256').update(codeIdentity()).update('\0').update(JSON.stringify(settings)).update('\0').update(file).update('\0').update(seed);
      if (withSidecar !== undefined) hash.update('\0sidecar\0').update(withSidecar);
      return hash.digest('hex');
    };
    for (const file of ['seeds/one.md', 'seeds/été — “quoted”.md', 'seeds/日本語.txt']) {
      expect(cache.key(file, seed, undefined)).toBe(reference(file));
      expect(cache.key(file, seed, sidecar)).toBe(reference(file, sidecar));
    }
    expect(cache.key('seeds/one.md', seed, undefined)).not.toBe(cache.key('seeds/one.md', seed, ''));
    // A variant (a story stored without the body's analysis) goes into the same hash, after the digests.
    const variant = createHash('sha256').update(codeIdentity()).update('\0').update(JSON.stringify(settings)).update('\0').update('seeds/one.md').update('\0').update(seed);
    expect(cache.key('seeds/one.md', seed, undefined, 'without analysis')).toBe(variant.update('\0variant\0without analysis').digest('hex'));
    expect(cache.key('seeds/one.md', seed, sidecar, 'without analysis')).not.toBe(cache.key('seeds/one.md', seed, sidecar));
    expect(new StoryCache(cacheDir(), { ...settings, language: 'de' }).key('seeds/one.md', seed, undefined)).not.toBe(cache.key('seeds/one.md', seed, undefined));
  });
});

describe('story cache index', () => {
  it('a warm build reads every story from the one index file and publishes the same bytes as a cold build', async () => {
    writeSeeds(12);
    const cold = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(cold.cache).toEqual({ hits: 0, misses: 12 });
    expect(indexLines()).toHaveLength(12);
    // With the full entries gone, only the index can answer.
    removeStoryFiles();
    const warm = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(warm.cache).toEqual({ hits: 12, misses: 0 });
    expect(outputs(warm)).toEqual(outputs(cold));
    const uncached = await buildSite({ config, cwd: dir, workers: 0, write: false, cache: false, sourceDateEpoch: '1700000000' });
    expect(outputs(uncached)).toEqual(outputs(cold));
  });

  it('an edited seed is normalized again and the index keeps only the stories of the last build', async () => {
    writeSeeds(5);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    writeFileSync(path.join(dir, 'seeds', '2024-01-03-story-2.md'), '---\ntitle: Story 2, edited\n---\n\nAn edited paragraph.\n');
    rmSync(path.join(dir, 'seeds', '2024-01-05-story-4.md'));
    const edited = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(edited.cache).toEqual({ hits: 3, misses: 1 });
    expect(edited.contents['rss.xml']).toContain('Story 2, edited');
    const lines = indexLines();
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.includes('Story 2, edited'))).toHaveLength(1);
  });

  it('an edit appends one line to the index; it is written again once stale lines are more than a fifth of it', async () => {
    writeSeeds(12);
    const options = { config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' } as const;
    await buildSite(options);
    const lineCount = (): number => indexLines().length;
    const seed = path.join(dir, 'seeds', '2024-01-03-story-2.md');
    writeFileSync(seed, '---\ntitle: Edit 1\n---\n\nAn edited paragraph.\n');
    await buildSite(options);
    expect(lineCount()).toBe(13);
    writeFileSync(seed, '---\ntitle: Edit 2\n---\n\nAn edited paragraph.\n');
    await buildSite(options);
    expect(lineCount()).toBe(14);
    writeFileSync(seed, '---\ntitle: Edit 3\n---\n\nAn edited paragraph.\n');
    await buildSite(options);
    expect(lineCount()).toBe(15);
    writeFileSync(seed, '---\ntitle: Edit 4\n---\n\nAn edited paragraph.\n');
    const fourth = await buildSite(options);
    // 4 stale lines of 16, more than a fifth: written again with the 12 stories of this build.
    expect(lineCount()).toBe(12);
    expect(fourth.cache).toEqual({ hits: 11, misses: 1 });
    expect(Object.values(outputs(fourth)).filter((text) => text.includes('Edit 4')).length).toBeGreaterThan(0);
  });

  it('a cut-off or damaged index costs only time: its bad lines miss and the build is the same', async () => {
    writeSeeds(6);
    const first = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const text = readFileSync(indexFile(), 'utf8');
    const lines = text.split('\n');
    lines[1] = `${lines[1]!.slice(0, 65)}{not json`;
    writeFileSync(indexFile(), lines.join('\n'));
    truncateSync(indexFile(), Buffer.byteLength(lines.join('\n')) - 20);
    removeStoryFiles();
    const again = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(again.cache).toEqual({ hits: 4, misses: 2 });
    expect(outputs(again)).toEqual(outputs(first));
  });

  it('a failed build leaves the last index in place and no half-written one', async () => {
    writeSeeds(4);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const before = readFileSync(indexFile(), 'utf8');
    writeFileSync(path.join(dir, 'seeds', '2024-01-09-broken.json'), '{ not json');
    await expect(buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' })).rejects.toMatchObject({ code: 'E_BAD_SEEDS' });
    expect(readFileSync(indexFile(), 'utf8')).toBe(before);
    expect(readdirSync(cacheDir()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a line with a few non-ASCII characters as ASCII escapes, a text in another script as UTF-8; both read back the same', async () => {
    writeSeeds(2);
    writeFileSync(
      path.join(dir, 'seeds', '2024-02-01-kyiv.md'),
      '---\ntitle: Київ готується до зими\n---\n\nМіська рада затвердила план опалювального сезону. Мер сказав, що резервів вистачить.\n',
    );
    const cold = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const lines = indexLines('latin1');
    const ascii = (line: string): boolean => /^[\x00-\x7f]*$/.test(line);
    expect(lines.map(ascii).sort()).toEqual([false, true, true]);
    expect(lines.filter(ascii).every((line) => line.includes('\\u201c'))).toBe(true);
    removeStoryFiles();
    const warm = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(warm.cache).toEqual({ hits: 3, misses: 0 });
    expect(outputs(warm)).toEqual(outputs(cold));
    expect(warm.contents['rss.xml']).toContain('Київ готується до зими');
  });

  it('answers the same for its lines asked in any order (heads kept from opening it, read ahead in windows, or one by one)', async () => {
    writeSeeds(12);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const lines = indexLines();
    const keys = lines.map((line) => line.slice(0, 64));
    const headBytes = Buffer.byteLength(lines[0]!) + 1;
    const read = async (order: string[], keptHeadBytes?: number): Promise<Map<string, unknown>> => {
      const cache = new StoryCache(cacheDir(), null, keptHeadBytes);
      const found = new Map<string, unknown>();
      for (const key of order) found.set(key, (await cache.get(key, { feedRecord: true }))?.story);
      cache.close();
      return found;
    };
    const inOrder = await read(keys, 0);
    expect([...inOrder.values()].every((story) => story !== undefined)).toBe(true);
    const shuffled = keys.map((key, i) => [key, (i * 7) % keys.length] as const).sort((a, b) => a[1] - b[1]);
    // Every head kept, none (each read back from the file), and the first few only.
    for (const kept of [undefined, 0, headBytes * 4])
      for (const order of [keys, [...keys].reverse(), shuffled.map(([key]) => key), [...keys.slice(6), ...keys.slice(0, 6)]]) {
        const found = await read(order, kept);
        for (const key of keys) expect(found.get(key)).toEqual(inOrder.get(key));
      }
  });

  it('stories read from the index are their feed records', async () => {
    writeSeeds(2);
    const cold = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const cache = new StoryCache(cacheDir(), null);
    const line = indexLines()[0]!;
    const hit = await cache.get(line.slice(0, 64), { feedRecord: true });
    cache.close();
    expect(hit?.story).toEqual(feedRecord(hit!.story));
    expect(cold.stories.map((s) => s.id)).toContain(hit?.story.id);
  });

  it('a line another build appended meanwhile is never read or kept as this build’s story', async () => {
    writeSeeds(3);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const [first, second] = indexLines();
    const cache = new StoryCache(cacheDir(), null);
    const hit = await cache.get(first!.slice(0, 64), { feedRecord: true });
    // Another build appends a line after this one opened the index, then this one appends its own.
    appendFileSync(indexFile(), `${'f'.repeat(64)} ${second!.slice(65)}\n`);
    const ownKey = 'e'.repeat(64);
    await cache.set(ownKey, hit!.story, []);
    await cache.prune();
    expect(indexLines().map((line) => line.slice(0, 64))).toEqual([first!.slice(0, 64)]);
    const again = new StoryCache(cacheDir(), null);
    expect((await again.get(ownKey, { feedRecord: true }))?.story).toEqual(hit!.story);
    again.close();
  });

  it('a build keeps feed records only; asked for a whole story, the cache never answers from the index', async () => {
    writeSeeds(2);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    // One index line per story and no file per story: a build never asks for a whole story.
    expect(indexLines()).toHaveLength(2);
    expect(readdirSync(cacheDir()).filter((name) => /^[0-9a-f]{2}$/.test(name))).toEqual([]);
    const key = indexLines()[0]!.slice(0, 64);
    const cache = new StoryCache(cacheDir(), null);
    expect(await cache.get(key)).toBeUndefined();
    expect((await cache.get(key, { feedRecord: true }))?.story.sections).toEqual([]);
    cache.close();
    // A whole story stored as such is given whole; the index still gives its feed record only.
    const story = await firstStory();
    const other = 'c'.repeat(64);
    const whole = new StoryCache(cacheDir(), null);
    await whole.set(other, story, []);
    expect((await whole.get(other))?.story.sections.length).toBeGreaterThan(0);
    whole.close();
    const again = new StoryCache(cacheDir(), null);
    expect((await again.get(other, { feedRecord: true }))?.story.sections).toEqual([]);
    removeStoryFiles();
    expect(await again.get(other)).toBeUndefined();
    again.close();
  });

  it('an edit drops the edited story’s old line; files the index does not name go once the index is written again', async () => {
    writeSeeds(12);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const entries = (): string[] =>
      readdirSync(cacheDir())
        .filter((name) => /^[0-9a-f]{2}$/.test(name))
        .flatMap((shard) => readdirSync(path.join(cacheDir(), shard)))
        .sort();
    const keys = (): string[] => indexLines().map((line) => line.slice(0, 64));
    const before = keys();
    expect(before).toHaveLength(12);
    expect(entries()).toEqual([]);
    const edited = path.join(dir, 'seeds', '2024-01-01-story-0.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('A second paragraph.', 'A second paragraph, edited.'));
    const warm = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(warm.cache).toEqual({ hits: 11, misses: 1 });
    // The edit appended one line; the index keeps the old one until it is written again.
    expect(keys()).toHaveLength(13);
    expect(new Set(keys()).size).toBe(13);
    // A story's file the index does not name (left by an earlier version, or a story stored whole)
    // stays while the index vouches for the rest, and goes when the index is written again from scratch.
    const stray = path.join(cacheDir(), 'ab', `ab${'0'.repeat(62)}.json`);
    mkdirSync(path.dirname(stray), { recursive: true });
    writeFileSync(stray, '{}');
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(entries()).toContain(path.basename(stray));
    rmSync(indexFile());
    const cold = await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(cold.cache).toEqual({ hits: 0, misses: 12 });
    expect(entries()).toEqual([]);
    expect(keys()).toHaveLength(12);
  });

  it('holds each body apart from its record, in the bodies file its first line names: a warm build parses records only, and reads a body again only for a feed it renders', async () => {
    writeSeeds(6);
    await buildSite({ config, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' });
    expect(readFileSync(indexFile(), 'utf8')).toMatch(/^#storyfeed-records-3 bodies-3\.[0-9a-f]{16}\.jsonl\n/);
    const { where, json } = partsOf(indexLines()[0]!);
    const record = JSON.parse(json) as { story: { contentHtml: string; contentText: string }; body: { digest: string; hash: string } };
    expect(record.story.contentHtml).toBe('');
    expect(record.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const [offset, length] = where.split(':').map(Number) as [number, number];
    const [html, text] = JSON.parse(readFileSync(bodiesFile()).toString('utf8', offset, offset + length)) as [string, string];
    expect(html).toContain('<p>');
    expect(text).toContain('A second paragraph.');
    // An edit: the other stories' bodies come from the bodies file, and the feeds are those of a cold build.
    appendFileSync(path.join(dir, 'seeds', '2024-01-02-story-1.md'), '\nAn added paragraph.\n');
    const edited = await buildSite({ config, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' });
    expect(edited.cache).toEqual({ hits: 5, misses: 1 });
    // The five from the index hold no body; the one just normalized keeps it (one of a build's first stories).
    expect(edited.stories.filter((s) => s.contentHtml === '')).toHaveLength(5);
    expect(edited.document.items.every((item) => item.contentHtml.includes('<p>'))).toBe(true);
    const uncached = await buildSite({ config, cwd: dir, workers: 0, write: false, cache: false, sourceDateEpoch: '1700000000' });
    expect(outputs(edited)).toEqual(outputs(uncached));
    expect(Object.values(outputs(edited)).some((text) => text.includes('An added paragraph.'))).toBe(true);
  });

  it('reads records only: a body is not read until asked for, and is found where its line says', async () => {
    writeSeeds(3);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    const text = readFileSync(indexFile(), 'latin1');
    const line = indexLines('latin1')[1]!;
    const { key, where } = partsOf(line);
    const [offset, length] = where.split(':').map(Number) as [number, number];
    const fresh = new StoryCache(cacheDir(), null);
    const expected = await fresh.get(key, { feedRecord: true });
    fresh.close();
    // The body's bytes damaged (same length): the record still reads, and the body is where the line says.
    const bodies = readFileSync(bodiesFile());
    bodies.fill(0x78, offset, offset + length);
    writeFileSync(bodiesFile(), bodies);
    const cache = new StoryCache(cacheDir(), null);
    const hit = await cache.get(key, { feedRecord: true });
    expect(hit?.story).toEqual(expected?.story);
    expect(hit?.body).toMatchObject({ offset, length, digest: expected?.body?.digest });
    cache.close();
    // A line of the index that is not the key's (the file changed after it was opened, before the line
    // was read: storyfeed only appends to it or renames a new one over it) is a miss, not another story.
    const other = indexLines('latin1')[0]!.slice(0, 64);
    removeStoryFiles();
    const opened = new StoryCache(cacheDir(), null, 0);
    expect(await opened.get('0'.repeat(64), { feedRecord: true })).toBeUndefined();
    writeFileSync(indexFile(), text.replace(other, 'f'.repeat(64)), 'latin1');
    expect(await opened.get(other, { feedRecord: true })).toBeUndefined();
    opened.close();
  });

  it('a cut-off or lost bodies file costs only time: a new index replaces the old, and no story is ever given another’s body', async () => {
    writeSeeds(10);
    const options = { config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' } as const;
    await buildSite(options);
    const bodies = bodiesFile();
    // Cut off inside the last body (as a crash before it reached the disk would), its seed removed, and
    // another seed edited: its new body is appended where the lost one was.
    const last = partsOf(indexLines().at(-1)!);
    const [offset] = last.where.split(':').map(Number) as [number];
    truncateSync(bodies, offset + 5);
    const removed = path.join(dir, (JSON.parse(last.json) as { story: { file: string } }).story.file);
    const kept = readFileSync(removed);
    rmSync(removed);
    const edited = readdirSync(path.join(dir, 'seeds')).map((name) => path.join(dir, 'seeds', name))[0]!;
    appendFileSync(edited, '\nAn added paragraph, long enough to cover where the lost body was.\n');
    const cut = await buildSite(options);
    // The index no longer matched its bodies file: every story missed once.
    expect(cut.cache).toEqual({ hits: 0, misses: 9 });
    expect(bodiesFile()).not.toBe(bodies);
    // The removed seed comes back: its story is its own, as a build without the cache gives it.
    writeFileSync(removed, kept);
    const back = await buildSite(options);
    expect(outputs(back)).toEqual(outputs(await buildSite({ ...options, cache: false })));
    // The bodies file lost altogether: the same.
    rmSync(bodiesFile());
    const lost = await buildSite(options);
    expect(lost.cache).toEqual({ hits: 0, misses: 10 });
    expect(outputs(lost)).toEqual(outputs(back));
    const again = await buildSite(options);
    expect(again.cache).toEqual({ hits: 10, misses: 0 });
    expect(outputs(again)).toEqual(outputs(back));
  });

  it('a body damaged in place (by something else than storyfeed) stops the build with a StoryfeedError that says what to do', async () => {
    writeSeeds(1);
    const story = await firstStory();
    const cache = new StoryCache(cacheDir(), null);
    const body = await cache.set('a'.repeat(64), story, [], { whole: false });
    expect(readIndexedBody(body!).contentText).toBe(story.contentText);
    const bytes = readFileSync(bodiesFile());
    bytes.fill(0x78, body!.offset, body!.offset + body!.length);
    writeFileSync(bodiesFile(), bytes);
    expect(() => readIndexedBody(body!)).toThrow(expect.objectContaining({ code: 'E_IO', message: expect.stringContaining('--no-cache') }));
    expect(() => readIndexedBody({ ...body!, offset: bytes.length })).toThrow(expect.objectContaining({ code: 'E_IO', message: expect.stringContaining('cut off') }));
    cache.close();
  });

  it('written again, the index names a new bodies file with only the live bodies, and the old one goes', async () => {
    writeSeeds(5);
    const options = { config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' } as const;
    await buildSite(options);
    const before = bodiesFile();
    const seed = path.join(dir, 'seeds', '2024-01-03-story-2.md');
    writeFileSync(seed, '---\ntitle: Edit 1\n---\n\nAn edited paragraph.\n');
    // 1 stale line of 6: appended to the same bodies file.
    await buildSite(options);
    expect(bodiesFile()).toBe(before);
    writeFileSync(seed, '---\ntitle: Edit 2\n---\n\nAn edited paragraph, again.\n');
    // 2 stale lines of 7: written again.
    const edited = await buildSite(options);
    expect(bodiesFile()).not.toBe(before);
    expect(readdirSync(cacheDir()).filter((name) => name.startsWith('bodies-'))).toEqual([path.basename(bodiesFile())]);
    expect(indexLines()).toHaveLength(5);
    const bytes = readFileSync(bodiesFile(), 'utf8');
    expect(bytes).toContain('An edited paragraph, again.');
    expect(bytes).not.toContain('Edit 1');
    expect(bytes.trimEnd().split('\n')).toHaveLength(5);
    removeStoryFiles();
    const warm = await buildSite(options);
    expect(warm.cache).toEqual({ hits: 5, misses: 0 });
    expect(outputs(warm)).toEqual(outputs(edited));
  });

  it('two caches opening a new index at once read the same first line and bodies file', async () => {
    writeSeeds(1);
    const story = await firstStory();
    const one = new StoryCache(cacheDir(), null);
    const two = new StoryCache(cacheDir(), null);
    const a = await one.set('a'.repeat(64), story, [], { whole: false });
    const b = await two.set('b'.repeat(64), story, [], { whole: false });
    expect(readdirSync(cacheDir()).filter((name) => name.startsWith('bodies-'))).toHaveLength(1);
    expect(a && b && a.fd !== b.fd).toBe(true);
    one.close();
    two.close();
    const reader = new StoryCache(cacheDir(), null);
    expect((await reader.get('a'.repeat(64), { feedRecord: true }))?.story.title).toBe(story.title);
    reader.close();
  });

  it('loadStories with a cache gives feed records with their bodies (the index holds them apart)', async () => {
    writeSeeds(3);
    const load = async (): Promise<{ stories: Story[]; hits: number }> => {
      const cache = new StoryCache(cacheDir(), 'settings');
      const { stories } = await loadStories(path.join(dir, 'seeds'), { site: config, cwd: dir, cache, feedRecords: true, fallbackDate: new Date(1700000000000) });
      cache.close();
      return { stories, hits: cache.counters.hits };
    };
    expect((await load()).hits).toBe(0);
    const { stories, hits } = await load();
    expect(hits).toBe(3);
    expect(stories.every((s) => s.contentHtml.includes('<p>') && s.contentText.includes('A second paragraph.'))).toBe(true);
  });

  it('never removes a file of the user’s from a cache folder set inside their own folders, as it removes its own stale files', async () => {
    writeSeeds(3);
    await buildSite({ config, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' });
    // In the cache folder once it is storyfeed's: a two-letter folder like a shard ("db"), a shard and
    // the feed cache's folder, holding files the user wrote.
    const mine = [path.join(cacheDir(), 'db', 'data.sqlite'), path.join(cacheDir(), 'ab', 'notes.json'), path.join(cacheDir(), 'feeds', 'notes.txt')];
    for (const file of mine) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'mine');
    }
    const staleStory = path.join(cacheDir(), 'ab', `ab${'1'.repeat(62)}.json`);
    const staleFeed = path.join(cacheDir(), 'feeds', 'c'.repeat(64));
    writeFileSync(staleStory, '{}');
    writeFileSync(staleFeed, '');
    // Edits until the index is written again (the folders are listed).
    for (let i = 0; i < 3; i++) {
      appendFileSync(path.join(dir, 'seeds', '2024-01-01-story-0.md'), `\nEdit ${i}.\n`);
      await buildSite({ config, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' });
    }
    for (const file of mine) expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(existsSync(staleStory)).toBe(false);
    expect(existsSync(staleFeed)).toBe(false);
  });

  it('removes indexes of the earlier layouts (bodies inside the records, or after them on the same line)', async () => {
    writeSeeds(2);
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(path.join(cacheDir(), 'records.jsonl'), `${'a'.repeat(64)} {}\n`);
    writeFileSync(path.join(cacheDir(), 'records-2.jsonl'), `${'a'.repeat(64)} {}\t[]\n`);
    await buildSite({ config, cwd: dir, workers: 0, write: false, sourceDateEpoch: '1700000000' });
    expect(readdirSync(cacheDir())).not.toContain('records.jsonl');
    expect(readdirSync(cacheDir())).not.toContain('records-2.jsonl');
    expect(readdirSync(cacheDir())).toContain('records-3.jsonl');
  });
});
