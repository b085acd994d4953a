import { collapseSpace, showsNothing } from '../white-space.js';
import { NOT_A_FEED_EMAIL, feedEmailAddress } from '../email-address.js';
import { describeValue, StoryfeedError, warning, type Diagnostic } from '../errors.js';
import type { AnalysisInput, AnalysisOptions, ArticleAnalysis } from '../story/analysis/index.js';
import { htmlBlocks, htmlText } from '../story/html-text.js';
import { type SanitizedHtml, sanitizeStoryHtml, sectionsToHtml, sectionsToText } from '../story/html.js';
import { canonicalLanguage, notALanguageTag } from '../story/language-tag.js';
import { summarize } from '../story/summary.js';
import type { Author, Enclosure, EpisodeInfo, Extensions, ResolvedSite, Section, SiteConfig, Story, StoryImage } from '../types.js';
import { asResolvedSite } from '../feed/site.js';
import { codePointName, describeRemoved, removeIllegalXmlChars } from '../xml-chars.js';
import { windows1252Character } from '../html/entities.js';
import { countWords, WORDS_PER_MINUTE } from '../story/reading-time.js';
import { KNOWN_NAMESPACES } from '../namespaces.js';
import {
  type AstroRssItem,
  categoryTags,
  feedPackageEnclosures,
  type FeedPackageItem,
  isJsonFeedItem,
  itunesEpisode,
  JSON_FEED_NAMES,
  jsonFeedAttachments,
  fromWordPress,
  type GivenField,
  givenField,
  type WordPressPost,
} from './other-libraries.js';
import * as read from './fields.js';
import { bodyText, isRichTextDocument } from './rich-text.js';
import { fromGhost, GHOST_HTML_REQUIRED, GHOST_NAMES, isGhostPost } from './ghost-post.js';
import { isFeedDate, lostDateReason, parseDate } from '../seed/dates.js';
import { checkSeedStructure, DEFAULT_MAX_SEED_BYTES, seedUnitLimit, type StructureCount } from '../seed/structure-limit.js';
import { MAX_STORY_AUTHORS, MAX_STORY_TAGS, tooManyOf } from '../story-limits.js';

/**
 * The item stage: a plain item (what a CMS or database has) → a {@link Story}, validated field by
 * field. No text analysis runs unless asked (`analyze: true`): the item's own tags are its tags.
 */

/** An item as a CMS, a database or a script has it. Only `url` is required (and `title` or a body). */
export interface PlainItem {
  /** Stable absolute URI; default `url`. */
  id?: string;
  /** Canonical URL (absolute, or a path relative to `siteUrl`). */
  url: string;
  /** URL of the page the item is about, elsewhere (JSON Feed `external_url`). */
  externalUrl?: string;
  /** Headline as plain text. */
  title?: string;
  /** Short plain-text summary; default: the first sentences of the body. */
  summary?: string;
  /** Body as HTML (sanitized: scripts, handlers and `javascript:` URLs are removed). */
  contentHtml?: string;
  /** Body as Markdown (used when there is no `contentHtml`). */
  contentMarkdown?: string;
  /** Body as plain text, paragraphs separated by blank lines (used when there is no HTML or Markdown). */
  contentText?: string;
  /** First publication: a `Date` or an ISO 8601 string. */
  published?: Date | string;
  /** Last change: a `Date` or an ISO 8601 string; default `published`. */
  updated?: Date | string;
  /** Authors: names, or `{ name, email, url, avatar }`; default: the site's authors. */
  authors?: (string | Author)[];
  /** Category terms. */
  tags?: string[];
  /** Lead image: a URL, or `{ url, type }`. */
  image?: string | StoryImage;
  /** Wide banner image URL (JSON Feed `banner_image`). */
  banner?: string;
  /** BCP 47 language of the item; default the site's. */
  language?: string;
  /** Attached files (podcast audio, video, documents). */
  enclosures?: Enclosure[];
  /** Podcast episode fields (iTunes and `podcast:` namespaces). */
  episode?: EpisodeInfo;
  /** Custom namespaced elements (RSS, Atom) and `_name` objects (JSON Feed). */
  extensions?: Extensions;
  /** Left out of the feeds when `true`. */
  draft?: boolean;
  /** URL-safe slug (letters, digits and hyphens); default from the last segment of the URL's path. */
  slug?: string;
}

/** What the feed functions accept: plain items (storyfeed's, as the `feed` package or `@astrojs/rss` take them, or WordPress posts), normalized stories, or these mixed. */
export type FeedInput = PlainItem | FeedPackageItem | AstroRssItem | WordPressPost | Story;

export type { AstroRssItem, FeedPackageEnclosure, FeedPackageItem, WordPressPost } from './other-libraries.js';

/** The story analyser (`analyzeArticle` from `storyfeed/story`). */
export type ArticleAnalyzer = (input: AnalysisInput, options?: AnalysisOptions) => ArticleAnalysis;

/** A Markdown renderer (`renderMarkdown` from `storyfeed/story`): HTML (sanitized later) and the text's sections. */
export type MarkdownRenderer = (markdown: string) => { html: string; sections: Section[] };

/** Options for {@link itemToStory} and {@link toStories}. */
export interface ItemOptions {
  /**
   * Runs quotation, source and entity analysis on plain items: pass `analyzeArticle` from
   * `storyfeed/story` (default: no analysis; the analyser and its word lists stay out of the core).
   */
  analyze?: ArticleAnalyzer;
  /**
   * Renders `contentMarkdown`: pass `renderMarkdown` from `storyfeed/story` (Markdown support
   * stays out of the core, so the core loads no Markdown parser).
   */
  markdown?: MarkdownRenderer;
  /** Date for items that give none (e.g. the date they were first published, from a manifest). */
  fallbackDate?: Date;
  /**
   * Largest body an item may give, in UTF-8 bytes: each of `contentHtml`, `contentMarkdown`, `contentText`,
   * and a summary that stands for the body (default 5 MB, a seed file's size cap). Its lines, marks of
   * Markdown, HTML start tags and their attributes are limited to one per 25 of these bytes, as a seed's
   * are: normalizing takes memory for each (20 MB of `<p>a</p>` took 900 MB, one tag of 5 MB of
   * attributes 450 MB). Over it: `E_TOO_LARGE` naming the field.
   */
  maxContentBytes?: number;
  /** Receives non-fatal problems (unsafe HTML removed). */
  onWarning?: (d: Diagnostic) => void;
}

