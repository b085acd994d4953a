import { Feed, type Extension } from 'feed';
import { escapeHtml } from '../escape-html.js';
import type { FeedDocument, FeedItem } from '../types.js';
import { customNodes, groupByName, itemNodes, namespaceDeclarations, podcastChannelNodes, prefixesOf, toMarkup, toXmlJs, type XmlNode } from './elements.js';
import { Placeholders } from './placeholders.js';
import { historyLinks, insertStylesheet, withNamespaces } from './xml-shell.js';
import { checkFeedDocument } from '../feed/document-check.js';

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};
const HISTORY_NAMESPACE = { 'xmlns:fh': 'http://purl.org/syndication/history/1.0' };

/**
 * Renders RSS 2.0 with `feed`, corrected: `description` is the summary and `content:encoded` the full
 * HTML; `guid isPermaLink` is true only when the id is the URL; `<author>` only with an email, else
 * `dc:creator`; the image as `enclosure` (not in a podcast) and `media:content` with its real MIME type; and every value
 * escaped once (user values are swapped for placeholders `feed` cannot mangle).
 */
export function renderRss(doc: FeedDocument): string {
  checkFeedDocument(doc);
  return rssText(doc);
}

/** renderRss of a document already checked by `checkFeedDocument` (the build checks each once for its three formats). */
export function rssText(doc: FeedDocument): string {
  const ph = new Placeholders('rss');
  const feed = new Feed({
    title: ph.text(doc.title),
    description: ph.text(doc.description),
    link: doc.siteUrl,
    language: ph.text(doc.language),
    updated: doc.updated,
    generator: ph.text(`${doc.generator.name} ${doc.generator.version}`),
    docs: 'https://www.rssboard.org/rss-specification',
    feedLinks: { rss: doc.selfUrls.rss },
    ...(doc.hub ? { hub: doc.hub } : {}),
    ...(doc.copyright ? { copyright: ph.text(doc.copyright) } : {}),
    ...(channelImage(doc) ? { image: ph.text(channelImage(doc)!) } : {}),
  });
  if (doc.history) {
    // `feed` applies channel extensions last, so this list replaces its self and hub links.
    const links = [
      { href: ph.attr(doc.selfUrls.rss), rel: 'self', type: 'application/rss+xml' },
      ...(doc.hub ? [{ href: ph.attr(doc.hub), rel: 'hub' }] : []),
      ...historyLinks(doc, 'rss').map(({ rel, href }) => ({ href: ph.attr(href), rel, type: 'application/rss+xml' })),
    ];
    feed.addExtension({ name: 'atom:link', objects: links.map((a) => ({ _attributes: a })) as unknown as Record<string, unknown> });
    if (doc.history.archive) feed.addExtension({ name: 'fh:archive', objects: {} });
  }
  // Podcast and custom channel elements go before the items (where readers and validators expect
  // channel metadata); `feed` would write its extensions after them.
  const channelNodes: XmlNode[] = [...(doc.podcast ? podcastChannelNodes(doc.podcast, doc) : []), ...customNodes(doc.extensions)];
  const channelMarkup = channelNodes.map((n) => `\n${toMarkup(n, ph, '        ')}`).join('');
  const used = prefixesOf(channelNodes);
  for (const item of doc.items) {
    const extra = itemNodes(item, doc.podcast !== undefined);
    prefixesOf(extra, used);
    feed.addItem({
      title: ph.text(item.title),
      link: item.url,
      date: item.updated,
      published: item.published,
      description: ph.cdata(escapeHtml(item.summary)),
      content: ph.cdata(item.contentHtml),
      extensions: [
        ...itemExtensions(item, ph, doc.podcast !== undefined),
        ...groupByName(extra).map(([name, group]) => ({
          name,
          objects: (group.length === 1 ? toXmlJs(group[0]!, ph) : group.map((n) => toXmlJs(n, ph))) as unknown as Record<string, unknown>,
        })),
      ],
    });
  }
  const namespaces = { ...NAMESPACES, ...(doc.history?.archive ? HISTORY_NAMESPACE : {}), ...namespaceDeclarations(used, doc.namespaces) };
  const xml = withNamespaces(insertBeforeItems(feed.rss2(), channelMarkup), '<rss version="2.0"', namespaces);
  return insertStylesheet(ph.fill(xml), doc.stylesheet);
}

