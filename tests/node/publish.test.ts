import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputFolder } from '../../src/node/out-folder.js';
import { digest, fileStamp, isSettled, readOwnedRecord, writeOwnedRecord } from '../../src/node/owned-files.js';
import { feedsFirst, publishFiles, publishPaths, type StreamedContents } from '../../src/node/publish.js';
import { acquirePublishLock } from '../../src/node/publish-lock.js';
import { refusalOf, unwritable } from '../support/unwritable.js';

let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-publish-'));
  out = path.join(dir, 'public');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `folder` (relative path → text), not following links. */
function tree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    for (const name of readdirSync(path.join(folder, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const info = lstatSync(path.join(folder, r));
      if (info.isDirectory()) stack.push(r);
      else files[r] = info.isSymbolicLink() ? '(link)' : readFileSync(path.join(folder, r), 'utf8');
    }
  }
  return files;
}

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('publishFiles into a plain folder', () => {
  it('writes a plain folder, rewrites nothing when nothing changed, and leaves no temporary files', async () => {
    const first = await publishFiles(out, { 'rss.xml': 'one', 'tags/a/rss.xml': 'a' });
    expect(first.changed).toBe(true);
    expect(lstatSync(out).isDirectory()).toBe(true);
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    const mtime = statSync(path.join(out, 'rss.xml')).mtimeMs;
    const again = await publishFiles(out, { 'rss.xml': 'one', 'tags/a/rss.xml': 'a' });
    expect(again.changed).toBe(false);
    expect(statSync(path.join(out, 'rss.xml')).mtimeMs).toBe(mtime);
    expect(tree(out)).toEqual({ 'rss.xml': 'one', 'tags/a/rss.xml': 'a' });
    const state = publishPaths(out).state;
    expect(readdirSync(state).sort()).toEqual(['owned.json']);
    expect((await readOwnedRecord(publishPaths(out).owned)).files).toEqual({ 'rss.xml': [digest('one')], 'tags/a/rss.xml': [digest('a')] });
  });

  it('gives a changed file a later modification second than the version it replaces', async () => {
    await publishFiles(out, { 'rss.xml': 'one', 'same.txt': 'same' });
    const future = new Date(Date.now() + 5000);
    utimesSync(path.join(out, 'rss.xml'), future, future);
    const sameBefore = statSync(path.join(out, 'same.txt')).mtimeMs;
    await publishFiles(out, { 'rss.xml': 'two', 'same.txt': 'same' });
    expect(Math.floor(statSync(path.join(out, 'rss.xml')).mtimeMs / 1000)).toBeGreaterThan(Math.floor(future.getTime() / 1000));
    expect(statSync(path.join(out, 'same.txt')).mtimeMs).toBe(sameBefore);
  });

  it('never moves, replaces or removes the user files, nested or hidden, and prunes only its own', async () => {
    const user = {
      'index.html': 'my home page',
      'css/site.css': 'body{}',
      '.well-known/security.txt': 'x',
      'tags/mine.txt': 'user file in a folder storyfeed also uses',
      'robots.txt': 'User-agent: *',
    };
    for (const [name, text] of Object.entries(user)) put(path.join(out, name), text);
    await publishFiles(out, { 'rss.xml': 'r1', 'tags/a/rss.xml': 'a', 'tags/b/rss.xml': 'b', 'old/x.xml': 'x' });
    const second = await publishFiles(out, { 'rss.xml': 'r2', 'tags/a/rss.xml': 'a2' });
    expect(second.removed.sort()).toEqual(['old/x.xml', 'tags/b/rss.xml']);
    expect(tree(out)).toEqual({ ...user, 'rss.xml': 'r2', 'tags/a/rss.xml': 'a2' });
    // The folders storyfeed created and no longer needs are gone; the user's `tags/` stays.
    expect(existsSync(path.join(out, 'old'))).toBe(false);
    expect(existsSync(path.join(out, 'tags/b'))).toBe(false);
  });

  it('keeps a folder it created while the user has files in it, and removes it once empty', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'tags/a/rss.xml': 'a' });
    put(path.join(out, 'tags/a/notes.txt'), 'user notes');
    await publishFiles(out, { 'rss.xml': 'r' });
    expect(tree(out)).toEqual({ 'rss.xml': 'r', 'tags/a/notes.txt': 'user notes' });
    rmSync(path.join(out, 'tags/a/notes.txt'));
    const again = await publishFiles(out, { 'rss.xml': 'r' });
    expect(again.changed).toBe(false);
    expect(readdirSync(out)).toEqual(['rss.xml']);
    expect((await readOwnedRecord(publishPaths(out).owned)).folders).toEqual([]);
  });

  it('refuses with E_OUT_CONFLICT, before writing anything, a user file where it would write (feed.xsl written by the user)', async () => {
    put(path.join(out, 'feed.xsl'), 'my own stylesheet');
    const error = await publishFiles(out, { 'rss.xml': 'r', 'feed.xsl': 'storyfeed stylesheet', 'tags/a/rss.xml': 'a' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect(String((error as Error).message)).toContain('feed.xsl was not written by storyfeed');
    expect(tree(out)).toEqual({ 'feed.xsl': 'my own stylesheet' });
  });

  it("leaves a user file that is byte for byte what it would write in place, and the user's: never rewritten or removed", async () => {
    put(path.join(out, 'feed.xsl'), 'same bytes');
    await publishFiles(out, { 'feed.xsl': 'same bytes', 'rss.xml': 'r' });
    expect((await readOwnedRecord(publishPaths(out).owned)).files['feed.xsl']).toBeUndefined();
    // No longer produced: a file of the user's is not storyfeed's to remove.
    await publishFiles(out, { 'rss.xml': 'r2' });
    expect(tree(out)).toEqual({ 'feed.xsl': 'same bytes', 'rss.xml': 'r2' });
    // Different bytes wanted there: the user's file is in the way, not overwritten.
    await expect(publishFiles(out, { 'feed.xsl': 'new bytes', 'rss.xml': 'r2' })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect(readFileSync(path.join(out, 'feed.xsl'), 'utf8')).toBe('same bytes');
  });

  it("treats a file of its own that the user edited as the user's: a conflict to rewrite, kept when no longer published", async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'index.html': 'generated' });
    writeFileSync(path.join(out, 'index.html'), 'hand edited');
    await expect(publishFiles(out, { 'rss.xml': 'r2', 'index.html': 'generated 2' })).rejects.toMatchObject({
      code: 'E_OUT_CONFLICT',
      message: expect.stringContaining('index.html was changed since storyfeed wrote it'),
    });
    expect(tree(out)).toEqual({ 'rss.xml': 'r', 'index.html': 'hand edited' });
    await publishFiles(out, { 'rss.xml': 'r2' });
    expect(tree(out)).toEqual({ 'rss.xml': 'r2', 'index.html': 'hand edited' });
    expect(Object.keys((await readOwnedRecord(publishPaths(out).owned)).files)).toEqual(['rss.xml']);
  });

  it('never writes through a symbolic link inside the output folder', async () => {
    mkdirSync(path.join(dir, 'elsewhere'));
    mkdirSync(out);
    symlinkSync(path.join(dir, 'elsewhere'), path.join(out, 'tags'));
    await expect(publishFiles(out, { 'tags/a/rss.xml': 'a' })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT', message: expect.stringContaining('tags is a symbolic link') });
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  it('refuses paths that leave the output folder', async () => {
    await expect(publishFiles(out, { '../x.txt': 'x' })).rejects.toMatchObject({ code: 'E_IO' });
    await expect(publishFiles(out, { '/etc/x': 'x' })).rejects.toMatchObject({ code: 'E_IO' });
  });

  it('renames files into place in rank order: archive and tag feeds, main feeds, pages, dot-files', async () => {
    const rank = feedsFirst(['rss.xml', 'atom.xml'], ['rss.xml', 'atom.xml', 'archive/1/rss.xml', 'tags/a/rss.xml']);
    const result = await publishFiles(
      out,
      { 'index.html': 'i', '.storyfeed-manifest.json': '{}', 'rss.xml': 'r', 'atom.xml': 'a', 'archive/1/rss.xml': 'x', 'tags/a/rss.xml': 't' },
      { rank },
    );
    expect(result.written).toEqual(['archive/1/rss.xml', 'tags/a/rss.xml', 'atom.xml', 'rss.xml', 'index.html', '.storyfeed-manifest.json']);
  });

  it('cleans the temporary files and the folders a failed publish left', async () => {
    await publishFiles(out, { 'rss.xml': 'r' });
    const boom = publishFiles(
      out,
      { 'rss.xml': 'r2', 'deep/er/x.xml': 'x' },
      {
        onStep: (s) => {
          if (s === 'temp') throw new Error('stop here');
        },
      },
    );
    await expect(boom).rejects.toThrow();
    expect(readdirSync(publishPaths(out).tmp).length).toBeGreaterThan(0);
    await publishFiles(out, { 'rss.xml': 'r3' });
    expect(tree(out)).toEqual({ 'rss.xml': 'r3' });
    expect(existsSync(publishPaths(out).tmp)).toBe(false);
  });
});

describe('an output folder on a file system of its own', () => {
  it('writes its temporary files beside the targets (dot-files) and leaves none', async (context) => {
    mkdirSync(out);
    // Needs to mount a tmpfs on the output folder (root on Linux); elsewhere there is nothing to test.
    if (process.platform !== 'linux' || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', out]).status !== 0) return context.skip();
    try {
      put(path.join(out, 'mine.txt'), 'user file');
      await publishFiles(out, { 'rss.xml': 'one', 'tags/a/rss.xml': 'a' });
      await publishFiles(out, { 'rss.xml': 'two', 'tags/b/rss.xml': 'b' });
      expect(tree(out)).toEqual({ 'mine.txt': 'user file', 'rss.xml': 'two', 'tags/b/rss.xml': 'b' });
      expect(readdirSync(publishPaths(out).state)).toEqual(['owned.json']);
      // A build killed with temporary files in the folder: the next one clears them.
      let temps = 0;
      // The first temporary file goes to the state folder and cannot be renamed across (EXDEV); the second is beside its target.
      const halted = publishFiles(
        out,
        { 'rss.xml': 'three', 'tags/b/rss.xml': 'b2' },
        {
          onStep: (s) => {
            if (s === 'temp' && ++temps === 2) throw new Error('stopped');
          },
        },
      );
      await expect(halted).rejects.toThrow();
      expect(Object.keys(tree(out)).filter((f) => path.posix.basename(f).startsWith('.storyfeed-tmp-'))).toHaveLength(1);
      await publishFiles(out, { 'rss.xml': 'four', 'tags/b/rss.xml': 'b' });
      expect(tree(out)).toEqual({ 'mine.txt': 'user file', 'rss.xml': 'four', 'tags/b/rss.xml': 'b' });
    } finally {
      spawnSync('umount', [out]);
    }
  });
});

describe('a user edit while a build publishes (checked again right before each rename and removal)', () => {
  it('does not replace a file the user created where a new file goes after planning', async () => {
    await publishFiles(out, { 'rss.xml': 'r' });
    const result = publishFiles(
      out,
      { 'rss.xml': 'r', 'atom.xml': 'a' },
      {
        onStep: (s) => {
          if (s === 'temp') writeFileSync(path.join(out, 'atom.xml'), 'the user wrote this meanwhile');
        },
      },
    );
    await expect(result).rejects.toMatchObject({ code: 'E_OUT_CONFLICT', message: expect.stringContaining('atom.xml was created or changed by someone else') });
    expect(readFileSync(path.join(out, 'atom.xml'), 'utf8')).toBe('the user wrote this meanwhile');
    // The next build sees a file that is not storyfeed's and refuses it, as for any user file.
    await expect(publishFiles(out, { 'rss.xml': 'r', 'atom.xml': 'a' })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect(readFileSync(path.join(out, 'atom.xml'), 'utf8')).toBe('the user wrote this meanwhile');
    const temps = existsSync(publishPaths(out).tmp) ? readdirSync(publishPaths(out).tmp) : [];
    expect(temps).toEqual([]);
  });

  it('does not replace a storyfeed file the user edited after planning', async () => {
    await publishFiles(out, { 'rss.xml': 'one' });
    const result = publishFiles(
      out,
      { 'rss.xml': 'two' },
      {
        onStep: (s) => {
          if (s === 'temp') writeFileSync(path.join(out, 'rss.xml'), 'edited by hand');
        },
      },
    );
    await expect(result).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toBe('edited by hand');
    await expect(publishFiles(out, { 'rss.xml': 'two' })).rejects.toMatchObject({
      code: 'E_OUT_CONFLICT',
      message: expect.stringContaining('was changed since storyfeed wrote it'),
    });
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toBe('edited by hand');
  });

  it('keeps a file due for removal when the user edited it after planning, and it stays theirs', async () => {
    await publishFiles(out, { 'rss.xml': 'r', 'old.xml': 'old' });
    const result = await publishFiles(
      out,
      { 'rss.xml': 'r2' },
      {
        onStep: (s) => {
          if (s === 'written') writeFileSync(path.join(out, 'old.xml'), 'now the user keeps notes here');
        },
      },
    );
    expect(result.removed).toEqual([]);
    expect(tree(out)).toEqual({ 'rss.xml': 'r2', 'old.xml': 'now the user keeps notes here' });
    expect(Object.keys((await readOwnedRecord(publishPaths(out).owned)).files)).toEqual(['rss.xml']);
    await publishFiles(out, { 'rss.xml': 'r3' });
    expect(tree(out)).toEqual({ 'rss.xml': 'r3', 'old.xml': 'now the user keeps notes here' });
  });
});

describe('knowing its own files by their stamps (device, inode, size, modification and change times)', () => {
  /** Creates files beside `file` until the file system's clock has moved past its change time (at most one tick of that clock). */
  function clockPast(file: string): void {
    const ctime = lstatSync(file, { bigint: true }).ctimeNs;
    const probe = path.join(dir, 'clock-probe');
    for (;;) {
      rmSync(probe, { force: true });
      writeFileSync(probe, '');
      if (lstatSync(probe, { bigint: true }).ctimeNs > ctime) return;
    }
  }

  /** Puts the modification time of storyfeed's files at a whole second, which `utimes` can set back exactly. */
  function wholeSeconds(...files: string[]): void {
    for (const file of files) {
      const second = Math.floor(statSync(file).mtimeMs / 1000);
      utimesSync(file, second, second);
    }
  }

  /** Writes `text` (the same length as what is there) over `file` in place, its modification time put back: an edit its size and modification time cannot show. */
  function sameSizeEdit(file: string, text: string): void {
    const before = lstatSync(file, { bigint: true });
    expect(before.mtimeNs % 1_000_000_000n).toBe(0n);
    expect(BigInt(Buffer.byteLength(text))).toBe(before.size);
    writeFileSync(file, text);
    const second = Number(before.mtimeNs / 1_000_000_000n);
    utimesSync(file, second, second);
    const after = lstatSync(file, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
  }

  it('trusts a stamp only for a change time before the clock read on the same device', () => {
    const info = lstatSync(dir, { bigint: true });
    expect(isSettled(info, { dev: info.dev, ctimeNs: info.ctimeNs + 1n })).toBe(true);
    // Changed within the clock's current tick: a write now could leave the same change time.
    expect(isSettled(info, { dev: info.dev, ctimeNs: info.ctimeNs })).toBe(false);
    expect(isSettled(info, { dev: info.dev + 1n, ctimeNs: info.ctimeNs + 1n })).toBe(false);
    expect(isSettled(info, undefined)).toBe(false);
  });

  it('records the stamp of an unchanged, settled file, and then spares reading it', async () => {
    await publishFiles(out, { 'rss.xml': 'one' });
    clockPast(path.join(out, 'rss.xml'));
    expect((await publishFiles(out, { 'rss.xml': 'one' })).changed).toBe(false);
    const record = await readOwnedRecord(publishPaths(out).owned);
    expect(record.stamps).toEqual({ 'rss.xml': `${digest('one')} ${fileStamp(lstatSync(path.join(out, 'rss.xml'), { bigint: true }))}` });
    // A record whose stamp vouches for other bytes (never written by storyfeed itself): taken at its word, the file is not read.
    const stamp = fileStamp(lstatSync(path.join(out, 'rss.xml'), { bigint: true }));
    await writeOwnedRecord(publishPaths(out).owned, { ...record, files: { 'rss.xml': [digest('one'), digest('two')] }, stamps: { 'rss.xml': `${digest('two')} ${stamp}` } });
    expect((await publishFiles(out, { 'rss.xml': 'two' })).changed).toBe(false);
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toBe('one');
  });

  it('reads a file whose stamp differs from the recorded one', async () => {
    await publishFiles(out, { 'rss.xml': 'one' });
    const info = lstatSync(path.join(out, 'rss.xml'), { bigint: true });
    const other = fileStamp({ ...info, ctimeNs: info.ctimeNs - 1n });
    await writeOwnedRecord(publishPaths(out).owned, {
      version: 1,
      files: { 'rss.xml': [digest('one'), digest('two')] },
      folders: [],
      stamps: { 'rss.xml': `${digest('two')} ${other}` },
    });
    expect((await publishFiles(out, { 'rss.xml': 'two' })).written).toEqual(['rss.xml']);
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toBe('two');
  });

  it('drops a stamp that names bytes the record does not list', async () => {
    await publishFiles(out, { 'rss.xml': 'one' });
    const stamp = fileStamp(lstatSync(path.join(out, 'rss.xml'), { bigint: true }));
    await writeOwnedRecord(publishPaths(out).owned, { version: 1, files: { 'rss.xml': [digest('one')] }, folders: [], stamps: { 'rss.xml': `${digest('two')} ${stamp}` } });
    expect((await readOwnedRecord(publishPaths(out).owned)).stamps).toBeUndefined();
    expect((await publishFiles(out, { 'rss.xml': 'two' })).written).toEqual(['rss.xml']);
  });

  it.each([
    ['right after the build that wrote it', false],
    ['once its stamp is recorded', true],
  ])('never replaces a file the user edited %s, with the same size in the same second', async (_, stamped) => {
    await publishFiles(out, { 'rss.xml': 'one!' });
    wholeSeconds(path.join(out, 'rss.xml'));
    if (stamped) {
      clockPast(path.join(out, 'rss.xml'));
      await publishFiles(out, { 'rss.xml': 'one!' });
      expect((await readOwnedRecord(publishPaths(out).owned)).stamps?.['rss.xml']).toBeDefined();
    }
    sameSizeEdit(path.join(out, 'rss.xml'), 'mine');
    await expect(publishFiles(out, { 'rss.xml': 'two!' })).rejects.toMatchObject({
      code: 'E_OUT_CONFLICT',
      message: expect.stringContaining('was changed since storyfeed wrote it'),
    });
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toBe('mine');
  });

  it.each([
    ['right after the build that wrote it', false],
    ['once its stamp is recorded', true],
  ])('never removes a file the user edited %s, with the same size in the same second', async (_, stamped) => {
    await publishFiles(out, { 'rss.xml': 'r', 'old.xml': 'old' });
    wholeSeconds(path.join(out, 'old.xml'));
    if (stamped) {
      clockPast(path.join(out, 'old.xml'));
      await publishFiles(out, { 'rss.xml': 'r', 'old.xml': 'old' });
      expect((await readOwnedRecord(publishPaths(out).owned)).stamps?.['old.xml']).toBeDefined();
    }
    sameSizeEdit(path.join(out, 'old.xml'), 'new');
    expect((await publishFiles(out, { 'rss.xml': 'r2' })).removed).toEqual([]);
    expect(tree(out)).toEqual({ 'rss.xml': 'r2', 'old.xml': 'new' });
    expect(Object.keys((await readOwnedRecord(publishPaths(out).owned)).files)).toEqual(['rss.xml']);
  });

  it.each([
    ['replace', 'temp'],
    ['remove', 'written'],
  ])('checks a settled file again right before it would %s it: a same-size, same-second edit during the build is kept', async (what, at) => {
    await publishFiles(out, { 'rss.xml': 'one', 'old.xml': 'old' });
    wholeSeconds(path.join(out, 'rss.xml'), path.join(out, 'old.xml'));
    clockPast(path.join(out, 'rss.xml'));
    clockPast(path.join(out, 'old.xml'));
    await publishFiles(out, { 'rss.xml': 'one', 'old.xml': 'old' });
    const target = path.join(out, what === 'replace' ? 'rss.xml' : 'old.xml');
    const result = publishFiles(out, what === 'replace' ? { 'rss.xml': 'two', 'old.xml': 'old' } : { 'rss.xml': 'one' }, {
      onStep: (s) => {
        if (s === at && readFileSync(target, 'utf8') !== 'abc') sameSizeEdit(target, 'abc');
      },
    });
    if (what === 'replace') await expect(result).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    else expect((await result).removed).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('abc');
  });

  describe('a large file, stamped as it is written', () => {
    /** Two versions of a feed of 2 MiB, the same size. */
    const large = (mark: string): string => `${mark}${'x'.repeat(2 * 1024 * 1024 - 1)}`;
    /** At the step after a temporary file's last write, waits for the file system's clock to pass it (at most one tick), as a large file's flush does. */
    const clockPastWrites = {
      onStep: (s: string) => {
        if (s !== 'temp') return;
        const marker = path.join(dir, 'written-before');
        writeFileSync(marker, '');
        clockPast(marker);
      },
    };

    it('records its stamp in the build that writes it, so the next build does not read it', async () => {
      await publishFiles(out, { 'rss.xml': large('a') }, clockPastWrites);
      expect((await readOwnedRecord(publishPaths(out).owned)).stamps).toEqual({
        'rss.xml': `${digest(large('a'))} ${fileStamp(lstatSync(path.join(out, 'rss.xml'), { bigint: true }))}`,
      });
      // A record whose stamp vouches for other bytes, taken at its word: the file is replaced, not read (its bytes
      // are not in the record), and the new version stamped again. (Its
      // modification time is put ten seconds back first: a version written in the same second as the one it replaces
      // gets the next second, in the future, and no stamp.)
      const second = Math.floor(statSync(path.join(out, 'rss.xml')).mtimeMs / 1000) - 10;
      utimesSync(path.join(out, 'rss.xml'), second, second);
      const stamp = fileStamp(lstatSync(path.join(out, 'rss.xml'), { bigint: true }));
      await writeOwnedRecord(publishPaths(out).owned, {
        version: 1,
        files: { 'rss.xml': [digest('vouched')] },
        folders: [],
        stamps: { 'rss.xml': `${digest('vouched')} ${stamp}` },
      });
      expect((await publishFiles(out, { 'rss.xml': large('b') }, clockPastWrites)).written).toEqual(['rss.xml']);
      expect((await readOwnedRecord(publishPaths(out).owned)).stamps?.['rss.xml']).toBe(
        `${digest(large('b'))} ${fileStamp(lstatSync(path.join(out, 'rss.xml'), { bigint: true }))}`,
      );
    });

    it('stamps no small file as it writes it (reading it costs less than the clock)', async () => {
      await publishFiles(out, { 'rss.xml': 'small' }, clockPastWrites);
      expect((await readOwnedRecord(publishPaths(out).owned)).stamps).toBeUndefined();
    });

    it.each([
      ['right after the build', 'now'],
      ['once the clock has moved on', 'later'],
    ])('never replaces it after a same-size edit %s', async (_, when) => {
      await publishFiles(out, { 'rss.xml': large('a') }, clockPastWrites);
      expect((await readOwnedRecord(publishPaths(out).owned)).stamps?.['rss.xml']).toBeDefined();
      if (when === 'later') clockPast(path.join(out, 'rss.xml'));
      writeFileSync(path.join(out, 'rss.xml'), large('m'));
      await expect(publishFiles(out, { 'rss.xml': large('b') })).rejects.toMatchObject({
        code: 'E_OUT_CONFLICT',
        message: expect.stringContaining('was changed since storyfeed wrote it'),
      });
      expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toBe(large('m'));
    });
  });
});

describe('contents read when due (a getter, as a large feed kept on disk): hashed while written', () => {
  /** `files` with each value behind a getter that counts its reads. */
  function lazy(files: Record<string, string | Uint8Array[]>): { files: Record<string, string | Uint8Array[]>; reads: Record<string, number> } {
    const reads: Record<string, number> = {};
    const out = {};
    for (const [name, value] of Object.entries(files)) {
      reads[name] = 0;
      Object.defineProperty(out, name, {
        enumerable: true,
        get: () => {
          reads[name]!++;
          return value;
        },
      });
    }
    return { files: out, reads };
  }
  const parts = (text: string): Uint8Array[] => [Buffer.from(text.slice(0, 3)), Buffer.from(text.slice(3))];

  it('writes a new file and a changed one of its own, reading each once, and records their hashes', async () => {
    const first = lazy({ 'rss.xml': parts('first version'), 'a/b.json': parts('{"b":1}') });
    const result = await publishFiles(out, first.files);
    expect(first.reads).toEqual({ 'rss.xml': 1, 'a/b.json': 1 });
    expect(result.hashes).toEqual({ 'rss.xml': digest('first version'), 'a/b.json': digest('{"b":1}') });
    expect(tree(out)).toEqual({ 'rss.xml': 'first version', 'a/b.json': '{"b":1}' });
    const second = lazy({ 'rss.xml': parts('second version'), 'a/b.json': parts('{"b":1}') });
    const again = await publishFiles(out, second.files);
    expect(second.reads).toEqual({ 'rss.xml': 1, 'a/b.json': 1 });
    expect(again.written).toEqual(['rss.xml']);
    expect(tree(out)).toEqual({ 'rss.xml': 'second version', 'a/b.json': '{"b":1}' });
    expect((await readOwnedRecord(publishPaths(out).owned)).files).toEqual({ 'a/b.json': [digest('{"b":1}')], 'rss.xml': [digest('second version')] });
    expect(readdirSync(publishPaths(out).state)).not.toContain('tmp');
  });

  it('leaves a file whose new bytes are the ones on disk untouched (no rename, same inode and times), its temporary file removed', async () => {
    await publishFiles(out, { 'rss.xml': 'same bytes' });
    const before = lstatSync(path.join(out, 'rss.xml'), { bigint: true });
    const same = lazy({ 'rss.xml': parts('same bytes') });
    const result = await publishFiles(out, same.files);
    expect(result.changed).toBe(false);
    expect(same.reads['rss.xml']).toBe(1);
    expect(fileStamp(lstatSync(path.join(out, 'rss.xml'), { bigint: true }))).toBe(fileStamp(before));
    expect(readdirSync(publishPaths(out).state)).not.toContain('tmp');
  });

  it('adopts a user file with the very bytes, and refuses one with other bytes, as with contents given whole', async () => {
    put(path.join(out, 'mine.xml'), 'same');
    put(path.join(out, 'other.xml'), 'theirs');
    await expect(publishFiles(out, lazy({ 'mine.xml': parts('same'), 'other.xml': parts('ours!') }).files)).rejects.toMatchObject({
      code: 'E_OUT_CONFLICT',
      message: expect.stringContaining('other.xml was not written by storyfeed'),
    });
    expect(tree(out)).toEqual({ 'mine.xml': 'same', 'other.xml': 'theirs' });
    expect((await publishFiles(out, lazy({ 'mine.xml': parts('same') }).files)).changed).toBe(false);
    expect((await readOwnedRecord(publishPaths(out).owned)).files).toEqual({});
  });

  it('writes parts made one at a time through one buffer (each gone when the next is made), whole and with the right hash', async () => {
    /** `text` in parts of 3 bytes, each made in the same buffer. */
    const streamed = (text: string): StreamedContents => ({
      *streamed() {
        const bytes = Buffer.from(text);
        const buffer = Buffer.alloc(3);
        for (let at = 0; at < bytes.length; at += 3) {
          const n = bytes.copy(buffer, 0, at, at + 3);
          yield buffer.subarray(0, n);
          buffer.fill(0x21);
        }
      },
    });
    const first = lazy({ 'rss.xml': streamed('a feed made in parts — é') as never, 'new.json': streamed('{"a": 1}') as never });
    const result = await publishFiles(out, first.files);
    expect(result.hashes).toEqual({ 'rss.xml': digest('a feed made in parts — é'), 'new.json': digest('{"a": 1}') });
    expect(tree(out)).toEqual({ 'rss.xml': 'a feed made in parts — é', 'new.json': '{"a": 1}' });
    // Given whole (not read when due), and hashed first to decide about a user's file in the way.
    put(path.join(out, 'user.txt'), 'mine');
    const json = { 'new.json': streamed('{"a": 1}') };
    await expect(publishFiles(out, { ...json, 'rss.xml': streamed('a feed made in parts — é'), 'user.txt': streamed('mine') })).resolves.toMatchObject({ changed: false });
    await expect(publishFiles(out, { ...json, 'user.txt': streamed('not mine') })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect((await publishFiles(out, { ...json, 'rss.xml': streamed('second version'), 'user.txt': streamed('mine') })).written).toEqual(['rss.xml']);
    expect(tree(out)).toEqual({ 'rss.xml': 'second version', 'new.json': '{"a": 1}', 'user.txt': 'mine' });
  });

  it('writes many parts of every size in order, whole and with the right hash, made one at a time or given at once', async () => {
    const MiB = 1024 * 1024;
    // Around and across the sizes the parts are gathered in (empty parts, parts larger than a chunk, runs of small ones).
    const sizes = [0, 1, 2 * MiB - 1, 1, 2 * MiB, 2 * MiB + 1, 3, 5_000_000, ...Array.from({ length: 30 }, (_, i) => 150_000 + i * 7_919), 0, 7, 4 * MiB + 5];
    const total = sizes.reduce((a, b) => a + b, 0);
    const whole = Buffer.alloc(total);
    let x = 12345;
    for (let i = 0; i < total; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      whole[i] = x >>> 24;
    }
    const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
    /** The parts, each made in the same buffer and spoilt once the next is asked for. */
    const streamed: StreamedContents = {
      *streamed() {
        const buffer = Buffer.alloc(Math.max(...sizes));
        for (const [i, size] of sizes.entries()) {
          whole.copy(buffer, 0, offsets[i], offsets[i]! + size);
          yield buffer.subarray(0, size);
          buffer.fill(0x21);
        }
      },
    };
    const given = sizes.map((size, i) => whole.subarray(offsets[i], offsets[i]! + size));
    const result = await publishFiles(out, { 'made.bin': streamed, 'given.bin': given });
    expect(readFileSync(path.join(out, 'made.bin')).equals(whole)).toBe(true);
    expect(readFileSync(path.join(out, 'given.bin')).equals(whole)).toBe(true);
    expect(result.hashes['made.bin']).toBe(digest(whole));
    expect(result.hashes['given.bin']).toBe(digest(whole));
  });

  it('fails with E_IO on a full disk, changing nothing, and the next publish clears what it left', async (context) => {
    const disk = path.join(dir, 'small');
    mkdirSync(disk);
    // Needs to mount a small tmpfs (root on Linux); elsewhere there is nothing to test.
    if (process.platform !== 'linux' || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]).status !== 0) return context.skip();
    try {
      const site = path.join(disk, 'public');
      await publishFiles(site, { 'rss.xml': 'old', 'atom.xml': 'old atom' });
      const big = (mark: string): Uint8Array[] => [Buffer.from(mark), Buffer.alloc(700 * 1024, 0x61)];
      await expect(publishFiles(site, lazy({ 'rss.xml': big('r'), 'atom.xml': big('a') }).files)).rejects.toMatchObject({
        code: 'E_IO',
        message: expect.stringContaining('the disk is full (ENOSPC)'),
      });
      expect(tree(site)).toEqual({ 'rss.xml': 'old', 'atom.xml': 'old atom' });
      expect((await readOwnedRecord(publishPaths(site).owned)).files).toEqual({ 'atom.xml': [digest('old atom')], 'rss.xml': [digest('old')] });
      expect((await publishFiles(site, lazy({ 'rss.xml': parts('new rss'), 'atom.xml': parts('new atom') }).files)).written.sort()).toEqual(['atom.xml', 'rss.xml']);
      expect(tree(site)).toEqual({ 'rss.xml': 'new rss', 'atom.xml': 'new atom' });
      expect(readdirSync(publishPaths(site).state)).toEqual(['owned.json']);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('never replaces its own file that the user edited since, with contents read when due', async () => {
    await publishFiles(out, { 'rss.xml': 'one' });
    writeFileSync(path.join(out, 'rss.xml'), 'the user wrote this');
    await expect(publishFiles(out, lazy({ 'rss.xml': parts('two') }).files)).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect(readFileSync(path.join(out, 'rss.xml'), 'utf8')).toBe('the user wrote this');
  });
});

describe('a refused or failed publish leaves nothing of its own behind (regression: an empty .NAME.storyfeed/ beside a refused --out)', () => {
  it('refuses a file, a link and a user file in the way without leaving its state folder', async () => {
    writeFileSync(out, 'a file of the user');
    await expect(publishFiles(out, { 'rss.xml': 'r' })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT', message: expect.stringContaining('exists and is not a folder') });
    expect(readdirSync(dir)).toEqual(['public']);
    rmSync(out);
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), out);
    await expect(publishFiles(out, { 'rss.xml': 'r' })).rejects.toMatchObject({ code: 'E_OUT_UNSAFE' });
    expect(readdirSync(dir).sort()).toEqual(['elsewhere', 'public']);
    rmSync(out);
    put(path.join(out, 'rss.xml'), 'the user wrote this');
    await expect(publishFiles(out, { 'rss.xml': 'r' })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect(readdirSync(dir).sort()).toEqual(['elsewhere', 'public']);
    expect(tree(out)).toEqual({ 'rss.xml': 'the user wrote this' });
  });

  it('removes the folders it made on the way to a publish that failed, and the output folder it made, while empty', async () => {
    const deep = path.join(dir, 'a', 'b', 'public');
    const stop = (at: string) => (s: string) => {
      if (s === at) throw new Error(`stop at ${s}`);
    };
    await expect(publishFiles(deep, { 'rss.xml': 'r' }, { onStep: stop('locked') })).rejects.toThrow('stop at locked');
    expect(readdirSync(dir)).toEqual([]);
    await expect(publishFiles(deep, { 'rss.xml': 'r' }, { onStep: stop('cleaned') })).rejects.toThrow('stop at cleaned');
    expect(readdirSync(dir)).toEqual([]);
    // A name the file system takes for the output folder, but not with the state folder's dot and suffix.
    await expect(publishFiles(path.join(dir, 'a', 'b', 'p'.repeat(250)), { 'rss.xml': 'r' })).rejects.toMatchObject({
      code: 'E_IO',
      message: expect.stringContaining('the path is too long (ENAMETOOLONG)'),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes them too where the lock is a socket file in the state folder (macOS, the BSDs)', async () => {
    // Regression: they were removed while the lock was held, when the state folder still held lock.sock.
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
    try {
      const deep = path.join(dir, 'a', 'b', 'public');
      await expect(
        publishFiles(
          deep,
          { 'rss.xml': 'r' },
          {
            onStep: (s) => {
              if (s === 'cleaned') {
                expect(readdirSync(publishPaths(deep).state)).toContain('lock.sock');
                throw new Error('stop');
              }
            },
          },
        ),
      ).rejects.toThrow('stop');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('keeps what it did not make in this publish, even empty, and what it wrote', async () => {
    writeFileSync(out, 'a file of the user');
    mkdirSync(publishPaths(out).state);
    await expect(publishFiles(out, { 'rss.xml': 'r' })).rejects.toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect(readdirSync(publishPaths(out).state)).toEqual([]);
    // A failure after the record was written: the record stays, and so does its folder.
    const halted = publishFiles(
      path.join(dir, 'new'),
      { 'rss.xml': 'r', 'atom.xml': 'a' },
      {
        onStep: (s) => {
          if (s === 'file') throw new Error('stop');
        },
      },
    );
    await expect(halted).rejects.toThrow('stop');
    expect(existsSync(publishPaths(path.join(dir, 'new')).owned)).toBe(true);
    expect(readdirSync(path.join(dir, 'new'))).toHaveLength(1);
  });

  it('leaves the state folder of the build holding the lock', async () => {
    const lock = await acquirePublishLock(out, publishPaths(out).state);
    try {
      await expect(publishFiles(out, { 'rss.xml': 'r' })).rejects.toMatchObject({ code: 'E_LOCKED' });
      expect(existsSync(publishPaths(out).lockInfo)).toBe(true);
    } finally {
      await lock.release();
    }
  });
});

describe('an output folder storyfeed cannot write', () => {
  const stateOf = (folder: string): string => publishPaths(folder).state;

  it('is one E_IO error naming the folder it could not create, the folder to make writable, and what else to do (regression: the bare EACCES message)', async (context) => {
    const parent = path.join(dir, 'locked');
    const undo = unwritable(parent);
    if (!undo) return context.skip();
    try {
      const error = await publishFiles(path.join(parent, 'public'), { 'rss.xml': 'x' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'E_IO', message: expect.stringContaining(`cannot create the folder ${stateOf(path.join(parent, 'public'))}: `) });
      expect((error as Error).message).toMatch(refusalOf(parent));
      expect((error as Error).message).toContain('choose another output folder');
      expect((error as Error).message).not.toContain("mkdir '");
      // Deeper: the first folder missing is the one named.
      await expect(publishFiles(path.join(parent, 'site', 'public'), { 'rss.xml': 'x' })).rejects.toMatchObject({
        code: 'E_IO',
        message: expect.stringContaining(`cannot create the folder ${path.join(parent, 'site')}: `),
      });
    } finally {
      undo();
    }
  });

  it('names the file of the set it could not put into an output folder it may not write in', async (context) => {
    const undo = unwritable(out);
    if (!undo) return context.skip();
    try {
      const error = await publishFiles(out, { 'rss.xml': 'x' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'E_IO', message: expect.stringContaining(`cannot write ${path.join(out, 'rss.xml')}: `) });
      expect((error as Error).message).toMatch(refusalOf(out));
    } finally {
      undo();
    }
  });

  it('names a file standing where a folder on the way is needed', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'mine');
    await expect(publishFiles(path.join(file, 'site', 'public'), { 'rss.xml': 'x' })).rejects.toMatchObject({
      code: 'E_IO',
      message: expect.stringContaining(`cannot create the folder ${path.join(file, 'site')}: ${file} is a file, not a folder (ENOTDIR): choose another output folder`),
    });
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});

describe('the publishing lock', () => {
  it('refuses a second build while the lock is held, naming the process', async () => {
    const lock = await acquirePublishLock(out, publishPaths(out).state);
    try {
      await expect(publishFiles(out, { 'a.txt': 'a' })).rejects.toMatchObject({
        code: 'E_LOCKED',
        message: expect.stringContaining(`another build (process ${process.pid}) is writing to this output folder; wait for it to finish`),
      });
    } finally {
      await lock.release();
    }
    await publishFiles(out, { 'a.txt': 'a' });
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('a');
  });

  it('falls back to a socket file where there is no abstract namespace: refuses while held, takes a stale one over', async () => {
    const state = publishPaths(out).state;
    const first = await acquirePublishLock(out, state, 'darwin');
    expect(existsSync(path.join(state, 'lock.sock'))).toBe(true);
    await expect(acquirePublishLock(out, state, 'darwin')).rejects.toMatchObject({ code: 'E_LOCKED', message: expect.stringContaining(`(process ${process.pid})`) });
    await first.release();
    // What a killed holder leaves: a file nobody answers on.
    writeFileSync(path.join(state, 'lock.sock'), '');
    const second = await acquirePublishLock(out, state, 'darwin');
    await second.check();
    await second.release();
  });

  it('ignores and removes a 0.1 lock file', async () => {
    const { legacyLock } = publishPaths(out);
    writeFileSync(legacyLock, `${process.pid} 0123456789abcdef\n`);
    await publishFiles(out, { 'a.txt': 'a' });
    expect(existsSync(legacyLock)).toBe(false);
  });

  it('fails the fencing check once the lock-info file names another holder', async () => {
    const lock = await acquirePublishLock(out, publishPaths(out).state);
    await lock.check();
    writeFileSync(publishPaths(out).lockInfo, '1 someoneelse\n');
    await expect(lock.check()).rejects.toMatchObject({ code: 'E_LOCKED' });
    await lock.release();
  });
});

describe('migrating a 0.1 output folder (a link into .public.builds/)', () => {
  /** The 0.1 layout: `public` → `.public.builds/<id>/`, with the user's first folder in `adopted/`. */
  function legacyLayout(): void {
    const { legacyBuilds, legacyLock } = publishPaths(out);
    const build = path.join(legacyBuilds, '0123456789abcdef');
    put(path.join(build, 'rss.xml'), 'old rss');
    put(path.join(build, 'tags/a/rss.xml'), 'old tag');
    put(path.join(build, 'index.html'), 'generated index');
    put(path.join(legacyBuilds, 'adopted', 'robots.txt'), 'user robots');
    put(path.join(legacyBuilds, 'adopted', 'css/site.css'), 'user css');
    put(path.join(legacyBuilds, 'adopted', 'index.html'), 'user index');
    symlinkSync(path.relative(dir, build), out, 'dir');
    writeFileSync(legacyLock, '999999999 00\n');
  }

  it('becomes a plain folder with the build and the user files; the old builds and lock are removed', async () => {
    legacyLayout();
    await publishFiles(out, { 'rss.xml': 'new rss', 'index.html': 'generated index 2' });
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(tree(out)).toEqual({ 'rss.xml': 'new rss', 'index.html': 'generated index 2', 'robots.txt': 'user robots', 'css/site.css': 'user css' });
    // The user's index.html, which 0.1 had moved aside, is kept beside the state.
    expect(readFileSync(path.join(publishPaths(out).state, 'kept', 'index.html'), 'utf8')).toBe('user index');
    expect(existsSync(publishPaths(out).legacyBuilds)).toBe(false);
    expect(existsSync(publishPaths(out).legacyLock)).toBe(false);
  });

  it("counts as storyfeed's only the 0.1 build's files shaped like its output; a file the user put into the linked folder stays", async () => {
    legacyLayout();
    // Added through the link after the last 0.1 build, so inside the build folder itself.
    put(path.join(out, 'notes/todo.txt'), 'user notes');
    put(path.join(out, 'tags/a/readme.txt'), 'user readme');
    put(path.join(out, 'CNAME'), 'example.org');
    await publishFiles(out, { 'rss.xml': 'new rss', 'index.html': 'generated index 2' });
    expect(Object.keys((await readOwnedRecord(publishPaths(out).owned)).files).sort()).toEqual(['index.html', 'rss.xml']);
    expect(tree(out)).toEqual({
      'rss.xml': 'new rss',
      'index.html': 'generated index 2',
      'robots.txt': 'user robots',
      'css/site.css': 'user css',
      'notes/todo.txt': 'user notes',
      'tags/a/readme.txt': 'user readme',
      CNAME: 'example.org',
    });
  });

  for (const stop of ['migrating', 'staged', 'swapped', 'migrated']) {
    it(`is completed by the next build when stopped at "${stop}"`, async () => {
      legacyLayout();
      const halted = publishFiles(
        out,
        { 'rss.xml': 'new rss', 'index.html': 'generated index 2' },
        {
          onStep: (s) => {
            if (s === stop) throw new Error('stopped');
          },
        },
      );
      await expect(halted).rejects.toThrow();
      await publishFiles(out, { 'rss.xml': 'new rss', 'index.html': 'generated index 2' });
      expect(tree(out)).toEqual({ 'rss.xml': 'new rss', 'index.html': 'generated index 2', 'robots.txt': 'user robots', 'css/site.css': 'user css' });
      expect(existsSync(publishPaths(out).legacyBuilds)).toBe(false);
    });
  }
});

describe('checkOutputFolder', () => {
  const context = (o: string) => ({ out: path.join(dir, o), seeds: path.join(dir, 'seeds'), cwd: dir, configDir: dir });
  beforeEach(() => {
    mkdirSync(path.join(dir, 'seeds'));
    mkdirSync(path.join(dir, 'site'));
    writeFileSync(path.join(dir, 'site', 'package.json'), '{}');
  });

  it('accepts a folder of its own', async () => {
    await expect(checkOutputFolder(context('public'))).resolves.toBeUndefined();
  });

  it('refuses a file with E_OUT_CONFLICT, before a build reads a seed', async () => {
    writeFileSync(path.join(dir, 'feeds'), 'mine');
    await expect(checkOutputFolder(context('feeds'))).rejects.toMatchObject({
      code: 'E_OUT_CONFLICT',
      message: `${path.join(dir, 'feeds')} exists and is not a folder [E_OUT_CONFLICT]`,
    });
    expect(readdirSync(dir).sort()).toEqual(['feeds', 'seeds', 'site']);
  });

  it.each([
    ['.', 'it is the current directory'],
    ['seeds', 'it is the seeds folder'],
    ['seeds/out', 'it lies inside the seeds folder'],
    ['..', 'it contains the seeds folder'],
    ['site', 'it holds package.json'],
  ])('refuses --out %s with E_OUT_UNSAFE', async (o, why) => {
    await expect(checkOutputFolder(context(o))).rejects.toMatchObject({ code: 'E_OUT_UNSAFE', message: expect.stringContaining(why) });
  });

  it('refuses the home folder, also from a build run outside it', async () => {
    const home = path.join(dir, 'home');
    mkdirSync(home);
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      await expect(checkOutputFolder({ out: home, seeds: path.join(dir, 'seeds'), cwd: path.join(dir, 'site') })).rejects.toMatchObject({
        code: 'E_OUT_UNSAFE',
        message: expect.stringContaining('it is your home folder'),
      });
      await expect(checkOutputFolder({ out: path.join(home, 'public'), seeds: path.join(dir, 'seeds'), cwd: path.join(dir, 'site') })).resolves.toBeUndefined();
    } finally {
      process.env.HOME = saved;
    }
  });
});
