import { parseAuthorString } from '../seed/author-string.js';
import { type Diagnostic, describeValue, errorText, StoryfeedError, warning } from '../errors.js';
import { describeRemoved, hasIllegalXmlChars, removeIllegalXmlChars } from '../xml-chars.js';
import { isFeedDate, lostDateReason, parseDate } from '../seed/dates.js';
import { feedHref } from '../seed/http-url.js';
import { publishedId } from '../story/item-id.js';
import { canonicalLanguage, notALanguageTag } from '../story/language-tag.js';
import type { Author, Enclosure, EpisodeInfo, Extensions, PodcastLink } from '../types.js';
import { NOT_A_FEED_EMAIL, feedEmailAddress } from '../email-address.js';
import { MAX_STORY_AUTHORS, MAX_STORY_TAGS, tooManyOf } from '../story-limits.js';

/**
 * Readers for the fields of a plain item. Each checks one field of an untyped value (plain JS
 * callers pass anything) and throws `E_ITEM` naming the item and the field, never a `TypeError`.
 */

/** Where a value sits, for messages: `items[2].enclosures[0].url`. */
export type FieldPath = string;

/**
 * Where `name` of the value at `path` is, for messages: `items[0].title`, or `items[0]["content:encoded"]` for a
 * name that is no identifier (rss-parser keeps a namespaced element's name, `content:encoded`, as the key).
 */
export function memberPath(path: FieldPath, name: string): FieldPath {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** Whether a field has a value: neither `undefined` nor `null` (both read as absent). */
export function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Whether a field says something: {@link given}, and no text of only white space (a CMS gives a cleared field as `''`). */
export function filled(value: unknown): boolean {
  return given(value) && !(typeof value === 'string' && !/\S/.test(value));
}

/** Text that says something, else `undefined`: text of only white space is none, as a cleared field of a CMS. */
export function filledText(text: string | undefined): string | undefined {
  return text !== undefined && /\S/.test(text) ? text : undefined;
}

/** Throws the `E_ITEM` error for `path`. */
export function fail(path: FieldPath, message: string): never {
  throw new StoryfeedError('E_ITEM', `${path} ${message}`);
}

/**
 * A plain object (not an array, date or null), or `E_ITEM`. Its fields are read through a guard: a
 * getter or proxy that throws is an `E_ITEM` error naming the field, not the caller's exception.
 */
export function record(value: unknown, path: FieldPath): Record<string, unknown> {
  if (!guard(() => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date), path))
    fail(path, `must be an object, found ${describeValue(value)}`);
  return guarded(value as object, path);
}

/** The options argument of a library call: `{}` when left out, else read like an item (a guarded object). */
export function options<T extends object>(value: T | null | undefined): T {
  if (value === undefined || value === null) return {} as T;
  return record(value, 'options') as T;
}

/** Options that are dates: {@link checkOptions} refuses an invalid Date and one outside years 0000 to 9999. */
const DATE_OPTIONS = ['fallbackDate', 'emptyFeedDate'] as const;
/** Options that are functions of the caller's (`analyze` and `markdown` are checked where used, with what to pass). */
const FUNCTION_OPTIONS = ['onWarning'] as const;
/** Options that are switches. */
const FLAG_OPTIONS = ['tagFeeds', 'authorFeeds'] as const;

/**
 * The options of the item and feed calls (read by {@link options}), checked before any is used: a wrong
 * value is `E_ITEM` naming `options.<name>`, never a `TypeError` or `RangeError` from inside the build,
 * nor a date no feed may carry written into one.
 */
export function checkOptions(given: Record<string, unknown>): void {
  for (const name of DATE_OPTIONS) {
    const value = given[name];
    if (value === undefined) continue;
    if (!guard(() => value instanceof Date, `options.${name}`)) fail(`options.${name}`, `must be a Date, found ${describeValue(value)}`);
    const checked = date(value, `options.${name}`, undefined)!;
    // A feed or an undated item would carry it: readers would show 1970, or year 1.
    const lost = lostDateReason(checked);
    if (lost) fail(`options.${name}`, lost);
  }
  for (const name of FUNCTION_OPTIONS) {
    const value = given[name];
    if (value !== undefined && typeof value !== 'function') fail(`options.${name}`, `must be a function, found ${describeValue(value)}`);
  }
  for (const name of FLAG_OPTIONS) {
    const value = given[name];
    if (value !== undefined && typeof value !== 'boolean') fail(`options.${name}`, `must be true or false, found ${describeValue(value)}`);
  }
  const cap = given.maxContentBytes;
  if (cap !== undefined && !(typeof cap === 'number' && Number.isSafeInteger(cap) && cap > 0))
    fail('options.maxContentBytes', `must be a whole number of bytes above 0, found ${describeValue(cap)}`);
}

