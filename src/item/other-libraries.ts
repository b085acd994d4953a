import { describeValue, warning, type Diagnostic } from '../errors.js';
import type { Enclosure, EpisodeInfo } from '../types.js';
import * as read from './fields.js';
import { readWordPressPost, wordPressUtc } from './wordpress-post.js';
import { MAX_STORY_TAGS, tooManyOf } from '../story-limits.js';

/**
 * Items written for other feed libraries are plain items too: code that fed the `feed` package
 * (`feed.addItem({ title, link, date, description, content, author, category, guid, image, audio,
 * video, enclosure })`) or `@astrojs/rss` (`{ title, link, pubDate, description, content, author,
 * categories, enclosure }`) moves to storyfeed without renaming its fields. Each of their names is
 * read where the item has no storyfeed name for the same thing (`link` for `url`, `description` for
 * `summary`, `content` for `contentHtml`, `pubDate` for `published`, `date` for `updated` and, without
 * another, `published`, `author` for `authors`, `category` and `categories` for `tags`, `guid` for
 * `id`, `enclosure`, `audio` and `video` for `enclosures`), and a problem names the field as the item
 * gives it.
 */

/** An item as the `feed` package takes it (its `Item`), which storyfeed also reads. */
export interface FeedPackageItem {
  title?: string;
  id?: string;
  /** The item's URL (absolute, or a path on the site). */
  link: string;
  /** When the item last changed (also when it was published, without `published`). */
  date?: Date | string;
  published?: Date | string;
  /** Summary as HTML (written into RSS as HTML): its text is the summary, and the body without `content`. */
  description?: string;
  /** Body as HTML. */
  content?: string;
  category?: { name?: string; term?: string; domain?: string; scheme?: string }[];
  guid?: string;
  image?: string | FeedPackageEnclosure;
  audio?: string | FeedPackageEnclosure;
  video?: string | FeedPackageEnclosure;
  enclosure?: FeedPackageEnclosure;
  author?: { name?: string; email?: string; link?: string; avatar?: string }[];
  /** Not published (storyfeed's feeds have no contributors): named in a warning. */
  contributor?: { name?: string; email?: string; link?: string; avatar?: string }[];
  /** Not published (the site's copyright covers every item): named in a warning. */
  copyright?: string;
}

/** An item as `@astrojs/rss` takes it (its `RSSFeedItem`), which storyfeed also reads. */
export interface AstroRssItem {
  title?: string;
  /** The item's URL (absolute, or a path on the site). */
  link: string;
  /** When the item was published. */
  pubDate?: Date | string;
  /** Summary as HTML (written into RSS as HTML): its text is the summary, and the body without `content`. */
  description?: string;
  /** Body as HTML. */
  content?: string;
  categories?: string[];
  /** The author, as RSS writes one (`ann@x.example (Ann)`) or a name. */
  author?: string;
  enclosure?: FeedPackageEnclosure;
  /** Not published: named in a warning. */
  commentsUrl?: string;
  /** Not published: named in a warning. */
  source?: { url: string; title: string };
  /** Not published (raw XML is not copied into storyfeed's feeds; give `extensions`): named in a warning. */
  customData?: string;
}

/** A file as the `feed` package takes it (its `Enclosure`): the type may be left to the address's extension. */
export interface FeedPackageEnclosure {
  url: string;
  type?: string;
  length?: number;
  title?: string;
  /** Whole seconds, or text as `itunes:duration` writes it (`"01:02:03"`, `"45:12"`). */
  duration?: number | string;
}

/** One of storyfeed's fields, as an item gives it: under storyfeed's name, or under another library's. */
export interface GivenField {
  value: unknown;
  /** The name the item gives it under (for paths in problems). */
  name: string;
}

/**
 * The item's value for storyfeed's field `ours`, else for the first of `theirs` it has (text of only
 * white space, a cleared field, is none). Each other name given is named in a `W_UNKNOWN_FIELD`
 * warning: it is not read. One that gives the same text says nothing else, and is not named (rss-parser
 * gives an RSS item's `dc:creator` as both `creator` and `dc:creator`).
 */
export function givenField(r: Record<string, unknown>, at: string, ours: string, theirs: readonly string[], warn: (d: Diagnostic) => void): GivenField {
  let found: GivenField | undefined;
  for (const name of [ours, ...theirs]) {
    const value = r[name];
    if (!read.filled(value)) continue;
    if (found === undefined) found = { value, name };
    else if (!(typeof value === 'string' && value === found.value))
      warn(warning('W_UNKNOWN_FIELD', `${read.memberPath(at, name)} is not read: ${read.memberPath(at, found.name)} is given (they name the same field)`));
  }
  return found ?? { value: r[ours], name: ours };
}

