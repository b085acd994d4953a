import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';
import { CACHE_TAG_FILE, claimCacheFolder } from '../../src/node/cache-folder.js';
import { refusalOf, unwritable } from '../support/unwritable.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-cache-folder-'));
  mkdirSync(path.join(dir, 'seeds'));
  writeFileSync(path.join(dir, 'seeds', '2024-01-02-one.md'), '---\ntitle: One\n---\n\nThe first paragraph.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false });
const build = (cacheDir: string, out = 'public') => buildSite({ config, cwd: dir, out, cacheDir, workers: 0, sourceDateEpoch: '1700000000' });
const context = (cache: string) => ({ cache: path.join(dir, cache), seeds: path.join(dir, 'seeds'), out: path.join(dir, 'public'), cwd: dir });

/** Every file under `folder`, with its bytes, by path relative to it. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(folder, name);
    try {
      files[name] = readFileSync(file, 'latin1');
    } catch {
      files[name] = '(folder)';
    }
  }
  return files;
}

describe('the cache folder', () => {
  it('is tagged as a cache directory when storyfeed makes it, and used as storyfeed’s from then on', async () => {
    await build('.storyfeed-cache');
    const tag = readFileSync(path.join(dir, '.storyfeed-cache', CACHE_TAG_FILE), 'utf8');
    expect(tag.startsWith('Signature: 8a477f597d28d172789f06886806bc55')).toBe(true);
    expect(tag).toContain('storyfeed');
    expect(readdirSync(path.join(dir, '.storyfeed-cache'))).toContain('records-3.jsonl');
    const second = await build('.storyfeed-cache');
    expect(second.cache?.hits).toBe(1);
    expect(readdirSync(path.join(dir, '.storyfeed-cache')).filter((name) => name.startsWith('CACHEDIR.TAG'))).toEqual([CACHE_TAG_FILE]);
  });

  it('takes an empty folder, and a cache an earlier version left without a tag', async () => {
    mkdirSync(path.join(dir, 'empty'));
    await build('empty');
    expect(existsSync(path.join(dir, 'empty', CACHE_TAG_FILE))).toBe(true);

    const old = path.join(dir, 'old');
    mkdirSync(path.join(old, 'feeds'), { recursive: true });
    mkdirSync(path.join(old, 'ab'));
    writeFileSync(path.join(old, 'ab', `ab${'0'.repeat(62)}.json`), '{}');
    writeFileSync(path.join(old, 'feeds', 'c'.repeat(64)), '');
    writeFileSync(path.join(old, 'records.jsonl'), `${'a'.repeat(64)} {}\n`);
    writeFileSync(path.join(old, 'records-3.jsonl'), '#storyfeed-records-3 bodies-3.0123456789abcdef.jsonl\n');
    writeFileSync(path.join(old, 'bodies-3.0123456789abcdef.jsonl'), '');
    writeFileSync(path.join(old, 'seed-stamps.txt'), 'storyfeed seed stamps 1 0\n');
    writeFileSync(path.join(old, `CACHEDIR.TAG.${process.pid}.x1.tmp`), '');
    await build('old');
    expect(existsSync(path.join(old, CACHE_TAG_FILE))).toBe(true);
    expect(existsSync(path.join(old, 'records.jsonl'))).toBe(false);
  });

  it.each([
    ['notes.txt', 'my notes\n'],
    // Names the caches use, holding something else: only the first line tells them apart.
    ['records.jsonl', '{"mine": true}\n'],
    ['records-3.jsonl', 'my records\n'],
    ['seed-stamps.txt', 'stamps I collect\n'],
  ])('refuses a folder holding a file storyfeed did not write (%s), and leaves it as it was', async (name, text) => {
    const folder = path.join(dir, 'mine');
    mkdirSync(path.join(folder, 'feeds'), { recursive: true });
    writeFileSync(path.join(folder, name), text);
    const before = snapshot(folder);
    await expect(build('mine')).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining(JSON.stringify(name)) });
    expect(snapshot(folder)).toEqual(before);
    expect(existsSync(path.join(dir, 'public'))).toBe(false);
  });

  it.each([
    ['photos', 'a.jpg'],
    // Folders named as the caches name theirs, holding what they never write.
    ['ab', 'notes.json'],
    ['feeds', 'list.txt'],
  ])('refuses a folder whose only entry is a folder %s holding %s', async (folder, file) => {
    mkdirSync(path.join(dir, 'mine', folder), { recursive: true });
    writeFileSync(path.join(dir, 'mine', folder, file), 'mine');
    const before = snapshot(path.join(dir, 'mine'));
    await expect(build('mine')).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining(`"${folder}"`) });
    expect(snapshot(path.join(dir, 'mine'))).toEqual(before);
  });

  it('refuses a link where a cache file or folder would be', async () => {
    mkdirSync(path.join(dir, 'mine'));
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'mine', 'ab'));
    await expect(build('mine')).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining('"ab"') });
  });

  it('refuses another program’s cache folder, and a CACHEDIR.TAG that is not a tag', async () => {
    mkdirSync(path.join(dir, 'other'));
    writeFileSync(path.join(dir, 'other', CACHE_TAG_FILE), 'Signature: 8a477f597d28d172789f06886806bc55\n# created by another tool\n');
    await expect(build('other')).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining('another program') });
    mkdirSync(path.join(dir, 'odd'));
    writeFileSync(path.join(dir, 'odd', CACHE_TAG_FILE), 'a tag of mine\n');
    await expect(build('odd')).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining('not a cache directory tag') });
    expect(readFileSync(path.join(dir, 'odd', CACHE_TAG_FILE), 'utf8')).toBe('a tag of mine\n');
  });

  it.each([
    ['.', 'it is the current directory'],
    ['seeds', 'it is the seeds folder'],
    ['public', 'it is the output folder'],
    ['seeds/cache', 'it lies inside the seeds folder'],
    ['public/cache', 'it lies inside the output folder'],
    ['..', 'it contains the seeds folder'],
  ])('refuses cacheDir %s (%s) before touching anything', async (cache, why) => {
    await expect(claimCacheFolder(context(cache))).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining(why) });
    expect(existsSync(path.join(dir, cache, CACHE_TAG_FILE))).toBe(false);
    expect(existsSync(path.join(dir, 'seeds', 'cache'))).toBe(false);
  });

  it('sees through a symbolic link to the seeds folder, and refuses the project folder', async () => {
    symlinkSync(path.join(dir, 'seeds'), path.join(dir, 'link'));
    await expect(claimCacheFolder(context('link'))).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining('the seeds folder') });
    mkdirSync(path.join(dir, 'project'));
    await expect(claimCacheFolder({ ...context('project'), configDir: path.join(dir, 'project') })).rejects.toMatchObject({
      message: expect.stringContaining('the project folder'),
    });
  });

  it('accepts a cache beside the seeds and output folders or hidden in the seeds folder, and a write-free build ignores the output folder', async () => {
    await expect(claimCacheFolder(context('.storyfeed-cache'))).resolves.toBeUndefined();
    await expect(claimCacheFolder({ ...context('public/cache'), out: undefined })).resolves.toBeUndefined();
    // Inside the seeds folder in a folder the seeds' walk skips (the default, run from the seeds folder).
    await expect(claimCacheFolder(context('seeds/.storyfeed-cache'))).resolves.toBeUndefined();
    await expect(claimCacheFolder(context('seeds/_cache/one'))).resolves.toBeUndefined();
  });

  it('that cannot be created is one E_IO error naming it, the folder to make writable, and --no-cache (regression: the bare EACCES message)', async (ctx) => {
    const locked = path.join(dir, 'locked');
    const undo = unwritable(locked);
    if (!undo) return ctx.skip();
    try {
      const error = await claimCacheFolder(context('locked/cache')).catch((e: unknown) => e);
      const cache = path.join(locked, 'cache');
      expect(error).toMatchObject({ code: 'E_IO', message: expect.stringContaining(`cannot use ${cache} as the cache folder: cannot create the folder ${cache}: `) });
      expect((error as Error).message).toMatch(refusalOf(locked));
      expect((error as Error).message).toContain('build without the cache (--no-cache)');
    } finally {
      undo();
    }
  });

  it('refuses a file where the folder should be', async () => {
    writeFileSync(path.join(dir, 'afile'), 'mine');
    await expect(claimCacheFolder(context('afile'))).rejects.toMatchObject({ code: 'E_CACHE_UNSAFE', message: expect.stringContaining('it is a file') });
    expect(readFileSync(path.join(dir, 'afile'), 'utf8')).toBe('mine');
  });
});
