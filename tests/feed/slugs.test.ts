import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildFeedSet, feedSlugs } from '../../src/feed/sets.js';
import { buildSite } from '../../src/node/build.js';
import { MANIFEST_FILE } from '../../src/node/manifest.js';

const site = { siteUrl: 'https://x.example', title: 'X' };
const item = (n: number, tags: string[], authors: string[] = ['Ann']) => ({ url: `/s${n}`, title: `S${n}`, published: `2024-01-0${n}`, tags, authors });
const paths = (entries: ReturnType<typeof buildFeedSet>) => Object.fromEntries(entries.filter((e) => e.kind !== 'main').map((e) => [`${e.kind}:${e.name}`, e.path]));

describe('tag and author feed slugs (regression: adding tag "C" moved tags/c/ away from "C#")', () => {
  it('are assigned on first sight and kept when a colliding name arrives', () => {
    const first = buildFeedSet([item(1, ['C#'])], site, { tagFeeds: true, authorFeeds: true });
    expect(paths(first)).toEqual({ 'tag:C#': 'tags/c/', 'author:Ann': 'authors/ann/' });
    const slugs = feedSlugs(first);
    expect(slugs).toEqual({ tags: { 'c#': 'c' }, authors: { ann: 'ann' } });
    // Without the record, "C" sorts first and takes tags/c/: the defect.
    expect(paths(buildFeedSet([item(1, ['C#']), item(2, ['C'])], site, { tagFeeds: true }))['tag:C#']).toBe('tags/c-2/');
    const second = buildFeedSet([item(1, ['C#']), item(2, ['C'], ['ANN', 'Ann!'])], site, { tagFeeds: true, authorFeeds: true, slugs });
    expect(paths(second)).toEqual({ 'tag:C': 'tags/c-2/', 'tag:C#': 'tags/c/', 'author:Ann': 'authors/ann/', 'author:Ann!': 'authors/ann-2/' });
  });

  it('are recorded for any name, one naming a field of every object (__proto__, constructor) too, and kept through JSON', () => {
    const first = feedSlugs(buildFeedSet([item(1, ['__proto__', 'constructor'], ['__proto__'])], site, { tagFeeds: true, authorFeeds: true }));
    expect(Object.entries(first.tags)).toEqual([
      ['__proto__', 'proto'],
      ['constructor', 'constructor'],
    ]);
    expect(Object.entries(first.authors)).toEqual([['__proto__', 'proto']]);
    // As a build's manifest keeps them: a tag arriving with the same slug gets another folder, the first keeps its own.
    const slugs = JSON.parse(JSON.stringify(first));
    const second = buildFeedSet([item(1, ['__proto__']), item(2, ['Proto'])], site, { tagFeeds: true, slugs });
    expect(paths(second)).toMatchObject({ 'tag:__proto__': 'tags/proto/', 'tag:Proto': 'tags/proto-2/' });
    expect(Object.entries(feedSlugs(second, slugs).tags)).toContainEqual(['__proto__', 'proto']);
  });

  it('stay reserved while their tag is absent, so it gets its folder back', () => {
    const slugs = feedSlugs(buildFeedSet([item(1, ['C#'])], site, { tagFeeds: true }));
    const without = buildFeedSet([item(2, ['C'])], site, { tagFeeds: true, slugs });
    expect(paths(without)).toEqual({ 'tag:C': 'tags/c-2/' });
    const kept = feedSlugs(without, slugs);
    expect(paths(buildFeedSet([item(1, ['C#']), item(2, ['C'])], site, { tagFeeds: true, slugs: kept }))).toEqual({ 'tag:C': 'tags/c-2/', 'tag:C#': 'tags/c/' });
  });

  it('never name a new folder as Windows names a device (it could not be made, checked out or unpacked there)', () => {
    const set = buildFeedSet([item(1, ['Con', 'NUL', 'com1', 'LPT9', 'aux', 'Console', 'com10'], ['Prn'])], site, { tagFeeds: true, authorFeeds: true });
    expect(paths(set)).toEqual({
      'tag:Con': 'tags/con-2/',
      'tag:NUL': 'tags/nul-2/',
      'tag:com1': 'tags/com1-2/',
      'tag:LPT9': 'tags/lpt9-2/',
      'tag:aux': 'tags/aux-2/',
      'tag:Console': 'tags/console/',
      'tag:com10': 'tags/com10/',
      'author:Prn': 'authors/prn-2/',
    });
    // One an earlier build recorded keeps its folder: a feed's URL never moves.
    const kept = buildFeedSet([item(1, ['Con'])], site, { tagFeeds: true, slugs: { tags: { con: 'con' }, authors: {} } });
    expect(paths(kept)).toEqual({ 'tag:Con': 'tags/con/' });
  });

  it('ignore a recorded slug that slugify could not have made', () => {
    const set = buildFeedSet([item(1, ['C#'])], site, { tagFeeds: true, slugs: { tags: { 'c#': '../../etc' }, authors: {} } });
    expect(paths(set)).toEqual({ 'tag:C#': 'tags/c/' });
  });

  describe('through buildSite and the manifest', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-slugs-'));
      mkdirSync(path.join(dir, 'seeds'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps tags/c/ for "C#" after a later story adds "C"', async () => {
      const config = validateConfig({ siteUrl: 'https://x.example', title: 'X', entities: false, tagFeeds: true });
      writeFileSync(path.join(dir, 'seeds', '2024-01-01-sharp.md'), '---\ntags: ["C#"]\n---\n# Sharp\n\nAbout C#.\n');
      await buildSite({ config, cwd: dir, cache: false, workers: 0 });
      writeFileSync(path.join(dir, 'seeds', '2024-01-02-c.md'), '---\ntags: ["C"]\n---\n# Plain C\n\nAbout C.\n');
      const second = await buildSite({ config, cwd: dir, cache: false, workers: 0 });
      expect(Object.fromEntries(second.feeds.filter((f) => f.entry.kind === 'tag').map((f) => [f.entry.name, f.entry.path]))).toEqual({ 'C#': 'tags/c/', C: 'tags/c-2/' });
      expect(readFileSync(path.join(dir, 'public', 'tags', 'c', 'rss.xml'), 'utf8')).toContain('<title>Sharp</title>');
      expect(JSON.parse(readFileSync(path.join(dir, 'public', MANIFEST_FILE), 'utf8')).slugs.tags).toEqual({ c: 'c-2', 'c#': 'c' });
    });
  });
});
