import { Feed, type Author as FeedAuthor } from 'feed';
import type { Author, FeedDocument, FeedItem } from '../types.js';
import { customNodes, itemNodes, namespaceDeclarations, prefixesOf, toMarkup, type XmlNode } from './elements.js';
import { escapeXmlText, Placeholders } from './placeholders.js';
import { historyLinks, insertStylesheet, withNamespaces, withRootAttribute } from './xml-shell.js';
import { checkFeedDocument } from '../feed/document-check.js';

/**
 * Renders Atom 1.0 (RFC 4287) with `feed`, corrected: `xml:lang` on the feed, `title` and
 * `summary` as `type="text"`, `content type="html"`, every author at feed and entry level,
 * categories with `term`, the image link with its real MIME type (in a podcast, `media:content`), and
 * every value escaped once.
 */
export function renderAtom(doc: FeedDocument): string {
  checkFeedDocument(doc);
  return atomText(doc);
}

/** renderAtom of a document already checked by `checkFeedDocument` (the build checks each once for its three formats). */
export function atomText(doc: FeedDocument): string {
  const ph = new Placeholders();
  const [firstAuthor, ...moreAuthors] = doc.authors;
  const fallbackAuthor: Author = { name: doc.title };
  const feed = new Feed({
    // `feed` writes the feed id raw, and xml-js then reads a literal `&amp;` in it as an escaped `&`.
    id: ph.text(doc.selfUrls.atom),
    title: ph.text(doc.title),
    description: ph.text(doc.description),
    link: doc.siteUrl,
    updated: doc.updated,
    generator: ph.text(`${doc.generator.name} ${doc.generator.version}`),
    feedLinks: { atom: doc.selfUrls.atom },
    ...(firstAuthor ? { author: atomAuthor(firstAuthor, ph) } : {}),
    ...(doc.hub ? { hub: doc.hub } : {}),
    ...(doc.copyright ? { copyright: ph.text(doc.copyright) } : {}),
    ...(doc.logo ? { image: ph.text(doc.logo) } : {}),
    ...((doc.icon ?? doc.favicon) ? { favicon: ph.text((doc.icon ?? doc.favicon)!) } : {}),
  });
  const imageTypes = new Map<string, string>();
  const entryIds: string[] = [];
  const entryExtras: string[] = [];
  const used = new Set<string>();
  for (const item of doc.items) {
    // Atom requires an author on every entry when the feed has none.
    const authors = item.authors.length ? item.authors : firstAuthor ? [] : [fallbackAuthor];
    // An item's files come before its image (see entryMarkup): `feed` writes the image only of an item without files,
    // and never in a podcast, where the image is no enclosure.
    const feedImage = item.enclosures?.length || doc.podcast ? undefined : item.image;
    // `feed` writes the image href normalized by `new URL`, so the lookup key must be too.
    if (feedImage?.type) imageTypes.set(new URL(feedImage.url).href, feedImage.type);
    entryExtras.push(entryMarkup(item, ph, used, doc.podcast !== undefined));
    feed.addItem({
      // `feed` passes entry ids through `new URL` (a non-URL id throws, a URL id is rewritten);
      // a URL-safe marker stands in for each id and is replaced with the id, unchanged, below.
      id: `${ENTRY_ID}${entryIds.push(item.id) - 1}`,
      title: ph.text(item.title),
      link: item.url,
      date: item.updated,
      published: item.published,
      // An empty summary is left out rather than written blank (RFC 4287 does not require one; the
      // W3C validator warns "NotBlank" on an empty one, and readers show it as an empty teaser).
      ...(item.summary ? { description: ph.text(item.summary) } : {}),
      content: ph.cdata(item.contentHtml),
      author: authors.map((a) => atomAuthor(a, ph)),
      category: item.tags.map((t) => ({ term: ph.attr(t) })),
      ...(feedImage ? { image: feedImage.url } : {}),
    });
  }
  // Each entry's extra elements (enclosures, episode fields, custom elements) close the entry, after
  // its alternate link: readers that take an entry's first <link> whatever its rel (rss-parser among
  // them) would otherwise take the enclosure for the story's address. Values are still placeholders
  // here, so the only </entry> in the text are the entries' own, one each, in order.
  // An entry in a language other than the feed's says so (`xml:lang`), as JSON Feed's item `language` does: readers
  // then show an Arabic or Hebrew entry of an English feed right to left, and Chinese with a Chinese font.
  let opened = 0;
  let closed = 0;
  let xml = feed
    .atom1()
    .replace(ENTRY_ID_ELEMENT, (_m, index: string) => `<id>${ph.text(entryIds[Number(index)] ?? '')}</id>`)
    .replace(/<entry>/g, (start) => {
      const language = doc.items[opened++]?.language;
      return language === undefined ? start : `<entry xml:lang="${ph.attr(language)}">`;
    })
    .replace(/\n *<\/entry>/g, (end) => `${entryExtras[closed++] ?? ''}${end}`);
  const feedNodes: XmlNode[] = customNodes(doc.extensions);
  prefixesOf(feedNodes, used);
  if (feedNodes.length) xml = insertBeforeEntries(xml, feedNodes.map((n) => `\n${toMarkup(n, ph, '    ')}`).join(''));
  xml = xml.replaceAll('<title type="html">', '<title type="text">').replaceAll('<summary type="html">', '<summary type="text">');
  xml = fixImageTypes(xml, imageTypes);
  xml = withRootAttribute(xml, '<feed xmlns="http://www.w3.org/2005/Atom"', 'xml:lang', doc.language);
  if (moreAuthors.length) xml = insertAfterFirst(xml, '</author>', moreAuthors.map(authorElement).join(''));
  if (doc.history) xml = withHistory(xml, doc, ph);
  const declarations = namespaceDeclarations(used, doc.namespaces);
  if (Object.keys(declarations).length) xml = withNamespaces(xml, '<feed xmlns="http://www.w3.org/2005/Atom"', declarations);
  return insertStylesheet(ph.fill(xml), doc.stylesheet);
}

