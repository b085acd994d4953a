import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-options-'));
  mkdirSync(path.join(dir, 'seeds'));
  writeFileSync(path.join(dir, 'seeds', '2024-01-01-a.txt'), `A story\n${'A paragraph of text that goes on. '.repeat(8)}\n\nAnother paragraph.\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The new site settings work through the whole build: config file, feeds, and the verification that gates publishing. */
describe('buildSite with the library settings in the config', () => {
  const cases: [string, Record<string, unknown>, (rss: string) => void][] = [
    ['content: summary', { content: 'summary' }, (rss) => expect(rss).not.toContain('Another paragraph')],
    ['contentLimit', { contentLimit: 120 }, (rss) => expect(rss).toContain('Read the full story')],
    [
      'podcast',
      { podcast: { image: 'https://x.example/a.jpg', categories: [{ text: 'News' }], explicit: false } },
      (rss) => expect(rss).toContain('<itunes:category text="News"/>'),
    ],
    [
      'namespaces and extensions',
      { namespaces: { ex: 'https://x.example/ns' }, extensions: { xml: { 'ex:site': 'x' }, json: { _ex: { a: 1 } } } },
      (rss) => expect(rss).toContain('<ex:site>x</ex:site>'),
    ],
  ];
  it.each(cases)('%s builds and verifies', async (_name, extra, check) => {
    const config = validateConfig({ siteUrl: 'https://x.example', title: 'X', entities: false, ...extra });
    const result = await buildSite({ config, cwd: dir, cache: false, workers: 0, write: false });
    expect(result.report.ok).toBe(true);
    check(result.outputs.rss);
  });

  it('reports a podcast without artwork, category or explicit in the config, with every field', () => {
    expect(() => validateConfig({ siteUrl: 'https://x.example', title: 'X', podcast: {} })).toThrow(/podcast\.image[\s\S]*podcast\.categories[\s\S]*podcast\.explicit/);
    expect(() => validateConfig({ siteUrl: 'https://x.example', title: 'X', undated: 'never' })).toThrow(/undated: must be "first-published" or "error"/);
  });
});
