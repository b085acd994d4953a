import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_ID, type CodeParts, codeIdentity, codeParts, IDENTITY_PACKAGES, identityOf, installedVersion } from '../../src/node/code-identity.js';
import { FeedCache } from '../../src/node/feed-cache.js';
import { StoryCache } from '../../src/node/story-cache.js';
import { VERSION } from '../../src/version.js';
import { sampleDocument } from '../verify/fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-code-identity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const parts: CodeParts = { version: '1.2.3', build: 'b1', packages: { feed: '6.0.0', 'any-ascii': '0.3.3' }, runtime: 'tz 2025a unicode 15.1 icu 76.1' };

describe('the code identity', () => {
  it('changes with the version, the build, any package version and the runtime data', () => {
    const base = identityOf(parts);
    const changed = [
      { ...parts, version: '1.2.4' },
      { ...parts, build: 'b2' },
      { ...parts, packages: { ...parts.packages, feed: '6.0.1' } },
      { ...parts, packages: { ...parts.packages, saxes: '6.0.0' } },
      { ...parts, runtime: 'tz 2025b unicode 15.1 icu 76.1' },
    ].map(identityOf);
    for (const other of changed) expect(other).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
    // The packages' order does not matter; the parts cannot run into each other.
    expect(identityOf({ ...parts, packages: { 'any-ascii': '0.3.3', feed: '6.0.0' } })).toBe(base);
    expect(identityOf({ ...parts, version: '1.2.3 b1', build: '' })).not.toBe(base);
  });

  it('reads the installed version of each package that shapes the outputs', () => {
    const read = codeParts();
    expect(read.version).toBe(VERSION);
    expect(read.build).toBe(BUILD_ID);
    for (const name of IDENTITY_PACKAGES) {
      const manifest = JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(read.packages[name]).toBe(manifest.version);
    }
    expect(read.runtime).toContain(`tz ${process.versions.tz}`);
    expect(codeIdentity()).toBe(identityOf(read));
  });

  it('takes a package version from the package’s own manifest, not a nested one', () => {
    const modules = path.join(work, 'app', 'node_modules');
    mkdirSync(path.join(modules, 'demo-pkg', 'lib'), { recursive: true });
    writeFileSync(path.join(modules, 'demo-pkg', 'package.json'), JSON.stringify({ name: 'demo-pkg', version: '2.5.0', main: 'lib/index.js' }));
    // A manifest beside the main file that is not the package's (as "type" markers are).
    writeFileSync(path.join(modules, 'demo-pkg', 'lib', 'package.json'), JSON.stringify({ type: 'commonjs' }));
    writeFileSync(path.join(modules, 'demo-pkg', 'lib', 'index.js'), 'module.exports = 1;\n');
    const from = pathToFileURL(path.join(work, 'app', 'index.js')).href;
    expect(installedVersion('demo-pkg', from)).toBe('2.5.0');
    expect(installedVersion('no-such-package-here', from)).toBe('missing');
  });

  it('is the digest of the sources in the built bundles, not the fallback for sources run directly', () => {
    expect(BUILD_ID).toBe('sources');
    // dist is built before the tests run (npm test): the module reading the packages' versions names them in order.
    const names = JSON.stringify(IDENTITY_PACKAGES);
    const bundles = readdirSync('dist')
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(path.join('dist', name), 'utf8'))
      .filter((text) => text.includes(names));
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
    const other = new StoryCache(dir, null, undefined, identityOf({ ...parts, packages: { ...parts.packages, 'any-ascii': '0.3.4' } }));
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
