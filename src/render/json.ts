import { Feed, type Extension } from 'feed';
import type { Author, Enclosure, FeedDocument, FeedItem } from '../types.js';
import { checkFeedDocument } from '../feed/document-check.js';

/** The JSON Feed version storyfeed writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * Renders JSON Feed 1.1 with `feed`, corrected through its extension hook: `version` 1.1, `authors`
 * (all of them) beside the deprecated single `author`, `language`, `favicon`, WebSub `hubs`, and per
 * item `authors`, `content_text` and `language`.
 */
export function renderJson(doc: FeedDocument): string {
  checkFeedDocument(doc);
  return jsonFeedText(doc);
}

/** renderJson of a document already checked by `checkFeedDocument` (the build checks each once for its three formats). */
export function jsonFeedText(doc: FeedDocument): string {
  const [firstAuthor] = doc.authors;
  const feed = new Feed({
    title: doc.title,
    description: doc.description,
    link: doc.siteUrl,
    feedLinks: { json: doc.selfUrls.json },
    updated: doc.updated,
    ...(firstAuthor ? { author: feedAuthor(firstAuthor) } : {}),
    ...((doc.icon ?? doc.logo) ? { image: (doc.icon ?? doc.logo)! } : {}),
  });
  // `feed` writes `version` first and then applies extensions in order, so this one replaces its 1.0 value in place.
  feed.addExtension({ name: 'version', objects: JSON_FEED_VERSION as unknown as Record<string, unknown> });
  feed.addExtension({ name: 'language', objects: doc.language as unknown as Record<string, unknown> });
  if (doc.authors.length) feed.addExtension({ name: 'authors', objects: doc.authors.map(jsonAuthor) as unknown as Record<string, unknown> });
  if (doc.favicon) feed.addExtension({ name: 'favicon', objects: doc.favicon as unknown as Record<string, unknown> });
  // JSON Feed pages with next_url; the next page of the subscription feed is the newest archive page.
  if (doc.history?.prevArchive) feed.addExtension({ name: 'next_url', objects: doc.history.prevArchive.json as unknown as Record<string, unknown> });
  if (doc.hub) feed.addExtension({ name: 'hubs', objects: [{ type: 'WebSub', url: doc.hub }] as unknown as Record<string, unknown> });
  for (const [name, value] of Object.entries(doc.extensions?.json ?? {})) feed.addExtension({ name, objects: value });
  for (const item of doc.items) {
    feed.addItem({
      id: item.id,
      title: item.title,
      link: item.url,
      date: item.updated,
      published: item.published,
      description: item.summary,
      content: item.contentHtml,
      ...(item.authors[0] ? { author: [feedAuthor(item.authors[0])] } : {}),
      category: item.tags.map((name) => ({ name })),
      ...(item.image ? { image: item.image.url } : {}),
      extensions: itemExtensions(item),
    });
  }
  return `${feed.json1()}\n`;
}

function itemExtensions(item: FeedItem): Extension[] {
  const extensions: Extension[] = [{ name: 'content_text', objects: item.contentText as unknown as Record<string, unknown> }];
  if (item.externalUrl) extensions.push({ name: 'external_url', objects: item.externalUrl as unknown as Record<string, unknown> });
  if (item.banner) extensions.push({ name: 'banner_image', objects: item.banner as unknown as Record<string, unknown> });
  if (item.enclosures?.length) extensions.push({ name: 'attachments', objects: item.enclosures.map(attachment) as unknown as Record<string, unknown> });
  // `feed` writes `summary` only when the item also has HTML content, so a summary-only item would lose it.
  if (item.summary) extensions.push({ name: 'summary', objects: item.summary as unknown as Record<string, unknown> });
  if (item.authors.length) extensions.push({ name: 'authors', objects: item.authors.map(jsonAuthor) as unknown as Record<string, unknown> });
  if (item.language) extensions.push({ name: 'language', objects: item.language as unknown as Record<string, unknown> });
  for (const [name, value] of Object.entries(item.extensions?.json ?? {})) extensions.push({ name, objects: value });
  return extensions;
}

/** `feed` writes the deprecated single `author` from `link`, not `url`: without this its url is lost. */
function feedAuthor(author: Author): { name: string; link?: string } {
  return author.url ? { name: author.name, link: author.url } : { name: author.name };
}

/** JSON Feed authors have a name, url and avatar; there is no email field. */
function jsonAuthor(author: Author): { name: string; url?: string; avatar?: string } {
  const out: { name: string; url?: string; avatar?: string } = { name: author.name };
  if (author.url) out.url = author.url;
  if (author.avatar) out.avatar = author.avatar;
  return out;
}

/** A JSON Feed 1.1 attachment. */
function attachment(e: Enclosure): Record<string, string | number> {
  const out: Record<string, string | number> = { url: e.url, mime_type: e.type };
  if (e.title) out.title = e.title;
  if (e.length !== undefined) out.size_in_bytes = e.length;
  if (e.duration !== undefined) out.duration_in_seconds = e.duration;
  return out;
}