/**
 * A list, copied element by element (through the same guard), or `E_ITEM`. A sparse list (`[, x]`)
 * is refused: its holes would be skipped by some passes and read as `undefined` by others.
 */
export function list(value: unknown, path: FieldPath, expected: string): unknown[] {
  if (!guard(() => Array.isArray(value), path)) fail(path, `must be ${expected}, found ${describeValue(value)}`);
  const source = value as unknown[];
  const length = guard(() => source.length, path);
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) {
    const at = `${path}[${i}]`;
    if (!guard(() => i in source, at)) fail(at, 'is an empty slot: the list is sparse (give every entry a value)');
    out.push(guard(() => source[i], at));
  }
  return out;
}

/** Runs a read of caller data; an exception it throws (a getter, a proxy trap) becomes `E_ITEM` at `path`. */
function guard<T>(read: () => T, path: FieldPath): T {
  try {
    return read();
  } catch (cause) {
    if (cause instanceof StoryfeedError) throw cause;
    return fail(path, unreadable(cause));
  }
}

/** Whether `value` is a list, read through the guard (a revoked proxy is `E_ITEM` at `path`). */
export function isList(value: unknown, path: FieldPath): boolean {
  return guard(() => Array.isArray(value), path);
}

/** `object[key]`, read through the guard: a getter or proxy that throws is `E_ITEM` naming `path.key`. */
export function property(object: object, key: string, path: FieldPath): unknown {
  return guard(() => Reflect.get(object, key), memberPath(path, key));
}

/** Why a value of the caller's could not be read: what its getter or proxy threw, for a problem naming the field. */
export function unreadable(cause: unknown): string {
  return `cannot be read: ${errorText(cause)} (a getter or proxy behind it throws; pass plain values)`;
}

const GUARDED = new WeakSet<object>();

/** A view of `target` whose every read goes through {@link guard}, naming `path.key`. */
function guarded(target: object, path: FieldPath): Record<string, unknown> {
  if (GUARDED.has(target)) return target as Record<string, unknown>;
  const key = (k: string | symbol): string => (typeof k === 'string' ? memberPath(path, k) : `${path}[${String(k)}]`);
  const view = new Proxy(target, {
    get: (t, k) => guard(() => Reflect.get(t, k), key(k)),
    has: (t, k) => guard(() => Reflect.has(t, k), key(k)),
    ownKeys: (t) => guard(() => Reflect.ownKeys(t), path),
    getOwnPropertyDescriptor: (t, k) => guard(() => Reflect.getOwnPropertyDescriptor(t, k), key(k)),
    getPrototypeOf: (t) => guard(() => Reflect.getPrototypeOf(t), path),
  });
  GUARDED.add(view);
  return view as Record<string, unknown>;
}

/** Optional text. */
export function text(value: unknown, path: FieldPath): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(path, `must be text, found ${describeValue(value)}`);
  return value;
}

/** Optional whole number in a range. */
export function wholeNumber(value: unknown, path: FieldPath, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    fail(path, `must be a whole number from ${min} to ${max}, found ${describeValue(value)}`);
  return value;
}

/** A duration as podcast feeds write one: `HH:MM:SS` or `MM:SS` (`itunes:duration`'s forms), or seconds as text. */
const CLOCK_DURATION = /^(?:(?:(\d{1,4}):)?([0-5]?\d):([0-5]\d)|(\d{1,9}))$/;

/**
 * Optional duration in whole seconds: a whole number, or text as podcast themes' front matter and hosts' exports write
 * one (`"00:45:12"`, `"45:12"`, `"2712"`), read as `itunes:duration` reads it.
 */
