import { NOT_A_FEED_EMAIL, isEmailAddress } from '../email-address.js';
import { describeValue, StoryfeedError } from '../errors.js';
import { isKnownTimeZone, parseIsoDate } from '../seed/dates.js';
import { canonicalLanguage, notALanguageTag } from './language-tag.js';

/**
 * Checks of the arguments of `parseSeed`, `readSeed`, `normalizeStory` and `renderMarkdown`, for
 * plain JavaScript callers: a wrong value is an `E_ITEM` error naming the argument or option
 * (`options.site.storyPath must be text…`), never a `TypeError` from deep inside the parser.
 */

function fail(path: string, message: string): never {
  throw new StoryfeedError('E_ITEM', `${path} ${message}`);
}

/** Whether `value` is a JSON-like object: not a list, not `null`. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The seed's text. */
export function checkText(value: unknown, path: string): void {
  if (typeof value !== 'string') fail(path, `must be the seed's text (a string), found ${describeValue(value)}`);
}

function optionalText(value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'string') fail(path, `must be text, found ${describeValue(value)}`);
}

/** The options `readSeed` reads: file, format, time zone, sidecar, onWarning. */
export function checkReadOptions(options: unknown, path = 'options'): void {
  if (options === undefined) return;
  if (!isObject(options)) fail(path, `must be an object, found ${describeValue(options)}`);
  optionalText(options.file, `${path}.file`);
  if (options.format !== undefined && options.format !== 'text' && options.format !== 'markdown' && options.format !== 'json')
    fail(`${path}.format`, `must be "text", "markdown" or "json", found ${describeValue(options.format)}`);
  checkTimeZone(options.timeZone, `${path}.timeZone`);
  if (options.sidecar !== undefined && !isObject(options.sidecar)) fail(`${path}.sidecar`, `must be an object of story fields, found ${describeValue(options.sidecar)}`);
  if (options.isSeedFile !== undefined && typeof options.isSeedFile !== 'function') fail(`${path}.isSeedFile`, `must be a function, found ${describeValue(options.isSeedFile)}`);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') fail(`${path}.onWarning`, `must be a function, found ${describeValue(options.onWarning)}`);
  optionalText(options.siteUrl, `${path}.siteUrl`);
  optionalText(options.namePath, `${path}.namePath`);
  if (options.jekyllPost !== undefined && typeof options.jekyllPost !== 'boolean') fail(`${path}.jekyllPost`, `must be true or false, found ${describeValue(options.jekyllPost)}`);
  if (options.inPostsFolder !== undefined && typeof options.inPostsFolder !== 'boolean')
    fail(`${path}.inPostsFolder`, `must be true or false, found ${describeValue(options.inPostsFolder)}`);
  if (options.obsidianVault !== undefined && typeof options.obsidianVault !== 'boolean')
    fail(`${path}.obsidianVault`, `must be true or false, found ${describeValue(options.obsidianVault)}`);
  const max = options.maxSeedBytes;
  if (max !== undefined && !(typeof max === 'number' && Number.isSafeInteger(max) && max > 0))
    fail(`${path}.maxSeedBytes`, `must be a whole number of bytes above 0, found ${describeValue(max)}`);
}

/**
 * Frozen lists of seed paths found good: a build gives every seed the same frozen list, checked once, not once a
 * seed. A list that can change is checked at every call.
 */
const CHECKED_PATH_LISTS = new WeakSet<object>();

/** A list of seed paths (`notionTwins`, `translations`), each text. */
function checkSeedPaths(value: unknown, path: string): void {
  if (value === undefined || (typeof value === 'object' && value !== null && CHECKED_PATH_LISTS.has(value))) return;
  if (!Array.isArray(value) || value.some((t: unknown) => typeof t !== 'string')) fail(path, `must be a list of seed paths, found ${describeValue(value)}`);
  if (Object.isFrozen(value)) CHECKED_PATH_LISTS.add(value);
}

/** `languageFolders`: a list of `{ folder, language, path? }`, each language a language tag. */
function checkLanguageFolders(value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail(path, `must be a list of { folder, language, path? }, found ${describeValue(value)}`);
  value.forEach((entry: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(entry)) fail(at, `must be { folder, language, path? }, found ${describeValue(entry)}`);
    if (typeof entry.folder !== 'string' || entry.folder === '') fail(`${at}.folder`, `must be a folder's path as text, found ${describeValue(entry.folder)}`);
    if (typeof entry.language !== 'string' || !canonicalLanguage(entry.language)) fail(`${at}.language`, `must be a language tag, found ${describeValue(entry.language)}`);
    if (entry.path !== undefined && (typeof entry.path !== 'string' || !/^[A-Za-z0-9-]+$/.test(entry.path)))
      fail(`${at}.path`, `must be a path of letters, digits and hyphens, found ${describeValue(entry.path)}`);
  });
}

