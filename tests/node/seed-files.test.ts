import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayPath, findSeedFiles } from '../../src/node/seed-files.js';
import type { Diagnostic } from '../../src/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-seed-files-'));
  for (const file of ['a.md', 'nested/b.md', 'nested/deeper/c.txt', '..x/d.md']) {
    mkdirSync(path.dirname(path.join(dir, 'seeds', file)), { recursive: true });
    writeFileSync(path.join(dir, 'seeds', file), '# T\n\nText.\n');
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findSeedFiles', () => {
  it('shows each seed as displayPath does, from inside, at and outside the working directory', async () => {
    const seeds = path.join(dir, 'seeds');
    for (const cwd of [dir, seeds, path.join(seeds, 'nested'), path.join(dir, 'elsewhere'), path.join(seeds, '..x'), '/']) {
      const found = await findSeedFiles(seeds, cwd);
      expect(found.map((f) => path.relative(seeds, f.path))).toEqual(['a.md', path.join('nested', 'b.md'), path.join('nested', 'deeper', 'c.txt')]);
      for (const file of found) expect(file.display).toBe(displayPath(file.path, cwd));
    }
    expect((await findSeedFiles('seeds', dir)).map((f) => f.display)).toEqual(['seeds/a.md', 'seeds/nested/b.md', 'seeds/nested/deeper/c.txt']);
  });
});

describe('findSeedFiles kinds', () => {
  it('finds every kind of seed, MDX too, and nothing else', async () => {
    const root = path.join(dir, 'kinds');
    mkdirSync(root);
    for (const name of ['a.txt', 'b.text', 'c.md', 'd.markdown', 'e.mdown', 'f.mkd', 'g.mdx', 'h.json', 'i.MDX', 'j.png', 'k.html', 'l.yaml'])
      writeFileSync(path.join(root, name), '# T\n\nText.\n');
    const found = await findSeedFiles(root, dir);
    expect(found.map((f) => path.basename(f.path)).sort()).toEqual(['a.txt', 'b.text', 'c.md', 'd.markdown', 'e.mdown', 'f.mkd', 'g.mdx', 'h.json', 'i.MDX']);
  });
});

