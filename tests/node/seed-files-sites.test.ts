import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStory } from '../../src/node/load-stories.js';
import { entriesRead, findSeedFiles, isSkippedName, postsPlaceOf } from '../../src/node/seed-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-seed-sites-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path → text) under `root`. */
function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

/** The seeds found under `root`, relative to it. */
async function found(root: string): Promise<string[]> {
  return (await findSeedFiles(root, dir)).map((f) => path.relative(root, f.path).split(path.sep).join('/'));
}

describe('folders named with an underscore', () => {
  it("are read when they are Jekyll's posts (_posts, at any depth), and not when they hold drafts, data, layouts, includes or a built site", async () => {
    const site = path.join(dir, 'site');
    write(site, {
      '_posts/2024-01-02-storm.md': '---\ntitle: Storm\n---\nText.\n',
      '_posts/2024/2024-02-03-flood.md': '---\ntitle: Flood\n---\nText.\n',
      'news/_posts/2024-03-04-port.md': '---\ntitle: Port\n---\nText.\n',
      '_drafts/unfinished.md': '---\ntitle: Draft\n---\nText.\n',
      '_data/authors.json': '[{"name": "Ann"}]\n',
      '_layouts/post.md': 'Layout.\n',
      '_includes/footer.md': 'Footer.\n',
      '_site/2024/01/02/storm.txt': 'Built.\n',
      'about.md': '---\ntitle: About\n---\nText.\n',
    });
    expect(await found(site)).toEqual(['_posts/2024/2024-02-03-flood.md', '_posts/2024-01-02-storm.md', 'about.md', 'news/_posts/2024-03-04-port.md']);
    expect(isSkippedName('_posts')).toBe(false);
    for (const name of ['_drafts', '_data', '_site', '_index.md', '.git', 'node_modules']) expect(isSkippedName(name)).toBe(true);
  });
});

describe("a site generator's project folder", () => {
  it("is read for Hugo's content only, beside its config or archetypes (not templates, themes, data, static files or the built site)", async () => {
    for (const marker of ['hugo.toml', 'config.yaml', 'archetypes/default.md']) {
      const site = path.join(dir, `hugo-${marker.replace(/\W/g, '-')}`);
      write(site, {
        [marker]: "+++\ndate = '{{ .Date }}'\ndraft = true\n+++\n",
        'content/posts/first.md': '---\ntitle: First\n---\nText.\n',
        'content/posts/trip/index.md': '---\ntitle: Trip\n---\nText.\n',
        'themes/paper/exampleSite/content/post/markdown-syntax.md': '---\ntitle: Markdown Syntax Guide\n---\nText.\n',
        'themes/paper/archetypes/default.md': '---\ndate: {{ .Date }}\n---\n',
        'static/robots.txt': 'User-agent: *\n',
        'public/index.json': '{"title": "Site", "items": []}\n',
        'layouts/partials/note.md': 'Note.\n',
        'README.md': '# Site\n\nHow to build it.\n',
      });
      expect(await found(site), marker).toEqual(['content/posts/first.md', 'content/posts/trip/index.md']);
    }
  });

  it("is read for Jekyll's posts only, beside its config (not its pages, or the gems installed in it)", async () => {
    const site = path.join(dir, 'jekyll');
    write(site, {
      '_config.yml': 'title: Site\n',
      '_posts/2024-01-02-storm.md': '---\ntitle: Storm\n---\nText.\n',
      'news/_posts/2024-03-04-port.md': '---\ntitle: Port\n---\nText.\n',
      'about.md': '---\ntitle: About\n---\nText.\n',
      'index.md': '---\nlayout: home\n---\nWelcome.\n',
      'README.md': '# Site\n\nHow to build it.\n',
      'vendor/bundle/ruby/3.3.0/gems/jekyll-4.3.3/README.markdown': '# Jekyll\n\nA gem.\n',
      'package.json': '{"name": "site"}\n',
    });
    expect(await found(site)).toEqual(['_posts/2024-01-02-storm.md', 'news/_posts/2024-03-04-port.md']);
  });

  it("is read without Astro's built site (dist) and the files it serves as they are (public)", async () => {
    const site = path.join(dir, 'astro');
    write(site, {
      'astro.config.mjs': 'export default {};\n',
      'src/content/blog/first-post.md': '---\ntitle: First\n---\nText.\n',
      'src/pages/about.md': '---\ntitle: About\n---\nText.\n',
      'public/robots.txt': 'User-agent: *\n',
      'dist/robots.txt': 'User-agent: *\n',
    });
    expect(await found(site)).toEqual(['src/content/blog/first-post.md', 'src/pages/about.md']);
  });

  it('is none without the folder its articles are in: such names elsewhere are read as any others', async () => {
    const seeds = path.join(dir, 'seeds');
    write(seeds, {
      'content/a.md': '# A\n\nText.\n',
      'public/b.md': '# B\n\nText.\n',
      'dist/c.md': '# C\n\nText.\n',
      'archive/config.toml': 'x = 1\n',
      'archive/d.md': '# D\n\nText.\n',
      'jekyll/_config.yml': 'title: x\n',
      'jekyll/e.md': '# E\n\nText.\n',
      'f.md': '# F\n\nText.\n',
    });
    expect(await found(seeds)).toEqual(['archive/d.md', 'content/a.md', 'dist/c.md', 'f.md', 'jekyll/e.md', 'public/b.md']);
  });
});

