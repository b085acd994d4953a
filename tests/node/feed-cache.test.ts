import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lazyOutputs, readText, readTexts, writeTexts } from '../../src/node/feed-cache.js';

const work = mkdtempSync(path.join(tmpdir(), 'storyfeed-feed-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('feed cache entries', () => {
  const texts = { rss: '<rss>é — ]]> \u{1F600}</rss>\n', atom: '', json: '{"title": "Ω"}\n' };

  it('give back each text, alone or all together', async () => {
    const file = path.join(work, 'a');
    await writeTexts(file, texts);
    expect(readTexts(file)).toEqual(texts);
    for (const format of ['rss', 'atom', 'json'] as const) expect(readText(file, format)).toBe(texts[format]);
  });

  it('are a miss when missing or cut off', async () => {
    const file = path.join(work, 'b');
    expect(readTexts(file)).toBeUndefined();
    await writeTexts(file, texts);
    writeFileSync(file, 'sf2 10 0 3\nshort');
    expect(readTexts(file)).toBeUndefined();
  });

  it('read lazily, from the entry and then from the published files', async () => {
    const file = path.join(work, 'c');
    await writeTexts(file, texts);
    const lazy = lazyOutputs(file);
    expect({ ...lazy.outputs }).toEqual(texts);
    const published = { rss: path.join(work, 'rss.xml'), atom: path.join(work, 'atom.xml'), json: path.join(work, 'feed.json') };
    for (const format of ['rss', 'atom', 'json'] as const) writeFileSync(published[format], `${format}!`);
    lazy.moveTo(published);
    rmSync(file);
    expect(lazy.outputs.rss).toBe('rss!');
    expect(JSON.parse(JSON.stringify(lazy.outputs))).toEqual({ rss: 'rss!', atom: 'atom!', json: 'json!' });
  });
});