/** `true` for a normalized {@link Story} (it has sections and entities), `false` for a plain item. */
export function isStory(value: FeedInput): value is Story {
  const v = value as Partial<Story> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.sections) && typeof v.entities === 'object' && v.published instanceof Date;
}

/** Stories as they are; plain items converted with {@link itemToStory}. Anything else is an `E_ITEM` error. */
export function toStories(inputs: readonly FeedInput[], siteSettings: ResolvedSite | SiteConfig, given: ItemOptions = {}): Story[] {
  // Read as the feed calls read theirs: `null` is none, anything but an object is `E_ITEM` naming `options`.
  const options = read.options(given);
  read.checkOptions(options as Record<string, unknown>);
  const site = asResolvedSite(siteSettings);
  const list = read.list(inputs, 'items', 'a list of items or stories');
  return convertItems(list, options, (input, i, build) => (readsAsStory(input) ? checkStory(input as Story, i, site) : convertItem(input, i, site, options, build)));
}

const STORY_TEXT_FIELDS = ['id', 'slug', 'url', 'title', 'summary', 'language', 'contentHtml', 'contentText'] as const;

/**
 * A value shaped like a {@link Story} (sections, entities, a `published` Date) is published as it
 * is, so its fields are checked first: a hand-made or edited Story with a number for a title or a
 * relative URL is an `E_ITEM` error naming the field, never a `TypeError` while rendering.
 */
function checkStory(story: Story, index: number, site: ResolvedSite): Story {
  try {
    return checkStoryFields(story, index, site);
  } catch (error) {
    // A Story read from a seed is named by its file, as every other problem with it is.
    const file = (story as { file?: unknown }).file;
    if (error instanceof StoryfeedError && typeof file === 'string') throw error.inFile(file);
    throw error;
  }
}

function checkStoryFields(story: Story, index: number, site: ResolvedSite): Story {
  // Paths are made for a problem only: a feed set checks every story of the archive, most of them fine.
  const at = (field: string): string => `items[${index}].${field}`;
  const r = story as unknown as Record<string, unknown>;
  for (const key of STORY_TEXT_FIELDS) {
    if (typeof r[key] !== 'string')
      read.fail(at(key), `must be text, found ${describeValue(r[key])} (the item is read as a Story: it has sections, entities and a published Date)`);
  }
  // Only what would break rendering: a Story was made by storyfeed or by a caller who owns its rules.
  read.itemId(story.id, at('id'), false);
  const base = site.siteUrl.endsWith('/') ? site.siteUrl : `${site.siteUrl}/`;
  if (!story.url.startsWith(onSitePrefix(site, base)) && !isAbsoluteHttpUrl(story.url))
    read.fail(at('url'), `${describeValue(story.url)} must be an absolute http(s) URL (a Story's URL is already resolved)`);
  // A date read.date would take as it is is not copied to be thrown away.
  if (!isFeedDateValue(story.published)) read.date(story.published, at('published'), undefined);
  // An undated Story carries a stand-in (0) the feed stage refuses with its own message.
  const lost = story.undated ? undefined : lostDateReason(story.published);
  if (lost) read.fail(at('published'), lost);
  if (!(story.updated instanceof Date)) read.fail(at('updated'), `must be a Date, found ${describeValue(story.updated)}`);
  if (!isFeedDateValue(story.updated)) read.date(story.updated, at('updated'), undefined);
  if (!canonicalLanguage(story.language)) read.fail(at('language'), notALanguageTag(story.language));
  if (!Array.isArray(story.tags)) read.fail(at('tags'), `must be a list of text, found ${describeValue(story.tags)}`);
  if (!isTextList(story.tags)) read.tags(story.tags, at('tags'));
  if (story.tags.length > MAX_STORY_TAGS) read.fail(at('tags'), tooManyOf('tags', story.tags.length));
  if (!Array.isArray(story.authors)) read.fail(at('authors'), `must be a list of { name, email?, url? }, found ${describeValue(story.authors)}`);
  if (story.authors.length > MAX_STORY_AUTHORS) read.fail(at('authors'), tooManyOf('authors', story.authors.length));
  story.authors.forEach((a, i) => {
    if (typeof a !== 'object' || a === null || typeof a.name !== 'string') read.fail(at(`authors[${i}]`), `must be { name, email?, url? }, found ${describeValue(a)}`);
    if (a.email !== undefined) checkStoryEmail(a.email, at(`authors[${i}].email`));
  });
  if (typeof story.draft !== 'boolean' && story.draft !== undefined) read.fail(at('draft'), `must be true or false, found ${describeValue(story.draft)}`);
  if (story.file !== undefined && typeof story.file !== 'string') read.fail(at('file'), `must be text, found ${describeValue(story.file)}`);
  if (story.draftBy !== undefined && typeof story.draftBy !== 'string') read.fail(at('draftBy'), `must be text, found ${describeValue(story.draftBy)}`);
  if (story.image !== undefined) itemImage(story.image, at('image'), base);
  // Most stories have none of these: the readers take `undefined` as absent, so they are not called for it.
  if (story.externalUrl !== undefined) read.httpUrl(story.externalUrl, at('externalUrl'), base);
  if (story.banner !== undefined) read.httpUrl(story.banner, at('banner'), base);
  if (story.enclosures !== undefined) read.enclosures(story.enclosures, at('enclosures'), base);
  if (story.episode !== undefined) read.episode(story.episode, at('episode'), base);
  // Most stories carry no extensions: the set of declared prefixes is made only for those that do.
  if (story.extensions !== undefined && story.extensions !== null) read.readExtensions(story.extensions, at('extensions'), declaredPrefixes(site));
  return story;
}

/** A Story's author email, published as it is: it must already be as feeds carry it. */
function checkStoryEmail(email: unknown, path: string): void {
  if (typeof email !== 'string') return read.fail(path, `must be text, found ${describeValue(email)}`);
  const feedForm = feedEmailAddress(email);
  if (feedForm === email) return;
  read.fail(
    path,
    feedForm === undefined ? `${describeValue(email)} ${NOT_A_FEED_EMAIL}` : `${describeValue(email)} must have its domain in ASCII, as feeds carry it: ${describeValue(feedForm)}`,
  );
}

