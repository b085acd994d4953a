/**
 * `storyfeed/story`: article understanding. Seed files (plain text, Markdown with front matter,
 * JSON) → {@link Story}: structure, quotes, sources, people, places and organisations, language,
 * summary and sanitized HTML. Pure (no file system, no clock, no network); it loads the Markdown,
 * YAML, HTML-sanitizing and language-detection libraries, so programs that only render stories
 * they already have should import `storyfeed` instead.
 */

export type { Author, Block, Dateline, Entities, Quote, SeedLink, Section, Story, StoryImage } from '../types.js';
export { decodeSeedBytes, readSeed, seedFormatOf, SEED_EXTENSIONS } from '../seed/index.js';
export type { ReadSeedOptions, SeedArticle, SeedDateline, SeedFormat, SeedMeta } from '../seed/index.js';
export { normalizeStory, parseSeed } from './normalize.js';
export type { LanguageFolder, ParseSeedOptions, StoryOptions, StorySite } from './normalize.js';
export { storyToJson } from './json.js';
export type { StoryJson } from './json.js';
export { analyzeArticle } from './analysis/index.js';
export { renderMarkdown } from '../seed/markdown.js';
export type { AnalysisInput, AnalysisOptions, ArticleAnalysis, RankedEntity } from './analysis/index.js';
export { validateConfig } from '../config/site-config.js';
export type { ConfigProblem, StoryfeedConfig, TagFeedOptions } from '../config/site-config.js';
