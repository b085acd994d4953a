import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';

/**
 * A folder of the output replaced by a link while the build reads a file to be removed: the file's
 * recorded hash is read again before its removal when its change time is not settled (a file system
 * with coarse times), and that read is asynchronous. The link must be found after it, not only before.
 */
const hook = { armed: false, fire: () => {} };
vi.mock('../../src/node/owned-files.js', async (original) => {
  const real = (await original()) as Record<string, unknown>;
  return {
    ...real,
    isSettled: () => false,
    digestFile: async (file: string) => {
      const digest = await (real.digestFile as (f: string) => Promise<string | undefined>)(file);
      if (hook.armed && file.includes(`archive${path.sep}1`)) {
        hook.armed = false;
        hook.fire();
      }
      return digest;
    },
  };
});
const { publishFiles } = await import('../../src/node/publish.js');

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('removes nothing through a folder that became a link while the file to remove was read', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-link-race-'));
  const out = path.join(dir, 'public');
  const elsewhere = path.join(dir, 'bigdisk');
  mkdirSync(elsewhere);
  await publishFiles(out, { 'rss.xml': 'r', 'archive/1/rss.xml': 'a1' });
  hook.fire = () => {
    renameSync(path.join(out, 'archive'), path.join(elsewhere, 'archive'));
    symlinkSync(path.join('..', 'bigdisk', 'archive'), path.join(out, 'archive'));
  };
  const result = await publishFiles(out, { 'rss.xml': 'r2' }, { onStep: (step) => void (step === 'written' && (hook.armed = true)) });
  expect(hook.armed).toBe(false);
  expect(result.removed).toEqual([]);
  expect(result.throughLinks).toEqual({ archive: ['archive/1/rss.xml'] });
  expect(existsSync(path.join(elsewhere, 'archive', '1', 'rss.xml'))).toBe(true);
});