/**
 * `feed`'s `category` list (of `{ name }`), `@astrojs/rss`'s `categories` (of text) or rss-parser's (text, or
 * `{ _: name, $: { domain } }` for an RSS `<category>` with attributes, as xml2js gives an element's text beside
 * them) as tags: each category's name (or its `term`).
 */
export function categoryTags(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const entries = read.list(value, path, 'a list of names or of { name }');
  if (entries.length > MAX_STORY_TAGS) read.fail(path, tooManyOf('tags', entries.length));
  return entries.map((entry, i) => {
    const at = `${path}[${i}]`;
    if (typeof entry === 'string') return entry;
    if (typeof entry !== 'object' || entry === null) return read.fail(at, `must be a name (text) or { name }, found ${describeValue(entry)}`);
    const r = read.record(entry, at);
    // An empty name is none: the term, if any, names the category; then the element's text (xml2js's `_`).
    const name = read.text(r.name, `${at}.name`)?.trim() || read.text(r.term, `${at}.term`)?.trim() || read.text(r._, `${at}._`)?.trim();
    return name || read.fail(`${at}.name`, `is required (the category's name), found ${describeValue(r.name)}`);
  });
}

/** File types by extension, for a `feed` enclosure given without its type. */
const FILE_TYPES: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  webm: 'video/webm',
  mov: 'video/quicktime',
  pdf: 'application/pdf',
  epub: 'application/epub+zip',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** The MIME type of the file an absolute URL names, by its path's extension (`.mp3`: `audio/mpeg`), or `undefined`. */
export function fileTypeOf(url: string): string | undefined {
  const extension = read.urlExtension(url);
  return extension !== undefined && Object.hasOwn(FILE_TYPES, extension) ? FILE_TYPES[extension] : undefined;
}

/**
 * `feed`'s `enclosure`, `audio` and `video` (each a URL or `{ url, type, length, title, duration }`)
 * as storyfeed's enclosures, in that order. A type not given is the one of the address's extension
 * (`.mp3` is `audio/mpeg`; `feed` would have written `audio/mp3`, which no such type is); an address
 * whose extension names none needs its `type`.
 */
export function feedPackageEnclosures(r: Record<string, unknown>, at: string, base: string): Enclosure[] {
  const out: Enclosure[] = [];
  for (const name of ['enclosure', 'audio', 'video'] as const) {
    const value = r[name];
    if (!read.given(value)) continue;
    const path = `${at}.${name}`;
    const given = typeof value === 'string' ? { url: value } : read.record(value, path);
    const urlPath = typeof value === 'string' ? path : `${path}.url`;
    const url = read.httpUrl(given.url, urlPath, base) ?? read.fail(urlPath, 'is required');
    const type =
      read.mimeType(given.type, `${path}.type`, false) ??
      fileTypeOf(url) ??
      read.fail(typeof value === 'string' ? path : `${path}.type`, `needs a MIME type (give { url, type }): the address ${url} does not end in a known file extension`);
    // Length, title and duration are read as storyfeed's own enclosures' are; a length of digits is that number
    // (rss-parser gives an RSS `<enclosure>`'s attributes as text), and an empty one none.
    out.push(read.enclosureExtras(withLengthNumber(given, path), path, { url, type }));
  }
  return out;
}

/**
 * `enclosure` with its `length` read as an XML attribute's text is: digits (`"48213"`) are that number, and empty text
 * (`length=""`) none; any other value is left for {@link read.enclosureExtras} to name.
 */
function withLengthNumber(enclosure: Record<string, unknown>, path: string): Record<string, unknown> {
  const length = read.property(enclosure, 'length', path);
  if (typeof length !== 'string') return enclosure;
  const digits = length.trim();
  if (digits !== '' && !/^\d{1,15}$/.test(digits)) return enclosure;
  return withFields(enclosure, { length: digits === '' ? undefined : Number(digits) });
}

/** The episode's fields rss-parser gives under `itunes` (its `itunes:` elements' text), which are whole numbers. */
const ITUNES_NUMBERS = ['episode', 'season'] as const;

/** The episode's fields rss-parser gives under `itunes` as an element's text, which may be empty. */
const ITUNES_TEXTS = ['duration', 'episode', 'season', 'episodeType', 'explicit', 'image'] as const;

