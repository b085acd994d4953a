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