/** A Date {@link read.date} accepts as it is (valid, years 0000 to 9999). */
function isFeedDateValue(value: unknown): boolean {
  const time = read.dateTime(value);
  return time !== undefined && !Number.isNaN(time) && isFeedDate(new Date(time));
}

/**
 * A plain list of text without holes, read without copying it; anything else (a hole, a getter that
 * throws, a value that is not text) is left to {@link read.tags}, which names what is wrong.
 */
function isTextList(list: unknown[]): boolean {
  try {
    for (let i = 0; i < list.length; i++) if (!(i in list) || typeof list[i] !== 'string') return false;
    return true;
  } catch {
    return false;
  }
}

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** {@link onSitePrefix} by site, worked out once. */
const ON_SITE_PREFIXES = new WeakMap<ResolvedSite, string>();

/**
 * The site's address with its `/` (`base`), when any text starting with it is an absolute http(s) URL without
 * a user name or password: the address's own part up to its path can no longer change. Stories made by a build
 * all start with it, and checking theirs no longer parses 10,000 URLs. Otherwise an impossible prefix.
 */
function onSitePrefix(site: ResolvedSite, base: string): string {
  let prefix = ON_SITE_PREFIXES.get(site);
  if (prefix === undefined) {
    // A base whose address ends at its `/` (or earlier, at `?` or `#`): what follows is path, query or fragment.
    prefix = isAbsoluteHttpUrl(base) && /^https?:\/\/[^/?#\\]+[/?#]/i.test(base) ? base : '\0';
    ON_SITE_PREFIXES.set(site, prefix);
  }
  return prefix;
}

/** {@link isStory}, where a value whose fields cannot be read is no Story (the item stage then names the field). */
function readsAsStory(value: unknown): boolean {
  try {
    return isStory(value as FeedInput);
  } catch {
    return false;
  }
}

/**
 * Converts and validates one plain item; problems are `E_ITEM` errors naming `items[index].field`.
 * `site` is the site settings (as every feed call takes them) or {@link resolveSite}'s result.
 */
export function itemToStory(input: unknown, index: number, site: ResolvedSite | SiteConfig, given: ItemOptions = {}): Story {
  const options = read.options(given);
  read.checkOptions(options as Record<string, unknown>);
  const resolved = asResolvedSite(site);
  return convertItems([input], options, (item, _, build) => convertItem(item, index, resolved, options, build))[0]!;
}

/**
 * `true` when `text` keeps something a reader sees once the characters XML forbids are removed: not only white
 * space and invisible characters (zero-width spaces, soft hyphens, bidi marks: see `showsNothing`).
 */
function carriesText(text: string): boolean {
  // removeIllegalXmlChars gives clean text back as it is, after one quick scan.
  return !showsNothing(removeIllegalXmlChars(text).text);
}

/** A C1 control character (U+0080–U+009F). */
const C1_CONTROL = /[\u0080-\u009f]/;
const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Text of an item's with its C1 controls (Windows-1252 text decoded as Latin-1: `Don\u0092t`) as the
 * characters they stand for (`Don’t`), the five Windows-1252 leaves undefined removed; `changed` collects
 * what was replaced, for the item's one warning.
 */
function windows1252Text(text: string, changed: string[]): string {
  if (!C1_CONTROL.test(text)) return text;
  return text.replace(C1_CONTROLS, (c) => {
    changed.push(c);
    return windows1252Character(c.charCodeAt(0)) ?? '';
  });
}

/** The warning for an item whose text held C1 controls: what each became, and what was removed. */
function windows1252Warning(at: string, changed: readonly string[]): Diagnostic {
  const replaced = changed.filter((c) => windows1252Character(c.charCodeAt(0)) !== undefined);
  const removed = changed.filter((c) => windows1252Character(c.charCodeAt(0)) === undefined);
  const pairs = [...new Set(replaced)].map((c) => `${codePointName(c)} with ${windows1252Character(c.charCodeAt(0))}`);
  const parts: string[] = [];
  if (replaced.length) parts.push(`replaced ${pairs.slice(0, 5).join(', ')}${pairs.length > 5 ? ', …' : ''} (${replaced.length} character${replaced.length === 1 ? '' : 's'})`);
  if (removed.length) parts.push(`removed ${describeRemoved(removed)}, which Windows-1252 leaves undefined`);
  return warning('W_ILLEGAL_CHAR', `${at} held C1 control characters, Windows-1252 text decoded as Latin-1 (decode it as Windows-1252): ${parts.join('; ')}`);
}

/** What one conversion of a list of items keeps from item to item: what it has said once for them all. */
interface BuildState {
  /** What was said of ids read from other libraries' items (see `read.otherLibraryId`). */
  idsTold: read.OtherLibraryIdsTold;
}

function newBuildState(): BuildState {
  return { idsTold: read.noOtherLibraryIdsTold() };
}

/** Converts each item of `list` in turn, then says what was said once for them all. */
function convertItems<T>(list: readonly T[], options: ItemOptions, convert: (input: T, index: number, build: BuildState) => Story): Story[] {
  const build = newBuildState();
  const stories = list.map((input, i) => convert(input, i, build));
  for (const d of read.otherLibraryIdWarnings(build.idsTold)) options.onWarning?.(d);
  return stories;
}

/** {@link itemToStory} with options already checked (by {@link toStories}, once for every item). */
function convertItem(input: unknown, index: number, site: ResolvedSite, options: ItemOptions, build: BuildState): Story {
  const at = `items[${index}]`;
  const record = read.record(input, at);
  // A WordPress post (its REST API's shape) is read with the other libraries' names (see `other-libraries.ts`); a Ghost
  // post under Ghost's (see `ghost-post.ts`).
  const ghost = isGhostPost(record as unknown);
  const r = ghost ? fromGhost(record, at, site.siteUrl) : !read.given(record.url) && read.given(record.link) ? fromWordPress(record, at) : record;
  const base = site.siteUrl.endsWith('/') ? site.siteUrl : `${site.siteUrl}/`;
  const warn = (d: Diagnostic): void => options.onWarning?.(d);
  // An item without storyfeed's `url` but with a `link` was written for another library (see `other-libraries.ts`): each
  // field is read under storyfeed's name, else under that library's. An item with a `url` is storyfeed's: other names
  // mean nothing there (a CMS's own `date` or `author` id), as before.
  // An RSS item without a `link` has its address in its guid (`isPermaLink` is true unless said otherwise), which
  // rss-parser gives without the attribute: with neither `url` nor `link`, a guid that is an http(s) URL is the URL.
  const permalink = !read.given(r.url) && !read.given(r.link) && isHttpAddress(r.guid);
  const foreign = !read.given(r.url) && (read.given(r.link) || permalink);
  // An item of a JSON Feed (`content_html`, `date_published`, `attachments`…) is read under JSON Feed 1.1's names, a Ghost post under Ghost's.
  const jsonFeed = !foreign && !ghost && isJsonFeedItem(r);
  const shapeNames = foreign ? undefined : jsonFeed ? JSON_FEED_NAMES : ghost ? GHOST_NAMES : undefined;
  const field = (ours: string, ...theirs: string[]): GivenField => {
    const names = foreign ? theirs : (shapeNames?.[ours] ?? []);
    return names.length > 0 ? givenField(r, at, ours, names, warn) : { value: r[ours], name: ours };
  };
  const link = permalink ? { value: r.guid, name: 'guid' } : field('url', 'link');
  const url =
    read.httpUrl(link.value, read.memberPath(at, link.name), base) ??
    read.fail(`${at}.url`, `is required (the item's absolute URL, or a path on the site; \`link\` as the feed package names it)${nestedFieldsHint(r, at)}`);
  const givenId = field('id', 'guid');
  const idPath = read.memberPath(at, givenId.name);
  // An id of another library's item (rss-parser's guid, JSON Feed's and Ghost's id) may be any text; storyfeed's own is an absolute URI.
  const otherLibrary = foreign || jsonFeed || ghost;
  // JSON Feed has a reader take an id given as a number as its text.
  const idValue = jsonFeed && typeof givenId.value === 'number' ? String(givenId.value) : givenId.value;
  const id = (otherLibrary ? read.otherLibraryId(idValue, idPath, givenId.name, url, warn, build.idsTold) : read.itemId(idValue, idPath)) ?? url;
  // C1 controls in the item's text are Windows-1252 read as Latin-1: each becomes the character it stands for, with one warning.
  const changed: string[] = [];
  const clean = (text: string | undefined): string | undefined => (text === undefined ? undefined : windows1252Text(text, changed));
  const givenTitle = collapseSpace(clean(read.text(r.title, `${at}.title`)) ?? '');
  // A title of only invisible characters (a zero-width space an editor left) shows nothing: it is none, as a seed's is.
  const title = showsNothing(givenTitle) ? '' : givenTitle;

  // rss-parser gives an RSS item's full text (`content:encoded`) under that name, and its description as `content`:
  // the full text is then the body, and `content` the description (see `other-libraries.ts`).
  const fullText = foreign && read.filled(r[FULL_TEXT]);
  const description = fullText ? field('summary', 'description', 'content', 'excerpt') : field('summary', 'description', 'excerpt');
  const summaryPath = read.memberPath(at, description.name);
  // A summary of only white space (a CMS's cleared excerpt, `''`) is none: the body's first sentences are the summary.
  const givenText = read.filledText(clean(bodyText(description.value, summaryPath)));
  // The `feed` package and @astrojs/rss write `description` into RSS as HTML (a WordPress excerpt comes here too):
  // its text is the summary. storyfeed's own `summary` is plain text.
  const summaryHtml =
    foreign && description.name !== 'summary' && description.name !== 'excerpt' && givenText !== undefined ? descriptionHtml(givenText, summaryPath, url, options) : undefined;
  const givenSummary = summaryHtml === undefined ? givenText : summaryHtml.text || undefined;
  // An item with a summary and no body (a podcast episode, a link) has its summary as its body, so
  // readers that show only the body show something.
  // An HTML description of only an image has no text for the summary, but is still the body.
  const summaryGiven = givenSummary !== undefined || summaryHtml !== undefined;
  const bodyNames = {
    html: foreign ? [fullText ? FULL_TEXT : 'content'] : (shapeNames?.contentHtml ?? []),
    text: shapeNames?.contentText ?? [],
  };
  const body = itemBody(r, at, url, warn, summaryGiven ? { text: givenSummary ?? '', field: description.name, html: summaryHtml } : undefined, options, bodyNames, clean);
  // A Ghost post without its HTML (as the Admin API gives one unless asked) and without a summary has no text: never published empty.
  if (ghost && !read.given(record.html) && !summaryGiven && !/\S/.test(body.html)) read.fail(`${at}.html`, GHOST_HTML_REQUIRED);
  // Judged on what a feed will carry: a title or body of only characters XML forbids is removed to nothing, and the item would be empty.
  if (!carriesText(title) && !carriesText(body.text))
    read.fail(
      `${at}.title`,
      title
        ? 'holds no text a feed can carry (only characters XML forbids, which are removed), and the item has no summary or body that does'
        : body.text
          ? 'is required: the summary and body hold no text a feed can carry (only characters XML forbids, which are removed, and ones that show nothing)'
          : // A body of only an image (a photo post) is a body, but RSS needs a title or a description with text.
            /\S/.test(body.html)
            ? 'is required: the body holds no text (only images or markup) and the item has no summary with text'
            : `is required when the item has no summary or body${nestedFieldsHint(r, at)}`,
    );

  const timeZone = site.timeZone;
  // `feed`'s `date` is when the item last changed, and when it was published unless `published` says.
  const dates = foreign ? itemDates(r, at, warn) : { published: field('published').name, updated: field('updated').name };
  const givenDate = read.date(r[dates.published], `${at}.${dates.published}`, timeZone);
  // A date at or just after the Unix epoch is one lost on the way (0 or null turned into a Date) or given in seconds, never a real one;
  // so is the zero value of a date type (0001-01-01), what a CMS written in Go, C# or Python exports for a date never set.
  const lostPublished = givenDate && lostDateReason(givenDate);
  if (lostPublished) read.fail(`${at}.${dates.published}`, lostPublished);
  const fallback = site.defaultDate ? read.date(site.defaultDate, 'site.defaultDate', timeZone) : options.fallbackDate;
  const lostFallback = site.defaultDate && fallback && lostDateReason(fallback);
  if (lostFallback) read.fail('site.defaultDate', lostFallback);
  const published = givenDate ?? fallback;
  if (!published) {
    // A CMS's or another library's date name on an item of storyfeed's own shape (with `url`) is not read: say why.
    const other = foreign ? undefined : OTHER_PUBLISHED_NAMES.find((name) => read.given(r[name]));
    read.fail(
      `${at}.published`,
      `is required: give the date the item was published (a Date or an ISO 8601 string)${
        other ? `; ${at}.${other} is read only on an item written for another library (with \`link\`, not \`url\`)` : unreadDatesHint(r, at, timeZone)
      }`,
    );
  }
  const givenUpdate = read.date(r[dates.updated], `${at}.${dates.updated}`, timeZone);
  const lostUpdate = givenUpdate && lostDateReason(givenUpdate);
  if (lostUpdate) read.fail(`${at}.${dates.updated}`, lostUpdate);
  let updated = givenUpdate ?? published;
  if (updated.getTime() < published.getTime()) updated = published;

  const languageRaw = read.text(r.language, `${at}.language`);
  let language = site.language;
  if (languageRaw !== undefined) language = canonicalLanguage(languageRaw) ?? read.fail(`${at}.language`, notALanguageTag(languageRaw));

  const summary = givenSummary ?? summarize(firstParagraph(body.sections));
  const category = field('tags', 'category', 'categories');
  const ownTags = ((category.name === 'tags' ? read.tags(category.value, `${at}.tags`) : categoryTags(category.value, `${at}.${category.name}`)) ?? []).map((tag) =>
    windows1252Text(tag, changed),
  );
  // rss-parser gives an RSS item's `dc:creator` as `creator` (and `dc:creator`), the author most feeds name.
  const namedAuthors = field('authors', 'author', 'creator', 'dc:creator');
  // A podcast episode's `itunes:author` (rss-parser's `itunes.author`) is its author when the item names no other.
  const itunesNamed = foreign && !read.filled(namedAuthors.value) ? itunesAuthor(r, at) : undefined;
  const givenAuthors = itunesNamed ?? { value: namedAuthors.value, path: read.memberPath(at, namedAuthors.name) };
  // Sanity gives a slug as its slug type, `{ _type: "slug", current }`: the slug is its `current`.
  const sanitySlug = isSanitySlug(r.slug);
  const slugRaw = read.text(sanitySlug ? read.property(r.slug as object, 'current', `${at}.slug`) : r.slug, sanitySlug ? `${at}.slug.current` : `${at}.slug`);
  const slug = asciiSlug(slugRaw ?? lastPathSegment(url)) || 'item';
  const wordCount = countWords(body.text);

  const story: Story = {
    id,
    slug,
    url,
    title,
    summary,
    published,
    updated,
    authors: read.authors(givenAuthors.value, givenAuthors.path, base, warn)?.map((a) => ({ ...a, name: windows1252Text(a.name, changed) })) ?? site.authors.map((a) => ({ ...a })),
    language,
    sections: body.sections,
    quotes: [],
    sources: [],
    entities: { people: [], organizations: [], places: [] },
    tags: ownTags,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    contentHtml: body.html,
    contentText: body.text,
    draft: false,
  };
  const draft = read.flag(r.draft, `${at}.draft`);
  const draftBy = draft === undefined ? unpublishedByItsCms(r, at) : undefined;
  story.draft = draft ?? draftBy !== undefined;
  if (draftBy !== undefined) story.draftBy = draftBy;
  if (!givenDate) story.undated = true;
  if (options.analyze !== undefined) {
    if (typeof options.analyze !== 'function')
      read.fail('options.analyze', "must be the analyser: pass { analyze: analyzeArticle } (import { analyzeArticle } from 'storyfeed/story')");
    analyzeInto(story, site, options.analyze);
  }
  const givenImage = field('image');
  const image = itemImage(givenImage.value, `${at}.${givenImage.name}`, base);
  if (image) story.image = image;
  const givenExternalUrl = field('externalUrl');
  const externalUrl = read.httpUrl(givenExternalUrl.value, `${at}.${givenExternalUrl.name}`, base);
  if (externalUrl) story.externalUrl = externalUrl;
  const givenBanner = field('banner');
  const banner = read.httpUrl(givenBanner.value, `${at}.${givenBanner.name}`, base);
  if (banner) story.banner = banner;
  const enclosures = foreign
    ? itemEnclosures(r, at, base, warn)
    : jsonFeed && !read.given(r.enclosures)
      ? jsonFeedAttachments(r.attachments, `${at}.attachments`, base)
      : read.enclosures(r.enclosures, `${at}.enclosures`, base);
  if (enclosures?.length) story.enclosures = enclosures.map((e) => (e.title === undefined ? e : { ...e, title: windows1252Text(e.title, changed) }));
  if (foreign) for (const [name, why] of Object.entries(UNPUBLISHED_FIELDS)) if (read.given(r[name])) warn(warning('W_UNKNOWN_FIELD', `${at}.${name} is not published: ${why}`));
  const episode = foreign && !read.given(r.episode) && read.given(r.itunes) ? itunesEpisode(r.itunes, `${at}.itunes`, base) : read.episode(r.episode, `${at}.episode`, base);
  if (episode) story.episode = episode;
  const extensions = read.readExtensions(r.extensions, `${at}.extensions`, declaredPrefixes(site));
  if (extensions?.xml) {
    for (const [name, value] of Object.entries(extensions.xml))
      extensions.xml[name] = Array.isArray(value) ? value.map((v) => windows1252Text(v, changed)) : windows1252Text(value, changed);
  }
  if (extensions) story.extensions = extensions;
  // One warning for every text of the item (title, summary, body, tags, authors, enclosure titles, extension elements).
  if (changed.length) warn(windows1252Warning(at, changed));
  return story;
}

/** Fields of other libraries' items that storyfeed's feeds have no place for, and why. */
const UNPUBLISHED_FIELDS: Readonly<Record<string, string>> = {
  contributor: "storyfeed's feeds have no contributors (list them in authors)",
  copyright: "storyfeed's feeds have no item copyright (the site's copyright covers every item)",
  commentsUrl: "storyfeed's feeds have no comments link",
  source: "storyfeed's feeds have no item source (give externalUrl for the page the item is about)",
  customData: 'raw XML is not copied into the feeds (give extensions: { xml })',
};

/**
 * Other libraries' and CMSs' names of an item's publication time, in the order they are read: `@astrojs/rss`'s (and
 * rss-parser's, the item's own text), rss-parser's reading of it as ISO 8601, WordPress's, the `feed` package's.
 */
const OTHER_PUBLISHED_NAMES = ['pubDate', 'isoDate', 'date_gmt', 'date'];

/** Whether `value` is a slug as Sanity's slug type stores one: `{ _type: "slug", current }`. */
function isSanitySlug(value: unknown): boolean {
  try {
    return typeof value === 'object' && value !== null && (value as { _type?: unknown })._type === 'slug';
  } catch {
    return false;
  }
}

/**
 * The publication states CMSs write for a post that is not public: WordPress's (`draft`, `future`, `pending`, `private`,
 * `trash`), Ghost's (`scheduled`, `sent`: a newsletter only), Directus's (`archived`) and Payload's `_status: "draft"`.
 */
const UNPUBLISHED_STATES: ReadonlySet<string> = new Set(['draft', 'future', 'pending', 'private', 'trash', 'scheduled', 'sent', 'archived']);

/** Sanity's id of a document's draft: the published document's id after this. */
const SANITY_DRAFT_ID = 'drafts.';

/**
 * Whether an item without `draft` is one its CMS has not published, as the CMS's own fields say: a `status` or `_status`
 * (Directus's, Payload's) of one of the {@link UNPUBLISHED_STATES}, or a Sanity document's id of its draft
 * (`_id: "drafts.…"`). Such an item is left out of the feeds, as a draft is, where it was published. The field that
 * says so, and its value (for the `W_DRAFT` warning), else `undefined`.
 */
function unpublishedByItsCms(r: Record<string, unknown>, at: string): string | undefined {
  for (const name of ['status', '_status']) {
    const state = r[name];
    if (typeof state === 'string' && UNPUBLISHED_STATES.has(state.trim().toLowerCase())) return `${at}.${name} is ${describeValue(state)}`;
  }
  const sanityId = r._id;
  return typeof sanityId === 'string' && sanityId.startsWith(SANITY_DRAFT_ID) ? `${at}._id ${describeValue(sanityId)} is a Sanity draft's` : undefined;
}

/** The author an RSS item's `itunes:author` names, as rss-parser gives it (`itunes: { author }`), when given. */
function itunesAuthor(r: Record<string, unknown>, at: string): { value: unknown; path: string } | undefined {
  const itunes = r.itunes;
  if (typeof itunes !== 'object' || itunes === null) return undefined;
  const path = `${at}.itunes`;
  const author = read.property(itunes, 'author', path);
  return read.filled(author) ? { value: author, path: `${path}.author` } : undefined;
}

/** Whether `value` is text of an absolute http(s) URL. */
function isHttpAddress(value: unknown): boolean {
  return typeof value === 'string' && /^\s*https?:\/\//i.test(value) && isAbsoluteHttpUrl(value.trim());
}

/** The names CMSs give a post's text under that storyfeed's items do not read (`content` is read on an item written for another library). */
const CMS_BODY_NAMES = ['body', 'content'];

/** How many of an item's fields a hint names at most. */
const HINT_NAMES = 3;

/** An item's own field names, or none when they cannot be listed (a proxy that throws): for hints only. */
function fieldNames(r: Record<string, unknown>): string[] {
  try {
    return Object.keys(r);
  } catch {
    return [];
  }
}

/**
 * For an item with no date under the names read: its fields that hold a date under a CMS's own names (`publishedAt`,
 * `date_created`, `created_time`…), told by their values (a Date, or text read as a date), named so the caller
 * knows which to give as `published`; `''` when there are none.
 */
function unreadDatesHint(r: Record<string, unknown>, at: string, timeZone: string | undefined): string {
  const dated = fieldNames(r).filter((name) => {
    try {
      const value = r[name];
      return read.dateTime(value) !== undefined || (typeof value === 'string' && /^\s*\d{4}-\d{2}-\d{2}/.test(value) && parseDate(value, timeZone).ok);
    } catch {
      return false;
    }
  });
  if (dated.length === 0) return '';
  const names = dated.slice(0, HINT_NAMES).map((name) => read.memberPath(at, name));
  return `; ${names.join(', ')}${dated.length > HINT_NAMES ? ', …' : ''} ${dated.length > 1 ? 'hold dates' : 'holds a date'} under a name storyfeed does not read: give the publication date as published`;
}

/**
 * For an item with no URL or title: a field holding a record with the item's own fields, as Strapi 4 nests an entry's
 * under `attributes` and Contentful under `fields`, named so the caller passes that record's fields; `''` when there is
 * none. Such a record gives a body, or a title with a slug: a URL or a title alone is what a record describing a file
 * gives too (an enclosure, an image, Media RSS's or iTunes' details), which holds none of the item's fields.
 */
function nestedFieldsHint(r: Record<string, unknown>, at: string): string {
  for (const name of fieldNames(r)) {
    try {
      const value = r[name];
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const nested = value as Record<string, unknown>;
      const own = ['title', 'slug', 'url'].filter((key) => typeof nested[key] === 'string');
      const body = NESTED_BODY_NAMES.filter((key) => read.given(nested[key]));
      if (body.length > 0 || (own.includes('title') && own.includes('slug')))
        return `; the item's fields are under ${read.memberPath(at, name)} (it holds ${[...own, ...body].join(', ')}), as a CMS's API nests an entry's: pass that record's fields, with url`;
    } catch {
      // a field that cannot be read hints nothing
    }
  }
  return '';
}

/** The names under which a record nesting an item's fields gives its body: storyfeed's, and a CMS's (see {@link CMS_BODY_NAMES}). */
const NESTED_BODY_NAMES = ['contentHtml', 'contentMarkdown', 'contentText', ...CMS_BODY_NAMES];

/** Where rss-parser gives an RSS item's full text (its `content:encoded` element), beside its description as `content`. */
const FULL_TEXT = 'content:encoded';

/**
 * Which of the item's fields give its publication and update times: `published` and `updated`, else
 * `@astrojs/rss`'s `pubDate` (the publication) and the `feed` package's `date` (the last change, and the
 * publication too without another).
 */
function itemDates(r: Record<string, unknown>, at: string, warn: (d: Diagnostic) => void): { published: string; updated: string } {
  // An empty date is none (as `read.date` takes it), so the next name is read.
  const given = (name: string): boolean => read.given(r[name]) && r[name] !== '';
  const published = ['published', ...OTHER_PUBLISHED_NAMES].find(given) ?? 'published';
  const updated = ['updated', 'modified_gmt', 'date'].find(given) ?? 'updated';
  const readNames = [...new Set([published, updated])].filter(given).map((name) => `${at}.${name}`);
  for (const name of ['pubDate', 'date'])
    if (given(name) && published !== name && updated !== name)
      warn(warning('W_UNKNOWN_FIELD', `${at}.${name} is not read: ${readNames.join(' and ')} ${readNames.length > 1 ? 'are' : 'is'} given`));
  return { published, updated };
}

/** The item's enclosures: `enclosures`, else the `feed` package's `enclosure`, `audio` and `video`. */
function itemEnclosures(r: Record<string, unknown>, at: string, base: string, warn: (d: Diagnostic) => void): Enclosure[] | undefined {
  const theirs = (['enclosure', 'audio', 'video'] as const).filter((name) => read.given(r[name]));
  if (!read.given(r.enclosures)) return theirs.length ? feedPackageEnclosures(r, at, base) : undefined;
  for (const name of theirs) warn(warning('W_UNKNOWN_FIELD', `${at}.${name} is not read: ${at}.enclosures is given (it lists every file)`));
  return read.enclosures(r.enclosures, `${at}.enclosures`, base);
}

/** Prefixes custom elements may use: the site's `namespaces` and those every RSS feed declares. */
export function declaredPrefixes(site: Pick<ResolvedSite, 'namespaces'>): Set<string> {
  return new Set([...Object.keys(site.namespaces ?? {}), ...BUILT_IN_PREFIXES]);
}

const BUILT_IN_PREFIXES = Object.keys(KNOWN_NAMESPACES);

interface ItemBody {
  html: string;
  text: string;
  sections: Section[];
}

/** A summary given as HTML: sanitized as a body is (in case it stands for one), and its text. */
interface SummaryHtml extends SanitizedHtml {
  /** Its text: tags removed, character references decoded, white space collapsed. */
  text: string;
}

/**
 * An HTML `description` (the `feed` package's and @astrojs/rss's): size-checked as an HTML body is, then
 * sanitized (`E_TOO_DEEP` naming the field) and read as text.
 */
function descriptionHtml(html: string, path: string, url: string, options: ItemOptions): SummaryHtml {
  checkContentSize(html, path, 'html', options.maxContentBytes ?? DEFAULT_MAX_SEED_BYTES);
  const safe = sanitizeStoryHtml(html, url, undefined, path);
  return { ...safe, text: htmlText(safe.html) };
}

/** A summary: its text, the field that gave it, and its sanitized HTML when given as HTML. */
interface ItemSummary {
  text: string;
  field: string;
  html: SummaryHtml | undefined;
}

/** The body from HTML (sanitized), else Markdown, else plain text, else the summary. */
function itemBody(
  r: Record<string, unknown>,
  at: string,
  url: string,
  warn: (d: Diagnostic) => void,
  summary: ItemSummary | undefined,
  options: ItemOptions,
  otherNames: { html: readonly string[]; text: readonly string[] },
  clean: (text: string | undefined) => string | undefined,
): ItemBody {
  // `otherNames` are the other libraries' names for the HTML and the text body (`content`, rss-parser's `content:encoded`,
  // JSON Feed's `content_html` and `content_text`), read when none of storyfeed's body fields is given. A body field of
  // only white space (a CMS's cleared field, `''`) is none: the next one, or the summary, is the body.
  const own = read.filled(r.contentHtml) || read.filled(r.contentMarkdown) || read.filled(r.contentText);
  const otherField = (ours: string, names: readonly string[]): GivenField => (names.length > 0 && !own ? givenField(r, at, ours, names, warn) : { value: r[ours], name: ours });
  const htmlField = otherField('contentHtml', otherNames.html);
  const textField = otherField('contentText', otherNames.text);
  if (own)
    for (const name of [...otherNames.html, ...otherNames.text])
      if (read.filled(r[name])) warn(warning('W_UNKNOWN_FIELD', `${read.memberPath(at, name)} is not read: the item gives its body under storyfeed's names`));
  const htmlPath = read.memberPath(at, htmlField.name);
  const textPath = read.memberPath(at, textField.name);
  const html = read.filledText(clean(bodyText(htmlField.value, htmlPath)));
  const markdown = read.filledText(clean(bodyText(r.contentMarkdown, `${at}.contentMarkdown`)));
  const plain = read.filledText(clean(bodyText(textField.value, textPath)));
  // `body` (a JSON seed's name for the text) and `content` are the names most CMSs give a post's text under (Sanity's
  // `body`; Strapi's, Directus's and Payload's `content`): without a body of the item's, the one not read is named (a
  // rich-text document in it as what it is), never published as nothing without a word.
  // Any other value there (a Strapi dynamic zone, a number) is no text of the item's: named in the warning, as text is.
  if (html === undefined && markdown === undefined && plain === undefined)
    for (const name of CMS_BODY_NAMES) {
      const value = r[name];
      if (otherNames.html.includes(name) || !read.filled(value)) continue;
      const path = `${at}.${name}`;
      if (typeof value === 'string' || isRichTextDocument(value)) {
        bodyText(value, path);
        warn(warning('W_UNKNOWN_FIELD', `${path} is not read: an item gives its body as contentHtml, contentMarkdown or contentText`));
      } else
        warn(warning('W_UNKNOWN_FIELD', `${path} is not read: it holds ${describeValue(value)}, not text (an item gives its body as contentHtml, contentMarkdown or contentText)`));
    }
  const cap = options.maxContentBytes ?? DEFAULT_MAX_SEED_BYTES;
  if (plain !== undefined) checkContentSize(plain, textPath, 'text', cap);
  if (html !== undefined || markdown !== undefined) {
    if (html !== undefined) checkContentSize(html, htmlPath, 'html', cap);
    else checkContentSize(markdown!, `${at}.contentMarkdown`, 'markdown', cap);
    const rendered = html === undefined ? renderItemMarkdown(markdown!, `${at}.contentMarkdown`, options.markdown) : undefined;
    const safe = sanitizeStoryHtml(html ?? rendered!.html, url, undefined, html !== undefined ? htmlPath : `${at}.contentMarkdown`);
    if (safe.removedUnsafe)
      warn(warning('W_UNSAFE_HTML', `${at}: scripts, event handlers, styles that load or run something, or javascript:/data: URLs were removed from the HTML`));
    const sections = rendered?.sections ?? paragraphsOf(withoutFrames(htmlBlocks(safe.html), safe.frames).join('\n\n'));
    return { html: safe.html, text: plain ?? sectionsToText(sections), sections };
  }
  if (plain === undefined && summary?.html !== undefined) {
    // An HTML summary (already size-checked and sanitized) stands for the body as that HTML.
    if (summary.html.removedUnsafe)
      warn(warning('W_UNSAFE_HTML', `${at}: scripts, event handlers, styles that load or run something, or javascript:/data: URLs were removed from the HTML`));
    const sections = paragraphsOf(withoutFrames(htmlBlocks(summary.html.html), summary.html.frames).join('\n\n'));
    return { html: summary.html.html, text: sectionsToText(sections), sections };
  }
  if (plain === undefined && summary !== undefined) checkContentSize(summary.text, `${at}.${summary.field}`, 'text', cap);
  const sections = paragraphsOf(plain ?? summary?.text ?? '');
  return { html: sectionsToHtml(sections), text: sectionsToText(sections), sections };
}

/**
 * Refuses a body over the size cap, or with more lines, marks or tags than it allows (see
 * `structure-limit.ts`), before any parser sees it: `E_TOO_LARGE` naming the field.
 */
function checkContentSize(text: string, path: string, kind: StructureCount['kind'], cap: number): void {
  // A UTF-8 byte is at most one UTF-16 unit and a unit at most three bytes: most texts are settled by their length.
  if (text.length > cap || (text.length * 3 > cap && utf8ByteLength(text) > cap))
    throw new StoryfeedError(
      'E_TOO_LARGE',
      `${path} is larger than ${cap.toLocaleString('en-US')} bytes: normalizing takes about 55 times its size in memory; split the text, or raise \`maxContentBytes\``,
    );
  checkSeedStructure(text, { kind, limit: seedUnitLimit(cap), field: path, item: true, capOption: 'maxContentBytes' });
}

/** Bytes of `text` in UTF-8 (a lone surrogate as the three bytes of U+FFFD, as an encoder writes it). */
function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Markdown through the renderer the caller passed; without one, an error that says where to get it. */
function renderItemMarkdown(markdown: string, path: string, render: MarkdownRenderer | undefined): { html: string; sections: Section[] } {
  if (typeof render !== 'function') return read.fail(path, "needs a Markdown renderer: pass { markdown: renderMarkdown } (import { renderMarkdown } from 'storyfeed/story')");
  const rendered: unknown = render(markdown);
  const r = rendered as { html?: unknown; sections?: unknown } | null;
  if (typeof r !== 'object' || r === null || typeof r.html !== 'string' || !Array.isArray(r.sections) || !r.sections.every(isSection))
    read.fail(path, "was given to a Markdown renderer that returned no { html, sections }: pass { markdown: renderMarkdown } (import { renderMarkdown } from 'storyfeed/story')");
  return r as { html: string; sections: Section[] };
}

function isSection(value: unknown): boolean {
  const s = value as Partial<Section> | null;
  return typeof s === 'object' && s !== null && (s.heading === null || typeof s.heading === 'string') && Array.isArray(s.blocks);
}

/** The last non-empty segment of a URL's path, decoded (`https://x.example/news/a-b/` → `a-b`). */
function lastPathSegment(url: string): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  try {
    return decodeURIComponent(last).replace(/\.[a-z0-9]+$/i, '');
  } catch {
    return last;
  }
}

/**
 * A slug by folding accents away (`café` → `cafe`), without a transliteration table: an item's URL
 * already names it, and the core stays free of the 500 KB any-ascii table (seeds, whose slugs name
 * their URLs, transliterate every script through `slugify`).
 */
function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Plain text split into paragraphs at blank lines. */
/** The blocks of a body's text but those that are only a frame's link (an embedded video: media, not text; see `sanitize.ts`). */
function withoutFrames(blocks: string[], frames: readonly string[]): string[] {
  if (frames.length === 0) return blocks;
  const shown = new Set(frames.map(collapseSpace));
  return blocks.filter((block) => !shown.has(block));
}

function paragraphsOf(text: string): Section[] {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => collapseSpace(p))
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
  return [{ heading: null, blocks }];
}

function firstParagraph(sections: readonly Section[]): string {
  for (const section of sections) for (const block of section.blocks) if (block.kind === 'paragraph') return block.text;
  return '';
}

function itemImage(value: unknown, path: string, base: string): StoryImage | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const url = read.httpUrl(value, path, base);
    return url ? withImageType({ url }) : undefined;
  }
  const r = read.record(value, path);
  const url = read.httpUrl(r.url, `${path}.url`, base) ?? read.fail(`${path}.url`, 'is required');
  const type = read.mimeType(r.type, `${path}.type`, false);
  return type ? { url, type } : withImageType({ url });
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