describe('findSeedFiles sidecars', () => {
  it('gives each seed the sidecar its folder holds for it (.meta.yaml, then .yml, then .json), and none elsewhere', async () => {
    const root = path.join(dir, 'sidecars');
    const files = {
      'first.md': '# A\n\nB.\n',
      'first.meta.yml': 'title: yml\n',
      'first.meta.json': '{}',
      'first.meta.yaml': 'title: yaml\n',
      'second.txt': 'A\n\nB.\n',
      'second.meta.json': '{}',
      'third.md': '# A\n\nB.\n',
      'THIRD.META.YAML': 'title: other case\n',
      'plain/fourth.md': '# A\n\nB.\n',
      'nested/fifth.md': '# A\n\nB.\n',
      'nested/fifth.meta.yml': 'title: nested\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    const found = await findSeedFiles(root, dir);
    expect(found.map((f) => [path.relative(root, f.path), f.sidecar && path.relative(root, f.sidecar)])).toEqual([
      ['first.md', 'first.meta.yaml'],
      [path.join('nested', 'fifth.md'), path.join('nested', 'fifth.meta.yml')],
      [path.join('plain', 'fourth.md'), undefined],
      ['second.txt', 'second.meta.json'],
      ['third.md', undefined],
    ]);
    // Paths are whole and normal, as path.join makes them.
    for (const f of found) {
      expect(f.path).toBe(path.join(path.dirname(f.path), path.basename(f.path)));
      if (f.sidecar) expect(path.dirname(f.sidecar)).toBe(path.dirname(f.path));
    }
  });
});

describe('findSeedFiles sidecars named in another letter case', () => {
  it('gives a seed its sidecar whose .meta.yaml ending is in capitals (regression: neither a seed nor a sidecar, its fields were lost without a word)', async () => {
    const root = path.join(dir, 'cased-sidecars');
    mkdirSync(root);
    const files = ['a.txt', 'a.meta.YAML', 'b.md', 'b.META.yml', 'c.md', 'c.Meta.Json', 'd.md', 'd.meta.YAML', 'd.meta.yaml', 'E.md', 'e.meta.yaml'];
    for (const name of files)
      writeFileSync(path.join(root, name), name.includes('.meta.') || name.includes('.META.') || name.includes('.Meta.') ? 'date: 2024-01-01\n' : '# T\n\nText.\n');
    const found = await findSeedFiles(root, dir);
    expect(found.map((f) => [path.basename(f.path), f.sidecar && path.basename(f.sidecar)])).toEqual([
      ['E.md', undefined],
      ['a.txt', 'a.meta.YAML'],
      ['b.md', 'b.META.yml'],
      ['c.md', 'c.Meta.Json'],
      // The ending in lower case wins over one in capitals; a stem in another case is another file's name.
      ['d.md', 'd.meta.yaml'],
    ]);
  });
});

describe('a file reached by two names through symbolic links', () => {
  it('is listed once, under its own name when it has one, and the other names are warned about', async () => {
    const seeds = path.join(dir, 'seeds');
    const outside = path.join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'shared.md'), '# Shared\n\nText.\n');
    symlinkSync('a.md', path.join(seeds, 'alias-a.md'));
    symlinkSync('../outside/shared.md', path.join(seeds, 'link-out.md'));
    symlinkSync('../outside', path.join(seeds, 'shared-dir'));
    // A link sorted before the file it names.
    symlinkSync('nested/b.md', path.join(seeds, '0-b.md'));
    const warnings: Diagnostic[] = [];
    const found = await findSeedFiles(seeds, dir, (d) => warnings.push(d));
    expect(found.map((f) => f.display)).toEqual(['seeds/a.md', 'seeds/link-out.md', 'seeds/nested/b.md', 'seeds/nested/deeper/c.txt']);
    expect(warnings.map((w) => [w.code, w.file, w.message])).toEqual([
      ['W_SEED_LINK', 'seeds/0-b.md', expect.stringMatching(/leads through a symbolic link to the same file as seeds\/nested\/b\.md \(seeds\/nested\/b\.md\)/)],
      ['W_SEED_LINK', 'seeds/alias-a.md', expect.stringMatching(/the same file as seeds\/a\.md/)],
      ['W_SEED_LINK', 'seeds/shared-dir/shared.md', expect.stringMatching(/the same file as seeds\/link-out\.md \(outside\/shared\.md\)/)],
    ]);
  });

  it('in a seeds folder that is itself a link, the file keeps its own name and the link beside it goes', async () => {
    const real = path.join(dir, 'real');
    mkdirSync(real);
    writeFileSync(path.join(real, 'zebra.md'), '# Zebra\n\nText.\n');
    symlinkSync('zebra.md', path.join(real, 'a-link.md'));
    symlinkSync('real', path.join(dir, 'linked-seeds'));
    const warnings: Diagnostic[] = [];
    const found = await findSeedFiles(path.join(dir, 'linked-seeds'), dir, (d) => warnings.push(d));
    expect(found.map((f) => f.display)).toEqual(['linked-seeds/zebra.md']);
    expect(warnings.map((w) => w.file)).toEqual(['linked-seeds/a-link.md']);
  });

  it('a link that cannot be followed stays listed, so reading it names the problem', async () => {
    const seeds = path.join(dir, 'seeds');
    symlinkSync('missing.md', path.join(seeds, 'broken.md'));
    const found = await findSeedFiles(seeds, dir);
    expect(found.map((f) => f.display)).toContain('seeds/broken.md');
  });
});

