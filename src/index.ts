/**
 * storyfeed: articles in, verified RSS 2.0, Atom 1.0 and JSON Feed 1.1 out.
 * This entry point is the pure core (no file system, no clock, no network); file-system helpers
 * live in `storyfeed/node`.
 */

export type {
  Author, Block, CodeBlock, Dateline, Entities, FeedDocument, FeedFormat, FeedItem, FeedOutputs, ListBlock, ParagraphBlock,
  FeedHistory, Generator, Quote, QuoteBlock, Section, SiteConfig, Story, StoryImage,
} from './types.js';
export { PROBLEMS, StoryfeedError, formatDiagnostic, formatProblem, isStoryfeedError } from './errors.js';
export type { Diagnostic, ProblemCode, ProblemInfo, ProblemLocation } from './errors.js';
export { VERSION } from './version.js';

export { decodeSeedBytes, readSeed, seedFormatOf, SEED_EXTENSIONS } from './seed/index.js';
export type { ReadSeedOptions, SeedArticle, SeedDateline, SeedFormat, SeedMeta } from './seed/index.js';

export { normalizeStory, parseSeed } from './story/normalize.js';
export type { ParseSeedOptions, StoryOptions, StorySite } from './story/normalize.js';
export { storyToJson } from './story/json.js';
export type { StoryJson } from './story/json.js';
export { analyzeArticle } from './story/analysis/index.js';
export type { AnalysisInput, AnalysisOptions, ArticleAnalysis, RankedEntity } from './story/analysis/index.js';
export { slugify } from './story/slug.js';

export { validateConfig } from './config/site-config.js';
export type { ConfigProblem, StoryfeedConfig, TagFeedOptions } from './config/site-config.js';

export { buildFeedDocument, DEFAULT_OUTPUTS, feedUrls } from './feed/document.js';
export type { FeedDocumentOptions } from './feed/document.js';
export { JSON_FEED_VERSION, renderAtom, renderFeeds, renderFormat, renderJson, renderRss } from './render/index.js';
export { buildFeeds } from './pipeline.js';
export type { BuiltFeeds } from './pipeline.js';
export { removeIllegalXmlChars } from './xml-chars.js';
export type { CleanText } from './xml-chars.js';

export { canonicalHtml, checkUtf8, checkWellFormedXml, compareFeed, crossCheck, decodeFeed, formatReport, htmlToText, readFeed, verifyDocument, verifyFeeds } from './verify/index.js';
export type {
  DecodedFeed, DecodeFeedOptions, FeedProblem, FormatSummary, ParsedAuthor, ParsedEnclosure, ParsedFeed, ParsedItem, ReadFeedOptions, SyntaxErrorInfo, Utf8CheckResult,
  VerifyFormat, VerifyProblem, VerifyReport, XmlCheckResult,
} from './verify/index.js';
export { buildFeedSet, FEED_MEDIA_TYPES, feedSetFiles } from './feed/sets.js';
export type { FeedSetEntry, FeedSetOptions } from './feed/sets.js';
export { discoveryLinks } from './feed/discovery.js';
export { contentTypeOf, createFeedHandler, safeFilePath } from './server/handler.js';
export type { FeedHandler, FeedHandlerOptions, FileLookup, ServedFile } from './server/handler.js';
export { FEED_STYLESHEET, STYLESHEET_FILE } from './site/stylesheet.js';
export { renderIndexPage } from './site/index-page.js';
