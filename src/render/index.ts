import { checkFeedDocument } from '../feed/document-check.js';
import type { FeedDocument, FeedFormat, FeedOutputs } from '../types.js';
import { atomText } from './atom.js';
import { jsonFeedText } from './json.js';
import { rssText } from './rss.js';

export { renderAtom } from './atom.js';
export { JSON_FEED_VERSION, renderJson } from './json.js';
export { renderRss } from './rss.js';

/** Renders one format. A document that is not one as `buildFeedDocument` makes it is an `E_ITEM` error naming the field. */
export function renderFormat(doc: FeedDocument, format: FeedFormat): string {
  return renderFormats(doc, [format])[format] as string;
}

/**
 * Renders the formats asked for from one document, checked once for all of them (see `checkFeedDocument`).
 * What the build renders with; the formats are rendered in the order given.
 */
export function renderFormats(doc: FeedDocument, formats: readonly FeedFormat[]): Partial<FeedOutputs> {
  checkFeedDocument(doc);
  const outputs: Partial<FeedOutputs> = {};
  for (const format of formats) outputs[format] = format === 'rss' ? rssText(doc) : format === 'atom' ? atomText(doc) : jsonFeedText(doc);
  return outputs;
}

/**
 * Renders all three formats from one document. A document that is not one as `buildFeedDocument` makes it (edited by
 * hand, or read back from JSON with its dates as text) is an `E_ITEM` error naming the field (see `checkFeedDocument`).
 */
export function renderFeeds(doc: FeedDocument): FeedOutputs {
  return renderFormats(doc, ['rss', 'atom', 'json']) as FeedOutputs;
}
