import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The paths a large build takes — worker threads for seeds and feeds, feeds rendered and verified in
 * pieces, and the cache of verified feeds — must give exactly what a plain build in one thread
 * gives. Worker threads run the built library, so this test uses `dist/` (built by `npm test`).
 */
const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist/node.js');
const story = path.join(root, 'dist/story.js');

type BuildSite = (options: Record<string, unknown>) => Promise<{ contents: Record<string, string>; sizes: Record<string, number>; report: unknown; stories: unknown[] }>;

describe.skipIf(!existsSync(dist))('a large build', () => {
  let work: string;
  let seeds: string;
  let buildSite: BuildSite;
  let config: unknown;

  beforeAll(async () => {
    ({ buildSite } = (await import(dist)) as { buildSite: BuildSite });
    const { validateConfig } = (await import(story)) as { validateConfig: (v: unknown) => unknown };
    config = validateConfig({
      siteUrl: 'https://news.example.com',
      title: 'Example & <News>',
      language: 'en',
      authors: [{ name: 'Desk', email: 'desk@news.example.com' }],
      entities: false,
    });
    work = mkdtempSync(path.join(tmpdir(), 'storyfeed-scale-'));
    seeds = path.join(work, 'seeds');
    mkdirSync(seeds);
    // Enough seeds for the workers (POOL_MIN_SEEDS, 2,000) and enough items for feeds rendered by them (2,000).
    for (let i = 0; i < 2100; i++) {
      writeFileSync(
        path.join(seeds, seedName(i)),
        `Story ${i}: Q&A <b> ]]> "${i}"\n\nA paragraph about item ${i}, with an & and a <tag> and ]]> in it.\n\nAnother paragraph, number ${i % 7}.\n`,
      );
    }
  }, 60_000);

  const seedName = (i: number): string => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    return `20${10 + Math.floor(i / 336)}-${month}-${day}-story-${i}.txt`;
  };

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const build = (options: Record<string, unknown>) => buildSite({ config, seeds, cwd: work, write: false, sourceDateEpoch: '1700000000', ...options });

  it('gives the same feeds with workers, pieces and the feed cache as in one thread', async () => {
    const plain = await build({ workers: 0, cache: false });
    expect(Object.keys(plain.contents)).toContain('rss.xml');
    const parallel = await build({ cache: false });
    expect(parallel.contents).toEqual(plain.contents);
    expect(parallel.report).toEqual(plain.report);
    expect(parallel.stories).toEqual(plain.stories);

    const cacheDir = path.join(work, 'cache');
    const first = await build({ cacheDir });
    const second = await build({ cacheDir });
    expect(first.contents).toEqual(plain.contents);
    expect(second.contents).toEqual(plain.contents);
    expect(second.report).toEqual(plain.report);

    appendFileSync(path.join(seeds, seedName(1300)), '\nAn added paragraph.\n');
    const edited = await build({ cacheDir });
    const reference = await build({ workers: 0, cache: false });
    expect(edited.contents).toEqual(reference.contents);
    expect(edited.report).toEqual(reference.report);
    // Sizes given without reading the feeds are their bytes' (cached pieces joined with the edited one).
    const byteLengths = Object.fromEntries(Object.entries(edited.contents).map(([file, text]) => [file, Buffer.byteLength(text)]));
    expect({ ...edited.sizes }).toEqual(byteLengths);
  }, 240_000);

  it("gives workers a site's translations by name (sent to each once, not with every seed) and links between them", async () => {
    const translated = path.join(work, 'translated');
    mkdirSync(translated);
    for (let i = 0; i < 1100; i++) {
      const name = `story-${i}`;
      writeFileSync(path.join(translated, `${name}.md`), `---\ntitle: Story ${i}\ndate: 2020-01-01T00:00:00Z\n---\n\nThe English text, [in French](${name}.fr.md).\n`);
      writeFileSync(path.join(translated, `${name}.fr.md`), `---\ntitle: Histoire ${i}\ndate: 2020-01-02T00:00:00Z\n---\n\nLe texte français, [en anglais](${name}.md).\n`);
    }
    const at = (options: Record<string, unknown>) => buildSite({ config, seeds: translated, cwd: work, write: false, sourceDateEpoch: '1700000000', cache: false, ...options });
    const plain = await at({ workers: 0 });
    const json = JSON.parse(plain.contents['feed.json']!) as { items: { id: string; content_html: string }[] };
    const item = json.items.find((it) => it.id === 'https://news.example.com/story-7')!;
    expect(item.content_html).toContain('href="https://news.example.com/fr/story-7"');
    expect(json.items.some((it) => it.id === 'https://news.example.com/fr/story-7')).toBe(true);
    const parallel = await at({});
    expect(parallel.contents).toEqual(plain.contents);
  }, 240_000);
});
