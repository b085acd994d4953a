import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { parseYamlMeta } from '../../src/seed/front-matter.js';
import { readSeed } from '../../src/seed/index.js';
import { costGrowth } from '../support/linear.js';

/** The warnings `read` gives, as code and message. */
function warningsOf(read: (onWarning: (d: Diagnostic) => void) => unknown): string[] {
  const seen: string[] = [];
  read((d) => seen.push(`${d.code} ${d.message}`));
  return seen;
}

describe("Material for MkDocs' blog dates (`date: {created, updated}`)", () => {
  const post = '---\ndate:\n  created: 2026-02-02\n  updated: 2026-02-05\ncategories:\n  - React\n---\n\n# Redux Toolkit\n\nThe smallest practical path.\n';

  it('read `created` as the date and `updated` as the last update', () => {
    const seed = readSeed(post, { file: 'blog/posts/redux-toolkit.md' });
    expect(seed.meta.date?.toISOString()).toBe('2026-02-02T00:00:00.000Z');
    expect(seed.meta.updated?.toISOString()).toBe('2026-02-05T00:00:00.000Z');
    expect(parseYamlMeta('date:\n  created: 2025-06-18\n').date?.toISOString()).toBe('2025-06-18T00:00:00.000Z');
    expect(parseYamlMeta('date:\n  created: 2025-06-18\n').updated).toBeUndefined();
  });

  it('let a top-level `updated` win, naming `date.updated` as not read', () => {
    const seen: string[] = [];
    const meta = parseYamlMeta('date:\n  created: 2025-06-18\n  updated: 2025-06-20\nupdated: 2025-07-01\n', { onWarning: (d) => seen.push(d.message) });
    expect(meta.updated?.toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(seen).toEqual(['front matter `date.updated` is not read: `updated` is given too and is read instead']);
  });

  it('name `date.created` and the line of `date` for a bad date, and refuse a mapping without `created`', () => {
    expect(() => parseYamlMeta('title: T\ndate:\n  created: 2025-13-01\n', { file: 'p.md', firstLine: 2 })).toThrow(
      expect.objectContaining({ code: 'E_DATE', line: 3, message: expect.stringContaining('front matter `date.created`: "2025-13-01" has month 13') }),
    );
    expect(() => parseYamlMeta('date:\n  updated: 2025-06-20\n', { file: 'p.md' })).toThrow(
      expect.objectContaining({ code: 'E_DATE', message: expect.stringContaining('a mapping of `created` and `updated` dates') }),
    );
  });

  it('leave dates given as text as they were', () => {
    expect(warningsOf((onWarning) => parseYamlMeta('date: 2023-10-02\nupdated: 2023-10-03\n', { onWarning }))).toEqual([]);
    expect(parseYamlMeta('date: 2023-10-02\n').date?.toISOString()).toBe('2023-10-02T00:00:00.000Z');
  });
});

describe("a WordPress post's author as jekyll-import writes it", () => {
  const post = (author: string): string =>
    `---\nlayout: post\ntitle: Exploring memory models\ndate: 2009-06-16 23:53:26.000000000 -07:00\nstatus: publish\ntype: post\npublished: true\nauthor:\n${author}---\nOne of my many focuses lately has been a memory model.\n`;

  it('is named by its display name, with its email', () => {
    const seed = readSeed(post('  login: admin\n  email: joeduffy@acm.org\n  display_name: joeduffy\n  first_name: ""\n  last_name: ""\n'), { file: 'memory-models.md' });
    expect(seed.meta.authors).toEqual([{ name: 'joeduffy', email: 'joeduffy@acm.org' }]);
  });

  it('else by its first and last names, else by its login', () => {
    expect(parseYamlMeta('author:\n  login: krautzberger\n  first_name: Peter\n  last_name: Krautzberger\n').authors).toEqual([{ name: 'Peter Krautzberger' }]);
    expect(parseYamlMeta('author:\n  login: slayer\n  email: dongyado@gmail.com\n').authors).toEqual([{ name: 'slayer', email: 'dongyado@gmail.com' }]);
  });

  it('keeps `name` first, and an author of none of these names is still refused', () => {
    expect(parseYamlMeta('author:\n  name: Jane Doe\n  display_name: jdoe\n').authors).toEqual([{ name: 'Jane Doe' }]);
    expect(() => parseYamlMeta('author:\n  email: a@b.example\n  display_name: "  "\n', { file: 'p.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('an author needs a `name`') }),
    );
  });
});

describe("a number given as the id (another system's number for the post)", () => {
  it('is named in a warning with its line and not read, so the post is published with the id its URL gives', () => {
    const seen: string[] = [];
    // DEV's article export, and hexo-migrator-wordpress's quoted WordPress post number.
    const dev = parseYamlMeta("comments: 0\nid: 3735712\npublished_at: '2026-05-29T08:07:18Z'\ntitle: A demo\n", {
      file: 'demo.md',
      firstLine: 2,
      onWarning: (d) => seen.push(`${d.line} ${d.message}`),
    });
    expect(dev.id).toBeUndefined();
    expect(parseYamlMeta("title: Airbrush\nid: '66'\n").id).toBeUndefined();
    expect(seen).toEqual([
      "3 front matter `id` 3735712 (another system's number for the post) is not read: a story's id is an absolute URI such as https://…, tag:… or urn:…; it follows the story's URL",
    ]);
  });

  it('leaves any other id to be read and checked as before', () => {
    expect(parseYamlMeta('id: tag:example.com,2024:storm\n').id).toBe('tag:example.com,2024:storm');
    expect(parseYamlMeta('id: post-66\n').id).toBe('post-66');
    expect(parseYamlMeta('id: "66a"\n').id).toBe('66a');
  });
});

describe("Zola's taxonomies (`[taxonomies]` in TOML front matter, `taxonomies:` in YAML)", () => {
  it('give the story its tags (tags, then categories, each once) and, without authors, its authors', () => {
    const seed = readSeed('+++\ntitle = "Mu"\ndate = 2020-09-18\n\n[taxonomies]\ncategories = ["kōans"]\ntags = ["pets"]\nauthors = ["Mumon"]\n+++\nA monk asked Joshu.\n', {
      file: 'content/mu.md',
    });
    expect(seed.meta.tags).toEqual(['pets', 'kōans']);
    expect(seed.meta.authors).toEqual([{ name: 'Mumon' }]);
    const yaml = parseYamlMeta('title: "Second post"\ntaxonomies:\n  tags:\n    - kanso\n    - markdown\n  categories: [Writing, Reference]\n');
    expect(yaml.tags).toEqual(['kanso', 'markdown', 'Writing', 'Reference']);
  });

  it('join the top-level tags and categories, and leave top-level authors first', () => {
    const seed = readSeed('+++\ntitle = "T"\ntags = ["a"]\nauthors = ["Ann"]\n[extra]\ntoc = true\n[taxonomies]\ntags = ["a", "b"]\nauthors = ["Bob"]\n+++\nText.\n', {
      file: 'content/t.md',
    });
    expect(seed.meta.tags).toEqual(['a', 'b']);
    expect(seed.meta.authors).toEqual([{ name: 'Ann' }]);
  });

  it('name the field and the line of its table when a taxonomy is not a list of names', () => {
    expect(() => readSeed('+++\ntitle = "T"\n[extra]\nx = 1\n[taxonomies]\ntags = [1.5, {a = 1}]\n+++\nText.\n', { file: 'content/t.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', line: 5, message: expect.stringContaining('front matter `taxonomies.tags`: each tag must be text') }),
    );
  });
});

describe('a Hexo post whose front matter leaves out its opening `---`', () => {
  const post =
    'title: Windows 10 fast.ai setup\nauthor: Derek Liang\ntags:\n  - AI\ncategories: []\ndate: 2018-01-20 16:03:00\n---\nThe following steps set up my machine learning environment.\n';

  it('has it read as front matter in a _posts folder, as Hexo reads it', () => {
    const seed = readSeed(post, { file: 'source/_posts/windows-10-fastai.md' });
    expect(seed.title).toBe('Windows 10 fast.ai setup');
    expect(seed.meta).toMatchObject({ authors: [{ name: 'Derek Liang' }], tags: ['AI'] });
    expect(seed.meta.date?.toISOString()).toBe('2018-01-20T16:03:00.000Z');
    expect(seed.sections.flatMap((s) => s.blocks)).toEqual([{ kind: 'paragraph', text: 'The following steps set up my machine learning environment.' }]);
    // Its errors name the lines of the file.
    expect(() => readSeed('title: T\ndate: 2018-13-01\n---\nText.\n', { file: '_posts/t.md' })).toThrow(expect.objectContaining({ code: 'E_DATE', line: 2 }));
  });

  it('is text elsewhere, and text over a thematic break stays text in a _posts folder', () => {
    const untitled = 'title: Windows 10 fast.ai setup\ntags:\n  - AI\ncategories: []\n---\nThe following steps.\n';
    expect(readSeed(untitled, { file: 'content/windows-10-fastai.md' }).title).toBe('title: Windows 10 fast.ai setup');
    expect(readSeed(untitled, { file: 'source/_posts/windows-10-fastai.md', jekyllPost: false }).title).toBe('title: Windows 10 fast.ai setup');
    expect(readSeed(untitled, { file: 'source/_posts/windows-10-fastai.md' }).title).toBe('Windows 10 fast.ai setup');
    // No title among the lines, or a line of prose before the `---`: no front matter.
    expect(readSeed('Update: talks resume\n---\nThe talks resumed.\n', { file: '_posts/a.md' }).title).toBe('Update: talks resume');
    expect(readSeed('title: x\nThe talks resumed on Monday.\n---\nMore.\n', { file: '_posts/a.md' }).title).toBe('title: x');
    // Opened front matter is read as before.
    expect(readSeed('---\ntitle: Opened\n---\ntitle: not a field\n---\nText.\n', { file: '_posts/a.md' }).title).toBe('Opened');
  });
});

describe("`category` (Jekyll, Hexo, Pelican) and Hexo's categories in lists", () => {
  it('give tags: `category` one name, after tags and categories, each once', () => {
    expect(parseYamlMeta('tags: [a]\ncategories: [b]\ncategory: Screen Graphics, Tutorials\n').tags).toEqual(['a', 'b', 'Screen Graphics, Tutorials']);
    expect(parseYamlMeta('category:\n  - computer vision\n  - classification\ntags:\n  - CVPR2016\n  - classification\n').tags).toEqual([
      'CVPR2016',
      'classification',
      'computer vision',
    ]);
    expect(parseYamlMeta('category: news world\n', { file: '_posts/2024-01-02-a.md' }).tags).toEqual(['news world']);
  });

  it('read a number as a name, as a number among tags is, and name a value that gives no name in a warning, not read', () => {
    expect(parseYamlMeta('tags: [a]\ncategory: 2024\n').tags).toEqual(['a', '2024']);
    for (const [yaml, found] of [
      ['category: false\n', 'boolean false'],
      ['category: {id: 3, name: News}\n', 'a mapping'],
      ['category:\n  id: 3\n  name: News\n', 'a mapping'],
      ['category: [News, {id: 3}]\n', 'a mapping'],
      ['category: .nan\n', 'number NaN'],
    ] as const) {
      const seen: Diagnostic[] = [];
      const meta = parseYamlMeta(`title: T\ntags: [a]\n${yaml}`, { file: 'p.md', firstLine: 2, onWarning: (d) => seen.push(d) });
      expect(meta.tags).toEqual(['a']);
      expect(seen).toEqual([expect.objectContaining({ code: 'W_UNKNOWN_FIELD', file: 'p.md', line: 4 })]);
      expect(seen[0]!.message).toContain('`category` is not read');
      expect(seen[0]!.message).toContain(found);
    }
    // A seed that gives it so builds, as it did before `category` was read.
    expect(readSeed('---\ntitle: T\ncategory: 12\n---\nText.\n', { file: 'a.md' }).meta.tags).toEqual(['12']);
    expect(readSeed('---\ntitle: T\ncategory: false\n---\nText.\n', { file: 'a.md' }).meta.tags).toBeUndefined();
    // storyfeed's own tags and categories are checked as before.
    expect(() => parseYamlMeta('categories: false\n')).toThrow(expect.objectContaining({ code: 'E_FIELD' }));
  });

  it("read each name of Hexo's category hierarchies", () => {
    expect(parseYamlMeta('categories:\n- [Sports, Baseball]\n- [MLB, American League, Boston Red Sox]\n- Rivalries\n').tags).toEqual([
      'Sports',
      'Baseball',
      'MLB',
      'American League',
      'Boston Red Sox',
      'Rivalries',
    ]);
    expect(parseYamlMeta('categories:\n  - [程式語言,C#]\n').tags).toEqual(['程式語言', 'C#']);
    expect(() => parseYamlMeta('categories:\n  - [[deep]]\n', { file: 'p.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('each tag must be text') }),
    );
  });
});

describe('a cover image (`cover_image`, `coverImage`, `cover`)', () => {
  it("is the story's image when it gives no image of its own", () => {
    expect(parseYamlMeta('title: "The Home Ratio"\npublished: true\ncover_image: https://oxygen56.github.io/assets/css-art-cover.png\n').image).toBe(
      'https://oxygen56.github.io/assets/css-art-cover.png',
    );
    expect(parseYamlMeta('coverImage: "/assets/blog/hello-world/cover.jpg"\n').image).toBe('/assets/blog/hello-world/cover.jpg');
    expect(parseYamlMeta('coverImage: "Chrome-OS-Files-app.png"\n').image).toBe('Chrome-OS-Files-app.png');
    expect(parseYamlMeta('cover:\n  image: images/cover.png\n  alt: A cover\n').image).toBe('images/cover.png');
    expect(readSeed('Title: Cover\nDate: 2024-02-06\nCover: images/2024/02/banner.jpeg\n\nText.\n', { file: 'a.md' }).meta.image).toBe('images/2024/02/banner.jpeg');
  });

  it("comes after the story's own image, named as not read, and a value that is no URL is named, not read", () => {
    const seen: string[] = [];
    expect(parseYamlMeta('image: /a.png\ncoverImage: /b.png\n', { onWarning: (d) => seen.push(d.message) }).image).toBe('/a.png');
    expect(parseYamlMeta('cover_image: # upload later\ncover: true\n', { onWarning: (d) => seen.push(d.message) }).image).toBeUndefined();
    expect(parseYamlMeta("cover_image: ''\n").image).toBeUndefined();
    expect(seen).toEqual([
      'front matter `coverImage` is not read: `image` is given too and is read instead',
      "front matter `cover` is not read: expected an image's URL, found boolean true",
    ]);
  });
});

describe("a Hugo theme's featured image (Ananke's `featured_image`, LoveIt's and FixIt's `featuredImage`)", () => {
  it("is the story's image when it gives no image or cover of its own, named as not read when it does", () => {
    expect(parseYamlMeta('title: "Interludium: Graphiz & Dot"\ndate: 2020-06-07T11:48:42+02:00\nfeatured_image: "/images/graphviz.svg"\n').image).toBe('/images/graphviz.svg');
    expect(parseYamlMeta('title: Fixit\nfeaturedImage: featured-image.jpg\nfeaturedImagePreview: preview.jpg\n').image).toBe('featured-image.jpg');
    const seen: string[] = [];
    const onWarning = (d: Diagnostic): number => seen.push(d.message);
    expect(parseYamlMeta('featured_image: "/images/podman.jpg"\nimages:\n- "/images/podman.svg"\n', { onWarning }).image).toBe('/images/podman.svg');
    expect(parseYamlMeta('cover: /a.png\nfeatured_image: /b.png\n', { onWarning }).image).toBe('/a.png');
    expect(seen).toEqual([
      'front matter `featured_image` is not read: `images` is given too and is read instead',
      'front matter `featured_image` is not read: `cover` is given too and is read instead',
    ]);
  });
});

describe('an image given as a mapping with its alt text', () => {
  it("is read from its `path` (Jekyll's Chirpy theme) or `src`, as from its `url`", () => {
    const chirpy =
      '---\ntitle: Writing a New Post\ndate: 2019-08-08 14:10:00 +0800\nimage:\n  path: /assets/img/cover.jpg\n  alt: A cover\n  lqip: /assets/img/low-res.jpg\n---\n\nText.\n';
    expect(readSeed(chirpy, { file: '2019-08-08-write-a-new-post.md' }).meta.image).toBe('/assets/img/cover.jpg');
    expect(parseYamlMeta('image:\n  url: https://docs.astro.build/assets/rose.webp\n  alt: Rose\n').image).toBe('https://docs.astro.build/assets/rose.webp');
    expect(parseYamlMeta('coverImage:\n  src: ./cover.png\n  alt: Astro build wallpaper\n').image).toBe('./cover.png');
    expect(parseYamlMeta('cover:\n  image: images/cover.png\n  src: other.png\n').image).toBe('images/cover.png');
  });

  it('gives no image when the mapping leaves its URL blank, and is refused when it names none', () => {
    expect(parseYamlMeta('title: x\nimage:\n  path:\n  alt:\n')).toEqual({ title: 'x' });
    expect(() => parseYamlMeta('title: x\nimage:\n  alt: A cover\n', { file: 'p.md', firstLine: 2 })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', line: 3, message: expect.stringContaining('`url`, `path` or `src`') }),
    );
  });
});

describe("a path to a source image (Astro's `heroImage: '../../assets/…'`, a bundler's `~/` or `@/` alias)", () => {
  it('is named in a warning with its field and line and not read: the generator publishes the file under a name of its own', () => {
    const astro = "---\ntitle: 'First post'\ndescription: 'Lorem ipsum dolor sit amet'\npubDate: 'Jul 08 2022'\nheroImage: '../../assets/blog-placeholder-3.jpg'\n---\n\nText.\n";
    const warnings: Diagnostic[] = [];
    expect(readSeed(astro, { file: 'src/content/blog/first-post.md', onWarning: (d) => warnings.push(d) }).meta.image).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['W_UNKNOWN_FIELD', 5]]);
    expect(warnings[0]!.message).toBe(
      "front matter `heroImage` \"../../assets/blog-placeholder-3.jpg\" is not read: a path to a source image (relative to the Markdown file, as Astro's `image()` reads it) is not the image's address, which the site generator gives it (Astro's has a hash in its name, under /_astro/) and storyfeed cannot know; give its published URL, or its path from the site's root (/images/cover.jpg)",
    );
  });

  it("is told for Astro's `heroImage` written relative, and for any image name through an import alias", () => {
    for (const [yaml, name, why] of [
      ["heroImage: './cover.jpg'", 'heroImage', "relative to the Markdown file, as Astro's `image()` reads it"],
      ["image:\n  src: '~/assets/cover.png'\n  alt: A cover", 'image', 'through the import alias `~/`'],
      ['cover_image: "@/assets/cover.png"', 'cover_image', 'through the import alias `@/`'],
      ['coverImage: "@assets/cover.png"', 'coverImage', 'through the import alias `@assets/`'],
      // A Windows path through an alias, as the body's images are read.
      ["image: '~\\assets\\cover.png'", 'image', 'through the import alias `~\\`'],
    ]) {
      const seen = warningsOf((onWarning) => expect(parseYamlMeta(yaml!, { onWarning }).image).toBeUndefined());
      expect(seen).toHaveLength(1);
      expect(seen[0]).toContain(`W_UNKNOWN_FIELD front matter \`${name}\` `);
      expect(seen[0]).toContain(`is not read: a path to a source image (${why}) `);
    }
  });

  it("leaves every other address as it was: relative to the story's address (a page bundle's, `../img/x.png`), from the site's root, absolute, or within a Chirpy media folder", () => {
    for (const image of [
      'cover.png',
      './cover.png',
      '../img/cover.png',
      'img/../cover.png',
      '/images/cover.png',
      'https://img.example.com/a/../cover.png',
      '//cdn.example.com/../a.png',
      'a@2x.png',
      '@2x/cover.png',
    ]) {
      const seen = warningsOf((onWarning) => expect(parseYamlMeta(`image: "${image}"`, { onWarning }).image).toBe(image));
      expect(seen).toEqual([]);
    }
    // Astro's older starter gave `heroImage` from the site's root (its public folder).
    expect(parseYamlMeta("heroImage: '/blog-placeholder-3.jpg'").image).toBe('/blog-placeholder-3.jpg');
    expect(parseYamlMeta('media_subpath: /assets/img/posts/my-post\nimage: ../shared/cover.png').image).toBe('../shared/cover.png');
  });
});

describe("Docusaurus's `unlisted: true`", () => {
  it('keeps the post out of the feeds, as Docusaurus leaves it out of its feed, with a warning naming the field and its line', () => {
    const warnings: Diagnostic[] = [];
    const seed = readSeed('---\nslug: long-blog-post\ntitle: Long Blog Post\nauthors: yangshun\ntags: [hello, docusaurus]\nunlisted: true\n---\n\nThis is the summary.\n', {
      file: 'blog/2019-05-29-long-blog-post.md',
      onWarning: (d) => warnings.push(d),
    });
    expect(seed.meta.draft).toBe(true);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'W_DRAFT', file: 'blog/2019-05-29-long-blog-post.md', line: 6, message: expect.stringContaining('`unlisted: true`') }),
    ]);
    expect(parseYamlMeta('title: x\nunlisted: false')).toEqual({ title: 'x' });
  });
});

