import { describe, expect, it } from 'vitest';
import { parseYamlMeta } from '../../src/seed/front-matter.js';
import { jekyllPostName } from '../../src/seed/dated-name.js';
import { readSeed } from '../../src/seed/index.js';
import { parseSeed } from '../../src/story/normalize.js';

describe('a Jekyll post', () => {
  it('is a Markdown file in a _posts folder named with its date first', () => {
    expect(jekyllPostName('_posts/2024-01-02-storm-hits-coast.md')).toBe('storm-hits-coast');
    expect(jekyllPostName('site/news/_posts/2024/2024-01-02-storm.markdown')).toBe('storm');
    expect(jekyllPostName('C:\\site\\_posts\\2024-01-02-storm.MD')).toBe('storm');
    // Not one: undated, outside _posts, not Markdown, a sidecar.
    for (const file of ['_posts/storm.md', '2024-01-02-storm.md', 'posts/2024-01-02-storm.md', '_posts/2024-01-02-storm.json', '_posts/2024-01-02-storm.meta.yaml', undefined])
      expect(jekyllPostName(file)).toBeUndefined();
  });
});

describe("a Jekyll post's categories and tags given as a string", () => {
  const post = '_posts/2024-01-02-storm-hits-coast.md';

  it('are lists of words, as Jekyll splits them', () => {
    expect(parseYamlMeta('categories: news world\ntags: "travel  food\tsea"', { file: post }).tags).toEqual(['travel', 'food', 'sea', 'news', 'world']);
    expect(readSeed('---\ncategories: news world\n---\nThe storm reached the coast.\n\nBoats stayed in port.\n', { file: post }).meta.tags).toEqual(['news', 'world']);
    // TOML front matter too.
    expect(readSeed('+++\ntags = "travel food"\n+++\nText.\n\nMore text.\n', { file: post }).meta.tags).toEqual(['travel', 'food']);
  });

  it('keep a string with commas split at its commas, and lists as they are', () => {
    expect(parseYamlMeta('tags: New York, Paris', { file: post }).tags).toEqual(['New York', 'Paris']);
    expect(parseYamlMeta('tags: [New York, Paris]', { file: post }).tags).toEqual(['New York', 'Paris']);
  });

  it('stay one tag in any other seed (Hugo, Eleventy, Astro and storyfeed read a string as one term)', () => {
    for (const file of ['content/posts/ny.md', '2024-01-02-ny.md', 'posts/2024-01-02-ny.md', '_posts/ny.md', '_posts/2024-01-02-ny.meta.yaml', undefined])
      expect(parseYamlMeta('tags: New York', file === undefined ? {} : { file }).tags).toEqual(['New York']);
  });
});

describe('a Jekyll post without a title in its front matter', () => {
  const post = '_posts/2024-01-02-storm-hits-coast.md';

  it("takes Jekyll's title from its file name and keeps its body whole", () => {
    const seed = readSeed('---\nlayout: post\n---\nThe storm reached the coast at dawn.\n\nBoats stayed in port.\n', { file: post });
    expect(seed.title).toBe('Storm Hits Coast');
    expect(seed.sections.flatMap((s) => s.blocks)).toEqual([
      { kind: 'paragraph', text: 'The storm reached the coast at dawn.' },
      { kind: 'paragraph', text: 'Boats stayed in port.' },
    ]);
    // One line of text is its body.
    expect(readSeed('+++\nlayout = "post"\n+++\nOne line.\n', { file: post })).toMatchObject({ title: 'Storm Hits Coast', sections: [{ blocks: [{ text: 'One line.' }] }] });
  });

  it("capitalises each word as Jekyll's titleize does (the rest in lower case), without the dots that end the name", () => {
    const title = (file: string): string => readSeed('---\nlayout: post\n---\nText.\n', { file }).title;
    expect(title('_posts/2024-01-02-storm-in-the-USA.md')).toBe('Storm In The Usa');
    expect(title('_posts/2024/2024-01-02-éclair--v1.2-out...markdown')).toBe('Éclair V1.2 Out');
  });

  it('keeps a title given in front matter or in a sidecar', () => {
    expect(readSeed('---\ntitle: Given\n---\nText.\n', { file: post }).title).toBe('Given');
    const sidecar = { title: 'From the sidecar' };
    // The story's title is the sidecar's (a seed's `meta.title` wins over the headline it read).
    expect(readSeed('---\nlayout: post\n---\nText.\n', { file: post, sidecar }).meta.title).toBe('From the sidecar');
  });

  it('is read as before when it is no Jekyll post, or has no front matter', () => {
    for (const file of ['2024-01-02-storm-hits-coast.md', 'posts/2024-01-02-storm-hits-coast.md', '_posts/storm-hits-coast.md']) {
      expect(readSeed('---\nlayout: post\n---\nThe storm reached the coast.\n\nBoats stayed in port.\n', { file })).toMatchObject({
        title: 'The storm reached the coast.',
        sections: [{ blocks: [{ text: 'Boats stayed in port.' }] }],
      });
    }
    expect(readSeed('The storm reached the coast.\n\nBoats stayed in port.\n', { file: post }).title).toBe('The storm reached the coast.');
  });
});