/** Adds RFC 5005 links after the self link, and `<fh:archive/>` on archive pages. */
function withHistory(xml: string, doc: FeedDocument, ph: Placeholders): string {
  const self = /\n( *)<link rel="self" href="[^"]*"\/>/.exec(xml);
  if (!self) return xml;
  const indent = `\n${self[1]}`;
  let extra = historyLinks(doc, 'atom')
    .map(({ rel, href }) => `${indent}<link rel="${rel}" type="application/atom+xml" href="${ph.attr(href)}"/>`)
    .join('');
  if (doc.history?.archive) extra += `${indent}<fh:archive/>`;
  const at = self.index + self[0].length;
  const out = xml.slice(0, at) + extra + xml.slice(at);
  return doc.history?.archive ? withNamespaces(out, '<feed xmlns="http://www.w3.org/2005/Atom"', { 'xmlns:fh': 'http://purl.org/syndication/history/1.0' }) : out;
}

/**
 * Enclosure links and namespaced elements of one entry, as markup after its id. An item's files come
 * first and its image after them: readers and podcast apps that take an entry's first enclosure for
 * its media (an episode's audio) would otherwise take the image. In a podcast the image is no
 * enclosure at all (apps take any enclosure for the episode's media, and a text post's picture
 * would show as a broken episode): it is `media:content`, as RSS writes it.
 */
function entryMarkup(item: FeedItem, ph: Placeholders, used: Set<string>, podcast: boolean): string {
  const parts: string[] = [];
  for (const e of item.enclosures ?? []) {
    const attrs: Record<string, string> = { rel: 'enclosure', href: e.url, type: e.type };
    if (e.length !== undefined) attrs.length = String(e.length);
    if (e.title) attrs.title = e.title;
    parts.push(toMarkup({ name: 'link', attrs }, ph, INDENT));
  }
  if (item.image && item.enclosures?.length && !podcast) {
    // As `feed` writes an image link: its href normalized, its type when known.
    const attrs: Record<string, string> = { rel: 'enclosure', href: new URL(item.image.url).href };
    if (item.image.type) attrs.type = item.image.type;
    parts.push(toMarkup({ name: 'link', attrs }, ph, INDENT));
  }
  const nodes = podcast && item.image ? [imageNode(item.image), ...itemNodes(item, podcast)] : itemNodes(item, podcast);
  prefixesOf(nodes, used);
  for (const node of nodes) parts.push(toMarkup(node, ph, INDENT));
  return parts.map((p) => `\n${p}`).join('');
}

const INDENT = '        ';

/** An image as Media RSS gives it (`medium="image"`, its type when known). */
function imageNode(image: NonNullable<FeedItem['image']>): XmlNode {
  return { name: 'media:content', attrs: { url: image.url, medium: 'image', ...(image.type ? { type: image.type } : {}) } };
}

/** Inserts feed-level markup before the first entry (or the end of the feed). */
function insertBeforeEntries(xml: string, markup: string): string {
  const entry = xml.search(/\n {4}<entry[\s>]/);
  const at = entry >= 0 ? entry : xml.lastIndexOf('\n</feed>');
  return at < 0 ? xml : xml.slice(0, at) + markup + xml.slice(at);
}

const ENTRY_ID = 'urn:x-storyfeed-entry:';
const ENTRY_ID_ELEMENT = /<id>urn:x-storyfeed-entry:(\d+)<\/id>/g;

function atomAuthor(author: Author, ph: Placeholders): FeedAuthor {
  const out: FeedAuthor = { name: ph.text(author.name) };
  if (author.email) out.email = ph.text(author.email);
  if (author.url) out.link = author.url;
  return out;
}

/** `feed` guesses `image/<extension>` (so `image/jpg`); use the type the story knows, or none. */
function fixImageTypes(xml: string, types: Map<string, string>): string {
  return xml.replace(/(<link rel="enclosure" href="([^"]*)") type="[^"]*"/g, (_m, head: string, href: string) => {
    const type = types.get(href.replaceAll('&amp;', '&'));
    return type ? `${head} type="${type}"` : head;
  });
}

/** Extra feed-level authors, written the way `feed` writes the first. */
function authorElement(author: Author): string {
  const parts = [`<name>${escapeXmlText(author.name)}</name>`];
  if (author.email) parts.push(`<email>${escapeXmlText(author.email)}</email>`);
  if (author.url) parts.push(`<uri>${escapeXmlText(new URL(author.url).href)}</uri>`);
  return `\n    <author>\n        ${parts.join('\n        ')}\n    </author>`;
}

function insertAfterFirst(xml: string, marker: string, insert: string): string {
  const at = xml.indexOf(marker);
  return at < 0 ? xml : xml.slice(0, at + marker.length) + insert + xml.slice(at + marker.length);
}