/** The options `normalizeStory` reads: the site, time zone, fallback date, analysis switch. */
export function checkStoryOptions(options: unknown, path = 'options'): void {
  if (!isObject(options)) fail(path, `must be an object with at least { site: { siteUrl } }, found ${describeValue(options)}`);
  checkTimeZone(options.timeZone, `${path}.timeZone`);
  const fallback = options.fallbackDate;
  if (fallback !== undefined && (!(fallback instanceof Date) || Number.isNaN(fallback.getTime())))
    fail(`${path}.fallbackDate`, `must be a valid Date, found ${describeValue(fallback)}`);
  if (options.analysis !== undefined && typeof options.analysis !== 'boolean') fail(`${path}.analysis`, `must be true or false, found ${describeValue(options.analysis)}`);
  optionalText(options.namePath, `${path}.namePath`);
  if (options.seedsFolderTop !== undefined && typeof options.seedsFolderTop !== 'boolean')
    fail(`${path}.seedsFolderTop`, `must be true or false, found ${describeValue(options.seedsFolderTop)}`);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') fail(`${path}.onWarning`, `must be a function, found ${describeValue(options.onWarning)}`);
  checkLanguageFolders(options.languageFolders, `${path}.languageFolders`);
  checkSeedPaths(options.notionTwins, `${path}.notionTwins`);
  checkSeedPaths(options.translations, `${path}.translations`);
  const site = options.site;
  const at = `${path}.site`;
  if (!isObject(site)) fail(at, `must be an object with at least { siteUrl }, found ${describeValue(site)}`);
  if (typeof site.siteUrl !== 'string') fail(`${at}.siteUrl`, `must be the site's http(s) URL as text, found ${describeValue(site.siteUrl)}`);
  for (const key of ['storyPath', 'defaultDate', 'language', 'timeZone'] as const) optionalText(site[key], `${at}.${key}`);
  if (typeof site.language === 'string' && !canonicalLanguage(site.language)) fail(`${at}.language`, notALanguageTag(site.language));
  checkTimeZone(site.timeZone, `${at}.timeZone`);
  if (typeof site.defaultDate === 'string') {
    const parsed = parseIsoDate(site.defaultDate);
    if (!parsed.ok) fail(`${at}.defaultDate`, parsed.reason);
  }
  for (const [key, min, max] of [
    ['entityTags', 0, 1_000],
    ['defaultYear', 1, 9999],
  ] as const) {
    const value = site[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max))
      fail(`${at}.${key}`, `must be a whole number from ${min} to ${max}, found ${describeValue(value)}`);
  }
  if (site.entities !== undefined && typeof site.entities !== 'boolean') fail(`${at}.entities`, `must be true or false, found ${describeValue(site.entities)}`);
  if (site.authorProfiles !== undefined && !isObject(site.authorProfiles))
    fail(`${at}.authorProfiles`, `must be an object of authors by id, found ${describeValue(site.authorProfiles)}`);
  if (site.authors !== undefined) {
    if (!Array.isArray(site.authors)) fail(`${at}.authors`, `must be a list of { name, email?, url? }, found ${describeValue(site.authors)}`);
    site.authors.forEach((a: unknown, i) => {
      if (!isObject(a) || typeof a.name !== 'string') fail(`${at}.authors[${i}]`, `must be { name, email?, url? }, found ${describeValue(a)}`);
      if (a.email !== undefined && (typeof a.email !== 'string' || !isEmailAddress(a.email))) fail(`${at}.authors[${i}].email`, `${NOT_A_FEED_EMAIL}: ${describeValue(a.email)}`);
    });
  }
}

/** A seed article as `readSeed` returns it. */
export function checkSeedArticle(seed: unknown, path = 'seed'): void {
  if (!isObject(seed)) fail(path, `must be a seed article (what readSeed returns), found ${describeValue(seed)}`);
  if (!isObject(seed.meta)) fail(`${path}.meta`, `must be an object of story fields, found ${describeValue(seed.meta)}`);
  if (typeof seed.title !== 'string') fail(`${path}.title`, `must be text, found ${describeValue(seed.title)}`);
  if (!Array.isArray(seed.sections)) fail(`${path}.sections`, `must be a list of sections, found ${describeValue(seed.sections)}`);
  if (!Array.isArray(seed.byline)) fail(`${path}.byline`, `must be a list of authors, found ${describeValue(seed.byline)}`);
  optionalText(seed.file, `${path}.file`);
  optionalText(seed.html, `${path}.html`);
  optionalText(seed.excerpt, `${path}.excerpt`);
}

function checkTimeZone(value: unknown, path: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !isKnownTimeZone(value)) fail(path, `must be an IANA time zone such as UTC or Europe/Kyiv, found ${describeValue(value)}`);
}
