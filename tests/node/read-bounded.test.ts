import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../src/errors.js';
import { readBounded, readBoundedSync, type BoundedReadOptions } from '../../src/node/read-bounded.js';
import { makeTemp, removeTemp } from '../reliability/support.js';

let dir: string;
beforeAll(() => {
  dir = makeTemp('read-bounded');
  writeFileSync(path.join(dir, 'ten.txt'), '0123456789');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  mkdirSync(path.join(dir, 'folder'));
});
afterAll(() => removeTemp(dir));

const options = (maxBytes: number): BoundedReadOptions => ({
  maxBytes,
  what: 'seed file',
  tooLarge: (size) => new StoryfeedError('E_TOO_LARGE', size === undefined ? 'grew past the limit' : `is ${size} bytes`),
});

/** The error code and message a read fails with, or the bytes it read as text. */
async function both(file: string, maxBytes: number): Promise<string[]> {
  const one = (fn: () => Uint8Array): string => {
    try {
      return Buffer.from(fn()).toString('utf8');
    } catch (error) {
      return error instanceof StoryfeedError ? `${error.code} ${error.detail}` : `raw ${String(error)}`;
    }
  };
  const sync = one(() => readBoundedSync(file, options(maxBytes)));
  let async: string;
  try {
    async = Buffer.from(await readBounded(file, options(maxBytes))).toString('utf8');
  } catch (error) {
    async = error instanceof StoryfeedError ? `${error.code} ${error.detail}` : `raw ${String(error)}`;
  }
  return [sync, async];
}

describe('the bounded reader', () => {
  it('reads a regular file up to and including the cap, and refuses one byte more by its size', async () => {
    expect(await both(path.join(dir, 'ten.txt'), 10)).toEqual(['0123456789', '0123456789']);
    expect(await both(path.join(dir, 'ten.txt'), 9)).toEqual(['E_TOO_LARGE is 10 bytes', 'E_TOO_LARGE is 10 bytes']);
    expect(await both(path.join(dir, 'empty.txt'), 10)).toEqual(['', '']);
  });

  it('names folders and missing files', async () => {
    const folder = path.join(dir, 'folder');
    expect(await both(folder, 10)).toEqual([`E_IO ${folder} is a folder, not a seed file`, `E_IO ${folder} is a folder, not a seed file`]);
    const missing = path.join(dir, 'missing.txt');
    expect(await both(missing, 10)).toEqual([`E_IO ${missing} does not exist`, `E_IO ${missing} does not exist`]);
  });

  it.skipIf(!existsSync('/proc/self/status'))('does not trust a size of 0: a file that reads longer than it says is still capped', async () => {
    // /proc files report size 0 and have content, like a file growing while it is read.
    const [sync, async] = await both('/proc/self/status', 50);
    expect(sync).toBe('E_TOO_LARGE grew past the limit');
    expect(async).toBe('E_TOO_LARGE grew past the limit');
    const [whole] = await both('/proc/self/status', 1_000_000);
    expect(whole).toContain('VmHWM');
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device without reading from it', async () => {
    expect(await both('/dev/zero', 1_000_000)).toEqual([
      'E_IO /dev/zero is a character device, not a seed file; storyfeed reads only regular files',
      'E_IO /dev/zero is a character device, not a seed file; storyfeed reads only regular files',
    ]);
  });
});