describe("a Jekyll site's posts", () => {
  /** The seeds found under `root` (relative to `dir`), and the files skipped with W_NOT_A_SEED. */
  async function read(root: string): Promise<{ seeds: string[]; skipped: string[]; messages: string[] }> {
    const skipped: string[] = [];
    const messages: string[] = [];
    const files = await findSeedFiles(root, dir, (w) => {
      if (w.code !== 'W_NOT_A_SEED') return;
      skipped.push(w.file ?? '');
      messages.push(w.message);
    });
    return { seeds: files.map((f) => f.display), skipped, messages };
  }

  const site = {
    '_config.yml': 'title: Site\n',
    '_posts/2024-01-02-storm.md': '---\ntitle: Storm\n---\nText.\n',
    '_posts/24-1-3-short-date.md': '---\ntitle: Short\n---\nText.\n',
    '_posts/notes.md': '# Notes\n\nText.\n',
    '_posts/2024/2024-02-03-flood.md': '---\ntitle: Flood\n---\nText.\n',
    '_posts/2024/todo.txt': 'Todo\n\nText.\n',
    'news/_posts/2024-03-04-port.md': '---\ntitle: Port\n---\nText.\n',
    'news/_posts/idea.markdown': '---\ntitle: Idea\n---\nText.\n',
  };

  it('are read only when named with their date first, as Jekyll publishes them; the others are skipped with a warning naming each', async () => {
    write(path.join(dir, 'site'), site);
    const { seeds, skipped, messages } = await read(path.join(dir, 'site'));
    expect(seeds).toEqual(['site/_posts/2024/2024-02-03-flood.md', 'site/_posts/2024-01-02-storm.md', 'site/_posts/24-1-3-short-date.md', 'site/news/_posts/2024-03-04-port.md']);
    expect(skipped).toEqual(['site/_posts/2024/todo.txt', 'site/_posts/notes.md', 'site/news/_posts/idea.markdown']);
    for (const message of messages) expect(message).toMatch(/Jekyll publishes only dated posts/);
  });

  it('are read so when the seeds folder is a _posts folder of a Jekyll site, or lies in one', async () => {
    write(path.join(dir, 'site'), site);
    expect(await read(path.join(dir, 'site', '_posts'))).toMatchObject({
      seeds: ['site/_posts/2024/2024-02-03-flood.md', 'site/_posts/2024-01-02-storm.md', 'site/_posts/24-1-3-short-date.md'],
      skipped: ['site/_posts/2024/todo.txt', 'site/_posts/notes.md'],
    });
    expect(await read(path.join(dir, 'site', '_posts', '2024'))).toMatchObject({ seeds: ['site/_posts/2024/2024-02-03-flood.md'], skipped: ['site/_posts/2024/todo.txt'] });
    // A category's posts (news/_posts), below the site's config.
    expect(await read(path.join(dir, 'site', 'news', '_posts'))).toMatchObject({ seeds: ['site/news/_posts/2024-03-04-port.md'], skipped: ['site/news/_posts/idea.markdown'] });
  });

  it("leave undated seeds read elsewhere: a _posts folder of no Jekyll site, Hexo's posts, storyfeed's own seeds", async () => {
    write(dir, {
      'seeds/_posts/notes.md': '# Notes\n\nText.\n',
      'seeds/plain.md': '# Plain\n\nText.\n',
      'home/_posts/project/seeds/hello.md': '# Hello\n\nText.\n',
      'hexo/_config.yml': 'title: Blog\n',
      'hexo/scaffolds/post.md': '---\ntitle: {{ title }}\n---\n',
      'hexo/source/_posts/hello-world.md': '---\ntitle: Hello World\n---\nText.\n',
    });
    expect(await read(path.join(dir, 'seeds'))).toEqual({ seeds: ['seeds/_posts/notes.md', 'seeds/plain.md'], skipped: [], messages: [] });
    expect(await read(path.join(dir, 'seeds', '_posts'))).toEqual({ seeds: ['seeds/_posts/notes.md'], skipped: [], messages: [] });
    expect(await read(path.join(dir, 'home', '_posts', 'project', 'seeds'))).toEqual({ seeds: ['home/_posts/project/seeds/hello.md'], skipped: [], messages: [] });
    expect(await read(path.join(dir, 'hexo', 'source', '_posts'))).toEqual({ seeds: ['hexo/source/_posts/hello-world.md'], skipped: [], messages: [] });
  });
});