export function durationSeconds(value: unknown, path: FieldPath): number | undefined {
  if (typeof value !== 'string') return wholeNumber(value, path);
  const m = CLOCK_DURATION.exec(value.trim());
  if (!m) return fail(path, `must be a number of seconds or a duration written HH:MM:SS or MM:SS, found ${describeValue(value)}`);
  const [, hours, minutes, seconds, whole] = m;
  return whole !== undefined ? Number(whole) : Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** Optional boolean. */
export function flag(value: unknown, path: FieldPath): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') fail(path, `must be true or false, found ${describeValue(value)}`);
  return value;
}

/**
 * The words podcast tools write for `itunes:explicit`, read as its value: Apple's feeds took `yes`, `no` and
 * `clean` before `true` and `false`, and a YAML 1.2 front matter reads `explicit: no` as the text "no".
 */
const EXPLICIT_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['explicit', true],
  ['false', false],
  ['no', false],
  ['clean', false],
]);

/** The value of an optional `explicit` flag: true or false, or one of {@link EXPLICIT_WORDS} in any case. */
export function explicitFlag(value: unknown, path: FieldPath): boolean | undefined {
  if (typeof value !== 'string') return flag(value, path);
  const read = EXPLICIT_WORDS.get(value.trim().toLowerCase());
  if (read === undefined) fail(path, `must be true or false (or "yes", "no" or "clean"), found ${describeValue(value)}`);
  return read;
}

