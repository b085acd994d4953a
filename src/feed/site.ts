import { describeValue, StoryfeedError } from '../errors.js';
import { canonicalLanguage, notALanguageTag } from '../story/language-tag.js';
import type { Author, FeedFormat, PodcastChannel, ResolvedSite, SiteConfig } from '../types.js';
import { podcastCategoryProblem } from './podcast-categories.js';
import { explicitFlag, podcastArtworkProblem, readExtensions, unreadable } from '../item/fields.js';
import { KNOWN_NAMESPACES } from '../namespaces.js';
import { isKnownTimeZone } from '../seed/dates.js';
import { feedHref } from '../seed/http-url.js';
import { NOT_A_FEED_EMAIL, feedEmailAddress, isEmailAddress, withFeedEmail } from '../email-address.js';

/** Default feed language when the site names none. */
export const DEFAULT_LANGUAGE = 'en';

/**
 * The site with the README's defaults applied (`description` = title, `language` = `en`, no
 * authors), checked so that plain-JS callers get an `E_CONFIG` error naming the field instead of a
 * `TypeError`. Idempotent: a resolved site comes back equal.
 */
export function resolveSite(site: SiteConfig): ResolvedSite {
  const resolved = resolve(site);
  RESOLVED.add(resolved);
  return resolved;
}

/** The settings {@link resolveSite} gave (so they are not read again). */
const RESOLVED = new WeakSet<object>();

/** `site` when {@link resolveSite} gave it, else `resolveSite(site)`: calls that take either never read raw settings as resolved ones. */
export function asResolvedSite(site: ResolvedSite | SiteConfig): ResolvedSite {
  return typeof site === 'object' && site !== null && RESOLVED.has(site) ? (site as ResolvedSite) : resolveSite(site as SiteConfig);
}