describe("a Hexo site's posts", () => {
  const post = 'title: W\ndate: 2017/1/8\ntags:\n  - windows\n---\nBody.\n';
  const site = { '_config.yml': 'title: Blog\n', 'scaffolds/post.md': '---\ntitle: {{ title }}\n---\n', 'source/_posts/w.md': post, 'source/_posts/2017/x.md': post };

  it('are in a posts folder, their front matter read without its opening ---, whether the seeds folder is the site source, its _posts or below', async () => {
    write(path.join(dir, 'blog'), site);
    for (const seeds of ['blog/source', 'blog/source/_posts', 'blog/source/_posts/2017']) {
      const files = await findSeedFiles(seeds, dir);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        expect(file.inPostsFolder).toBe(true);
        const story = await loadStory(file, { site: { siteUrl: 'https://blog.example.com', language: 'en' }, cwd: dir });
        expect(story.title).toBe('W');
        expect(story.tags).toEqual(['windows']);
      }
    }
  });

  it("are all that is read of the site's folder: not its post templates (scaffolds), pages, themes or packages; undated names too", async () => {
    write(path.join(dir, 'blog'), {
      ...site,
      'source/about/index.md': '---\ntitle: About\n---\nA page.\n',
      'source/_drafts/later.md': '---\ntitle: Later\n---\nA draft.\n',
      'themes/landscape/README.md': '# Landscape\n\nA theme.\n',
      'node_modules/hexo/README.md': '# Hexo\n\nA package.\n',
      'public/2017/01/08/w/index.html': '<p>Built.</p>\n',
    });
    const files = await findSeedFiles('blog', dir);
    expect(files.map((f) => [f.display, f.inPostsFolder, f.jekyllPost])).toEqual([
      ['blog/source/_posts/2017/x.md', true, undefined],
      ['blog/source/_posts/w.md', true, undefined],
    ]);
    const story = await loadStory(files[1]!, { site: { siteUrl: 'https://blog.example.com', language: 'en' }, cwd: dir });
    expect([story.title, story.tags]).toEqual(['W', ['windows']]);
  });

  it("are not Jekyll's posts when the seeds folder is their _posts: their names need no date, their titles do not come from them", async () => {
    write(path.join(dir, 'blog'), { ...site, 'source/_posts/2024-01-02-dated.md': 'Body only.\n\nMore text.\n' });
    const files = await findSeedFiles('blog/source/_posts', dir);
    expect(files.map((f) => [f.display, f.jekyllPost])).toEqual([
      ['blog/source/_posts/2017/x.md', undefined],
      ['blog/source/_posts/2024-01-02-dated.md', undefined],
      ['blog/source/_posts/w.md', undefined],
    ]);
    const dated = await loadStory(files[1]!, { site: { siteUrl: 'https://blog.example.com', language: 'en' }, cwd: dir, fallbackDate: new Date('2024-01-02') });
    expect(dated.title).toBe('Body only.');
  });

  it("are not Jekyll's posts when the seeds folder is the site's source: the same story as with its _posts as the seeds folder", async () => {
    write(path.join(dir, 'blog'), { ...site, 'source/_posts/2024-01-02-hello.md': '---\ntitle: Hello\ncategories: Tech News\n---\nBody.\n' });
    const stories = [];
    for (const seeds of ['blog/source', 'blog/source/_posts']) {
      const file = (await findSeedFiles(seeds, dir)).find((f) => f.path.endsWith('2024-01-02-hello.md'))!;
      expect([file.jekyllPost, file.inPostsFolder]).toEqual([undefined, true]);
      expect(await postsPlaceOf(file.path, path.join(dir, seeds))).toEqual({ jekyllPost: false, inPostsFolder: true });
      const story = await loadStory(file, { site: { siteUrl: 'https://blog.example.com', language: 'en' }, cwd: dir });
      stories.push([story.title, story.tags]);
    }
    expect(stories).toEqual([
      ['Hello', ['Tech News']],
      ['Hello', ['Tech News']],
    ]);
  });

  it("leave a _posts folder inside the seeds folder with no config above it Jekyll's posts", async () => {
    write(dir, { 'notes/_posts/2024-01-02-hello.md': '---\ntitle: Hello\ncategories: Tech News\n---\nBody.\n' });
    const [file] = await findSeedFiles('notes', dir);
    expect([file!.jekyllPost, file!.inPostsFolder]).toEqual([true, true]);
    expect(await postsPlaceOf(file!.path, path.join(dir, 'notes'))).toEqual({ jekyllPost: true, inPostsFolder: true });
    expect((await loadStory(file!, { site: { siteUrl: 'https://blog.example.com', language: 'en' }, cwd: dir })).tags).toEqual(['Tech', 'News']);
  });

  it('leave a _posts folder of no site out of the posts folders', async () => {
    write(dir, { 'home/_posts/project/seeds/a.md': '# A\n\nText.\n' });
    expect((await findSeedFiles('home/_posts/project/seeds', dir)).map((f) => f.inPostsFolder)).toEqual([undefined]);
  });
});

