import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';
import { findSeedFiles, languageFoldersOf, translationsOf } from '../../src/node/seed-files.js';
import { parseSeed } from '../../src/story/normalize.js';

/**
 * A site translated by content folder, as Hugo lays one out (`content/en/…`, `content/fr/…`): each
 * translation is a story of its own, in its folder's language, published under that folder's path
 * when it is not the site's language; links between translations follow them there.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-language-folders-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

const post = (title: string, body: string): string => `---\ntitle: ${title}\ndate: 2024-03-01T10:00:00Z\n---\n\n${body}\n`;

async function folders(seeds: string, language = 'en'): Promise<{ folder: string; language: string; path?: string }[]> {
  const files = await findSeedFiles(seeds, dir);
  return languageFoldersOf(files, path.resolve(dir, seeds), dir, language);
}

describe('language folders', () => {
  it("are the folders named by ISO 639-1 codes beside the site language's, with the paths of the other languages", async () => {
    write('content/en/posts/hello.md', post('Hello', 'An English post.'));
    write('content/fr/posts/hello.md', post('Bonjour', 'Un article en français.'));
    write('content/pt_BR/posts/ola.md', post('Olá', 'Um artigo em português.'));
    expect(await folders('content')).toEqual([
      { folder: 'content/en/', language: 'en' },
      { folder: 'content/fr/', language: 'fr', path: 'fr' },
      { folder: 'content/pt_BR/', language: 'pt-BR', path: 'pt-br' },
    ]);
    // Read from the site's root, the folders are found below `content`; a site in French has its own folder at the root of its address.
    expect((await folders('.', 'fr')).map((f) => [f.folder, f.path])).toEqual([
      ['content/en/', 'en'],
      ['content/fr/', undefined],
      ['content/pt_BR/', 'pt-br'],
    ]);
  });

  it('are none where the folders are topics: no folder in the site language, one language name alone, or names of no language', async () => {
    write('seeds/ml/a.md', post('A', 'Machine learning.'));
    write('seeds/ts/b.md', post('B', 'TypeScript.'));
    expect(await folders('seeds')).toEqual([]);
    write('seeds/en/c.md', post('C', 'One folder named like a language beside topics.'));
    write('seeds/xx/d.md', post('D', 'No language.'));
    expect(await folders('seeds', 'de')).toEqual([]);
    rmSync(path.join(dir, 'seeds/ml'), { recursive: true });
    rmSync(path.join(dir, 'seeds/ts'), { recursive: true });
    expect(await folders('seeds')).toEqual([]);
  });

  it('are looked for near the top only: a few levels below the seeds folder, however deep the seeds lie', () => {
    const root = path.join(dir, 'seeds');
    const file = (...parts: string[]) => ({ path: path.join(root, ...parts), display: ['seeds', ...parts].join('/') });
    const deep = Array.from({ length: 2000 }, (_, i) => (i % 2 ? 'en' : 'fr'));
    expect(languageFoldersOf([file('a', 'b', 'c', 'en', 'x.md'), file('a', 'b', 'c', 'fr', 'x.md')], root, dir, 'en')).toEqual([]);
    expect(languageFoldersOf([file('a', 'b', 'en', 'x.md'), file('a', 'b', 'fr', 'x.md'), file(...deep, 'x.md')], root, dir, 'en').map((f) => f.folder)).toEqual([
      'seeds/a/b/en/',
      'seeds/a/b/fr/',
    ]);
  });

  it('publish each translation as a story of its own, in its language, under its folder, with links between them', async () => {
    write('content/en/hello.md', post('Hello world', 'The English version, also [in French](../fr/hello.md).'));
    write('content/fr/hello.md', post('Bonjour le monde', 'La version française de cet article, aussi [en anglais](../en/hello.md).'));
    write('content/fr/autre.md', `---\ntitle: Other\nlanguage: de\ndate: 2024-03-02T10:00:00Z\n---\n\nEin Artikel, dessen Sprache die Titelei angibt.\n`);
    const config = validateConfig({ siteUrl: 'https://ex.com/blog', title: 'T', language: 'en', entities: false });
    const build = (out: string, cache: boolean) => buildSite({ config, cwd: dir, seeds: 'content', out, workers: 0, sourceDateEpoch: '1700000000', cache });
    const cold = await build('cold', false);
    const items = (JSON.parse(cold.outputs.json) as { items: { id: string; language?: string; content_html: string }[] }).items;
    const byId = new Map(items.map((item) => [item.id, item]));
    expect([...byId.keys()].sort()).toEqual(['https://ex.com/blog/fr/autre', 'https://ex.com/blog/fr/hello', 'https://ex.com/blog/hello']);
    expect(byId.get('https://ex.com/blog/fr/hello')?.language).toBe('fr');
    expect(byId.get('https://ex.com/blog/fr/autre')?.language).toBe('de');
    expect(byId.get('https://ex.com/blog/hello')?.content_html).toContain('href="https://ex.com/blog/fr/hello"');
    expect(byId.get('https://ex.com/blog/fr/hello')?.content_html).toContain('href="https://ex.com/blog/hello"');
    // The story cache keys a story by its folders: the same feeds from a warm cache, and once the site is no longer translated.
    await build('warm', true);
    expect((await build('warm', true)).outputs.json).toBe(cold.outputs.json);
    rmSync(path.join(dir, 'content/fr'), { recursive: true });
    write('content/de/hallo.md', post('Hallo', 'Die deutsche Fassung.'));
    const moved = JSON.parse((await build('warm', true)).outputs.json) as { items: { id: string }[] };
    expect(moved.items.map((item) => item.id).sort()).toEqual(['https://ex.com/blog/de/hallo', 'https://ex.com/blog/hello']);
  });

  it('are checked when a library caller passes them: a wrong entry is E_ITEM naming it', () => {
    const site = { siteUrl: 'https://ex.com' };
    const options = (languageFolders: unknown) => ({ site, file: 'c/fr/a.md', languageFolders }) as unknown as Parameters<typeof parseSeed>[1];
    expect(parseSeed('Titre\n\nUn texte.', options([{ folder: 'c/fr/', language: 'fr', path: 'fr' }])).url).toBe('https://ex.com/fr/a');
    for (const bad of ['fr', [{ folder: 'c/fr/', language: 'french' }], [{ folder: '', language: 'fr' }], [{ folder: 'c/fr/', language: 'fr', path: '../x' }]])
      expect(() => parseSeed('Titre\n\nUn texte.', options(bad)), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('options.languageFolders') }),
      );
  });
});

/**
 * Hugo's other way to translate a site: by file name (`post.md` and `post.fr.md`, `trip/index.md` and
 * `trip/index.fr.md`). Hugo publishes each translation under its language's path (`/fr/post/`) and the
 * site language's at the root: so does a build, and links between them follow.
 */
