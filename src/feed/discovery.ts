import { describeValue, StoryfeedError } from '../errors.js';
import { escapeHtml } from '../escape-html.js';
import type { FeedDocument, FeedFormat } from '../types.js';
import { FEED_MEDIA_TYPES } from './sets.js';

const FORMAT_LABELS: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/**
 * `<link rel="alternate">` tags announcing the feeds of each document, for a page's `<head>`, so
 * browsers and readers discover them.
 *
 * @example
 * discoveryLinks([document]) // <link rel="alternate" type="application/rss+xml" title="Example News (RSS)" href="https://…/rss.xml">…
 */
export function discoveryLinks(documents: readonly FeedDocument[], formats: readonly FeedFormat[] = ['rss', 'atom', 'json']): string {
  if (!Array.isArray(documents as unknown) || !documents.every(isDocument))
    throw new StoryfeedError('E_ITEM', `discoveryLinks: documents must be a list of feed documents (from buildFeedDocument), found ${describeValue(documents)}`);
  if (!Array.isArray(formats as unknown) || !formats.every((f) => Object.hasOwn(FORMAT_LABELS, f)))
    throw new StoryfeedError('E_ITEM', `discoveryLinks: formats must be a list of "rss", "atom" and "json", found ${describeValue(formats)}`);
  const lines: string[] = [];
  for (const doc of documents) {
    for (const format of formats) {
      lines.push(
        `<link rel="alternate" type="${FEED_MEDIA_TYPES[format]}" title="${escapeHtml(`${doc.title} (${FORMAT_LABELS[format]})`)}" href="${escapeHtml(doc.selfUrls[format])}">`,
      );
    }
  }
  return lines.join('\n');
}

/** A feed document as far as the links read it: a title and a self URL per format. */
function isDocument(value: unknown): value is FeedDocument {
  const d = value as Partial<FeedDocument> | null;
  return typeof d === 'object' && d !== null && typeof d.title === 'string' && typeof d.selfUrls === 'object' && d.selfUrls !== null;
}