/** File name extensions of the images RSS 2.0 allows for the channel `<image>`: GIF, JPEG and PNG. */
const RSS_IMAGE_EXTENSIONS = new Set(['gif', 'jpg', 'jpeg', 'png']);

/**
 * The channel `<image>`: the logo, else the icon, whichever RSS allows. RSS 2.0 allows only GIF,
 * JPEG and PNG there (readers do not show an SVG or `.ico`; the W3C validator warns
 * "ImageUrlFormat"), so an image whose path ends in another extension is left out. A URL without
 * an extension is kept: its format cannot be told from the URL.
 */
export function channelImage(doc: Pick<FeedDocument, 'logo' | 'icon'>): string | undefined {
  for (const url of [doc.logo, doc.icon]) {
    if (!url) continue;
    const extension = /\.([A-Za-z0-9]+)$/.exec(pathOf(url))?.[1]?.toLowerCase();
    if (extension === undefined || RSS_IMAGE_EXTENSIONS.has(extension)) return url;
  }
  return undefined;
}

/** The path of a URL (a relative one as written, without query and fragment). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}

/** Inserts channel-level markup before the first item (or the end of the channel). */
function insertBeforeItems(xml: string, markup: string): string {
  if (!markup) return xml;
  const item = xml.indexOf('\n        <item>');
  const at = item >= 0 ? item : xml.lastIndexOf('\n    </channel>');
  return at < 0 ? xml : xml.slice(0, at) + markup + xml.slice(at);
}

/**
 * `feed` copies each extension onto the item after its own fields, so these replace its versions.
 * `podcast`: the feed is one, and its items' enclosures are only their files (see below).
 */
function itemExtensions(item: FeedItem, ph: Placeholders, podcast: boolean): Extension[] {
  const extensions: Extension[] = [{ name: 'guid', objects: { _attributes: { isPermaLink: item.id === item.url ? 'true' : 'false' }, _text: ph.text(item.id) } }];
  // RSS has one <author> per item, and readers show only the last of repeated author elements; so a
  // sole author with an email is <author>, and anything else is one <dc:creator> naming everyone.
  const [sole, ...others] = item.authors;
  if (sole?.email && others.length === 0) extensions.push({ name: 'author', objects: { _text: ph.text(`${sole.email} (${sole.name})`) } });
  else if (sole) extensions.push({ name: 'dc:creator', objects: { _text: ph.text(rssCreator(item.authors)) } });
  if (item.tags.length) extensions.push({ name: 'category', objects: item.tags.map((t) => ({ _text: ph.text(t) })) as unknown as Record<string, unknown> });
  const media: Record<string, unknown>[] = [];
  const [first] = item.enclosures ?? [];
  if (first) {
    // RSS carries one enclosure per item (readers and podcast apps take only one): the first file.
    extensions.push({ name: 'enclosure', objects: { _attributes: { url: ph.attr(first.url), length: String(first.length ?? 0), type: ph.attr(first.type) } } });
  }
  if (item.image) {
    // RSS requires an enclosure's type; without a known one only media:content is written. Podcast apps take
    // any enclosure for the episode's media, so in a podcast an image is never one (a text post would show as a broken episode).
    const { url, type } = item.image;
    if (type && !first && !podcast) extensions.push({ name: 'enclosure', objects: { _attributes: { url: ph.attr(url), length: '0', type: ph.attr(type) } } });
    media.push({ _attributes: { url: ph.attr(url), medium: 'image', ...(type ? { type: ph.attr(type) } : {}) } });
  }
  // Every attached file also as Media RSS, which has room for more than one.
  for (const e of item.enclosures ?? []) {
    media.push({
      _attributes: {
        url: ph.attr(e.url),
        type: ph.attr(e.type),
        // A length of 0 is the feeds' "size unknown" (RSS requires one); Media RSS's fileSize must be above 0, so it is left out.
        ...(e.length ? { fileSize: String(e.length) } : {}),
        ...(e.duration !== undefined ? { duration: String(e.duration) } : {}),
      },
    });
  }
  if (media.length) extensions.push({ name: 'media:content', objects: (media.length === 1 ? media[0]! : media) as unknown as Record<string, unknown> });
  return extensions;
}

/** The names of several authors as one `dc:creator` value: "Ivan Petrenko, Maria Lopez". */
export function rssCreator(authors: readonly { name: string }[]): string {
  return authors.map((a) => a.name).join(', ');
}
