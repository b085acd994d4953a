import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { fileLinkProblems, linkedFilePath, linksSettledFor, linesOfAddresses, markdownFileOf } from '../../src/story/file-links.js';
import { costGrowth } from '../support/linear.js';
import { parseSeed } from '../../src/story/normalize.js';
import type { Story } from '../../src/types.js';

const site = { siteUrl: 'https://ex.com' };

/** A Markdown seed parsed as a build parses it, with the warnings it gave (but for its missing date). */
function parse(text: string, file: string | undefined, more: Partial<Parameters<typeof parseSeed>[1]> = {}): { story: Story; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const story = parseSeed(text, {
    ...(file !== undefined ? { file } : {}),
    format: 'markdown',
    site,
    analysis: false,
    onWarning: (d) => d.code !== 'W_NO_DATE' && warnings.push(d),
    ...more,
  });
  return { story, warnings };
}

const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

describe('markdownFileOf', () => {
  it('names a Markdown file by a relative path, with its fragment', () => {
    expect(markdownFileOf('other-post.md')).toEqual({ path: 'other-post.md', fragment: '' });
    expect(markdownFileOf('../second-post/index.md#details')).toEqual({ path: '../second-post/index.md', fragment: '#details' });
    expect(markdownFileOf('./2024-01-02-other.markdown?x=1#a')).toEqual({ path: './2024-01-02-other.markdown', fragment: '#a' });
    expect(markdownFileOf('notes/a.MDX')).toEqual({ path: 'notes/a.MDX', fragment: '' });
    expect(markdownFileOf('/docs/a.md')).toEqual({ path: '/docs/a.md', fragment: '' });
  });
  it('leaves other addresses alone', () => {
    for (const href of [
      'https://github.com/a/b/README.md',
      '//cdn.example.com/a.md',
      'mailto:a@b.md',
      '#details',
      'notes.txt',
      'data.json',
      'photo.png',
      'a.md/',
      'other-post',
      '',
    ]) {
      expect([href, markdownFileOf(href)]).toEqual([href, undefined]);
    }
  });
});

describe('linkedFilePath', () => {
  it('resolves a path from the linking seed’s folder', () => {
    expect(linkedFilePath('seeds/posts/first-post/index.md', '../second-post/index.md')).toBe('seeds/posts/second-post/index.md');
    expect(linkedFilePath('seeds/a.md', './b.md')).toBe('seeds/b.md');
    expect(linkedFilePath('seeds\\posts\\a.md', '..\\b.md')).toBe('seeds/b.md');
    // Markdown writes a Windows path's backslashes as %5C (regression: the path stayed one part, never a seed).
    expect(linkedFilePath('seeds/posts/a.md', '..%5Cposts%5Cother%5Cl.md')).toBe('seeds/posts/other/l.md');
    expect(linkedFilePath('seeds/a.md', 'my%20post.md')).toBe('seeds/my post.md');
    expect(linkedFilePath('a.md', '../b.md')).toBe('../b.md');
    expect(linkedFilePath('/srv/seeds/a.md', '../../../../b.md')).toBe('/b.md');
  });
  it('gives no file for a path from a root', () => {
    expect(linkedFilePath('seeds/a.md', '/posts/b.md')).toBeUndefined();
  });
});

describe('linesOfAddresses', () => {
  it('finds the first line each address is written on, in Markdown or HTML', () => {
    const text = 'Title\n\n[a](x.md) and [b](<my post.md#top>)\n\n[ref]: ./y\\_z.md "T"\n<a href="w.md">w</a>\n[again](x.md)\n';
    const lines = linesOfAddresses(text, ['x.md', 'my post.md#top', './y_z.md', 'w.md', 'missing.md']);
    expect(Object.fromEntries(lines)).toEqual({ 'x.md': 3, 'my post.md#top': 3, './y_z.md': 5, 'w.md': 6 });
  });
});

