import type { FeedDocument, FeedFormat, FeedOutputs } from '../types.js';
import { renderAtom } from './atom.js';
import { renderJson } from './json.js';
import { renderRss } from './rss.js';

export { renderAtom } from './atom.js';
export { JSON_FEED_VERSION, renderJson } from './json.js';
export { renderRss } from './rss.js';

/** Renders one format. */
export function renderFormat(doc: FeedDocument, format: FeedFormat): string {
  return format === 'rss' ? renderRss(doc) : format === 'atom' ? renderAtom(doc) : renderJson(doc);
}

/**
 * Renders all three formats from one document. A document that is not one as `buildFeedDocument` makes it (edited by
 * hand, or read back from JSON with its dates as text) is an `E_ITEM` error naming the field (see `checkFeedDocument`).
 */
export function renderFeeds(doc: FeedDocument): FeedOutputs {
  return { rss: renderRss(doc), atom: renderAtom(doc), json: renderJson(doc) };
}