function resolve(site: SiteConfig): ResolvedSite {
  const problems: string[] = [];
  if (!readable(() => typeof site === 'object' && site !== null && !Array.isArray(site)))
    throw new StoryfeedError('E_CONFIG', `the site must be an object with at least siteUrl and title, found ${describeValue(site)}`);
  // Read every field once, here: a getter or proxy that throws, a cycle or a sparse list is a problem
  // naming the field (not the caller's exception later, in the middle of rendering).
  const s = snapshot(site, '', 0, new Set(), problems) as Record<string, unknown>;
  if (problems.length) throw new StoryfeedError('E_CONFIG', `the site settings are invalid: ${problems.join('; ')}`, { problems });
  const siteUrl = s.siteUrl;
  if (typeof siteUrl !== 'string' || !isHttpUrl(siteUrl)) problems.push(`siteUrl: must be an absolute http(s) URL, found ${describeValue(siteUrl)}`);
  if (typeof s.title !== 'string') problems.push(`title: is required text, found ${describeValue(s.title)}`);
  for (const key of ['description', 'language', 'feedBaseUrl', 'storyPath', 'copyright', 'icon', 'favicon', 'logo', 'hub', 'stylesheet', 'defaultDate', 'timeZone'] as const) {
    if (s[key] !== undefined && typeof s[key] !== 'string') problems.push(`${key}: must be text, found ${describeValue(s[key])}`);
  }
  for (const key of ['feedBaseUrl', 'icon', 'favicon', 'logo', 'hub'] as const) {
    const value = s[key];
    if (typeof value === 'string' && !isHttpUrl(value)) problems.push(`${key}: must be an absolute http(s) URL without a user name or password, found ${describeValue(value)}`);
  }
  // Dates without a zone are read in it: one Intl does not know would stop the first such date with a RangeError.
  if (typeof s.timeZone === 'string' && !isKnownTimeZone(s.timeZone))
    problems.push(`timeZone: ${describeValue(s.timeZone)} is not an IANA time zone (such as UTC, Europe/Kyiv or America/New_York)`);
  // The stylesheet may be a path on the site (the bundled `feed.xsl`) or a URL, never another scheme.
  if (typeof s.stylesheet === 'string' && !isHttpUrl(s.stylesheet, RELATIVE_BASE))
    problems.push(`stylesheet: must be a path or an http(s) URL, found ${describeValue(s.stylesheet)}`);
  if (s.authors !== undefined) problems.push(...authorProblems(s.authors));
  if (s.outputs !== undefined) problems.push(...outputProblems(s.outputs));
  for (const [key, min, max] of [
    // The same ranges as the configuration file's (config/site-config.ts): an item limit of 0 would
    // publish no item, or, with archive pages, pages of no item without end.
    ['itemLimit', 1, 1_000_000_000],
    ['entityTags', 0, 100],
    ['defaultYear', 1, 9999],
  ] as const) {
    const value = s[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max))
      problems.push(`${key}: must be a whole number from ${min} to ${max}, found ${describeValue(value)}`);
  }
  for (const key of ['archive', 'entities'] as const) {
    if (s[key] !== undefined && typeof s[key] !== 'boolean') problems.push(`${key}: must be true or false, found ${describeValue(s[key])}`);
  }
  if (s.content !== undefined && s.content !== 'full' && s.content !== 'summary') problems.push(`content: must be "full" or "summary", found ${describeValue(s.content)}`);
  if (s.undated !== undefined && s.undated !== 'first-published' && s.undated !== 'error')
    problems.push(`undated: must be "first-published" or "error", found ${describeValue(s.undated)}`);
  if (s.contentLimit !== undefined && (typeof s.contentLimit !== 'number' || !Number.isInteger(s.contentLimit) || s.contentLimit < 1))
    problems.push(`contentLimit: must be a whole number of characters, found ${describeValue(s.contentLimit)}`);
  if (s.namespaces !== undefined) problems.push(...namespaceProblems(s.namespaces));
  if (s.podcast !== undefined) problems.push(...podcastProblems(s.podcast), ...podcastNameProblems(s));
  if (s.extensions !== undefined && s.extensions !== null) {
    const namespaces = typeof s.namespaces === 'object' && s.namespaces !== null ? Object.keys(s.namespaces) : [];
    try {
      readExtensions(s.extensions, 'extensions', new Set([...namespaces, ...Object.keys(KNOWN_NAMESPACES)]));
    } catch (error) {
      if (!(error instanceof StoryfeedError)) throw error;
      // `extensions.xml["x:y"] must be …` → `extensions.xml["x:y"]: must be …`
      const at = error.detail.indexOf(' ');
      problems.push(`${error.detail.slice(0, at)}: ${error.detail.slice(at + 1)}`);
    }
  }
  let language = DEFAULT_LANGUAGE;
  if (typeof s.language === 'string') {
    const tag = canonicalLanguage(s.language);
    if (tag) language = tag;
    else problems.push(`language: ${notALanguageTag(s.language)}`);
  }
  if (problems.length) throw new StoryfeedError('E_CONFIG', `the site settings are invalid: ${problems.join('; ')}`, { problems });
  const copy = s as unknown as SiteConfig;
  const resolved: ResolvedSite = {
    ...copy,
    description: copy.description ?? copy.title,
    language,
    // Emails as feeds carry them: a domain in another script is written in ASCII (checked above).
    authors: (copy.authors ?? []).map((author) => withFeedEmail(withFeedLinks(author))),
  };
  // Addresses as feeds carry them (`[` and `]` percent-encoded), as a configuration file's are.
  for (const key of ['siteUrl', 'feedBaseUrl', 'icon', 'favicon', 'logo', 'hub'] as const) {
    const value = resolved[key];
    if (value !== undefined) resolved[key] = feedHrefOf(value);
  }
  const podcast = copy.podcast && { ...copy.podcast, image: feedHrefOf(copy.podcast.image) };
  if (podcast) resolved.podcast = podcast;
  // `explicit` as a word (`"no"`, `"clean"`) is published as the flag it stands for.
  const explicit = podcast && typeof podcast.explicit !== 'boolean' ? showExplicit(podcast.explicit) : undefined;
  if (podcast && explicit !== undefined) resolved.podcast = { ...podcast, explicit };
  if (podcast && (podcast.owner || podcast.lockedOwner !== undefined)) {
    resolved.podcast = { ...podcast, ...(explicit !== undefined ? { explicit } : {}) };
    if (podcast.owner) resolved.podcast.owner = withFeedEmail(podcast.owner);
    if (podcast.lockedOwner !== undefined) resolved.podcast.lockedOwner = feedEmailAddress(podcast.lockedOwner) ?? podcast.lockedOwner;
  }
  return resolved;
}

