import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/story/normalize.js';

const site = { siteUrl: 'https://news.example.com', language: 'en', defaultDate: '2024-01-01' };
const text = '---\ndate: 2024-05-06\n---\n# Hello\n\nThe text, with [a link](notes.html).\n';
const named = (file: string, seedPath?: string, seed = text) => parseSeed(seed, { file, site, analysis: false, ...(seedPath !== undefined ? { seedPath } : {}) });

describe('a story named by its path in the seeds folder (seedPath)', () => {
  it('takes the folders before its name, in its slug, URL, id and links', () => {
    const story = named('seeds/2023/hello.md', '2023/hello.md');
    expect([story.slug, story.url, story.id]).toEqual(['2023-hello', 'https://news.example.com/2023-hello', 'https://news.example.com/2023-hello']);
    expect(story.contentHtml).toContain('href="https://news.example.com/notes.html"');
    expect(named('seeds/a/b/2024-05-06-hello.md', 'a/b/2024-05-06-hello.md').slug).toBe('a-b-hello');
    // A story directly in the seeds folder keeps its name.
    expect(named('seeds/hello.md', 'hello.md').slug).toBe('hello');
  });

  it("names a page bundle by the folders above the bundle's, and leaves out Jekyll's _posts", () => {
    expect(named('content/posts/one/index.md', 'posts/one/index.md').slug).toBe('posts-one');
    expect(named('content/posts/one/index.fr.md', 'posts/one/index.fr.md').slug).toBe('posts-one-fr');
    expect(named('site/news/_posts/2024-01-02-storm.md', 'news/_posts/2024-01-02-storm.md').slug).toBe('news-storm');
  });

  it('gives way to a slug, url or id of the front matter, and to the title of an index directly in the seeds folder', () => {
    expect(named('seeds/2023/hello.md', '2023/hello.md', '---\nslug: greeting\n---\n# Hello\n\nText.\n').slug).toBe('greeting');
    expect(named('seeds/2023/hello.md', '2023/hello.md', '---\nurl: /news/hello\n---\n# Hello\n\nText.\n').id).toBe('https://news.example.com/news/hello');
    expect(named('seeds/2023/hello.md', '2023/hello.md', '---\nid: tag:news.example.com,2023:hello\n---\n# Hello\n\nText.\n').id).toBe('tag:news.example.com,2023:hello');
    expect(parseSeed(text, { file: 'seeds/index.md', site, analysis: false, seedsFolderTop: true, seedPath: 'index.md' }).slug).toBe('hello');
  });

  it('is not given: the story is named by its file, as before', () => {
    expect(named('seeds/2023/hello.md').slug).toBe('hello');
    expect(named('content/posts/one/index.md').slug).toBe('one');
  });

  it('is refused when it is not text', () => {
    expect(() => parseSeed(text, { file: 'a.md', site, seedPath: 3 as unknown as string })).toThrow(
      expect.objectContaining({ code: 'E_ITEM', message: expect.stringContaining('seedPath') }),
    );
  });
});
