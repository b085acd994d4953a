import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { Diagnostic } from '../../src/errors.js';
import { buildSite } from '../../src/node/build.js';
import { readOwnedRecord } from '../../src/node/owned-files.js';
import { publishFiles, publishPaths } from '../../src/node/publish.js';

/**
 * A file storyfeed wrote, then the user edited, is theirs: when storyfeed stops publishing it, it is
 * left in place (still served, stale), and the build says so once instead of leaving it silently.
 */

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-edited-'));
  out = path.join(dir, 'public');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('publishFiles and an old file of its own the user edited', () => {
  it('leaves it in place, names it in leftEdited, and removes the unedited ones', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'tags/a/rss.xml': 'a', 'tags/b/rss.xml': 'b' });
    appendFileSync(path.join(out, 'tags', 'a', 'rss.xml'), ' and the owner added this');
    const result = await publishFiles(out, { 'rss.xml': 'r2' });
    expect(result.removed).toEqual(['tags/b/rss.xml']);
    expect(result.leftEdited).toEqual(['tags/a/rss.xml']);
    expect(readFileSync(path.join(out, 'tags', 'a', 'rss.xml'), 'utf8')).toBe('a and the owner added this');
    expect(existsSync(path.join(out, 'tags', 'b'))).toBe(false);
    // No longer storyfeed's: the next publish neither touches it nor names it again.
    expect(Object.keys((await readOwnedRecord(publishPaths(out).owned)).files)).toEqual(['rss.xml']);
    expect((await publishFiles(out, { 'rss.xml': 'r3' })).leftEdited).toEqual([]);
  });

  it('names it when nothing else changes as well', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'old.xml': 'o' });
    appendFileSync(path.join(out, 'old.xml'), ' edited');
    const result = await publishFiles(out, { 'rss.xml': 'r' });
    expect(result.changed).toBe(false);
    expect(result.leftEdited).toEqual(['old.xml']);
  });

  it('does not name a file that was removed or left unedited', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'gone.xml': 'g', 'old.xml': 'o' });
    rmSync(path.join(out, 'gone.xml'));
    expect((await publishFiles(out, { 'rss.xml': 'r' })).leftEdited).toEqual([]);
  });
});

describe('a build that stops publishing a page the user edited', () => {
  const build = (extra: Record<string, unknown>, warnings: Diagnostic[] = []) =>
    buildSite({
      config: validateConfig({ siteUrl: 'https://blog.example.org', title: 'Blog', ...extra }),
      cwd: dir,
      cache: false,
      workers: 0,
      sourceDateEpoch: '1700000000',
      onWarning: (d) => warnings.push(d),
    });

  it('warns once with W_OUT_EDITED naming it, and keeps it as the user wrote it', async () => {
    put(path.join(dir, 'seeds', 'post.md'), '---\ntitle: Post\ndate: 2024-01-10T10:00:00Z\n---\nHello.\n');
    await build({});
    appendFileSync(path.join(out, 'index.html'), '<!-- the owner added this -->\n');
    const edited = readFileSync(path.join(out, 'index.html'), 'utf8');
    const warnings: Diagnostic[] = [];
    await build({ indexPage: false }, warnings);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(edited);
    expect(warnings.filter((w) => w.code === 'W_OUT_EDITED')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'public', message: expect.stringContaining('the file index.html storyfeed wrote here') }),
    ]);
    const again: Diagnostic[] = [];
    await build({ indexPage: false }, again);
    expect(again.filter((w) => w.code === 'W_OUT_EDITED')).toEqual([]);
  });
});