/** Optional absolute http(s) URL; a path is resolved against `base`. Credentials are refused. */
export function httpUrl(value: unknown, path: FieldPath, base: string): string | undefined {
  const raw = text(value, path);
  if (raw === undefined || raw.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return fail(path, `${describeValue(raw)} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(path, `${describeValue(raw)} must be an http(s) URL or a path`);
  if (url.username || url.password) fail(path, `${describeValue(raw)} must not carry a user name or password`);
  return feedHref(url);
}

/**
 * An item id: an absolute URI (http(s), `tag:`, `urn:`…), never a script or data URL; `strict`
 * (the default) also holds `tag:` and `urn:` ids to their RFCs, as feed readers do.
 */
export function itemId(value: unknown, path: FieldPath, strict = true): string | undefined {
  // A CMS's or a database's record number (Strapi's, Directus's `id`) names its row, not the item, in no feed's terms.
  if (typeof value === 'number') fail(path, `must be text, found ${describeValue(value)}: a record number of a CMS or database is no id a feed can carry; ${NOT_A_RECORD_ID}`);
  const raw = text(value, path);
  if (raw === undefined) return undefined;
  // An id is published exactly as given (readers match items by it): one no feed can carry is refused, not altered.
  if (hasIllegalXmlChars(raw)) {
    const { removed } = removeIllegalXmlChars(raw);
    return fail(path, `holds ${describeRemoved(removed)} that XML forbids: an id is published exactly as given, so it must be text every feed can carry`);
  }
  const read = publishedId(raw);
  if (read.kind === 'form')
    return fail(
      path,
      UUID.test(raw)
        ? `${read.problem}: a UUID is one written urn:uuid:${raw.toLowerCase()}`
        : `${read.problem}; a CMS's own record id is none: leave it out, and the item's id is its url`,
    );
  if (read.kind === 'rule') {
    // Lenient callers (not `strict`) take what the URL parser accepts.
    if (strict) return fail(path, `is not a valid id: ${read.problem}`);
    const scheme = raw.slice(0, raw.indexOf(':')).toLowerCase();
    return scheme === 'http' || scheme === 'https' ? new URL(raw).href : raw;
  }
  return read.id;
}

/** What a conversion of a list of items has said once for them all about ids read from other libraries' items. */
export interface OtherLibraryIdsTold {
  /** Field names whose bare UUIDs were said to be published as `urn:uuid:` ids. */
  uuids: Set<string>;
  /** By field name: the first id that is no URI published as a fragment of its item's URL, and how many items gave one. */
  fragments: Map<string, { path: FieldPath; value: string; id: string; count: number }>;
}

/** Nothing said yet, for a new list of items. */
export function noOtherLibraryIdsTold(): OtherLibraryIdsTold {
  return { uuids: new Set(), fragments: new Map() };
}

/**
 * An item id read from another library's item (rss-parser's or the `feed` package's `guid`, a JSON Feed item's or a
 * Ghost post's `id`): those formats take any text as an id, Atom only an IRI, and storyfeed's feeds publish one id.
 * A bare UUID is published as its `urn:uuid:` IRI (RFC 4122), said once a build for each field name; any other id
 * that is no URI (`"1"`, `Buzzsprout-123`) is published as the item's `url` with the id, percent-encoded, as its
 * fragment (in place of one the URL has): distinct for items sharing one URL (a podcast's episodes all linking the
 * show), and stable as long as the id and the URL are. Those are said once a build for each field name by
 * {@link otherLibraryIdWarnings}. An id that is a URI is read as {@link itemId} reads it.
 */
export function otherLibraryId(value: unknown, path: FieldPath, name: string, url: string, warn: (d: Diagnostic) => void, told: OtherLibraryIdsTold): string | undefined {
  if (typeof value !== 'string' || publishedId(value).kind !== 'form') return itemId(value, path);
  const given = value.trim();
  if (!UUID.test(given)) {
    // A character no feed can carry is refused, as in any id; encodeURIComponent would also throw on a lone surrogate.
    if (hasIllegalXmlChars(given)) return itemId(given, path);
    const hash = url.indexOf('#');
    const id = `${hash < 0 ? url : url.slice(0, hash)}#${encodeURIComponent(given)}`;
    const said = told.fragments.get(name);
    if (said) said.count++;
    else told.fragments.set(name, { path, value, id, count: 1 });
    return id;
  }
  const id = `urn:uuid:${given.toLowerCase()}`;
  if (!told.uuids.has(name)) {
    told.uuids.add(name);
    warn(
      warning(
        'W_UNKNOWN_FIELD',
        `${path} ${describeValue(value)} is a bare UUID: it is published as ${id}, the standard IRI of a UUID (an Atom id must be an IRI), as is every other item's ${name} of a UUID`,
      ),
    );
  }
  return id;
}

/** One warning for each field name whose ids that are no URI {@link otherLibraryId} published as fragments of URLs. */
export function otherLibraryIdWarnings(told: OtherLibraryIdsTold): Diagnostic[] {
  return [...told.fragments].map(([name, { path, value, id, count }]) =>
    warning(
      'W_UNKNOWN_FIELD',
      `${path} ${describeValue(value)} is no URI, as an Atom id must be: it is published as ${id}, the item's URL with the ${name} as its fragment${
        count > 1 ? `, as is every other item's ${name} that is no URI (${count} items)` : ''
      }`,
    ),
  );
}

/** What to do with a record id of a CMS's given as an item's id. */
const NOT_A_RECORD_ID = "leave it out (the item's id is then its url) or give an absolute URI such as tag:example.com,2024:post-1";

/** A UUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hexadecimal digits), as a Notion page's or a database row's id is. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The time of a real `Date` (`NaN` for an invalid one), else `undefined`: read from the Date's own
 * value, so a proxy or an object that only inherits from `Date.prototype` runs no code and is no Date.
 */
export function dateTime(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/** Optional date: a valid `Date` or an ISO 8601 string, within the years every format can write. */
export function date(value: unknown, path: FieldPath, timeZone: string | undefined): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const time = dateTime(value);
  if (time !== undefined) {
    if (Number.isNaN(time)) fail(path, 'is an invalid Date');
    const copy = new Date(time);
    if (!isFeedDate(copy)) fail(path, `${copy.toISOString()} is out of range: feeds carry dates from year 0000 to 9999`);
    return copy;
  }
  // A proxy of a Date passes `instanceof` but holds no time: its methods throw a TypeError.
  if (guard(() => value instanceof Date, path))
    fail(path, 'must be a Date or an ISO 8601 string, found an object posing as a Date (a proxy of one holds no time): pass the Date itself');
  if (typeof value !== 'string') fail(path, `must be a Date or an ISO 8601 string, found ${describeValue(value)}`);
  const parsed = parseDate(value, timeZone);
  if (!parsed.ok) fail(path, parsed.reason);
  return parsed.date;
}

/**
 * Authors: a list of names or `{ name, email, url, avatar }` (a single one is accepted too); `link`, the
 * `feed` package's name for `url`, is read without `url`, and `warn` is told when both are given.
 */
export function authors(value: unknown, path: FieldPath, base: string, warn?: (d: Diagnostic) => void): Author[] | undefined {
  if (value === undefined || value === null) return undefined;
  const many = guard(() => Array.isArray(value), path);
  const entries = many ? list(value, path, 'a list of authors') : [value];
  if (entries.length > MAX_STORY_AUTHORS) fail(path, tooManyOf('authors', entries.length));
  return entries.map((entry, i) => {
    const at = many ? `${path}[${i}]` : path;
    if (typeof entry === 'string') {
      if (!entry.trim()) fail(at, 'must not be empty');
      // A name, or a name with an address as RSS and e-mail write them (`ann@x.example (Ann)`, `Ann <ann@x.example>`).
      const author = parseAuthorString(entry);
      if (author.email === undefined) return author;
      const email = feedEmailAddress(author.email) ?? fail(at, `${describeValue(author.email)} ${NOT_A_FEED_EMAIL}`);
      return { ...author, email };
    }
    const r = record(entry, at);
    const name = text(r.name, `${at}.name`)?.trim();
    if (!name) fail(`${at}.name`, 'is required');
    const author: Author = { name };
    const email = text(r.email, `${at}.email`)?.trim();
    if (email) {
      author.email = feedEmailAddress(email) ?? fail(`${at}.email`, `${describeValue(email)} ${NOT_A_FEED_EMAIL}`);
    }
    // `link` is the `feed` package's name for it.
    const urlName = !given(r.url) && given(r.link) ? 'link' : 'url';
    if (urlName === 'url' && given(r.url) && given(r.link)) warn?.(warning('W_UNKNOWN_FIELD', `${at}.link is not read: ${at}.url is given`));
    const url = httpUrl(r[urlName], `${at}.${urlName}`, base);
    if (url) author.url = url;
    const avatar = httpUrl(r.avatar, `${at}.avatar`, base);
    if (avatar) author.avatar = avatar;
    return author;
  });
}

/** Tags: a list of text (a single string is one tag). */
export function tags(value: unknown, path: FieldPath): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const entries = guard(() => Array.isArray(value), path) ? list(value, path, 'a list of tags') : [value];
  if (entries.length > MAX_STORY_TAGS) fail(path, tooManyOf('tags', entries.length));
  return entries.map((t, i) => {
    if (typeof t !== 'string') fail(`${path}[${i}]`, `must be text, found ${describeValue(t)}`);
    return t;
  });
}

/** A MIME type such as `audio/mpeg`. */
export function mimeType(value: unknown, path: FieldPath, required: boolean): string | undefined {
  const raw = text(value, path)?.trim();
  if (!raw) return required ? fail(path, 'is required (a MIME type such as audio/mpeg)') : undefined;
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:\s*;.*)?$/i.test(raw)) fail(path, `${describeValue(raw)} is not a MIME type such as audio/mpeg`);
  return raw;
}

/** Enclosures: `{ url, type, length?, title?, duration? }`. */
export function enclosures(value: unknown, path: FieldPath, base: string): Enclosure[] | undefined {
  if (value === undefined || value === null) return undefined;
  return list(value, path, 'a list of { url, type, length }').map((entry, i) => {
    const at = `${path}[${i}]`;
    const r = record(entry, at);
    const url = httpUrl(r.url, `${at}.url`, base);
    if (!url) fail(`${at}.url`, 'is required');
    return enclosureExtras(r, at, { url, type: mimeType(r.type, `${at}.type`, true)! });
  });
}

/** An enclosure's optional fields (`length`, `title`, `duration`) read from `r` onto `enclosure`. */
export function enclosureExtras(r: Record<string, unknown>, at: FieldPath, enclosure: Enclosure): Enclosure {
  const length = wholeNumber(r.length, `${at}.length`);
  if (length !== undefined) enclosure.length = length;
  const title = text(r.title, `${at}.title`);
  if (title) enclosure.title = title;
  const duration = durationSeconds(r.duration, `${at}.duration`);
  if (duration !== undefined) enclosure.duration = duration;
  return enclosure;
}

const EPISODE_TYPES = ['full', 'trailer', 'bonus'] as const;

function isEpisodeType(value: string): value is (typeof EPISODE_TYPES)[number] {
  return (EPISODE_TYPES as readonly string[]).includes(value);
}

/** Image formats Apple Podcasts does not take as artwork, by file name extension (it takes JPEG and PNG, named `.jpg`, `.jpeg` or `.png`). */
const NOT_PODCAST_ARTWORK = new Set(['gif', 'webp', 'svg', 'svgz', 'avif', 'heic', 'heif', 'bmp', 'tif', 'tiff', 'ico', 'jxl']);

/** The extension of the file an absolute URL's path names, lower case (`mp3` for `…/a.MP3?x`), or `undefined`. */
export function urlExtension(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
}

/**
 * Why a podcast's or an episode's artwork URL is none Apple Podcasts shows, or `undefined`: one
 * whose path ends in the extension of another image format (GIF, WebP, SVG…). A URL without such
 * an extension is taken, as its format cannot be told from it.
 */
export function podcastArtworkProblem(url: string): string | undefined {
  const extension = urlExtension(url);
  if (extension === undefined || !NOT_PODCAST_ARTWORK.has(extension)) return undefined;
  return `is a .${extension} image, and Apple Podcasts takes artwork only in JPEG or PNG (.jpg, .png), found ${describeValue(url)}`;
}

/** Podcast episode fields. */
export function episode(value: unknown, path: FieldPath, base: string): EpisodeInfo | undefined {
  if (value === undefined || value === null) return undefined;
  const r = record(value, path);
  const out: EpisodeInfo = {};
  const duration = durationSeconds(r.duration, `${path}.duration`);
  if (duration !== undefined) out.duration = duration;
  const number = wholeNumber(r.episode, `${path}.episode`, 1);
  if (number !== undefined) out.episode = number;
  const season = wholeNumber(r.season, `${path}.season`, 1);
  if (season !== undefined) out.season = season;
  const type = text(r.episodeType, `${path}.episodeType`);
  if (type !== undefined) {
    if (!isEpisodeType(type)) fail(`${path}.episodeType`, `must be one of ${EPISODE_TYPES.join(', ')}, found ${describeValue(type)}`);
    out.episodeType = type;
  }
  const explicit = explicitFlag(r.explicit, `${path}.explicit`);
  if (explicit !== undefined) out.explicit = explicit;
  const image = httpUrl(r.image, `${path}.image`, base);
  const artwork = image === undefined ? undefined : podcastArtworkProblem(image);
  if (artwork) fail(`${path}.image`, artwork);
  if (image) out.image = image;
  if (r.transcripts !== undefined && r.transcripts !== null) {
    out.transcripts = list(r.transcripts, `${path}.transcripts`, 'a list of { url, type }').map((t, i) => podcastLink(t, `${path}.transcripts[${i}]`, base));
  }
  if (r.chapters !== undefined && r.chapters !== null) out.chapters = podcastLink(r.chapters, `${path}.chapters`, base);
  return out;
}

/**
 * A `podcast:` namespace file link. The namespace requires an https URL wherever it links a file
 * (apps may refuse to fetch an http one), so a URL written with `http:` is refused, as a transcript's
 * language that apps cannot read is. A path takes the scheme of the story's address: on a site served over
 * http (a local preview, `http://localhost:1313/`) it is an http URL, which the site's own address decides.
 */
export function podcastLink(value: unknown, path: FieldPath, base: string): PodcastLink {
  const r = record(value, path);
  const url = httpUrl(r.url, `${path}.url`, base);
  if (!url) fail(`${path}.url`, 'is required');
  const written = String(r.url).trim();
  if (/^http:/i.test(written)) {
    fail(`${path}.url`, `must be an https URL, found ${describeValue(written)}: the podcast namespace requires https for the files it links (transcripts, chapters)`);
  }
  const link: PodcastLink = { url, type: mimeType(r.type, `${path}.type`, true)! };
  // A transcript's language as feeds write languages (`en`, `pt-BR`): apps pick a transcript by it.
  const language = filledText(text(r.language, `${path}.language`))?.trim();
  if (language) link.language = canonicalLanguage(language) ?? fail(`${path}.language`, notALanguageTag(language));
  return link;
}

/**
 * Elements of the known namespaces that storyfeed writes from item fields and the podcast settings;
 * a custom one would repeat or contradict them. The other iTunes and `podcast:` elements
 * (`itunes:block`, `itunes:new-feed-url`, `itunes:complete`, `podcast:funding`, …) have no field of
 * their own and are given as custom elements.
 */
const WRITTEN_BY_STORYFEED = new Set([
  'dc:creator',
  'media:content',
  'media:thumbnail',
  'itunes:author',
  'itunes:owner',
  'itunes:name',
  'itunes:email',
  'itunes:image',
  'itunes:category',
  'itunes:explicit',
  'itunes:type',
  'itunes:duration',
  'itunes:episode',
  'itunes:season',
  'itunes:episodeType',
  'podcast:guid',
  'podcast:locked',
  'podcast:transcript',
  'podcast:chapters',
]);

/** A qualified XML name `prefix:local` (custom elements must be namespaced). */
const QUALIFIED_NAME = /^[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*$/;

/** Custom elements and JSON Feed extensions; prefixes must be declared in `namespaces` (or be a known one). */
export function readExtensions(value: unknown, path: FieldPath, declared: ReadonlySet<string>): Extensions | undefined {
  if (value === undefined || value === null) return undefined;
  if (guard(() => Array.isArray(value), path))
    fail(path, 'must be { xml, json } (namespaced elements, and "_name" objects for JSON Feed); a list of { name, objects }, as the feed package takes, is not read');
  const r = record(value, path);
  const out: Extensions = {};
  if (r.xml !== undefined) {
    const xml: Record<string, string | string[]> = {};
    for (const [name, v] of Object.entries(record(r.xml, `${path}.xml`))) {
      const at = `${path}.xml[${describeValue(name)}]`;
      if (!QUALIFIED_NAME.test(name)) fail(at, 'must be a namespaced element name such as "media:rating"');
      const prefix = name.slice(0, name.indexOf(':'));
      if (!declared.has(prefix)) fail(at, `uses the prefix ${describeValue(prefix)}, which is not declared in the site's \`namespaces\``);
      if (WRITTEN_BY_STORYFEED.has(name)) {
        fail(at, "is an element storyfeed writes itself; use the item's own fields (authors, image, enclosures, episode) or the site's podcast settings");
      }
      if (guard(() => Array.isArray(v), at)) xml[name] = list(v, at, 'a list of text').map((x, i) => text(x, `${at}[${i}]`) ?? '');
      else xml[name] = text(v, at) ?? '';
    }
    out.xml = xml;
  }
  if (r.json !== undefined) {
    const json: Record<string, Record<string, unknown>> = {};
    for (const [name, v] of Object.entries(record(r.json, `${path}.json`))) {
      const at = `${path}.json[${describeValue(name)}]`;
      if (!/^_[A-Za-z0-9_-]+$/.test(name)) fail(at, 'must start with "_" (JSON Feed extensions are "_name" objects)');
      json[name] = jsonValue(record(v, at), at) as Record<string, unknown>;
    }
    out.json = json;
  }
  return out;
}

/**
 * A JSON-safe copy of an extension object: strings, finite numbers, booleans, null, arrays and
 * plain objects, at most {@link MAX_JSON_DEPTH} deep. Walked with an explicit stack, not recursion.
 */
function jsonValue(root: unknown, path: FieldPath): unknown {
  const out: { value?: unknown } = {};
  const stack: { value: unknown; depth: number; assign: (v: unknown) => void }[] = [{ value: root, depth: 0, assign: (v) => (out.value = v) }];
  while (stack.length) {
    const { value, depth, assign } = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) fail(path, `is nested more than ${MAX_JSON_DEPTH} levels deep`);
    if (value === null || typeof value === 'string' || typeof value === 'boolean') assign(value);
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(path, 'holds a number JSON cannot write (NaN or Infinity)');
      assign(value);
    } else if (guard(() => Array.isArray(value), path)) {
      const entries = list(value, path, 'a list');
      const copy: unknown[] = new Array<unknown>(entries.length);
      assign(copy);
      entries.forEach((v, i) => stack.push({ value: v, depth: depth + 1, assign: (x) => (copy[i] = x) }));
    } else if (typeof value === 'object' && !guard(() => value instanceof Date, path)) {
      // No prototype: a "__proto__" key is then an ordinary member, as JSON has it.
      const copy = Object.create(null) as Record<string, unknown>;
      assign(copy);
      for (const [k, v] of Object.entries(guarded(value, path))) stack.push({ value: v, depth: depth + 1, assign: (x) => (copy[k] = x) });
    } else fail(path, `holds ${describeValue(value)}, which JSON cannot write`);
  }
  return out.value;
}

/** Deepest nesting of a JSON Feed extension object. */
const MAX_JSON_DEPTH = 32;
