/** The Atom namespace, for the `atom:link` of a minimal RSS channel and for Atom documents. */
export const ATOM = 'http://www.w3.org/2005/Atom';

/** What surrounds the items of {@link minimalRss}. */
export interface MinimalRssParts {
  /** More channel elements, before the items. */
  channel?: string;
  /** More namespace declarations on the root (`xmlns:itunes="…"`). */
  namespaces?: string;
  /** Children of `<rss>` before `<channel>`, on a line of their own when given (even empty). */
  rootChildren?: string;
  /** The XML declaration, e.g. `<?xml version="1.0" encoding="UTF-8"?>` (none by default). */
  declaration?: string;
}

/** A valid RSS 2.0 channel (title, link, description, a self link) around `items`, for checks on one element. */
export function minimalRss(items: string, parts: MinimalRssParts = {}): string {
  return `${parts.declaration ? `${parts.declaration}\n` : ''}<rss version="2.0" xmlns:atom="${ATOM}" ${parts.namespaces ?? ''}>
${parts.rootChildren !== undefined ? `${parts.rootChildren}\n` : ''}<channel>
<title>T</title>
<link>https://ex.com/</link>
<description>D</description>
<atom:link rel="self" href="https://ex.com/rss.xml"/>
${parts.channel ?? ''}
${items}
</channel>
</rss>`;
}