describe('entriesRead (the rule the build walk and the watch share)', () => {
  it('goes into what a build reads of a folder, given all its names', () => {
    const hugo = entriesRead(['archetypes', 'content', 'hugo.toml', 'layouts', 'public', '.git']);
    expect(['archetypes', 'content', 'hugo.toml', 'layouts', 'public', '.git'].filter(hugo)).toEqual(['content']);
    const jekyll = entriesRead(['_config.yml', '_data', '_posts', '_site', 'about.md', 'node_modules']);
    expect(['_config.yml', '_data', '_posts', '_site', 'about.md', 'node_modules'].filter(jekyll)).toEqual(['_posts', 'about.md']);
    const plain = entriesRead(['content', 'layouts', '_drafts', 'a.md']);
    expect(['content', 'layouts', '_drafts', 'a.md'].filter(plain)).toEqual(['content', 'layouts', 'a.md']);
  });
});

describe("a folder's notes among the seeds", () => {
  it('are skipped with a warning naming each (README, licence, changelog, contributing guide), in any case; articles named otherwise are read', async () => {
    const names = ['README.md', 'readme.txt', 'LICENSE.md', 'Licence.txt', 'CHANGELOG.md', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md', 'readme-first.md', 'license-plates.md', 'a.md'];
    mkdirSync(path.join(dir, 'posts'));
    for (const name of names) writeFileSync(path.join(dir, 'posts', name), '# T\n\nText.\n');
    const warnings: string[] = [];
    const found = await findSeedFiles(dir, dir, (w) => warnings.push(`${w.code} ${w.file}`));
    expect(found.map((f) => f.display).sort()).toEqual(['posts/a.md', 'posts/license-plates.md', 'posts/readme-first.md']);
    expect(warnings.sort()).toEqual(
      ['CHANGELOG.md', 'CODE_OF_CONDUCT.md', 'CONTRIBUTING.md', 'LICENSE.md', 'Licence.txt', 'README.md', 'readme.txt'].map((n) => `W_NOT_A_SEED posts/${n}`).sort(),
    );
  });

  it("are named once, before the message (regression: `posts/README.md: posts/README.md is a folder's notes …`)", async () => {
    mkdirSync(path.join(dir, 'posts'));
    writeFileSync(path.join(dir, 'posts', 'README.md'), '# T\n\nText.\n');
    const warnings: { file?: string; message: string }[] = [];
    await findSeedFiles(dir, dir, (w) => warnings.push(w));
    expect(warnings.map((w) => [w.file, w.message.startsWith("a folder's notes")])).toEqual([['posts/README.md', true]]);
  });
});

describe('a generic config file beside content', () => {
  // Regression: any config.json (an editor's settings) beside a content folder made the folder Hugo's, and
  // every article outside content was dropped without a word.
  it('makes no Hugo project without a generator folder beside it', async () => {
    for (const name of ['content/c.md', 'news/one.md', 'top.md']) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), '# T\n\nText.\n');
    }
    writeFileSync(path.join(dir, 'config.json'), '{"editor":{"tabSize":2}}');
    // (config.json itself is listed as a JSON seed: reading it finds no story, and skips it with W_NOT_A_SEED.)
    expect((await findSeedFiles(dir, dir)).map((f) => f.display).sort()).toEqual(['config.json', 'content/c.md', 'news/one.md', 'top.md']);
    mkdirSync(path.join(dir, 'layouts'));
    expect((await findSeedFiles(dir, dir)).map((f) => f.display)).toEqual(['content/c.md']);
  });
});
