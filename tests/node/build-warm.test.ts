import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';

/**
 * A rebuild with nothing changed takes every feed from the feed cache, the head of a large feed
 * included: it renders nothing (and so loads neither the renderers nor the verifier).
 */
const renders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/render/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/render/index.js')>();
  return {
    ...actual,
    renderFormat: (...args: Parameters<typeof actual.renderFormat>) => {
      renders.count++;
      return actual.renderFormat(...args);
    },
    renderFormats: (...args: Parameters<typeof actual.renderFormats>) => {
      renders.count++;
      return actual.renderFormats(...args);
    },
    renderFeeds: (...args: Parameters<typeof actual.renderFeeds>) => {
      renders.count++;
      return actual.renderFeeds(...args);
    },
  };
});

/** Outputs read back from the feed cache (to hash or to write them). */
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/node/feed-cache.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/node/feed-cache.js')>();
  return {
    ...actual,
    readBytes: (...args: Parameters<typeof actual.readBytes>) => {
      reads.count++;
      return actual.readBytes(...args);
    },
    readBytesInto: (...args: Parameters<typeof actual.readBytesInto>) => {
      reads.count++;
      return actual.readBytesInto(...args);
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-build-warm-'));
  renders.count = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const oneFeed = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', authors: ['Desk <desk@news.example.com>'], entities: false });

function writeSeeds(n: number): void {
  mkdirSync(path.join(dir, 'seeds'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    writeFileSync(path.join(dir, 'seeds', `2023-${month}-${day}-story-${i}.md`), `---\ntitle: "Story ${i} & <b>"\n---\nThe first paragraph of story ${i} says something.\n`);
  }
}

describe('a rebuild with nothing changed', () => {
  it('renders nothing for a large feed in pieces, and publishes the same bytes', async () => {
    writeSeeds(520);
    const options = { config: oneFeed, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' };
    await buildSite(options);
    appendFileSync(path.join(dir, 'seeds', '2023-03-06-story-61.md'), '\nAn added sentence.\n');
    renders.count = 0;
    await buildSite(options);
    // The edited story's piece is rendered again: the counter sees renders.
    expect(renders.count).toBeGreaterThan(0);
    const files = ['rss.xml', 'atom.xml', 'feed.json'].map((f) => readFileSync(path.join(dir, 'public', f)));
    // The first rebuild renders the head (the document with its first item only) and keeps it in the cache.
    await buildSite(options);
    renders.count = 0;
    const again = await buildSite(options);
    expect(renders.count).toBe(0);
    expect(again.written).toBe(false);
    expect(['rss.xml', 'atom.xml', 'feed.json'].map((f) => readFileSync(path.join(dir, 'public', f)))).toEqual(files);
    // Into a fresh output folder (no record of the edit: the edited story is dated anew), the cached
    // pieces publish the bytes a build without cache writes.
    await buildSite({ ...options, out: 'fresh' });
    await buildSite({ ...options, out: 'reference', cache: false });
    for (const f of ['rss.xml', 'atom.xml', 'feed.json']) expect(readFileSync(path.join(dir, 'fresh', f))).toEqual(readFileSync(path.join(dir, 'reference', f)));
  }, 120_000);

  it('records the digests of the feeds it published, and a rebuild hashes none of them again', async () => {
    writeSeeds(520);
    const options = { config: oneFeed, cwd: dir, workers: 0, sourceDateEpoch: '1700000000' };
    await buildSite(options);
    await buildSite(options);
    const feeds = path.join(dir, '.storyfeed-cache', 'feeds');
    const records = readdirSync(feeds).filter((name) => name.endsWith('.sha256'));
    expect(records.length).toBeGreaterThan(0);
    // Each record holds the SHA-256 of the files published from its entry, format by format.
    const published = ['rss.xml', 'atom.xml', 'feed.json'].map((f) =>
      createHash('sha256')
        .update(readFileSync(path.join(dir, 'public', f)))
        .digest('hex'),
    );
    expect(records.some((name) => readFileSync(path.join(feeds, name), 'latin1') === published.join(' '))).toBe(true);
    // The feed cache's pieces are not read back to hash the unchanged feeds.
    reads.count = 0;
    const again = await buildSite(options);
    expect(again.written).toBe(false);
    expect(reads.count).toBe(0);
    expect(
      ['rss.xml', 'atom.xml', 'feed.json'].map((f) =>
        createHash('sha256')
          .update(readFileSync(path.join(dir, 'public', f)))
          .digest('hex'),
      ),
    ).toEqual(published);
  }, 120_000);
});
