import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolder, unmakeFolders } from '../../src/node/make-folder.js';
import { publishFiles } from '../../src/node/publish.js';

const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-make-folder-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('makeFolder', () => {
  it('makes the folders missing above a folder, and takes one that is there as made', async () => {
    const deep = path.join(work, 'a', 'b', 'c');
    expect(await makeFolder(deep)).toEqual([path.join(work, 'a'), path.join(work, 'a', 'b'), deep]);
    expect(statSync(deep).isDirectory()).toBe(true);
    await expect(makeFolder(deep)).resolves.toEqual([]);
  });

  it('removes again the folders it made while they are empty, deepest first, and stops at one that is not', async () => {
    const made = await makeFolder(path.join(work, 'x', 'y', 'z'));
    writeFileSync(path.join(work, 'x', 'kept'), 'x');
    await unmakeFolders(made);
    expect(existsSync(path.join(work, 'x', 'y'))).toBe(false);
    expect(readdirSync(path.join(work, 'x'))).toEqual(['kept']);
  });

  it('gives the error of a folder it cannot make under a file', async () => {
    writeFileSync(path.join(work, 'file'), 'x');
    await expect(makeFolder(path.join(work, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // /proc refuses new folders with ENOENT while it exists: Node's recursive mkdir retried it without end.
  it.skipIf(!existsSync('/proc/self'))('throws, once, where the file system refuses a folder whose parent exists (regression: publishing to /proc/x spun for ever)', async () => {
    await expect(makeFolder('/proc/storyfeed-no-such/sub')).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(publishFiles('/proc/storyfeed-feeds', { 'rss.xml': 'x' })).rejects.toMatchObject({
      code: 'E_IO',
      message: expect.stringContaining(
        'cannot create the folder /proc/.storyfeed-feeds.storyfeed: the file system there takes no new folders (ENOENT): choose another output folder',
      ),
    });
  });
});
