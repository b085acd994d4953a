import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readIndexedBody } from '../../src/node/indexed-body.js';
import { StoryCache } from '../../src/node/story-cache.js';
import { parseSeed } from '../../src/story/normalize.js';

/** Appends to the index fail while `failing.on` is set, as on a full disk. */
const failing = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {
    ...actual,
    writeSync: (...args: Parameters<typeof actual.writeSync>) => {
      if (failing.on) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      return (actual.writeSync as (...a: unknown[]) => number)(...args);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-cache-failure-'));
  failing.on = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const site = { siteUrl: 'https://news.example.com' };
const story = (i: number) => parseSeed(`Story ${i}\n\nThe body of story ${i}.\n`, { file: `seeds/story-${i}.txt`, site });

describe('story cache index that cannot be written', () => {
  it('keeps the bodies it holds readable, and stores no more lines', async () => {
    const cache = new StoryCache(dir, 'settings');
    const first = await cache.set('a'.repeat(64), story(1), []);
    expect(first).toBeDefined();
    failing.on = true;
    expect(await cache.set('b'.repeat(64), story(2), [])).toBeUndefined();
    failing.on = false;
    // The descriptor the body store holds still reads the first body.
    expect(readIndexedBody(first!).contentText).toContain('The body of story 1.');
    expect(await cache.set('c'.repeat(64), story(3), [])).toBeUndefined();
    cache.close();
  });
});