describe('the jekyllPost option', () => {
  it('says where the file is, over what its name for messages shows', () => {
    const text = '---\ncategories: news world\n---\nText.\n\nMore text.\n';
    expect(readSeed(text, { file: '2024-01-02-storm-hits-coast.md', jekyllPost: true })).toMatchObject({ title: 'Storm Hits Coast', meta: { tags: ['news', 'world'] } });
    expect(readSeed(text, { file: '_posts/2024-01-02-storm-hits-coast.md', jekyllPost: false })).toMatchObject({ title: 'Text.', meta: { tags: ['news world'] } });
    expect(() => readSeed(text, { file: 'a.md', jekyllPost: 'yes' as never })).toThrow(/options\.jekyllPost must be true or false/);
  });
});

describe("a Jekyll post's `tag`, one tag, as Jekyll reads it beside `tags`", () => {
  it('gives a tag, a string of it one name as `category` gives (regression: it was left out)', () => {
    expect(parseYamlMeta('title: A Tag\ntag: code\n', { file: '_posts/2009-05-18-tag.md' }).tags).toEqual(['code']);
    expect(parseYamlMeta('tag: open source\ntags: [a]\n', { file: '_posts/2009-05-18-tag.md' }).tags).toEqual(['a', 'open source']);
    expect(parseYamlMeta('tag: [x, y]\n').tags).toEqual(['x', 'y']);
    // Empty, as Jekyll's own test post writes it: no tag.
    expect(parseYamlMeta('title: A Tag\ntag:\n').tags).toBeUndefined();
  });
});

describe('a post named with a date of one-digit month or day (`2017-2-5-i-dont-like-zeroes.md`, as Jekyll reads it)', () => {
  it('takes its date, title and slug from its name (regression: its first line became its headline, and E_NO_BODY stopped the build)', () => {
    const file = '_posts/2017-2-5-i-dont-like-zeroes.md';
    expect(jekyllPostName(file)).toBe('i-dont-like-zeroes');
    const story = parseSeed('---\nlayout: post\n---\nThe body of a post with a short date.\n', { file, site: { siteUrl: 'https://x.example' } });
    expect([story.title, story.slug, story.published.toISOString()]).toEqual(['I Dont Like Zeroes', 'i-dont-like-zeroes', '2017-02-05T00:00:00.000Z']);
    // Outside Jekyll's posts too, as Docusaurus dates a post by its name.
    const other = parseSeed('# Title\n\nText.\n', { file: 'blog/2021-4-9-spring.md', site: { siteUrl: 'https://x.example' } });
    expect([other.slug, other.published.toISOString()]).toEqual(['spring', '2021-04-09T00:00:00.000Z']);
  });
});

describe('a post dated by its folders (`2021/04/15/blog-post.md`, as Docusaurus dates a post)', () => {
  const site = { siteUrl: 'https://x.example' };

  it('takes its date from them (regression: it was taken for undated, dated when first published)', () => {
    for (const file of ['blog/2021/04/15/blog-post.md', 'blog/2021/4/5/blog-post.mdx', 'blog/2021/04/15/blog-post/index.md']) {
      const story = parseSeed('# Spring\n\nText.\n', { file, site });
      expect([story.slug, story.published.toISOString(), story.undated], file).toEqual([
        'blog-post',
        file.includes('/4/5/') ? '2021-04-05T00:00:00.000Z' : '2021-04-15T00:00:00.000Z',
        undefined,
      ]);
    }
  });

  it('the front matter and a dated name win; folders that name no date give none', () => {
    expect(parseSeed('---\ndate: 2022-01-01\n---\n# T\n\nText.\n', { file: 'blog/2021/04/15/post.md', site }).published.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(parseSeed('# T\n\nText.\n', { file: 'blog/2021/04/15/2020-02-02-post.md', site }).published.toISOString()).toBe('2020-02-02T00:00:00.000Z');
    for (const file of ['blog/2021/04/post.md', 'blog/2021/13/40/post.md', 'blog/x2021/04/15/post.md'])
      expect(parseSeed('# T\n\nText.\n', { file, site }).undated, file).toBe(true);
  });
});
