import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { isStoryfeedError } from '../../src/errors.js';
import { loadConfigFile } from '../../src/node/config-file.js';
import { cli } from '../support/cli.js';

/**
 * Settings a JavaScript or JSON configuration can hold that structuredClone cannot copy (functions,
 * symbols, getters that throw, 100,000 levels of nesting): each is an E_CONFIG problem naming its
 * path, never E_INTERNAL.
 */

const base = { siteUrl: 'https://x.example', title: 'X' };
const podcast = { image: 'https://x.example/a.jpg', categories: [{ text: 'Technology' }], explicit: false };

function problemsOf(value: unknown): string[] {
  try {
    validateConfig(value);
  } catch (error) {
    if (!isStoryfeedError(error)) throw new Error(`expected a StoryfeedError, got ${String(error)}`);
    expect(error.code).toBe('E_CONFIG');
    return [...error.problems];
  }
  throw new Error('expected the configuration to be refused');
}

describe('settings that are not plain data', () => {
  it('a getter that throws deep inside podcast names its path', () => {
    const category = Object.defineProperty({}, 'text', {
      enumerable: true,
      get() {
        throw new Error('deep boom');
      },
    });
    expect(problemsOf({ ...base, podcast: { ...podcast, categories: [category] } })).toEqual([
      'podcast.categories[0].text: cannot be read: deep boom (a getter or proxy behind it throws; pass plain values)',
    ]);
  });

  it('functions and symbols are reported, not handed to structuredClone', () => {
    expect(problemsOf({ ...base, podcast: { ...podcast, guid: Symbol('x'), fn() {} } })).toEqual([
      'podcast.guid: must be text, found symbol Symbol(x)',
      'podcast.fn: is not a podcast setting',
    ]);
    expect(problemsOf({ ...base, extensions: { json: { _x: { f: () => 1 } } } })).toEqual(['extensions.json["_x"]: holds function () => 1, which JSON cannot write']);
  });

  it('cycles and deep nesting are refused by path', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(problemsOf({ ...base, namespaces: cyclic })[0]).toMatch(/^namespaces(\.self)+: refers back to an object that contains it/);
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(problemsOf({ ...base, podcast: deep })[0]).toMatch(/: is nested more than 64 levels deep$/);
  });

  it('extensions are checked with the configuration (E_CONFIG), not when the feed is built', () => {
    expect(problemsOf({ ...base, extensions: { xml: { 'nope:x': 'v' } } })).toEqual([
      'extensions.xml["nope:x"]: uses the prefix "nope", which is not declared in the site\'s `namespaces`',
    ]);
  });
});

const made: string[] = [];
/** A temporary folder, removed after the test. */
function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('build --dry-run', () => {
  it('refuses the output folders a build would refuse', async () => {
    const dir = temp('storyfeed-dry-');
    mkdirSync(path.join(dir, 'seeds'));
    writeFileSync(path.join(dir, 'seeds', 'a.txt'), '---\ndate: 2024-01-01\n---\nHello\n\nBody text here.\n');
    for (const out of ['.', 'seeds', 'seeds/out', '..']) {
      writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ ...base, out }));
      const run = await cli(['build', '--dry-run'], { cwd: dir });
      expect(run.code, out).toBe(1);
      expect(run.stderr).toContain('[E_OUT_UNSAFE]');
    }
    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ ...base, out: 'public' }));
    expect((await cli(['build', '--dry-run'], { cwd: dir })).code).toBe(0);
  });
});

describe('a JSON configuration or sidecar that gives a name twice', () => {
  it('is refused with the line of the second one, not read as the last', async () => {
    const dir = temp('storyfeed-dupkey-');
    writeFileSync(path.join(dir, 'storyfeed.config.json'), `{\n  "siteUrl": "https://a.example/",\n  "title": "A",\n  "siteUrl": "https://b.example/"\n}\n`);
    await expect(loadConfigFile(undefined, dir)).rejects.toMatchObject({ code: 'E_CONFIG', line: 4, message: expect.stringContaining('"siteUrl" is given twice') });
    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify(base));
    mkdirSync(path.join(dir, 'seeds'));
    writeFileSync(path.join(dir, 'seeds', 'a.txt'), 'Hello\n\nBody text here.\n');
    writeFileSync(path.join(dir, 'seeds', 'a.meta.json'), '{"date": "2024-01-01",\n"date": "2025-01-01"}');
    const run = await cli(['build', '--dry-run'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('seeds/a.meta.json:2: "date" is given twice');
  });
});