/** Base against which a relative stylesheet path is checked. */
const RELATIVE_BASE = 'https://relative.invalid/';

/** Deepest nesting read from a site object (podcast and extension objects sit a few levels down). */
const MAX_SITE_DEPTH = 64;

function readable(read: () => boolean): boolean {
  try {
    return read();
  } catch {
    return false;
  }
}

/**
 * A plain-data copy of one setting (`podcast`, `extensions`…) for a configuration loader: no
 * getter, proxy, cycle or nesting deeper than the site allows gets past it, and each problem names
 * its path (`podcast.categories[0].text: cannot be read: …`).
 */
export function copySetting(value: unknown, path: string): { value: unknown; problems: string[] } {
  const problems: string[] = [];
  const copy = snapshot(value, path, 1, new Set(), problems);
  return { value: copy, problems };
}

/**
 * A plain-data copy of the site's plain objects and lists (dates, functions and class instances
 * are kept as they are); each problem reading it is pushed, naming its path.
 */
function snapshot(value: unknown, path: string, depth: number, open: Set<object>, problems: string[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const at = (key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  const where = path || '(site)';
  if (depth > MAX_SITE_DEPTH) {
    problems.push(`${where}: is nested more than ${MAX_SITE_DEPTH} levels deep`);
    return undefined;
  }
  if (open.has(value)) {
    problems.push(`${where}: refers back to an object that contains it (a cycle)`);
    return undefined;
  }
  try {
    if (Array.isArray(value)) {
      open.add(value);
      const out: unknown[] = [];
      const length = value.length;
      for (let i = 0; i < length; i++) {
        if (!(i in value)) {
          problems.push(`${at(i)}: is an empty slot: the list is sparse`);
          break;
        }
        out.push(snapshot(value[i], at(i), depth + 1, open, problems));
      }
      open.delete(value);
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    open.add(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      let field: unknown;
      try {
        field = (value as Record<string, unknown>)[key];
      } catch (cause) {
        problems.push(`${at(key)}: ${unreadable(cause)}`);
        continue;
      }
      Object.defineProperty(out, key, { value: snapshot(field, at(key), depth + 1, open, problems), enumerable: true, writable: true, configurable: true });
    }
    open.delete(value);
    return out;
  } catch (cause) {
    problems.push(`${where}: ${unreadable(cause)}`);
    return undefined;
  }
}

function authorProblems(value: unknown): string[] {
  if (!Array.isArray(value)) return [`authors: must be a list of { name, email?, url? }, found ${describeValue(value)}`];
  const out: string[] = [];
  value.forEach((a: unknown, i) => {
    const at = `authors[${i}]`;
    if (typeof a !== 'object' || a === null || Array.isArray(a) || typeof (a as Author).name !== 'string') {
      out.push(`${at}: must be { name, email?, url? }, found ${describeValue(a)}`);
      return;
    }
    const { email, url, avatar } = a as Author & Record<string, unknown>;
    if (email !== undefined && (typeof email !== 'string' || !isEmailAddress(email))) out.push(`${at}.email: ${NOT_A_FEED_EMAIL}: ${describeValue(email)}`);
    for (const [key, link] of [
      ['url', url],
      ['avatar', avatar],
    ] as const) {
      if (link !== undefined && (typeof link !== 'string' || !isHttpUrl(link))) out.push(`${at}.${key}: must be an absolute http(s) URL, found ${describeValue(link)}`);
    }
  });
  return out;
}

/** Default output file names. */
export const DEFAULT_OUTPUTS: Readonly<Record<FeedFormat, string>> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** The file name of each format: the site's `outputs` where they give one, else {@link DEFAULT_OUTPUTS} (a format given as `undefined` keeps its default). */
export function outputNames(outputs: SiteConfig['outputs']): Record<FeedFormat, string> {
  return { rss: outputs?.rss ?? DEFAULT_OUTPUTS.rss, atom: outputs?.atom ?? DEFAULT_OUTPUTS.atom, json: outputs?.json ?? DEFAULT_OUTPUTS.json };
}

/** What is wrong with a site's `outputs` (each a plain file name, by format), one line each: none when they are right. */
export function outputProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`outputs: must be an object like {"rss": "rss.xml"}, found ${describeValue(value)}`];
  const out: string[] = [];
  for (const [key, name] of Object.entries(value)) {
    if (key !== 'rss' && key !== 'atom' && key !== 'json') out.push(`outputs.${key}: is not a format (the formats are rss, atom and json)`);
    else if (name !== undefined && (typeof name !== 'string' || !/^[\w][\w.-]*$/.test(name)))
      out.push(`outputs.${key}: must be a plain file name such as ${key === 'json' ? 'feed.json' : `${key}.xml`}, found ${describeValue(name)}`);
  }
  if (out.length === 0) {
    // Two formats written to one file would overwrite each other (a configuration file's outputs are held to the same),
    // and names that differ only in case are one file where case is ignored (macOS, Windows).
    const names = outputNames(value as SiteConfig['outputs']);
    const seen = new Map<string, FeedFormat>();
    for (const format of ['rss', 'atom', 'json'] as const) {
      const other = seen.get(names[format].toLowerCase());
      if (other === undefined) seen.set(names[format].toLowerCase(), format);
      else if (names[other] === names[format]) out.push(`outputs.${format}: ${describeValue(names[format])} is already the ${other} feed's file: each format needs its own`);
      else
        out.push(
          `outputs.${format}: ${describeValue(names[format])} is already the ${other} feed's file (${describeValue(names[other])}) on a file system that ignores case: each format needs a name of its own, not only in case`,
        );
    }
  }
  return out;
}

/**
 * An absolute http(s) URL (checked) as feeds carry it: `[` and `]` after the host percent-encoded (see
 * {@link feedHref}); text without them stays exactly as given.
 */
function feedHrefOf(value: string): string {
  return value.includes('[') || value.includes(']') ? feedHref(new URL(value)) : value;
}

/** An author's `url` and `avatar` (checked) as feeds carry them. */
function withFeedLinks(author: Author): Author {
  const links = author as Author & { avatar?: string };
  if (links.url === undefined && links.avatar === undefined) return author;
  return {
    ...author,
    ...(links.url !== undefined ? { url: feedHrefOf(links.url) } : {}),
    ...(links.avatar !== undefined ? { avatar: feedHrefOf(links.avatar) } : {}),
  } as Author;
}

function isHttpUrl(value: string, base?: string): boolean {
  try {
    const url = new URL(value, base);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const XML_NAME = /^[A-Za-z_][\w.-]*$/;
/** Prefixes storyfeed writes itself with fixed namespaces; a site may not rebind them. */
const RESERVED_PREFIXES = new Set(['xml', 'xmlns', 'atom', 'content', 'fh']);

function namespaceProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`namespaces: must map prefixes to namespace URIs, found ${describeValue(value)}`];
  const out: string[] = [];
  for (const [prefix, uri] of Object.entries(value)) {
    if (!XML_NAME.test(prefix) || prefix.includes(':') || RESERVED_PREFIXES.has(prefix.toLowerCase())) out.push(`namespaces.${prefix}: is not a prefix a site may declare`);
    else if (typeof uri !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(uri)) out.push(`namespaces.${prefix}: must be an absolute URI, found ${describeValue(uri)}`);
  }
  return out;
}

/** The most characters of `itunes:author` and an owner's `itunes:name` (Apple's limit, which the W3C validator checks). */
const MAX_PODCAST_NAME = 255;

/**
 * Names a podcast's channel carries over {@link MAX_PODCAST_NAME} characters (code points): `podcast.author`,
 * `podcast.owner.name`, and without an author the site's authors' names, joined (else its title), which
 * `itunes:author` then carries. A feed holding one would fail its own verification.
 */
function podcastNameProblems(s: Record<string, unknown>): string[] {
  const p = s.podcast;
  if (typeof p !== 'object' || p === null) return [];
  const { author, owner } = p as { author?: unknown; owner?: unknown };
  const out: string[] = [];
  const chars = (text: string): number => [...text].length;
  if (typeof author === 'string' && chars(author) > MAX_PODCAST_NAME)
    out.push(`podcast.author: at most ${MAX_PODCAST_NAME} characters (Apple's limit for itunes:author), found ${chars(author)}`);
  const name = typeof owner === 'object' && owner !== null ? (owner as { name?: unknown }).name : undefined;
  if (typeof name === 'string' && chars(name) > MAX_PODCAST_NAME)
    out.push(`podcast.owner.name: at most ${MAX_PODCAST_NAME} characters (Apple's limit for itunes:name), found ${chars(name)}`);
  if (author === undefined) {
    const names = Array.isArray(s.authors) ? s.authors.map((a) => (typeof a === 'object' && a !== null && typeof a.name === 'string' ? a.name : '')).filter(Boolean) : [];
    const derived = names.join(', ') || (typeof s.title === 'string' ? s.title : '');
    if (chars(derived) > MAX_PODCAST_NAME)
      out.push(
        `podcast.author: is needed: without it, itunes:author is the ${names.length ? "site's authors' names" : "site's title"}, ${chars(derived)} characters, over Apple's limit of ${MAX_PODCAST_NAME}`,
      );
  }
  return out;
}

/**
 * A UUID as `podcast:guid` holds it: 32 hexadecimal digits in groups of 8-4-4-4-12. Apps and directories
 * read any other value as no guid, and take the show for another one when its feed moves.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PODCAST_FIELDS = new Set(['image', 'categories', 'explicit', 'author', 'owner', 'type', 'guid', 'locked', 'lockedOwner']);

/** The show's `explicit` setting as a flag (see {@link explicitFlag}), or `undefined` when it is missing or no such word. */
function showExplicit(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return explicitFlag(value, 'podcast.explicit');
  } catch {
    return undefined;
  }
}

function podcastProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [`podcast: must be an object, found ${describeValue(value)}`];
  const p = value as Partial<PodcastChannel> & Record<string, unknown>;
  const out: string[] = [];
  if (typeof p.image !== 'string' || !isHttpUrl(p.image)) out.push('podcast.image: the show artwork URL is required (Apple Podcasts requires itunes:image)');
  else {
    const artwork = podcastArtworkProblem(p.image);
    if (artwork) out.push(`podcast.image: ${artwork}`);
  }
  if (
    !Array.isArray(p.categories) ||
    p.categories.length === 0 ||
    p.categories.some((c) => typeof c !== 'object' || c === null || typeof c.text !== 'string' || !c.text || (c.subcategory !== undefined && typeof c.subcategory !== 'string'))
  ) {
    out.push('podcast.categories: at least one { text, subcategory? } is required (Apple Podcasts requires itunes:category)');
  } else {
    p.categories.forEach((c, i) => {
      const problem = podcastCategoryProblem(c.text, c.subcategory);
      if (problem) out.push(`podcast.categories[${i}]: ${problem}`);
    });
  }
  if (showExplicit(p.explicit) === undefined) out.push('podcast.explicit: true or false (or "yes", "no" or "clean") is required (Apple Podcasts requires itunes:explicit)');
  if (p.type !== undefined && p.type !== 'episodic' && p.type !== 'serial') out.push('podcast.type: must be "episodic" or "serial"');
  if (p.owner !== undefined && (typeof p.owner !== 'object' || p.owner === null || typeof p.owner.name !== 'string' || typeof p.owner.email !== 'string'))
    out.push('podcast.owner: must be { name, email }');
  if (p.locked !== undefined && typeof p.locked !== 'boolean') out.push('podcast.locked: must be true or false');
  for (const key of ['author', 'guid', 'lockedOwner'] as const) {
    if (p[key] !== undefined && typeof p[key] !== 'string') out.push(`podcast.${key}: must be text, found ${describeValue(p[key])}`);
  }
  if (p.owner !== undefined && typeof p.owner === 'object' && p.owner !== null && !isEmailAddress(String(p.owner.email)))
    out.push(`podcast.owner.email: ${NOT_A_FEED_EMAIL}: ${describeValue(p.owner.email)}`);
  if (typeof p.lockedOwner === 'string' && !isEmailAddress(p.lockedOwner)) out.push(`podcast.lockedOwner: ${NOT_A_FEED_EMAIL}: ${describeValue(p.lockedOwner)}`);
  if (typeof p.guid === 'string' && !UUID.test(p.guid))
    out.push(
      `podcast.guid: must be a UUID such as "917393e3-1b1e-5cef-ace4-edaa54e1f810" (the podcast namespace's UUIDv5 of the feed URL without its scheme), found ${describeValue(p.guid)}`,
    );
  for (const key of Object.keys(p)) if (!PODCAST_FIELDS.has(key)) out.push(`podcast.${key}: is not a podcast setting`);
  return out;
}
