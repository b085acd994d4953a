import type { FeedDocument, FeedFormat } from '../types.js';
import { escapeXmlAttribute } from './placeholders.js';

/** Adds namespace declarations missing from the root start tag that begins with `rootStart`. */
export function withNamespaces(xml: string, rootStart: string, namespaces: Record<string, string>): string {
  const at = xml.indexOf(rootStart);
  if (at < 0) return xml;
  const end = xml.indexOf('>', at);
  const tag = xml.slice(at, end);
  const missing = Object.entries(namespaces)
    .filter(([name]) => !tag.includes(` ${name}=`))
    .map(([name, uri]) => ` ${name}="${uri}"`)
    .join('');
  return xml.slice(0, end) + missing + xml.slice(end);
}

/** Sets an attribute on the root start tag beginning with `rootStart` (e.g. Atom's `xml:lang`). */
export function withRootAttribute(xml: string, rootStart: string, name: string, value: string): string {
  const at = xml.indexOf(rootStart);
  if (at < 0) return xml;
  const end = xml.indexOf('>', at);
  return `${xml.slice(0, end)} ${name}="${escapeXmlAttribute(value)}"${xml.slice(end)}`;
}

/**
 * Inserts an `<?xml-stylesheet?>` processing instruction after the XML declaration, with the href
 * escaped and the type chosen from the extension (XSL or CSS).
 */
export function insertStylesheet(xml: string, href: string | undefined): string {
  if (!href) return xml;
  const type = /\.css(?:[?#]|$)/i.test(href) ? 'text/css' : 'text/xsl';
  // A PI ends at the first "?>", which no escaping can hide; such an href is percent-encoded instead.
  const safeHref = escapeXmlAttribute(href.replaceAll('?>', '%3F>'));
  const pi = `<?xml-stylesheet href="${safeHref}" type="${type}"?>`;
  const declEnd = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  return `${xml.slice(0, declEnd)}\n${pi}${xml.slice(declEnd)}`;
}

/** The RFC 5005 links of a document for one format, in a fixed order. */
export function historyLinks(doc: FeedDocument, format: FeedFormat): { rel: 'current' | 'prev-archive' | 'next-archive'; href: string }[] {
  const h = doc.history;
  if (!h) return [];
  const links: { rel: 'current' | 'prev-archive' | 'next-archive'; href: string }[] = [];
  if (h.current) links.push({ rel: 'current', href: h.current[format] });
  if (h.prevArchive) links.push({ rel: 'prev-archive', href: h.prevArchive[format] });
  if (h.nextArchive) links.push({ rel: 'next-archive', href: h.nextArchive[format] });
  return links;
}
