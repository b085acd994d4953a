import type { SeedArticle } from '../seed/article.js';
import type { Story } from '../types.js';
import { analyzeArticle } from './analysis/index.js';
import { normalizeStoryWith, parseSeedWith, type ParseSeedOptions, type StoryOptions } from './seed-to-story.js';

export { DEFAULT_ENTITY_TAGS, feedsReadAnalysis } from './entity-tags.js';
export { countWords, WORDS_PER_MINUTE } from './reading-time.js';
export type { LanguageFolder, ParseSeedOptions, StoryOptions, StorySite } from './seed-to-story.js';

/**
 * Parses one seed (plain text, Markdown or JSON) into a normalized {@link Story}.
 *
 * @example
 * const story = parseSeed(text, { file: 'seeds/ferry.txt', site: { siteUrl: 'https://news.example.com' } });
 */
export function parseSeed(text: string, options: ParseSeedOptions): Story {
  return parseSeedWith(text, options, analyzeArticle);
}

/** Turns a {@link SeedArticle} into a {@link Story}: ids, URLs, dates, language, HTML, text and analysis. */
export function normalizeStory(seed: SeedArticle, options: StoryOptions): Story {
  return normalizeStoryWith(seed, options, analyzeArticle);
}
