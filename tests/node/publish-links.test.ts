import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { Diagnostic } from '../../src/errors.js';
import { buildSite } from '../../src/node/build.js';
import { readOwnedRecord } from '../../src/node/owned-files.js';
import { publishFiles, publishPaths } from '../../src/node/publish.js';

/**
 * storyfeed never acts through a symbolic link inside the output folder: its old files that a user
 * moved elsewhere and linked back (say `public/archive -> ../bigdisk/archive`) are left in place
 * when it stops publishing them, with one warning, instead of being removed outside the folder.
 */

let dir: string;
let out: string;
let bigdisk: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-links-'));
  out = path.join(dir, 'public');
  bigdisk = path.join(dir, 'bigdisk');
  mkdirSync(bigdisk);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Everything under `folder`, not following links: relative path → `folder`, `link → target` or the file's bytes (hex). */
function everything(folder: string): Record<string, string> {
  const found: Record<string, string> = {};
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    for (const name of readdirSync(path.join(folder, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const full = path.join(folder, r);
      const info = lstatSync(full);
      if (info.isDirectory()) {
        found[r] = 'folder';
        stack.push(r);
      } else found[r] = info.isSymbolicLink() ? `link → ${readlinkSync(full)}` : readFileSync(full).toString('hex');
    }
  }
  return found;
}

/** Moves `public/NAME` to `bigdisk/NAME` and links it back, as the site's owner did. */
function moveOutAndLink(name: string): void {
  renameSync(path.join(out, name), path.join(bigdisk, name));
  symlinkSync(path.join('..', 'bigdisk', name), path.join(out, name));
}

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('building after a feed folder was moved elsewhere and linked back', () => {
  const seeds = (): void => {
    for (let i = 1; i <= 3; i++) put(path.join(dir, 'seeds', `post-${i}.md`), `---\ntitle: Post ${i}\ndate: 2024-0${i}-10T10:00:00Z\ntags: [energy, rail]\n---\nHello ${i}.\n`);
  };
  const build = (extra: Record<string, unknown>, warnings: Diagnostic[] = []) =>
    buildSite({
      config: validateConfig({ siteUrl: 'https://blog.example.org', title: 'Blog', indexPage: false, itemLimit: 1, ...extra }),
      cwd: dir,
      cache: false,
      workers: 0,
      sourceDateEpoch: '1700000000',
      onWarning: (d) => warnings.push(d),
    });

  it('archive on, then off with public/archive a link to another disk: nothing there is removed, and one warning says so', async () => {
    seeds();
    await build({ archive: true });
    moveOutAndLink('archive');
    put(path.join(bigdisk, 'archive', 'notes.txt'), 'the owner keeps notes here\n');
    const before = everything(bigdisk);
    expect(Object.keys(before)).toContain('archive/1/rss.xml');
    // With the archive on, the link is where storyfeed needs a folder: refused, as before.
    await expect(build({ archive: true })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT', message: expect.stringContaining('archive is a symbolic link') });
    expect(everything(bigdisk)).toEqual(before);

    const warnings: Diagnostic[] = [];
    await build({}, warnings);
    expect(everything(bigdisk)).toEqual(before);
    expect(lstatSync(path.join(out, 'archive')).isSymbolicLink()).toBe(true);
    const linked = warnings.filter((w) => w.code === 'W_OUT_LINK');
    expect(linked).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: 'public/archive',
        message: expect.stringContaining('the 6 files (archive/1/atom.xml, archive/1/feed.json, archive/1/rss.xml, …)'),
      }),
    ]);
    // They are no longer storyfeed's: the next build neither touches them nor warns again.
    const record = await readOwnedRecord(publishPaths(out).owned);
    expect(Object.keys(record.files).filter((f) => f.startsWith('archive/'))).toEqual([]);
    expect(record.folders.filter((f) => f.startsWith('archive'))).toEqual([]);
    const again: Diagnostic[] = [];
    await build({}, again);
    expect(again.filter((w) => w.code === 'W_OUT_LINK')).toEqual([]);
    expect(everything(bigdisk)).toEqual(before);
  });

  it('tag feeds on, then off with public/tags a link to another disk: nothing there is removed', async () => {
    seeds();
    await build({ tagFeeds: true });
    moveOutAndLink('tags');
    const before = everything(bigdisk);
    expect(Object.keys(before)).toContain('tags/energy/rss.xml');
    const warnings: Diagnostic[] = [];
    await build({}, warnings);
    expect(everything(bigdisk)).toEqual(before);
    expect(warnings.filter((w) => w.code === 'W_OUT_LINK')).toEqual([expect.objectContaining({ file: 'public/tags' })]);
  });

  it('tag feeds on, then off with one tag folder (public/tags/rail) a link: only that folder is left, the rest is removed', async () => {
    seeds();
    await build({ tagFeeds: true });
    renameSync(path.join(out, 'tags', 'rail'), path.join(bigdisk, 'rail'));
    symlinkSync(path.join('..', '..', 'bigdisk', 'rail'), path.join(out, 'tags', 'rail'));
    const before = everything(bigdisk);
    await build({});
    expect(everything(bigdisk)).toEqual(before);
    // storyfeed's own tags/energy/ went, as it no longer publishes it; tags/ stays for the user's link.
    expect(everything(path.join(out, 'tags'))).toEqual({ rail: 'link → ../../bigdisk/rail' });
  });
});