function withImageType(image: StoryImage): StoryImage {
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(image.url).pathname)?.[1]?.toLowerCase();
  const type = ext ? IMAGE_TYPES[ext] : undefined;
  return type ? { ...image, type } : image;
}

/** Quotations, sources and entities, as a seed's story gets them; entity tags follow the item's own. */
function analyzeInto(story: Story, site: ResolvedSite, analyzeArticle: ArticleAnalyzer): void {
  const paragraphs = story.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : b.kind === 'code' ? [] : [b.text])));
  const headings = story.sections.flatMap((s) => (s.heading === null ? [] : [s.heading]));
  const analysis = analyzeArticle({ title: story.title, headings, paragraphs, language: story.language.split('-')[0]! }, { entities: site.entities !== false });
  const a = analysis as Partial<ArticleAnalysis> | null;
  if (
    typeof a !== 'object' ||
    a === null ||
    !Array.isArray(a.quotes) ||
    !Array.isArray(a.sources) ||
    !Array.isArray(a.ranked) ||
    typeof a.entities !== 'object' ||
    a.entities === null ||
    !['people', 'organizations', 'places'].every((k) => Array.isArray((a.entities as unknown as Record<string, unknown>)[k]))
  ) {
    read.fail('options.analyze', "returned no article analysis: pass { analyze: analyzeArticle } (import { analyzeArticle } from 'storyfeed/story')");
  }
  story.quotes = analysis.quotes;
  story.sources = analysis.sources;
  story.entities = analysis.entities;
  const seen = new Set(story.tags.map((t) => t.toLowerCase()));
  for (const e of analysis.ranked.slice(0, site.entityTags ?? 0)) {
    if (!seen.has(e.name.toLowerCase())) {
      seen.add(e.name.toLowerCase());
      story.tags.push(e.name);
    }
  }
}