describe('articles in formats storyfeed does not read', () => {
  it('are named in one warning, counted by extension, with the first', async () => {
    const root = path.join(dir, 'other-formats');
    for (const name of [
      'content/super_article.rst',
      'content/cat1/article1.rst',
      'posts/post-with-code/index.qmd',
      'posts/report.Rmd',
      'a.md',
      'README.rst',
      'style.html',
      'notes.txt',
    ]) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), 'Title\n\nText.\n');
    }
    const warnings: Diagnostic[] = [];
    const found = await findSeedFiles(root, dir, (d) => warnings.push(d));
    expect(found.map((f) => path.relative(root, f.path))).toEqual(['a.md', 'notes.txt']);
    expect(warnings.map((d) => `${d.code} ${d.file} ${d.message}`)).toEqual([
      'W_NOT_A_SEED other-formats/content/cat1/article1.rst an article in a format storyfeed does not read, and 3 more (2 .rst, 1 .qmd, 1 .rmd in all); they are skipped (convert to Markdown to publish)',
    ]);
  });

  it('include a Jekyll post in HTML (as jekyll-import writes a WordPress post), and one such file is named alone', async () => {
    const root = path.join(dir, 'jekyll-import');
    mkdirSync(path.join(root, '_posts'), { recursive: true });
    writeFileSync(path.join(root, '_posts', '2010-04-27-internet-friendly.html'), '---\ntitle: T\n---\n<p>Text.</p>\n');
    writeFileSync(path.join(root, 'about.html'), '<p>About.</p>\n');
    const warnings: Diagnostic[] = [];
    expect(await findSeedFiles(root, dir, (d) => warnings.push(d))).toEqual([]);
    // The file is named once, before the message (regression: `…internet-friendly.html: …internet-friendly.html is an article…`).
    expect(warnings.map((d) => [d.file, d.message])).toEqual([
      ['jekyll-import/_posts/2010-04-27-internet-friendly.html', 'an article in a format storyfeed does not read; it is skipped (convert to Markdown to publish)'],
    ]);
  });

  it("take a dated HTML file for a Jekyll post only in Jekyll's posts, not below a _posts folder above the seeds folder", async () => {
    const root = path.join(dir, 'home', '_posts', 'project', 'seeds');
    mkdirSync(path.join(root, '_posts'), { recursive: true });
    writeFileSync(path.join(root, '2024-01-02-page.html'), '<p>A page.</p>\n');
    writeFileSync(path.join(root, 'a.md'), '# A\n\nText.\n');
    const warnings: Diagnostic[] = [];
    expect((await findSeedFiles(root, dir, (d) => warnings.push(d))).map((f) => f.display)).toEqual(['home/_posts/project/seeds/a.md']);
    expect(warnings).toEqual([]);
    // In a _posts folder inside the seeds folder, it is a post still.
    writeFileSync(path.join(root, '_posts', '2024-01-03-post.html'), '<p>A post.</p>\n');
    await findSeedFiles(root, dir, (d) => warnings.push(d));
    expect(warnings.map((d) => d.file)).toEqual(['home/_posts/project/seeds/_posts/2024-01-03-post.html']);
  });
});

describe('a seeds folder that cannot be listed', () => {
  it('says why, by the file system\'s reason, not "does not exist" for every one (regression: a symbolic link loop was said not to exist)', async () => {
    symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop'));
    await expect(findSeedFiles('loop', dir)).rejects.toMatchObject({ code: 'E_IO', message: expect.stringMatching(/seeds folder loop is a symbolic link loop/) });
    await expect(findSeedFiles('missing', dir)).rejects.toMatchObject({ code: 'E_IO', message: expect.stringMatching(/seeds folder missing does not exist/) });
  });

  it('given one seed file instead of its folder, says to give the folder that holds it (regression: only "is not a folder")', async () => {
    mkdirSync(path.join(dir, 'posts'));
    writeFileSync(path.join(dir, 'posts', 'one.txt'), 'One\nA paragraph.\n');
    await expect(findSeedFiles(path.join('posts', 'one.txt'), dir)).rejects.toMatchObject({
      code: 'E_IO',
      message: expect.stringContaining(`${path.join('posts', 'one.txt')} is a file, not a folder of seeds: give the folder that holds it (posts)`),
    });
  });
});
