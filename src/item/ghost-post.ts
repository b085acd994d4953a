import { ghostVisitorHtml } from '../seed/ghost-visitor-html.js';
import { parseHttpUrl } from '../seed/http-url.js';
import { isObject } from '../story/check-options.js';
import * as read from './fields.js';
import { withFields } from './other-libraries.js';
import { bodyText } from './rich-text.js';

/**
 * What storyfeed reads of a post from Ghost's Content or Admin API (`/ghost/api/content/posts/?include=tags,authors`,
 * or a post of Ghost's export), for a JSON seed (see `seed/api-post.ts`) and a plain item (see {@link fromGhost}) alike.
 */

/** Whether `value` is a post as Ghost's Content or Admin API gives it: an object with its text in `html`, or in Ghost's editor's formats. */
export function isGhostPost(value: unknown): value is Record<string, unknown> {
  // Ghost's own marks beside the text: every post its APIs give has a `uuid` and the times Ghost keeps. JSON of
  // storyfeed's shape with another body name (`html`), or a data file, is no Ghost post.
  return isObject(value) && GHOST_BODY_FIELDS.some((key) => Object.hasOwn(value, key)) && typeof value.uuid === 'string' && GHOST_TIMES.some((key) => Object.hasOwn(value, key));
}

/** The times every post of Ghost's APIs carries (`null` for a draft's publication). */
const GHOST_TIMES = ['created_at', 'updated_at', 'published_at'];

/** What Ghost's export writes for its site's address, which its importer and its APIs fill in. */
export const GHOST_URL = '__GHOST_URL__';

/** The fields a Ghost post holds its text in: HTML, and the formats of Ghost's editors (which the Admin API gives without `html` unless asked). */
const GHOST_BODY_FIELDS = ['html', 'lexical', 'mobiledoc'];

/** Why a Ghost post's `html` is required when the post gives no other text, as a JSON seed of one says it. */
export const GHOST_HTML_REQUIRED = "is required: the post's HTML, which Ghost's Admin API gives only when asked for it (`?formats=html`)";

/** The id Ghost gives every post, tag and author: an object id of 24 hexadecimal digits. */
const GHOST_ID = /^[0-9a-f]{24}$/;

/** Whether a Ghost post is one of the site's pages: `type: "page"`, or (before Ghost 2) `page: true`. */
export function isGhostPage(post: Record<string, unknown>): boolean {
  return post.type === 'page' || post.page === true || post.page === 1;
}

/** A Ghost author (`{ name, slug, url, email, … }`) as storyfeed's: the name, and the address of the author's page; never the email of a staff user. */
export function ghostAuthor(author: unknown): unknown {
  if (!isObject(author)) return author;
  const { name, url } = author;
  return typeof name === 'string' ? withPage(name, url) : { name };
}

/** The names of Ghost's tags (`{ name, slug, … }`, or names as the Admin API takes them), but for its internal tags (`#…`), which readers never see. */
export function ghostTags(tags: unknown[]): unknown[] {
  const names: unknown[] = [];
  for (const tag of tags) {
    const name = isObject(tag) ? tag.name : tag;
    if (typeof name === 'string' && name.trim().startsWith('#')) continue;
    names.push(name);
  }
  return names;
}

/** An author with the address of their page when it is an http(s) one (an author is never refused for it). */
export function withPage(name: string, page: unknown): { name: string; url?: string } {
  return typeof page === 'string' && parseHttpUrl(page.trim()).ok ? { name, url: page.trim() } : { name };
}

/**
 * The names of a Ghost post for storyfeed's fields, read where the post gives none of storyfeed's (a problem names the
 * field as the post gives it: `items[0].published_at`). Ghost's own `excerpt`, without a custom one the text's first
 * few hundred characters cut anywhere, is not the summary: the story's is made from the text.
 */
export const GHOST_NAMES: Readonly<Record<string, readonly string[]>> = {
  contentHtml: ['html'],
  summary: ['custom_excerpt'],
  published: ['published_at'],
  updated: ['updated_at'],
  image: ['feature_image'],
  authors: ['primary_author'],
};

/**
 * A Ghost post handed over as a plain item (see {@link isGhostPost}), as a JSON seed of it is read: its `html` as a
 * visitor sees it (a post for members shows the part before its paywall card; one with none is left out), its
 * authors' names and pages (never a staff user's email), its tags' names but for Ghost's internal ones (`#…`),
 * `canonical_url` (the original, for a post first published elsewhere) else `url` as the URL, `__GHOST_URL__` (Ghost's
 * export's) as the site's address, and a post Ghost has not published (`status`) or one of the site's pages
 * (`type: "page"`) a draft, left out of the feeds unless the item gives `draft: false`. Ghost's own `id` (24 hexadecimal
 * digits) is not read: the item's id follows its URL. A post without `html` whose text is in Ghost's editor format (`lexical`, which the
 * Admin API gives unless asked for `?formats=html`) is `E_ITEM` naming it. Any other field is read as it is.
 */
export function fromGhost(post: Record<string, unknown>, at: string, siteUrl: string): Record<string, unknown> {
  const siteBase = siteUrl.replace(/\/+$/, '');
  const withSiteUrl = (text: unknown): unknown => (typeof text === 'string' ? text.replaceAll(GHOST_URL, siteBase) : text);
  const changes: Record<string, unknown> = {};
  // Ghost's own id (24 hexadecimal digits) names its database's record: no id a feed can carry. Any other is the item's.
  if (typeof post.id === 'string' && GHOST_ID.test(post.id)) changes.id = undefined;
  const html = post.html;
  if (typeof html === 'string') {
    const shown = ghostVisitorHtml(withSiteUrl(html) as string, post.visibility);
    // A post for members that shows a visitor none of its text is never published, whatever the item says.
    if (shown === undefined) changes.draft = true;
    changes.html = shown ?? '';
  } else if (!read.given(html)) {
    for (const format of ['lexical', 'mobiledoc']) if (read.given(post[format])) bodyText(post[format], `${at}.${format}`);
  }
  const authors = post.authors;
  // The primary author is the first of `authors`, named again: read without them.
  if (Array.isArray(authors) && authors.length > 0) {
    changes.authors = authors.map(ghostAuthor);
    changes.primary_author = undefined;
  } else if (read.given(post.primary_author)) changes.primary_author = ghostAuthor(post.primary_author);
  if (Array.isArray(post.tags)) changes.tags = ghostTags(post.tags);
  changes.feature_image = withSiteUrl(post.feature_image);
  const canonical = withSiteUrl(post.canonical_url);
  changes.url = read.filled(canonical) ? canonical : withSiteUrl(post.url);
  const unpublished = (typeof post.status === 'string' && post.status !== 'published') || isGhostPage(post);
  if (unpublished && !read.given(post.draft)) changes.draft = true;
  return withFields(post, changes);
}