describe('links to other articles’ files', () => {
  it('get the address the file’s story takes from its path, the fragment kept', () => {
    const text = '---\ntitle: First\n---\n\nSee [the second](../second-post/index.md#details), [x](./2024-01-02-other.md) and <a href="third.markdown">third</a>.\n';
    const { story, warnings } = parse(text, 'seeds/posts/first-post/index.md');
    expect(warnings).toEqual([]);
    expect(hrefs(story.contentHtml)).toEqual(['https://ex.com/second-post#details', 'https://ex.com/other', 'https://ex.com/third']);
    expect(story.seedLinks).toEqual([
      { file: 'seeds/posts/second-post/index.md', written: '../second-post/index.md#details', url: 'https://ex.com/second-post#details', line: 5 },
      { file: 'seeds/posts/first-post/2024-01-02-other.md', written: './2024-01-02-other.md', url: 'https://ex.com/other', line: 5 },
      { file: 'seeds/posts/first-post/third.markdown', written: 'third.markdown', url: 'https://ex.com/third', line: 5 },
    ]);
  });

  it('follow the site’s storyPath and the slug rules (a translation of a bundle, a name in another script)', () => {
    const { story } = parse('# A\n\n[fr](../b/index.fr.md) [ru](Привет%20мир.md)\n', 'seeds/a/index.md', { site: { ...site, storyPath: 'news/{slug}/' } });
    expect(hrefs(story.contentHtml)).toEqual(['https://ex.com/news/b-fr/', 'https://ex.com/news/privet-mir/']);
  });

  it('leave files of other kinds, and addresses elsewhere, resolved against the story as before', () => {
    const { story } = parse('# A\n\n[t](notes.txt) [j](data.json) ![i](photo.png) [g](https://github.com/a/b/README.md) [f](#top)\n', 'seeds/a.md');
    expect(hrefs(story.contentHtml)).toEqual(['https://ex.com/notes.txt', 'https://ex.com/data.json', 'https://github.com/a/b/README.md', 'https://ex.com/a#top']);
    expect(story.contentHtml).toContain('src="https://ex.com/photo.png"');
    expect(story.seedLinks).toBeUndefined();
  });

  it('are left out with a warning, their text kept, when storyfeed cannot tell the story’s address', () => {
    const rooted = parse('# A\n\nSee [the guide](/docs/guide.md) and [b](/docs/b.md).\n', 'seeds/a.md');
    expect(rooted.story.contentHtml).toBe('<p>See the guide and b.</p>');
    expect(rooted.warnings).toEqual([
      expect.objectContaining({ code: 'W_FILE_LINK', file: 'seeds/a.md', line: 3, message: expect.stringContaining('left out 2 links to Markdown files') }),
    ]);
    expect(rooted.warnings[0]!.message).toContain('first: /docs/guide.md on line 3');
    // Without a file, no path names a file.
    const fileless = parse('# A\n\nSee [b](b.md).\n', undefined);
    expect(fileless.story.contentHtml).toBe('<p>See b.</p>');
    expect(fileless.warnings).toEqual([expect.objectContaining({ code: 'W_FILE_LINK', line: 3 })]);
    // An index.md directly in the seeds folder is named by its title.
    const top = parse('# A\n\n[home](index.md) [b](b.md)\n', 'seeds/a.md', { seedsFolderTop: true });
    expect(hrefs(top.story.contentHtml)).toEqual(['https://ex.com/b']);
    expect(top.warnings).toEqual([expect.objectContaining({ code: 'W_FILE_LINK', message: expect.stringContaining('named by its title') })]);
  });
});

describe('a build’s check of links to files', () => {
  const linking = (): Story => parse('# A\n\n[b](b.md#x) and [c](c.md), [b again](b.md#x).\n', 'seeds/a.md').story;

  it('leaves out the links to files that are none of the seeds, and says which', () => {
    const seeds = new Set(['seeds/a.md', 'seeds/b.md']);
    const isSeedFile = (file: string): boolean => seeds.has(file);
    // A link written by hand to the address the missing file would get stays (regression: every link to that address went).
    const text = '# A\n\n[b](b.md#x) and [c](c.md), [b again](b.md#x), [by hand](https://ex.com/c).\n';
    const { story, warnings } = parse(text, 'seeds/a.md', { isSeedFile });
    expect(story.contentHtml).toBe('<p><a href="https://ex.com/b#x">b</a> and c, <a href="https://ex.com/b#x">b again</a>, <a href="https://ex.com/c">by hand</a>.</p>');
    expect(story.seedLinks).toEqual([
      { file: 'seeds/b.md', written: 'b.md#x', url: 'https://ex.com/b#x', line: 3 },
      { file: 'seeds/c.md', written: 'c.md', line: 3 },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'W_FILE_LINK', file: 'seeds/a.md', line: 3, message: expect.stringContaining('first: c.md on line 3, which names seeds/c.md') }),
    ]);
    expect(linksSettledFor(story, isSeedFile)).toBe(true);
    // Read without the seeds, or once c.md is a seed, the story must be read again.
    expect(linksSettledFor(linking(), isSeedFile)).toBe(false);
    seeds.add('seeds/c.md');
    expect(linksSettledFor(story, isSeedFile)).toBe(false);
  });

  it('takes time linear in the number of links', async () => {
    const text = (n: number): string => `# A\n\n${Array.from({ length: n }, (_, i) => `[a](f${i}.md)`).join(' ')}\n`;
    const growth = await costGrowth((n) => parse(text(n), 'seeds/a.md', { isSeedFile: (file) => file.endsWith('0.md') }), 1_000, 10_000, 4);
    expect(growth).toBeLessThan(4);
  });

  it('warns about a linked story published elsewhere, a draft, or one not published, naming what to write', () => {
    const story = linking();
    const b = { url: 'https://ex.com/elsewhere', draft: false, file: 'seeds/b.md' };
    const c = { url: 'https://ex.com/c', draft: true, file: 'seeds/c.md' };
    const problems = fileLinkProblems([story, b, c]);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['W_FILE_LINK', 'seeds/a.md', 3],
      ['W_FILE_LINK', 'seeds/a.md', 3],
    ]);
    expect(problems[0]!.message).toContain('published at https://ex.com/elsewhere');
    expect(problems[0]!.message).toContain('link to https://ex.com/elsewhere#x instead');
    expect(problems[1]!.message).toContain('a draft');
    expect(fileLinkProblems([story, { ...b, url: 'https://ex.com/b' }, { ...c, draft: false }])).toEqual([]);
    expect(fileLinkProblems([story, { ...c, draft: false }])).toEqual([
      expect.objectContaining({ message: expect.stringContaining('seeds/b.md, which this build does not publish') }),
    ]);
    // A draft's own links are not checked: it publishes nothing.
    expect(fileLinkProblems([{ ...story, draft: true }])).toEqual([]);
  });
});
