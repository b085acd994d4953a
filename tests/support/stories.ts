import { removeIllegalXmlChars } from '../../src/xml-chars.js';
import type { SiteConfig, Story } from '../../src/types.js';

/** A small valid site for tests. */
export const testSite: SiteConfig = {
  siteUrl: 'https://news.example.com/',
  title: 'Example News',
  description: 'Test feed',
  language: 'en',
  authors: [{ name: 'Desk', email: 'desk@news.example.com' }],
};

/** A valid story with sensible defaults; override any field. */
export function makeStory(overrides: Partial<Story> & { slug: string }): Story {
  const url = overrides.url ?? `https://news.example.com/${overrides.slug}`;
  return {
    id: url,
    url,
    title: `Story ${overrides.slug}`,
    summary: `Summary of ${overrides.slug}.`,
    published: new Date('2024-10-01T00:00:00Z'),
    updated: new Date('2024-10-01T00:00:00Z'),
    authors: [],
    language: 'en',
    sections: [{ heading: null, blocks: [{ kind: 'paragraph', text: `Body of ${overrides.slug}.` }] }],
    quotes: [],
    sources: [],
    entities: { people: [], organizations: [], places: [] },
    tags: [],
    wordCount: 3,
    readingMinutes: 1,
    contentHtml: `<p>Body of ${overrides.slug}.</p>`,
    contentText: `Body of ${overrides.slug}.`,
    draft: false,
    ...overrides,
  };
}

/**
 * Whether a generated story has a title, summary or body a feed can carry once the characters XML forbids
 * are removed (HTML counted by its text between tags: `<p></p>` alone shows nothing). The feed stage
 * refuses a story without one, so generators of valid stories keep only these.
 */
export function carriesFeedText(s: Pick<Story, 'title' | 'summary' | 'contentText' | 'contentHtml'>): boolean {
  return (
    [s.title, s.summary, s.contentText].some((t) => removeIllegalXmlChars(t).text.trim() !== '') ||
    removeIllegalXmlChars(s.contentHtml)
      .text.replace(/<[^>]*>/g, '')
      .trim() !== ''
  );
}