describe('a `status` that keeps a post out of its feeds (regression: `status: draft` was published)', () => {
  it('is read as a draft, as Pelican, WordPress (jekyll-import) and Ghost write it, with a warning naming the field and its line', () => {
    for (const value of ['draft', 'Draft', 'hidden', 'pending', 'private']) {
      const warnings: Diagnostic[] = [];
      const seed = readSeed(`---\ntitle: Budget notes\nlayout: post\nstatus: ${value}\n---\n\nNot for readers yet.\n`, { file: 'notes.md', onWarning: (d) => warnings.push(d) });
      expect(seed.meta.draft, value).toBe(true);
      expect(warnings, value).toEqual([expect.objectContaining({ code: 'W_DRAFT', file: 'notes.md', line: 4, message: expect.stringContaining(`\`status: ${value}\``) })]);
    }
    // Published statuses, and any other, are not read.
    for (const value of ['publish', 'published', 'done', '"7"']) expect(parseYamlMeta(`title: x\nstatus: ${value}`), value).toEqual({ title: 'x' });
    // A sidecar's own `draft: false` publishes it, as it does a post another generator's field keeps out.
    expect(readSeed('---\ntitle: x\nstatus: draft\n---\nText.\n', { file: 'x.md', sidecar: { draft: false } }).meta.draft).toBe(false);
  });
});

