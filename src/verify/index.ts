/**
 * `storyfeed/verify`: decode feeds by their declared encoding, read them back (RSS 2.0, 1.0 (RDF),
 * 0.92 and 0.91 and Atom from a strict, namespace-aware XML tree, cross-checked against a second
 * reading by `rss-parser` for our own outputs; JSON Feed through our strict reader), check every
 * rule of their format, and compare them with the document they were rendered from, or with each other.
 */
export { crossCheck } from './cross.js';
export { compareFeed, verifyDocument, verifyFeeds } from './compare.js';
export { decodeFeed } from './decode.js';
export type { DecodedFeed, DecodeFeedOptions } from './decode.js';
export { canonicalHtml, htmlToText } from './html-canon.js';
export { readFeed } from './read.js';
export { formatProblemLine, formatReport } from './report.js';
export { checkUtf8 } from './utf8.js';
export { checkWellFormedXml } from './xml-check.js';
export { verifyExtensions } from './extension-fields.js';
export type {
  FeedProblem,
  FormatSummary,
  ParsedAuthor,
  ParsedEnclosure,
  ParsedFeed,
  ParsedItem,
  ReadFeedOptions,
  SyntaxErrorInfo,
  Utf8CheckResult,
  VerifyFormat,
  VerifyProblem,
  VerifyReport,
  XmlCheckResult,
} from './types.js';
