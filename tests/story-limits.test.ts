import { describe, expect, it } from 'vitest';
import { problemOf } from './support/problems.js';
import { buildFeedSet } from '../src/feed/sets.js';
import { buildFeeds } from '../src/pipeline.js';
import { parseYamlMeta } from '../src/seed/front-matter.js';
import { MAX_STORY_AUTHORS, MAX_STORY_TAGS } from '../src/story-limits.js';
import { makeStory } from './support/stories.js';

const site = { siteUrl: 'https://x.example', title: 'X' };
const names = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('tags and authors a story may have', () => {
  it('are read up to the limit from front matter, a list or a comma-separated string', () => {
    expect(parseYamlMeta(`tags: [${names(MAX_STORY_TAGS, 't').join(', ')}]`).tags).toHaveLength(MAX_STORY_TAGS);
    expect(parseYamlMeta(`authors: [${names(MAX_STORY_AUTHORS, 'A').join(', ')}]`).authors).toHaveLength(MAX_STORY_AUTHORS);
  });

  it.each([
    ['a list of tags', `tags: [${names(MAX_STORY_TAGS + 1, 't').join(', ')}]`, `has ${MAX_STORY_TAGS + 1} tags`],
    ['comma-separated tags', `tags: "${names(5_000, 't').join(',')}"`, 'has 5000 tags'],
    ['a list of authors', `authors: [${names(MAX_STORY_AUTHORS + 1, 'A').join(', ')}]`, `has ${MAX_STORY_AUTHORS + 1} authors`],
  ])('stop front matter with %s over the limit, naming the field', (_, yaml, message) => {
    const error = problemOf(() => parseYamlMeta(yaml));
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/tags|authors/);
  });

  it('stop a plain item or a Story over the limit with E_ITEM naming the field', () => {
    const item = { url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentText: 'Hi.' };
    expect(problemOf(() => buildFeeds([{ ...item, tags: names(MAX_STORY_TAGS + 1, 't') }], site))).toMatchObject({
      code: 'E_ITEM',
      message: expect.stringContaining(`items[0].tags has ${MAX_STORY_TAGS + 1} tags`),
    });
    expect(problemOf(() => buildFeeds([{ ...item, authors: names(MAX_STORY_AUTHORS + 1, 'A') }], site)).message).toContain('items[0].authors has 101 authors');
    const story = makeStory({ slug: 'a', tags: names(MAX_STORY_TAGS + 1, 't') });
    expect(problemOf(() => buildFeedSet([story], site, { tagFeeds: true }))).toMatchObject({ code: 'E_ITEM', message: expect.stringContaining('items[0].tags has 201 tags') });
    const authored = makeStory({ slug: 'b', authors: names(MAX_STORY_AUTHORS + 1, 'A').map((name) => ({ name })) });
    expect(problemOf(() => buildFeedSet([authored], site, { authorFeeds: true })).message).toContain('items[0].authors has 101 authors');
  });

  it('make at most as many tag feeds as the limit from one story', () => {
    const set = buildFeedSet([makeStory({ slug: 'a', tags: names(MAX_STORY_TAGS, 't') })], site, { tagFeeds: true });
    expect(set.filter((e) => e.kind === 'tag')).toHaveLength(MAX_STORY_TAGS);
  });
});