/**
 * An RSS item's `itunes:` elements as rss-parser gives them (`itunes: { duration, episode, season, explicit, image,
 * episodeType }`, each the element's text; `image`, the address of `itunes:image`) as the episode's fields, read as
 * an item's `episode` is: `"12"` is episode 12, `"45:12"` a duration, `"yes"` or `"clean"` the explicit flag. An
 * item of a feed that only declares the namespace has `itunes: {}`, and no episode; an empty element is none, and the
 * episode type is read in any case (`Bonus`).
 */
export function itunesEpisode(value: unknown, path: string, base: string): EpisodeInfo | undefined {
  const itunes = read.record(value, path);
  const changes: Record<string, unknown> = {};
  // An empty element (`<itunes:duration></itunes:duration>`, or white space) states nothing: it is none.
  for (const name of ITUNES_TEXTS) {
    const given = itunes[name];
    if (typeof given === 'string' && given.trim() === '') changes[name] = undefined;
  }
  for (const name of ITUNES_NUMBERS) {
    const given = itunes[name];
    if (typeof given === 'string' && /^\s*\d{1,9}\s*$/.test(given)) changes[name] = Number(given);
  }
  // Hosts write the episode type as they like it (`Bonus`, `FULL`); iTunes reads it in any case.
  const type = itunes.episodeType;
  if (typeof type === 'string' && type.trim() !== '') changes.episodeType = type.trim().toLowerCase();
  const episode = read.episode(withFields(itunes, changes), path, base);
  return episode && Object.keys(episode).length > 0 ? episode : undefined;
}

/**
 * The names of a JSON Feed 1.1 item (jsonfeed.org/version/1.1) for storyfeed's fields, read where the item gives
 * none of storyfeed's: someone merging JSON feeds passes their `items` as they are. `author` is JSON Feed 1.0's one
 * author (`{ name, url, avatar }`); `attachments` are read by {@link jsonFeedAttachments}.
 */
export const JSON_FEED_NAMES: Readonly<Record<string, readonly string[]>> = {
  contentHtml: ['content_html'],
  contentText: ['content_text'],
  published: ['date_published'],
  updated: ['date_modified'],
  externalUrl: ['external_url'],
  banner: ['banner_image'],
  authors: ['author'],
};

/** The members only a JSON Feed item names so (snake_case, as the spec writes them), by which one is told from storyfeed's own. */
const JSON_FEED_MARKS = ['content_html', 'content_text', 'date_published', 'date_modified', 'external_url', 'banner_image', 'attachments'];

/** Whether the item is a JSON Feed item: it gives one of the members only JSON Feed names so (`content_html`, `date_published`…). */
export function isJsonFeedItem(r: Record<string, unknown>): boolean {
  return JSON_FEED_MARKS.some((name) => read.given(r[name]));
}

/**
 * A JSON Feed item's `attachments` (`{ url, mime_type, title, size_in_bytes, duration_in_seconds }`) as storyfeed's
 * enclosures, each member named as the item gives it in a problem (`items[0].attachments[0].mime_type`).
 */
export function jsonFeedAttachments(value: unknown, path: string, base: string): Enclosure[] | undefined {
  if (!read.given(value)) return undefined;
  return read.list(value, path, 'a list of { url, mime_type, size_in_bytes }').map((entry, i) => {
    const at = `${path}[${i}]`;
    const r = read.record(entry, at);
    const url = read.httpUrl(r.url, `${at}.url`, base) ?? read.fail(`${at}.url`, 'is required');
    const type = read.mimeType(r.mime_type, `${at}.mime_type`, true) ?? read.fail(`${at}.mime_type`, 'is required');
    const enclosure: Enclosure = { url, type };
    const length = read.wholeNumber(r.size_in_bytes, `${at}.size_in_bytes`);
    if (length !== undefined) enclosure.length = length;
    const title = read.text(r.title, `${at}.title`);
    if (title) enclosure.title = title;
    const duration = read.wholeNumber(r.duration_in_seconds, `${at}.duration_in_seconds`);
    if (duration !== undefined) enclosure.duration = duration;
    return enclosure;
  });
}