describe('publishFiles never removes through a symbolic link', () => {
  it('leaves a file of its own that the user replaced by a link to a file elsewhere, and that file', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'archive/1/rss.xml': 'a1' });
    put(path.join(bigdisk, 'rss.xml'), 'the owner moved it here');
    unlinkSync(path.join(out, 'archive', '1', 'rss.xml'));
    symlinkSync(path.join(bigdisk, 'rss.xml'), path.join(out, 'archive', '1', 'rss.xml'));
    const result = await publishFiles(out, { 'rss.xml': 'r2' });
    expect(result.removed).toEqual([]);
    expect(everything(bigdisk)).toEqual({ 'rss.xml': Buffer.from('the owner moved it here').toString('hex') });
    expect(lstatSync(path.join(out, 'archive', '1', 'rss.xml')).isSymbolicLink()).toBe(true);
  });

  it('leaves the empty folders it made that are now behind a link', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'archive/1/rss.xml': 'a1', 'archive/2/rss.xml': 'a2' });
    moveOutAndLink('archive');
    // The owner cleared the pages but keeps the folders.
    unlinkSync(path.join(bigdisk, 'archive', '1', 'rss.xml'));
    unlinkSync(path.join(bigdisk, 'archive', '2', 'rss.xml'));
    const result = await publishFiles(out, { 'rss.xml': 'r' });
    expect(result.throughLinks).toEqual({ archive: [] });
    expect(everything(bigdisk)).toEqual({ archive: 'folder', 'archive/1': 'folder', 'archive/2': 'folder' });
    expect((await readOwnedRecord(publishPaths(out).owned)).folders).toEqual([]);
  });

  it('reports the files behind each link, and removes its other old files', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'archive/1/rss.xml': 'a1', 'archive/1/atom.xml': 'b1', 'old.xml': 'o' });
    moveOutAndLink('archive');
    const result = await publishFiles(out, { 'rss.xml': 'r2' });
    expect(result.removed).toEqual(['old.xml']);
    expect(result.throughLinks).toEqual({ archive: ['archive/1/atom.xml', 'archive/1/rss.xml'] });
    expect(Object.keys(everything(bigdisk)).sort()).toEqual(['archive', 'archive/1', 'archive/1/atom.xml', 'archive/1/rss.xml']);
  });

  it('checks again right before removing: a folder replaced by a link while the build runs is left', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'archive/1/rss.xml': 'a1' });
    const result = await publishFiles(
      out,
      { 'rss.xml': 'r2' },
      {
        onStep: (s) => {
          if (s === 'written') moveOutAndLink('archive');
        },
      },
    );
    expect(result.removed).toEqual([]);
    expect(result.throughLinks).toEqual({ archive: ['archive/1/rss.xml'] });
    expect(everything(bigdisk)).toEqual({ archive: 'folder', 'archive/1': 'folder', 'archive/1/rss.xml': Buffer.from('a1').toString('hex') });
  });

  it('checks again right before each rename: a folder replaced by a link while the build runs is a conflict, and nothing goes behind it', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'archive/1/rss.xml': 'a1' });
    let moved = false;
    const result = publishFiles(
      out,
      { 'rss.xml': 'r2', 'archive/1/rss.xml': 'a2' },
      {
        onStep: (s) => {
          if (s === 'temp' && !moved) {
            moved = true;
            moveOutAndLink('archive');
          }
        },
      },
    );
    await expect(result).rejects.toMatchObject({ code: 'E_OUT_CONFLICT', message: expect.stringContaining('archive became a symbolic link') });
    expect(everything(bigdisk)).toEqual({ archive: 'folder', 'archive/1': 'folder', 'archive/1/rss.xml': Buffer.from('a1').toString('hex') });
  });

  it('clears no temporary file of a killed build behind a link', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'archive/1/rss.xml': 'a1' });
    moveOutAndLink('archive');
    // As a build killed while writing beside its targets (an output folder on a file system of its own) leaves it.
    put(path.join(bigdisk, 'archive', '1', '.storyfeed-tmp-0123456789ab-rss.xml'), 'the owner put this here');
    writeFileSync(path.join(publishPaths(out).state, 'in-folder-temps'), '');
    const before = everything(bigdisk);
    await publishFiles(out, { 'rss.xml': 'r2' });
    expect(everything(bigdisk)).toEqual(before);
  });
});
