import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_ID, type CodeParts, codeIdentity, codeParts, identityOf } from '../../src/node/code-identity.js';
import { FeedCache } from '../../src/node/feed-cache.js';
import { StoryCache } from '../../src/node/story-cache.js';
import { VERSION } from '../../src/version.js';
import { sampleDocument } from '../verify/fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-code-identity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const parts: CodeParts = { version: '1.2.3', build: 'b1', runtime: 'tz 2025a unicode 15.1 icu 76.1' };

describe('the code identity', () => {
  it('changes with the version, the build and the runtime data', () => {
    const base = identityOf(parts);
    const changed = [
      { ...parts, version: '1.2.4' },
      { ...parts, build: 'b2' },
      { ...parts, runtime: 'tz 2025b unicode 15.1 icu 76.1' },
    ].map(identityOf);
    for (const other of changed) expect(other).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
    // The parts cannot run into each other.
    expect(identityOf({ ...parts, version: '1.2.3 b1', build: '' })).not.toBe(base);
  });

  it('is read from the running code and runtime', () => {
    const read = codeParts();
    expect(read).toEqual({ version: VERSION, build: BUILD_ID, runtime: `tz ${process.versions.tz} unicode ${process.versions.unicode} icu ${process.versions.icu}` });
    expect(codeIdentity()).toBe(identityOf(read));
  });

  it('counts on exact versions of the packages that shape what the caches hold', () => {
    // The build's digest covers package.json and the lock file: a range would let an update change slugs or renderings under it.
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    for (const name of ['feed', 'any-ascii']) expect(manifest.dependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the digest of the sources in the built bundles, not the fallback for sources run directly', () => {
    expect(BUILD_ID).toBe('sources');
    // dist is built before the tests run (npm test): the module naming the runtime's data holds the build's digest.
    const bundles = readdirSync('dist')
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(path.join('dist', name), 'utf8'))
      .filter((text) => text.includes('unicode ${'));
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatch(/"[0-9a-f]{32}"/);
    expect(bundles[0]).not.toContain('__STORYFEED_BUILD__');
  });
});

describe('the caches', () => {
  const seed = 'a'.repeat(64);

  it('never give a story made by other code', async () => {
    const dir = path.join(work, 'stories');
    const made = new StoryCache(dir, null, undefined, identityOf(parts));
    const other = new StoryCache(dir, null, undefined, identityOf({ ...parts, build: 'b3' }));
    expect(made.key('seeds/one.md', seed, undefined)).not.toBe(other.key('seeds/one.md', seed, undefined));
    expect(new StoryCache(dir, null, undefined, identityOf(parts)).key('seeds/one.md', seed, undefined)).toBe(made.key('seeds/one.md', seed, undefined));
  });

  it('never give a rendering made by other code', () => {
    const doc = sampleDocument();
    const made = new FeedCache(path.join(work, 'feeds'), identityOf(parts));
    const other = new FeedCache(path.join(work, 'feeds'), identityOf({ ...parts, build: 'b2' }));
    for (const kind of ['feed', 'items', 'heads'] as const) expect(made.key(kind, doc)).not.toBe(other.key(kind, doc));
  });
});