/** A post as the WordPress REST API gives it (`/wp-json/wp/v2/posts`), which storyfeed also reads. */
export interface WordPressPost {
  /** The post's URL. */
  link: string;
  title: { rendered: string };
  /** The body (HTML); `protected: true`, a password, makes the post a draft, left out of the feeds. */
  content?: { rendered: string; protected?: boolean };
  /** The summary (HTML). */
  excerpt?: { rendered: string; protected?: boolean };
  /** The permanent id (`https://x.example/?p=12`). */
  guid?: { rendered: string };
  /** Publication and last change, UTC without a zone. */
  date_gmt?: string;
  modified_gmt?: string;
  /** `publish`; any other (`draft`, `future`, `pending`, `private`) makes the post a draft, left out of the feeds. */
  status?: string;
  /** WordPress's own numbers: not read. */
  id?: number;
  author?: number;
  categories?: number[];
  tags?: number[];
  slug?: string;
  [field: string]: unknown;
}

/**
 * A post from the WordPress REST API (`/wp-json/wp/v2/posts`), as the other libraries' names read it:
 * `title`, `content`, `excerpt` and `guid` are `{ rendered }` (the excerpt, as HTML, becomes the
 * summary's text; the title's HTML, text), `date_gmt` and `modified_gmt` are the publication and the
 * last change (UTC, their zone added), a `status` other than `publish` makes the post a draft, and so does a password
 * (`content.protected`: WordPress's feeds never show such a post's text), and what names only WordPress's own records (the post's number
 * `id`, `author` and category ids, the local `date` and `modified`) is not read. A post fetched with
 * `?_embed` names its authors and terms: those are its authors and tags; its featured image is its lead image. WordPress keeps those names,
 * and the guid, HTML-escaped (`Q&amp;A`, `?p=1&#038;x=2`): their character references are decoded once. Any other item is
 * given back as it is. The fields keep their names, so a problem names the field as given.
 */
export function fromWordPress(r: Record<string, unknown>, at: string): Record<string, unknown> {
  const parts = readWordPressPost(r, at);
  if (parts === undefined) return r;
  // The fields read as the other libraries' names; every other field is read from the post as it is.
  const changes: Record<string, unknown> = {};
  const field = (key: string): unknown => (Object.hasOwn(changes, key) ? changes[key] : r[key]);
  if (parts.title !== undefined) changes.title = parts.title;
  if (parts.contentHtml !== undefined) changes.content = parts.contentHtml;
  if (parts.guid !== undefined) changes.guid = parts.guid;
  // The excerpt is HTML: read as the other libraries' `description` is (its text the summary).
  if (parts.excerptHtml !== undefined && field('description') === undefined) changes.description = parts.excerptHtml;
  changes.excerpt = undefined;
  // A post WordPress has not published, or protects with a password, or one of the site's pages (About, Contact: `type: "page"`,
  // which WordPress's feeds leave out), is a draft, left out of the feeds, unless the caller says otherwise with `draft`.
  const page = read.property(r, 'type', at) === 'page';
  if ((parts.unpublished !== undefined || parts.passwordProtected || page) && !read.given(field('draft')))
    changes.draft = parts.unpublished === true || parts.passwordProtected || page;
  if (typeof field('id') === 'number') changes.id = undefined;
  if (typeof field('author') === 'number') changes.author = undefined;
  for (const key of ['categories', 'tags']) {
    const value = field(key);
    if (Array.isArray(value) && value.every((v) => typeof v === 'number')) changes[key] = undefined;
  }
  // With `?_embed`, the post carries its authors' and terms' names: they are its authors and tags.
  if (parts.authors.length > 0 && field('author') === undefined) changes.author = parts.authors;
  if (parts.terms.length > 0 && field('categories') === undefined && field('category') === undefined) changes.categories = parts.terms;
  // And its featured image, the post's lead image (as a JSON seed of the same post has it).
  if (parts.featuredImage !== undefined && !read.given(field('image'))) changes.image = parts.featuredImage;
  if (read.given(field('date_gmt'))) {
    changes.date_gmt = wordPressUtc(field('date_gmt'));
    changes.date = undefined;
  }
  if (read.given(field('modified_gmt'))) {
    changes.modified_gmt = wordPressUtc(field('modified_gmt'));
    changes.modified = undefined;
  }
  return withFields(r, changes);
}

/**
 * A view of `item` with `changes` in place of its fields (`undefined` for a field left out). Every other
 * field is read from the item itself, so one behind a getter or inherited (a client library's model class,
 * a frozen prototype) is read as an own one is: a copy of its own fields would lose those.
 */
export function withFields(item: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const view: Record<string, unknown> = Object.create(item);
  // Defined, not assigned: an assignment would run the item's setter, or throw for a getter without one or a frozen field.
  for (const [key, value] of Object.entries(changes)) Object.defineProperty(view, key, { value, enumerable: true, writable: true, configurable: true });
  return view;
}
