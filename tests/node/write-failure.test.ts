import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFailure } from '../../src/node/write-failure.js';

const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-write-failure-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A failed call shaped as Node reports it (a refusal of the file system cannot be caused at will, least of all as root). */
function refused(code: string, syscall: string, file: string, dest?: string): NodeJS.ErrnoException {
  const words = { EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system' }[code] ?? code;
  return Object.assign(new Error(`${code}: ${words}, ${syscall} '${file}'${dest ? ` -> '${dest}'` : ''}`), { code, syscall, path: file, ...(dest ? { dest } : {}) });
}

describe('writeFailure', () => {
  it('names the folder that could not be created, the one to make writable, and what to do instead', () => {
    expect(writeFailure(refused('EACCES', 'mkdir', '/srv/site/.public.storyfeed'), 'choose another output folder')).toBe(
      'cannot create the folder /srv/site/.public.storyfeed: permission denied (EACCES): make /srv/site writable for you, or choose another output folder',
    );
    expect(writeFailure(refused('EROFS', 'mkdir', '/mnt/disc/public'), 'choose another output folder')).toBe(
      'cannot create the folder /mnt/disc/public: /mnt/disc is on a read-only file system (EROFS): choose another output folder',
    );
    expect(writeFailure(refused('ENOENT', 'mkdir', '/proc/.feeds.storyfeed'))).toBe(
      'cannot create the folder /proc/.feeds.storyfeed: the file system there takes no new folders (ENOENT)',
    );
  });

  it('names the file a link or rename puts in place, and a temporary file by the file it stands for', () => {
    expect(writeFailure(refused('EACCES', 'link', '/srv/.public.storyfeed/tmp/1a-rss.xml', '/srv/public/rss.xml'), 'choose another output folder')).toBe(
      'cannot write /srv/public/rss.xml: permission denied (EACCES): make /srv/public writable for you, or choose another output folder',
    );
    expect(writeFailure(refused('EPERM', 'open', '/srv/state/.lock.12.ab.tmp'), undefined, '/srv/state/lock')).toBe(
      'cannot write /srv/state/lock: not permitted (EPERM): make /srv/state writable for you',
    );
  });

  it('names the file standing where a folder is needed', () => {
    const file = path.join(work, 'notes.txt');
    writeFileSync(file, 'mine');
    const folder = path.join(file, 'deeper', '.public.storyfeed');
    expect(writeFailure(refused('ENOTDIR', 'mkdir', folder), 'choose another output folder')).toBe(
      `cannot create the folder ${folder}: ${file} is a file, not a folder (ENOTDIR): choose another output folder`,
    );
  });

  it('says a failed look as a read, and gives any other error its own message', () => {
    expect(writeFailure(refused('EACCES', 'scandir', '/srv/state'))).toBe('/srv/state cannot be read (permission denied)');
    expect(writeFailure(new Error('something else'))).toBe('something else');
  });
});