describe("another generator's summary field holding no text", () => {
  it('is named and not read, and the post is published with a summary from its text', () => {
    const seen: string[] = [];
    const seed = readSeed(
      '---\nlayout: post\ntitle: Thoughts on MathML\ndate: 2013-10-29 22:48:08.000000000 +01:00\nexcerpt: !ruby/object:Hpricot::Doc\n  options: {}\n---\n\nToday, a Chromium team member announced it.\n',
      { file: 'mathml.md', onWarning: (d) => seen.push(`${d.line} ${d.message}`) },
    );
    expect(seed.meta.summary).toBeUndefined();
    expect(seen).toEqual(['5 front matter `excerpt` is not read: expected text, found a mapping']);
    expect(parseYamlMeta('description: [a, b]\n', { onWarning: () => undefined }).summary).toBeUndefined();
  });

  it("is still refused under storyfeed's own name", () => {
    expect(() => parseYamlMeta('summary:\n  a: 1\n', { file: 'p.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('front matter `summary`: expected text') }),
    );
  });
});

describe("a `summary` written in Markdown (Hugo renders its front matter's summary)", () => {
  const summaryOf = (front: string, file = 'post.md'): string | undefined => readSeed(`---\ntitle: T\n${front}\n---\n\nThe text.\n`, { file }).meta.summary;

  it('is the text the Markdown shows, in YAML, TOML and JSON front matter', () => {
    expect(summaryOf('summary: "How to use **bold**, [links](https://example.org/a) and `code`"')).toBe('How to use bold, links and code');
    expect(readSeed('+++\ntitle = "T"\nsummary = "An *emphasised* intro_text &amp; more"\n+++\n\nThe text.\n', { file: 'p.md' }).meta.summary).toBe(
      'An emphasised intro_text & more',
    );
    expect(readSeed('{\n"title": "T",\n"summary": "Read **this**"\n}\n\nThe text.\n', { file: 'p.md' }).meta.summary).toBe('Read this');
    // What is no Markdown syntax stays as written.
    expect(summaryOf('summary: "5 * 3 = 15, snake_case_name and C# 12"')).toBe('5 * 3 = 15, snake_case_name and C# 12');
    // Markup alone shows no text: no summary (the story's is then made from its body).
    expect(summaryOf('summary: "<br>"')).toBeUndefined();
    expect(summaryOf('summary: "![](cover.png)"')).toBeUndefined();
  });

  it("stays as written under another generator's name (`description`, `excerpt`), which themes put in meta tags as it is", () => {
    expect(summaryOf('description: "Uses **stars** as written"')).toBe('Uses **stars** as written');
    expect(summaryOf('excerpt: "An _underlined_ word"')).toBe('An _underlined_ word');
  });

  it('costs time in proportion to its length, however its brackets and marks are nested', async () => {
    // Front matter is limited to 64 KB: a summary is at most that long.
    for (const unit of ['[', '![', '*a', '[a](', '<a ']) {
      const summary = (n: number): string => `summary: ${JSON.stringify(unit.repeat(Math.ceil(n / unit.length)))}`;
      expect(await costGrowth((n) => summaryOf(summary(n)), 5_000, 50_000, 4), unit).toBeLessThan(4);
    }
  });
});

describe('`published_at` (a DEV or Ghost article exported with its fields)', () => {
  it('dates the story when no other date is given, after the others', () => {
    expect(parseYamlMeta("comments: 0\npublished_at: '2026-05-29T08:07:18Z'\ntitle: Demo\n").date?.toISOString()).toBe('2026-05-29T08:07:18.000Z');
    const seen: string[] = [];
    expect(parseYamlMeta("date: 2026-05-01\npublished_at: '2026-05-29T08:07:18Z'\n", { onWarning: (d) => seen.push(d.message) }).date?.toISOString()).toBe(
      '2026-05-01T00:00:00.000Z',
    );
    expect(seen).toEqual(['front matter `published_at` is not read: `date` is given too and is read instead']);
  });
});

describe('a field written in other letter case (`Title`, `Draft`, `PublishDate`), as Hugo reads every key whatever its case', () => {
  it('is read as the field: a capitalised `Draft: true` keeps the post out of the feeds (it was published, with a "did you mean" warning)', () => {
    const warnings: Diagnostic[] = [];
    const seed = readSeed('---\nTitle: "Hugo Post"\nDate: 2024-01-02T10:00:00Z\nDraft: true\nTags: [go, hugo]\nPublishDate: 2024-01-03T10:00:00Z\n---\n\nText.\n', {
      file: 'post.md',
      onWarning: (d) => warnings.push(d),
    });
    expect(seed.meta).toMatchObject({ title: 'Hugo Post', draft: true, tags: ['go', 'hugo'] });
    expect(seed.meta.date?.toISOString()).toBe('2024-01-02T10:00:00.000Z');
    expect(warnings.filter((d) => d.code === 'W_UNKNOWN_FIELD')).toEqual([
      expect.objectContaining({ line: 6, message: 'front matter `PublishDate` is not read: `Date` is given too and is read instead' }),
    ]);
  });

  it('gives way to the field as storyfeed writes it, named as not read, and has its problems shown on its own line', () => {
    const warnings: Diagnostic[] = [];
    expect(parseYamlMeta('title: Mine\nTitle: Theirs\nTITLE: Third\n', { onWarning: (d) => warnings.push(d) }).title).toBe('Mine');
    expect(warnings.map((d) => d.message)).toEqual([
      'front matter `Title` is not read: `title` is given too and is read instead',
      'front matter `TITLE` is not read: `title` is given too and is read instead',
    ]);
    expect(() => parseYamlMeta('title: x\nDate: someday\n', { file: 'p.md', firstLine: 2 })).toThrow(expect.objectContaining({ code: 'E_DATE', line: 3 }));
  });
});

describe("Docusaurus's tags given as mappings (`{label, permalink}`)", () => {
  it('give their labels, among tags given as names (regression: E_FIELD stopped the build)', () => {
    const seed = readSeed('---\nslug: welcome\ntitle: Welcome\ntags: [{label: Hello, permalink: /hello}, docusaurus]\n---\n\nThe first post.\n', {
      file: 'blog/2021-08-26-welcome.md',
    });
    expect(seed.meta.tags).toEqual(['Hello', 'docusaurus']);
    expect(parseYamlMeta('tags:\n  - label: Release notes\n    permalink: /releases\n  - name: Named\n').tags).toEqual(['Release notes', 'Named']);
  });

  it('without a label or a name are refused, naming the field', () => {
    expect(() => parseYamlMeta('tags:\n  - permalink: /hello\n', { file: 'p.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringMatching(/`tags`: each tag must be text or a mapping with its `label`, found a mapping/) }),
    );
  });
});

describe("Hugo's pages left out of its page collections (`build: {list: never}`, `render: never`, `headless: true`)", () => {
  it('are read as drafts, as Hugo leaves them out of its feeds, with a warning naming the field and its line', () => {
    for (const [front, named, line] of [
      ['build:\n  list: never\n  render: always', '`build.list: never`', 3],
      ['build:\n  render: never', '`build.render: never`', 3],
      ['_build:\n  list: false', '`_build.list: false`', 3],
      ['_build:\n  render: false', '`_build.render: false`', 3],
      ['headless: true', '`headless: true`', 3],
    ] as const) {
      const warnings: Diagnostic[] = [];
      const seed = readSeed(`---\ntitle: Snippets\n${front}\n---\n\nShared text.\n`, { file: 'content/snippets/index.md', onWarning: (d) => warnings.push(d) });
      expect(seed.meta.draft, front).toBe(true);
      expect(warnings, front).toEqual([expect.objectContaining({ code: 'W_DRAFT', file: 'content/snippets/index.md', line, message: expect.stringContaining(named) })]);
    }
    const toml = readSeed("+++\ntitle = 'Snippets'\n[build]\nlist = 'never'\n+++\nShared text.\n", { file: 'content/snippets/index.md' });
    expect(toml.meta.draft).toBe(true);
  });

  it('are published when listed and rendered (the defaults, `local`, `link`)', () => {
    // Hugo reads `headless` on a bundle's index only.
    expect(readSeed('---\ntitle: Page\nheadless: true\n---\n\nText.\n', { file: 'content/page.md' }).meta.draft).toBeUndefined();
    expect(readSeed('---\ntitle: Page\nheadless: true\n---\n\nText.\n', { file: 'content/page/index.fr.md' }).meta.draft).toBe(true);
    for (const front of ['build:\n  list: always\n  render: always', 'build:\n  list: local', 'build:\n  render: link', 'headless: false', 'build: fast']) {
      const seed = readSeed(`---\ntitle: Page\n${front}\n---\n\nText.\n`, { file: 'content/page.md' });
      expect(seed.meta.draft, front).toBeUndefined();
    }
  });
});

describe("Hugo's page parameters (`params`), where Hugo keeps the fields it leaves to themes", () => {
  it('give the author and the image when the page gives them at the top level under none of their names', () => {
    const seed = readSeed(
      '---\ndate: 2024-02-02T04:14:54-08:00\ndraft: false\nparams:\n  author: John Smith\n  images: [/img/cover.jpg]\ntitle: Example\nweight: 10\n---\n\nText.\n',
      {
        file: 'content/posts/example.md',
      },
    );
    expect(seed.meta).toMatchObject({ title: 'Example', authors: [{ name: 'John Smith' }], image: '/img/cover.jpg' });
    const toml = readSeed("+++\ntitle = 'Example'\n[params]\n  authors = ['Ann', 'Bob']\n  cover = '/img/c.png'\n+++\nText.\n", { file: 'content/posts/example.md' });
    expect(toml.meta).toMatchObject({ authors: [{ name: 'Ann' }, { name: 'Bob' }], image: '/img/c.png' });
  });

  it('leave the top level winning, and the fields Hugo defines itself (title, date, tags) read only there', () => {
    const meta = parseYamlMeta('title: Top\nauthor: Top Author\nparams:\n  title: Param title\n  authors: [Param Author]\n  date: 2020-01-01\n  tags: [x]\n');
    expect(meta).toEqual({ title: 'Top', authors: [{ name: 'Top Author' }] });
  });

  it('name a value in them storyfeed cannot read as `params.<name>`, on the line of `params`, in a warning, and leave it out (regression: it stopped the build)', () => {
    for (const [front, named, detail] of [
      ['params:\n  author:\n    email: a@b.example', 'params.author', 'an author needs a `name`'],
      ['params:\n  author: false', 'params.author', 'expected a name or {name, email, url}, found'],
      ['params:\n  author: [null]', 'params.author', 'item 1: expected a name or {name, email, url}, found null'],
      ['extra:\n  author: {name: [1]}', 'extra.author', 'an author needs a `name`'],
      ['extra:\n  image: 5', 'extra.image', 'expected a URL, or a mapping with its `url`, `path` or `src`, found number 5'],
      ['params:\n  images: [{alt: a cover}]', 'params.images', 'expected a URL'],
    ] as const) {
      const warnings: Diagnostic[] = [];
      const meta = parseYamlMeta(`title: T\n${front}\n`, { file: 'p.md', onWarning: (d) => warnings.push(d) });
      expect(meta, front).toEqual({ title: 'T' });
      expect(warnings, front).toEqual([
        expect.objectContaining({ code: 'W_UNKNOWN_FIELD', file: 'p.md', line: 2, message: expect.stringContaining(`front matter \`${named}\` is not read: ${detail}`) }),
      ]);
    }
    // Another name of the field there that can be read is still read.
    const warnings: Diagnostic[] = [];
    expect(parseYamlMeta('params:\n  author: false\n  authors: [Ann]\n  image: 5\n  cover: /c.png\n', { onWarning: (d) => warnings.push(d) })).toEqual({
      authors: [{ name: 'Ann' }],
      image: '/c.png',
    });
    expect(warnings.map((d) => d.code)).toEqual(['W_UNKNOWN_FIELD', 'W_UNKNOWN_FIELD']);
  });

  it('leave the errors of a field storyfeed reads at the top level as they are', () => {
    expect(() => parseYamlMeta('title: T\nauthor: false\nparams:\n  author: Ann\n', { file: 'p.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', line: 2, message: expect.stringContaining('front matter `author`') }),
    );
    expect(() => parseYamlMeta('title: T\nimage: 5\n', { file: 'p.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('front matter `image`') }),
    );
  });

  it("give way to a sidecar's own field, as another generator's names do", () => {
    const seed = readSeed('---\ntitle: T\nparams:\n  author: From params\n---\nText.\n', { file: 'p.md', sidecar: { authors: [{ name: 'From sidecar' }] } });
    expect(seed.meta.authors).toEqual([{ name: 'From sidecar' }]);
  });
});

describe("AstroPaper's dates (`pubDatetime`, `modDatetime`)", () => {
  const post =
    '---\nauthor: Sat Naing\npubDatetime: 2022-09-23T15:22:00Z\nmodDatetime: 2023-12-21T09:12:47.400Z\ntitle: Adding new posts in AstroPaper theme\nfeatured: true\ndraft: false\ntags:\n  - docs\ndescription: Some rules for adding new posts.\n---\n\nText.\n';

  it('are the publication date and the last update (regression: the post was undated, dated when first published)', () => {
    const seed = readSeed(post, { file: 'src/data/blog/adding-new-post.md' });
    expect(seed.meta.date?.toISOString()).toBe('2022-09-23T15:22:00.000Z');
    expect(seed.meta.updated?.toISOString()).toBe('2023-12-21T09:12:47.400Z');
    // `modDatetime` left empty, as AstroPaper's schema allows (nullable).
    expect(parseYamlMeta('pubDatetime: 2022-09-23T15:22:00Z\nmodDatetime:\n').updated).toBeUndefined();
  });

  it("give way to storyfeed's own names, named as not read", () => {
    const warnings = warningsOf((onWarning) => parseYamlMeta('date: 2024-01-01\npubDatetime: 2022-09-23T15:22:00Z\n', { onWarning }));
    expect(warnings).toEqual(['W_UNKNOWN_FIELD front matter `pubDatetime` is not read: `date` is given too and is read instead']);
  });
});

describe("Zola's page data (`[extra]`), where Zola keeps the fields it leaves to themes, as Hugo's `params`", () => {
  it('gives the author and the image when the page gives none at its top level', () => {
    const seed = readSeed('+++\ntitle = "Zola post"\ndate = 2019-08-06\n[taxonomies]\ntags = ["rust"]\n[extra]\nauthor = "Jane Doe"\nimage = "cover.png"\n+++\nText.\n', {
      file: 'content/post.md',
    });
    expect(seed.meta).toMatchObject({ title: 'Zola post', authors: [{ name: 'Jane Doe' }], image: 'cover.png', tags: ['rust'] });
    expect(parseYamlMeta('title: T\nextra: spaces\n')).toEqual({ title: 'T' });
  });
});

describe("a Hexo post's other front matter separators: JSON closed by `;;;`, fences of more dashes (`----`)", () => {
  it('is read in a _posts folder, as Hexo reads it (regression: the fields became the headline and the text)', () => {
    const json = readSeed('"title": "Hello World",\n"date": "2013/7/13 20:46:25"\n;;;\nBody of the post.\n', { file: 'source/_posts/hello.md' });
    expect([json.title, json.meta.date?.toISOString(), json.sections.flatMap((s) => s.blocks)]).toEqual([
      'Hello World',
      '2013-07-13T20:46:25.000Z',
      [{ kind: 'paragraph', text: 'Body of the post.' }],
    ]);
    const opened = readSeed(';;;\n"title": "Opened",\n"tags": ["a"]\n;;;\nBody.\n', { file: 'source/_posts/opened.md' });
    expect([opened.title, opened.meta.tags]).toEqual(['Opened', ['a']]);
    const dashes = readSeed('----\ntitle: Four dashes\ndate: 2013/7/15 20:46:25\n----\nBody.\n', { file: 'source/_posts/dashes.md' });
    expect([dashes.title, dashes.meta.date?.toISOString()]).toEqual(['Four dashes', '2013-07-15T20:46:25.000Z']);
  });

  it('names the line of a problem, and is text outside a _posts folder', () => {
    expect(() => readSeed('"title": "T",\n"date": "soon"\n;;;\nBody.\n', { file: '_posts/t.md' })).toThrow(expect.objectContaining({ code: 'E_DATE', line: 2 }));
    expect(() => readSeed(';;;\n"title": "T",\n"date": "soon"\n;;;\nBody.\n', { file: '_posts/t.md' })).toThrow(expect.objectContaining({ code: 'E_DATE', line: 3 }));
    expect(readSeed('"title": "T",\n"date": "2013/7/13"\n;;;\nBody.\n', { file: 'content/t.md' }).title).toBe('"title": "T",');
    expect(readSeed('----\ntitle: x\n----\nBody.\n', { file: 'content/t.md' }).meta.title).toBeUndefined();
    // Prose before a line of semicolons is no front matter.
    expect(readSeed('A first line\n;;;\nBody.\n', { file: '_posts/t.md' }).title).toBe('A first line');
  });
});