describe('translations by file name', () => {
  const seedFiles = (...names: string[]) => names.map((name) => ({ path: path.join(dir, name), display: name }));

  it('are the seeds named by a language beside another seed of the same name in the same folder', () => {
    expect(
      translationsOf(
        seedFiles('c/post.md', 'c/post.fr.md', 'c/post.pt_BR.md', 'c/trip/index.md', 'c/trip/index.de.md', 'c/other/post.it.md', 'c/a.en.md', 'c/a.es.markdown'),
      ).sort(),
    ).toEqual(['c/a.en.md', 'c/a.es.markdown', 'c/post.fr.md', 'c/post.pt_BR.md', 'c/trip/index.de.md']);
    // A name with a language alone (`how.to.md`), with two-letter parts that name no language, or with more dots, is none.
    expect(translationsOf(seedFiles('c/how.to.md', 'c/notes.md', 'c/notes.zz.md', 'c/notes.v2.md', 'c/x.y.fr.md', 'c/x.y.md'))).toEqual([]);
  });

  it('publish each translation under its language (the site language at the root), named without it, with links between them', async () => {
    write('content/posts/hello.md', post('Hello world', 'The English version, also [in French](hello.fr.md) and [in Brazilian Portuguese](hello.pt-br.md).'));
    write('content/posts/hello.fr.md', post('Bonjour le monde', 'La version française de cet article, aussi [en anglais](hello.md).'));
    write('content/posts/hello.pt-br.md', post('Olá mundo', 'A versão em português deste artigo.'));
    write('content/trip/index.en.md', post('Our trip', 'The trip, told in English.'));
    write('content/trip/index.fr.md', post('Notre voyage', 'Le voyage, raconté en français.'));
    write('content/how.to.md', post('How to', 'A page whose name only looks like a translation.'));
    const config = validateConfig({ siteUrl: 'https://ex.com/blog', title: 'T', language: 'en', entities: false });
    const build = (out: string, cache: boolean) => buildSite({ config, cwd: dir, seeds: 'content', out, workers: 0, sourceDateEpoch: '1700000000', cache });
    const cold = await build('cold', false);
    const items = (JSON.parse(cold.outputs.json) as { items: { id: string; language?: string; content_html: string }[] }).items;
    const byId = new Map(items.map((item) => [item.id, item]));
    expect([...byId.keys()].sort()).toEqual([
      'https://ex.com/blog/fr/hello',
      'https://ex.com/blog/fr/trip',
      'https://ex.com/blog/hello',
      'https://ex.com/blog/how-to',
      'https://ex.com/blog/pt-br/hello',
      'https://ex.com/blog/trip',
    ]);
    expect(byId.get('https://ex.com/blog/fr/hello')?.language).toBe('fr');
    expect(byId.get('https://ex.com/blog/pt-br/hello')?.language).toBe('pt-BR');
    expect(byId.get('https://ex.com/blog/hello')?.content_html).toContain('href="https://ex.com/blog/fr/hello"');
    expect(byId.get('https://ex.com/blog/hello')?.content_html).toContain('href="https://ex.com/blog/pt-br/hello"');
    expect(byId.get('https://ex.com/blog/fr/hello')?.content_html).toContain('href="https://ex.com/blog/hello"');
    // The story cache keys a story by the translations found: the same feeds warm, and a translation left alone is one no more.
    await build('warm', true);
    expect((await build('warm', true)).outputs.json).toBe(cold.outputs.json);
    rmSync(path.join(dir, 'content/posts/hello.md'));
    rmSync(path.join(dir, 'content/posts/hello.pt-br.md'));
    const alone = JSON.parse((await build('warm', true)).outputs.json) as { items: { id: string }[] };
    expect(alone.items.map((item) => item.id)).toContain('https://ex.com/blog/hello-fr');
    expect(alone.items.map((item) => item.id)).not.toContain('https://ex.com/blog/fr/hello');
  });

  it("go by their names' language in a site translated by folder too", async () => {
    write('content/en/post.md', post('Post', 'The English post.'));
    write('content/en/post.fr.md', post('Article', "L'article en français."));
    write('content/en/other.md', post('Other', 'Another English post.'));
    write('content/fr/other.md', post('Autre', 'Un autre article en français.'));
    const config = validateConfig({ siteUrl: 'https://ex.com', title: 'T', language: 'en', entities: false });
    const built = await buildSite({ config, cwd: dir, seeds: 'content', out: 'out', workers: 0, sourceDateEpoch: '1700000000', cache: false });
    const ids = (JSON.parse(built.outputs.json) as { items: { id: string }[] }).items.map((item) => item.id).sort();
    expect(ids).toEqual(['https://ex.com/fr/other', 'https://ex.com/fr/post', 'https://ex.com/other', 'https://ex.com/post']);
  });

  it('read a list a library caller changes between calls as it is at each call', () => {
    const list = ['c/b.fr.md'];
    const options = () => ({ site: { siteUrl: 'https://ex.com', language: 'en' }, file: 'c/a.fr.md', translations: list }) as unknown as Parameters<typeof parseSeed>[1];
    expect(parseSeed('Titre\n\nUn texte.', options()).url).toBe('https://ex.com/a-fr');
    list.push('c/a.fr.md');
    expect(parseSeed('Titre\n\nUn texte.', options()).url).toBe('https://ex.com/fr/a');
    (list as unknown[]).push(5);
    expect(() => parseSeed('Titre\n\nUn texte.', options())).toThrow(expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('options.translations') }));
  });

  it('are published at the root in a site of their language, and checked when a library caller passes them', () => {
    const options = (translations: unknown, language = 'fr') =>
      ({ site: { siteUrl: 'https://ex.com', language }, file: 'c/a.fr.md', translations }) as unknown as Parameters<typeof parseSeed>[1];
    expect(parseSeed('Titre\n\nUn texte.', options(['c/a.fr.md'])).url).toBe('https://ex.com/a');
    expect(parseSeed('Titre\n\nUn texte.', options(['c/a.fr.md'], 'fr-CA')).url).toBe('https://ex.com/a');
    expect(parseSeed('Titre\n\nUn texte.', options(['c/a.fr.md'], 'en')).url).toBe('https://ex.com/fr/a');
    expect(parseSeed('Titre\n\nUn texte.', options([], 'en')).url).toBe('https://ex.com/a-fr');
    for (const bad of ['c/a.fr.md', [5]])
      expect(() => parseSeed('Titre\n\nUn texte.', options(bad)), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('options.translations') }),
      );
  });
});
