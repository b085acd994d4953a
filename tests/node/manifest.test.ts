import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { contentHash, type Manifest, type ManifestEntry, manifestParts, reconcileWithManifest } from '../../src/node/manifest.js';
import { parseSeed } from '../../src/story/normalize.js';

/** Text with what JSON escapes (quotes, backslashes, control characters, line breaks) and what it does not (non-ASCII, astral). */
const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '"', '\\', '\n', '\r', '\t', '\u0000', '\u001f', 'é', '—', '\u2028', '😀', '/', ':'), maxLength: 30 });
const iso = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

const entry: fc.Arbitrary<ManifestEntry> = fc.record(
  { id: text, file: text, hash: fc.stringMatching(/^[0-9a-f]{32}$/), updated: iso, published: iso },
  { requiredKeys: ['id', 'hash', 'updated'] },
);
const slugs = fc.record({ tags: fc.dictionary(text, text, { maxKeys: 4 }), authors: fc.dictionary(text, text, { maxKeys: 4 }) });
const manifest: fc.Arbitrary<Manifest> = fc
  .tuple(fc.array(entry, { maxLength: 40 }), fc.option(slugs, { nil: undefined }))
  .map(([stories, slugs]) => ({ version: 1, stories, ...(slugs !== undefined ? { slugs } : {}) }));

describe('manifestParts', () => {
  it('gives the bytes of JSON.stringify(manifest, null, 2) and a newline, in parts of any size', () => {
    fc.assert(
      fc.property(manifest, fc.integer({ min: 1, max: 50 }), (m, partStories) => {
        const parts = [...manifestParts(m, partStories)];
        expect(Buffer.concat(parts).toString('utf8')).toBe(`${JSON.stringify(m, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('holds one part at a time: each part holds the stories asked for, however many there are', () => {
    const stories = Array.from(
      { length: 20_000 },
      (_, i): ManifestEntry => ({ id: `https://news.example.com/story-${i}`, hash: '0'.repeat(32), updated: '2024-01-01T00:00:00.000Z' }),
    );
    const parts = [...manifestParts({ version: 1, stories }, 100)];
    expect(parts.length).toBe(201);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(100 * 200);
  });

  it('skips a key whose value is undefined, as JSON.stringify does', () => {
    const m = { version: 1, stories: [], slugs: undefined } as unknown as Manifest;
    expect(Buffer.concat([...manifestParts(m)]).toString()).toBe(`${JSON.stringify(m, null, 2)}\n`);
  });
});

describe('W_ID_CHANGED', () => {
  const story = parseSeed('---\ndate: 2024-05-01T08:00:00Z\nurl: /view?id[post]=7\n---\nFerry resumes\n\nThe ferry resumed service.\n', {
    file: 'ferry.md',
    site: { siteUrl: 'https://news.example.com' },
  });
  const previous = (id: string): Manifest => ({ version: 1, stories: [{ id, hash: contentHash(story), updated: '2024-05-01T08:00:00.000Z' }] });
  const told = async (id: string): Promise<string> => {
    const warnings: Diagnostic[] = [];
    await reconcileWithManifest([story], previous(id), { onWarning: (d) => warnings.push(d) });
    expect(warnings.map((w) => w.code)).toEqual(['W_ID_CHANGED']);
    return warnings[0]!.message;
  };

  it('tells how to keep the old id when front matter may give it', async () => {
    expect(story.id).toBe('https://news.example.com/view?id%5Bpost%5D=7');
    expect(await told('tag:news.example.com,2024:ferry')).toContain('Add `id: tag:news.example.com,2024:ferry` to its front matter to keep the old one');
  });

  it('says the old id cannot be kept when it holds what feeds must not carry, instead of advice front matter refuses', async () => {
    const message = await told('https://news.example.com/view?id[post]=7');
    expect(message).not.toContain('Add `id:');
    expect(message).toContain('The old id cannot be kept: the URI "https://news.example.com/view?id[post]=7" contains "["');
  });
});
