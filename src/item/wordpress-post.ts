import { decodeHtmlText, decodeReferences } from '../html/entities.js';
import { htmlText } from '../story/html-text.js';
import { parseHttpUrl } from '../seed/http-url.js';
import * as read from './fields.js';

/**
 * What storyfeed reads of a post from the WordPress REST API (`/wp-json/wp/v2/posts/42`, with `?_embed` its
 * authors, terms and featured image too), read once for a plain item (see `other-libraries.ts`) and a JSON
 * seed (see `seed/api-post.ts`) alike. WordPress keeps names and the guid HTML-escaped (`Q&amp;A`,
 * `?p=1&#038;x=2`): their character references are decoded once.
 */
export interface WordPressPostParts {
  /** The title's text (its HTML read as text: `&#8220;Café&#8221;` is “Café”). */
  title?: string;
  /** The body (HTML). */
  contentHtml?: string;
  /** The excerpt (HTML). */
  excerptHtml?: string;
  /** The permanent id (`https://x.example/?p=12`), the address it stands for. */
  guid?: string;
  /** Whether WordPress has not published the post (a `status` other than `publish`); `undefined` without a status. */
  unpublished?: boolean;
  /**
   * Whether the post is password-protected (`content.protected`): WordPress's feeds never show its text, which the
   * REST API gives to whoever may edit the post (`?context=edit`) or gives its password.
   */
  passwordProtected: boolean;
  /** The authors `_embedded` names: each one's name, and the address of its page. */
  authors: { name: string; link?: string }[];
  /** The names of the terms (categories, tags) `_embedded` names, each once. */
  terms: string[];
  /** The featured image's address `_embedded` gives. */
  featuredImage?: string;
}

/**
 * The parts of a WordPress REST API post (see {@link WordPressPostParts}), or `undefined` when neither its
 * `title` nor its `content` is WordPress's `{ rendered }`: then it is no such post. Its fields are read
 * through the item's guard (`at` names it in a problem; `file`, when the post is a seed's, a title nested too
 * deeply); `_embedded` is extra information: what cannot be read of it (a getter that throws) is left, never an error.
 */
export function readWordPressPost(r: Record<string, unknown>, at: string, file?: string): WordPressPostParts | undefined {
  const title = renderedText(r.title, `${at}.title`);
  const contentField = r.content;
  const content = renderedText(contentField, `${at}.content`);
  if (title === undefined && content === undefined) return undefined;
  const parts: WordPressPostParts = { authors: [], terms: [], passwordProtected: false };
  if (title !== undefined) parts.title = htmlText(title, file);
  if (content !== undefined) parts.contentHtml = content;
  if (content !== undefined && typeof contentField === 'object' && contentField !== null)
    parts.passwordProtected = read.property(contentField, 'protected', `${at}.content`) === true;
  // WordPress escapes the guid for HTML (`?post_type=product&#038;p=55`): the id is the address it stands for.
  const guid = renderedText(r.guid, `${at}.guid`);
  if (guid !== undefined) parts.guid = decodeReferences(guid, 'attribute');
  const excerpt = renderedText(r.excerpt, `${at}.excerpt`);
  if (excerpt !== undefined) parts.excerptHtml = excerpt;
  // A post fetched with credentials may be one WordPress has not published (`draft`, `future`, `pending`, `private`).
  if (typeof r.status === 'string') parts.unpublished = r.status !== 'publish';
  // Each part is kept as soon as it is read, so that a getter throwing later leaves what came before.
  try {
    const embedded = r._embedded as { author?: unknown; 'wp:term'?: unknown; 'wp:featuredmedia'?: unknown } | undefined;
    if (typeof embedded !== 'object' || embedded === null) return parts;
    // WordPress stores display names and term names HTML-escaped (`Q&amp;A`): they are read as the text they stand for, once.
    parts.authors = Array.isArray(embedded.author)
      ? embedded.author
          .filter(named)
          .map((a) => ({ name: decodeHtmlText(a.name), ...(typeof a.link === 'string' ? { link: a.link } : {}) }))
          .filter((a) => a.name.trim() !== '')
      : [];
    // `wp:term` is a list for each taxonomy (categories, tags, a site's own), each a list of terms.
    const terms = Array.isArray(embedded['wp:term']) ? embedded['wp:term'].flat().filter(named) : [];
    parts.terms = [...new Set(terms.map((t) => decodeHtmlText(t.name)).filter((name) => name.trim() !== ''))];
    // A featured image the request may not see is an error object (`{ code: "rest_forbidden" }`), with no address.
    // Only an image's http(s) address: a featured video or file (`media_type: "file"`), or an address a reader
    // cannot load (`data:`, a user and password in it), is no lead image.
    const media = embedded['wp:featuredmedia'];
    const first = Array.isArray(media) && typeof media[0] === 'object' && media[0] !== null ? (media[0] as { source_url?: unknown; media_type?: unknown }) : undefined;
    const source = typeof first?.source_url === 'string' ? first.source_url.trim() : '';
    const image = first?.media_type === undefined || first.media_type === 'image';
    if (image && /^https?:\/\//i.test(source) && parseHttpUrl(source).ok) parts.featuredImage = source;
  } catch {
    // the rest of _embedded is not read
  }
  return parts;
}

/** A UTC time as WordPress gives it (`date_gmt`, `modified_gmt`: `2024-03-01T18:30:00`, no zone): the zone said; any other value as it is. */
export function wordPressUtc(value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value.trim()) ? `${value.trim()}Z` : value;
}

/**
 * The text of a WordPress REST API field `{ rendered: "…" }` (title, content, excerpt, guid), else
 * `undefined`. Read through the item's guard: a getter or proxy that throws is `E_ITEM` naming
 * `items[i].title.rendered`, never the caller's exception.
 */
function renderedText(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null || read.isList(value, path)) return undefined;
  const rendered = read.property(value, 'rendered', path);
  return typeof rendered === 'string' ? rendered : undefined;
}

/** An embedded record with a name (an author, a category or a tag). */
function named(value: unknown): value is { name: string; link?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && (value as { name: string }).name.trim() !== '';
}
