/**
 * storyfeed: stories in, RSS 2.0, Atom 1.0 and JSON Feed 1.1 out, with feed sets and discovery
 * links. This entry point is small and pure (no file system, no clock, no network, no Node
 * built-in). The other jobs have their own entry points, so a program loads only what it uses:
 * `storyfeed/story` (article files → Story), `storyfeed/verify` (parse feeds back and compare),
 * `storyfeed/server` (fetch-style handler) and `storyfeed/node` (files, build, serve, deploy).
 */

export type {
  Author,
  Block,
  CodeBlock,
  Dateline,
  Enclosure,
  Entities,
  EpisodeInfo,
  Extensions,
  FeedDocument,
  FeedFormat,
  FeedItem,
  FeedOutputs,
  ListBlock,
  ParagraphBlock,
  FeedHistory,
  Generator,
  PodcastCategory,
  PodcastChannel,
  PodcastLink,
  PodcastOwner,
  Quote,
  QuoteBlock,
  ResolvedSite,
  Section,
  SiteConfig,
  SeedLink,
  Story,
  StoryImage,
} from './types.js';
export { isStory, itemToStory, toStories } from './item/index.js';
export type { ArticleAnalyzer, AstroRssItem, FeedInput, FeedPackageEnclosure, FeedPackageItem, ItemOptions, MarkdownRenderer, PlainItem, WordPressPost } from './item/index.js';
export { resolveSite } from './feed/site.js';
export { PROBLEMS, StoryfeedError, formatDiagnostic, formatProblem, isStoryfeedError } from './errors.js';
export type { Diagnostic, ProblemCode, ProblemInfo, ProblemLocation } from './errors.js';
export { VERSION } from './version.js';
export type { ConfigProblem, StoryfeedConfig, TagFeedOptions } from './config/site-config.js';
export { slugify } from './story/slug.js';
export { buildFeedDocument, DEFAULT_OUTPUTS, feedUrls } from './feed/document.js';
export type { FeedDocumentOptions } from './feed/document.js';
export { JSON_FEED_VERSION, renderAtom, renderFeeds, renderFormat, renderJson, renderRss } from './render/index.js';
export { buildFeeds } from './pipeline.js';
export type { BuiltFeeds } from './pipeline.js';
export { removeIllegalXmlChars } from './xml-chars.js';
export type { CleanText } from './xml-chars.js';
export { buildFeedSet, FEED_MEDIA_TYPES, feedSetFiles, feedSlugs } from './feed/sets.js';
export type { FeedSetEntry, FeedSetOptions, FeedSlugs } from './feed/sets.js';
export { discoveryLinks } from './feed/discovery.js';
export { FEED_STYLESHEET, STYLESHEET_FILE } from './site/stylesheet.js';
export { renderIndexPage } from './site/index-page.js';
