import { describe, expect, it } from 'vitest';
import { buildFeeds } from '../../src/pipeline.js';
import { parseSeed } from '../../src/story/normalize.js';
import { checkUri } from '../../src/verify/uri.js';

/**
 * An id is published as it is, so it is held to the rules feed readers (and `storyfeed verify`)
 * apply: regression, `id: urn:x:y` was accepted and the built Atom feed then failed verify
 * ("expected a URN … (RFC 8141)").
 */
const site = { siteUrl: 'https://x.example', title: 'X' };
const seed = (id: string): string => `---\ndate: 2024-01-01\nid: ${JSON.stringify(id)}\n---\nTitle\n\nBody text here.\n`;

describe('ids', () => {
  it('a seed id that is no valid tag: URI or URN is refused with the rule it breaks', () => {
    expect(() => parseSeed(seed('urn:x:y'), { file: 'a.md', site })).toThrow(/front matter `id`: expected a URN such as "urn:isbn:0451450523" \(RFC 8141\)/);
    expect(() => parseSeed(seed('tag:x'), { file: 'a.md', site })).toThrow(/expected a tag: URI such as/);
    expect(() => parseSeed(seed('urn:uuid:nope'), { file: 'a.md', site })).toThrow(/expected urn:uuid: and a UUID/);
    expect(parseSeed(seed('tag:x.example,2024:a'), { file: 'a.md', site }).id).toBe('tag:x.example,2024:a');
    expect(parseSeed(seed('urn:isbn:0451450523'), { file: 'a.md', site }).id).toBe('urn:isbn:0451450523');
  });

  it('a plain item id likewise, and every id a build accepts passes the reader check', () => {
    const build = (id: string) => buildFeeds([{ id, url: '/a', title: 'A', published: '2024-01-01' }], site);
    expect(() => build('urn:x:y')).toThrow(/^items\[0\]\.id is not a valid id: expected a URN/);
    expect(() => build('tag:x')).toThrow(/^items\[0\]\.id is not a valid id: expected a tag: URI/);
    for (const id of ['https://x.example/a', 'tag:x.example,2024:a', 'urn:isbn:0451450523', 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a']) {
      const published = build(id).document.items[0]!.id;
      expect(checkUri(published, true)).toBeUndefined();
    }
  });

  it('an image URL with a user name or password is refused like a story URL (it would be published in every feed)', () => {
    const text = '---\ndate: 2024-01-01\nimage: "https://u:p@x.example/i.jpg"\n---\nTitle\n\nBody text here.\n';
    expect(() => parseSeed(text, { file: 'a.md', site })).toThrow(/front matter `image` "https:\/\/u:p@x\.example\/i\.jpg" must not contain a user name or password/);
  });

  it('a Story from a seed that fails the Story check is named by its file', () => {
    const story = { ...parseSeed(seed('https://x.example/a'), { file: 'seeds/a.md', site }), title: 5 };
    expect(() => buildFeeds([story as never], site)).toThrow(/^seeds\/a\.md: items\[0\]\.title must be text/);
  });
});
