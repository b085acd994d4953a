import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { Diagnostic } from '../../src/errors.js';
import { buildSite } from '../../src/node/build.js';

/** Bodies read back from the story cache's index. */
const bodyReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/node/indexed-body.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/node/indexed-body.js')>();
  return {
    ...actual,
    readIndexedBody: (...args: Parameters<typeof actual.readIndexedBody>) => {
      bodyReads.count++;
      return actual.readIndexedBody(...args);
    },
  };
});

/**
 * Links between the writers' own Markdown files (page bundles, as Hugo, Obsidian or GitHub have them)
 * give the linked stories' addresses in the feeds; links to files that are none of the seeds are left
 * out with their text, and links to a story published elsewhere are warned about. A cold build, a warm
 * one and builds after edits give the same feeds and warnings as a build without any cache.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-file-links-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config = validateConfig({ siteUrl: 'https://ex.com', title: 'T', description: 'D', language: 'en', entities: false });

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const post = (title: string, day: number, body: string, more = ''): string => `---\ntitle: ${title}\ndate: 2024-01-0${day}\n${more}---\n\n${body}\n`;

/** A build's RSS feed and its warnings. */
async function build(cache = true): Promise<{ rss: string; warnings: string[]; misses: number | undefined }> {
  const warnings: Diagnostic[] = [];
  const result = await buildSite({
    config,
    cwd: dir,
    seeds: 'seeds',
    out: cache ? 'out' : 'copy',
    workers: 0,
    sourceDateEpoch: '1700000000',
    cache,
    documentBodies: false,
    onWarning: (d) => warnings.push(d),
  });
  return { rss: result.outputs.rss, warnings: warnings.map((d) => `${d.file}:${d.line} ${d.message}`), misses: result.cache?.misses };
}

/** The links of the first post's item in the RSS feed. */
const linksOfFirst = (rss: string): string[] => {
  const item = /<item>(?:(?!<\/item>)[\s\S])*?First post[\s\S]*?<\/item>/.exec(rss)?.[0] ?? '';
  return [...item.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
};

describe('links to other articles’ Markdown files', () => {
  it('give the feeds the linked stories’ addresses, the same on cold, warm and edit builds as without a cache', async () => {
    write(
      'seeds/posts/first-post/index.md',
      post('First post', 1, 'See [the second](../second-post/index.md#details), [the third](../third-post/index.md), [custom](../custom/index.md) and [notes](./notes.txt).'),
    );
    write('seeds/posts/second-post/index.md', post('Second post', 2, 'The second post.\n\n## Details\n\nMore.'));
    write('seeds/posts/custom/index.md', post('Custom', 3, 'A story with its own slug.', 'slug: elsewhere\n'));

    const cold = await build();
    expect(linksOfFirst(cold.rss)).toEqual(['https://ex.com/second-post#details', 'https://ex.com/custom', 'https://ex.com/first-post/notes.txt']);
    expect(cold.rss).toContain('the third');
    expect(cold.warnings).toEqual([
      expect.stringMatching(/^seeds\/posts\/first-post\/index\.md:6 left out a link to a Markdown file that is none of the seeds.*\.\.\/third-post\/index\.md/),
      expect.stringMatching(
        /^seeds\/posts\/first-post\/index\.md:6 the link to \.\.\/custom\/index\.md .*published at https:\/\/ex\.com\/elsewhere.*link to https:\/\/ex\.com\/elsewhere instead/,
      ),
    ]);

    // Warm: every story from the cache's records, no body read, the same feeds and warnings.
    bodyReads.count = 0;
    const warm = await build();
    expect(warm.misses).toBe(0);
    expect(bodyReads.count).toBe(0);
    expect(warm.rss).toBe(cold.rss);
    expect(warm.warnings).toEqual(cold.warnings);
    expect(await build(false)).toEqual({ ...cold, misses: undefined });

    // The linked file becomes a seed: the first post (unchanged) is read again and links to it.
    write('seeds/posts/third-post/index.md', post('Third post', 4, 'The third post.'));
    const added = await build();
    expect(linksOfFirst(added.rss)).toEqual(['https://ex.com/second-post#details', 'https://ex.com/third-post', 'https://ex.com/custom', 'https://ex.com/first-post/notes.txt']);
    expect(added.warnings).toEqual([cold.warnings[1]]);
    expect(added.misses).toBe(2);
    expect(await build(false)).toEqual({ ...added, misses: undefined });
    const warmAgain = await build();
    expect(warmAgain).toEqual({ ...added, misses: 0 });

    // Another story edited: the first post comes from the cache as it was.
    write('seeds/posts/second-post/index.md', post('Second post', 2, 'The second post, edited.\n\n## Details\n\nMore.'));
    const edited = await build();
    expect(edited.misses).toBe(1);
    expect(linksOfFirst(edited.rss)).toEqual(linksOfFirst(added.rss));
    expect(edited.warnings).toEqual(added.warnings);

    // The linked seed goes: its link is left out again.
    rmSync(path.join(dir, 'seeds/posts/third-post'), { recursive: true });
    const removed = await build();
    expect(linksOfFirst(removed.rss)).toEqual(linksOfFirst(cold.rss));
    expect(removed.warnings).toEqual(cold.warnings);
    expect(await build(false)).toEqual({ ...removed, misses: undefined });
  }, 60_000);
});
