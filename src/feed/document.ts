import { describeValue, StoryfeedError, warning, type Diagnostic } from '../errors.js';
import { checkOptions, date as readDate, options as readOptions, readExtensions } from '../item/fields.js';
import { declaredPrefixes, toStories, type FeedInput, type ItemOptions } from '../item/index.js';
import type { Author, FeedDocument, FeedFormat, FeedItem, PodcastChannel, ResolvedSite, SiteConfig, Story } from '../types.js';
import { limitContent, summaryContent } from './content.js';
import { outputNames, resolveSite } from './site.js';

export { DEFAULT_OUTPUTS, outputNames } from './site.js';
import { lostDateReason, nearUnixEpoch } from '../seed/dates.js';
import { GENERATOR } from '../version.js';
import { collapseSpace } from '../white-space.js';
import { describeRemoved, removeIllegalXmlChars } from '../xml-chars.js';

/** Options for {@link buildFeedDocument}. */
export interface FeedDocumentOptions extends Omit<ItemOptions, 'onWarning'> {
  /** Receives non-fatal problems (drafts left out, characters removed). */
  onWarning?: (d: Diagnostic) => void;
  /** `updated` of a feed with no items (default: `fallbackDate`, else the site's `defaultDate`; the CLI passes `SOURCE_DATE_EPOCH`). */
  emptyFeedDate?: Date;
}

/** The self URL of each format: `feedBaseUrl` (default `siteUrl`) joined with the output file name. */
export function feedUrls(site: Pick<SiteConfig, 'siteUrl' | 'feedBaseUrl' | 'outputs'>): Record<FeedFormat, string> {
  if (typeof site !== 'object' || site === null || typeof (site.feedBaseUrl ?? site.siteUrl) !== 'string')
    throw new StoryfeedError('E_CONFIG', `feedUrls: site must be the site settings with siteUrl, found ${describeValue(site)}`);
  const base = site.feedBaseUrl ?? site.siteUrl;
  const dir = base.endsWith('/') ? base : `${base}/`;
  const names = outputNames(site.outputs);
  try {
    return { rss: new URL(names.rss, dir).href, atom: new URL(names.atom, dir).href, json: new URL(names.json, dir).href };
  } catch {
    throw new StoryfeedError('E_CONFIG', `feedUrls: ${describeValue(base)} is not an absolute URL (give siteUrl, or feedBaseUrl, as https://…)`);
  }
}

/**
 * Builds the feed every format is rendered from: plain items converted (see `item/`), site
 * defaults applied, drafts left out, undated stories settled or refused, duplicate ids refused,
 * newest first (ties by id), limited to `site.itemLimit`, every string cleaned of characters XML
 * forbids, and `updated` set to the newest item's date, never the clock.
 */
export function buildFeedDocument(inputs: readonly FeedInput[], siteConfig: SiteConfig, given: FeedDocumentOptions = {}): FeedDocument {
  const options = readOptions(given);
  checkOptions(options as Record<string, unknown>);
  const warn = (d: Diagnostic): void => options.onWarning?.(d);
  const site = resolveSite(siteConfig);
  return documentOf(toStories(inputs, site, { ...options, onWarning: warn }), site, options);
}

/**
 * {@link buildFeedDocument} of stories that {@link toStories} already gave (checked, plain items
 * converted): a feed set builds several documents from one list of stories, and checks each story
 * once, not once per document it is in.
 */
export function buildFeedDocumentOfStories(stories: readonly Story[], siteConfig: SiteConfig, given: FeedDocumentOptions = {}): FeedDocument {
  return documentOf(stories, resolveSite(siteConfig), readOptions(given));
}

function documentOf(stories: readonly Story[], site: ResolvedSite, options: FeedDocumentOptions): FeedDocument {
  const warn = (d: Diagnostic): void => options.onWarning?.(d);
  for (const s of stories) checkDated(s, site);
  const published = stories.filter((s) => {
    if (s.draft) warn(warning('W_DRAFT', `"${s.title}" is a draft${s.draftBy ? ` (${s.draftBy})` : ''} and is left out of the feeds`, { file: s.file }));
    return !s.draft;
  });
  checkUniqueIds(published, stories);
  const sorted = [...published].sort((a, b) => b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const limited = site.itemLimit !== undefined && site.itemLimit >= 0 ? sorted.slice(0, site.itemLimit) : sorted;
  const language = site.language;
  const items = limited.map((s) => toItem(s, site, language, warn));
  for (const item of items) Object.assign(item, publishedBody(item, site));
  const newest = newestUpdate(items);

  const title = cleanText(site.title, warn, 'title');
  const doc: FeedDocument = {
    title,
    // The description defaults to the title: cleaned (and warned about) once.
    description: site.description === site.title ? title : cleanText(site.description, warn, 'description'),
    siteUrl: new URL(site.siteUrl).href,
    language,
    selfUrls: feedUrls(site),
    updated: newest ?? emptyFeedDate(site, options),
    authors: site.authors.map((a, i) => cleanAuthor(a, warn, `authors[${i}]`)),
    generator: { ...GENERATOR },
    items,
  };
  for (const key of ['copyright', 'icon', 'favicon', 'logo', 'hub', 'stylesheet'] as const) {
    const value = site[key];
    if (value !== undefined) doc[key] = cleanText(value, warn, key);
  }
  if (site.content === 'summary') doc.content = 'summary';
  if (site.podcast) {
    doc.podcast = withOwner(copyPodcast(site.podcast), doc.authors);
    // The show's artwork is the feed's picture (RSS <image>, Atom <logo>, JSON Feed icon) when the site gives none:
    // readers show no picture for a show otherwise.
    if (doc.logo === undefined && doc.icon === undefined) doc.logo = doc.podcast.image;
    checkEpisodes(items, limited, warn);
  } else {
    // Episode fields without the show's settings: the items carry iTunes elements, the channel none of those Apple requires.
    const episode = limited[items.findIndex((item) => item.episode !== undefined)];
    if (episode !== undefined) {
      warn(
        warning(
          'W_NOT_A_PODCAST',
          `${storyName(episode)} has podcast episode fields (\`episode\`), but the site has no \`podcast\` settings: the feed is published with the episodes' iTunes elements and without the show's artwork, category, explicit flag and owner, which podcast apps require`,
          episode.file !== undefined ? { file: episode.file } : {},
        ),
      );
    }
  }
  if (site.namespaces) doc.namespaces = { ...site.namespaces };
  const extensions = readExtensions(site.extensions, 'site.extensions', declaredPrefixes(site));
  if (extensions?.json) {
    const removed: string[] = [];
    extensions.json = wellFormedJson(extensions.json, removed) as typeof extensions.json;
    if (removed.length) warn(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that JSON Feed cannot carry from the site's \`extensions.json\``));
  }
  if (extensions) doc.extensions = extensions;
  return doc;
}

/**
 * Every id shared by two or more stories, in one error (fixing one pair at a time would take a
 * build per pair). Names that look alike are told apart: two files whose names differ only in
 * Unicode normalization (`café` written as one character or as `e` and an accent) are marked so.
 */
function checkUniqueIds(stories: readonly Story[], given: readonly Story[]): void {
  const problems: string[] = [];
  let first: Story | undefined;
  // A story without a file (a plain item) is named by its place in the list given too: titles may repeat. The
  // same story given twice is named at each place, in order.
  // Each story's places, and how many of them were named so far.
  let places: Map<Story, { at: number[]; named: number }> | undefined;
  const name = (story: Story): string => {
    if (story.file !== undefined) return story.file;
    if (!places) {
      places = new Map();
      given.forEach((s, i) => {
        const known = places!.get(s);
        if (known) known.at.push(i);
        else places!.set(s, { at: [i], named: 0 });
      });
    }
    const known = places.get(story);
    const place = known?.at[known.named++];
    return place === undefined ? storyName(story) : `items[${place}] (${storyName(story)})`;
  };
  for (const same of storiesSharingIds(stories)) {
    first ??= same[1];
    problems.push(`${same[0]!.id} is the id of ${same.length === 2 ? 'both ' : ''}${listNames(same.map(name))}`);
  }
  if (!problems.length) return;
  if (problems.length === 1) throw new StoryfeedError('E_DUPLICATE_ID', problems[0]!, { file: first?.file });
  throw new StoryfeedError('E_DUPLICATE_ID', `${problems.length} ids are each shared by several stories`, { problems });
}

/** The stories of each id that two or more of `stories` share, in the order their ids first come. */
export function storiesSharingIds<S extends Story>(stories: readonly S[]): S[][] {
  const byId = new Map<string, S[]>();
  for (const s of stories) {
    const same = byId.get(s.id);
    if (same) same.push(s);
    else byId.set(s.id, [s]);
  }
  return [...byId.values()].filter((same) => same.length > 1);
}

/** A story as messages name it: its file, else its title in quotation marks. */
export function storyName(story: Story): string {
  return story.file ?? `"${story.title}"`;
}

/** Names listed in one message about stories sharing an id; the rest are counted. */
const MAX_LISTED_NAMES = 10;

/**
 * `a and b`, `a, b and c`, or the first {@link MAX_LISTED_NAMES} and how many more; names that print
 * the same but differ in their code points say so. Linear in the names (a whole archive can share an id).
 */
function listNames(names: readonly string[]): string {
  const spellings = new Map<string, Set<string>>();
  for (const name of names) {
    const nfc = name.normalize('NFC');
    const same = spellings.get(nfc);
    if (same) same.add(name);
    else spellings.set(nfc, new Set([name]));
  }
  const shown = names.slice(0, MAX_LISTED_NAMES).map((name) => {
    const twin = spellings.get(name.normalize('NFC'))!.size > 1;
    return twin ? `${name} (written in Unicode ${name === name.normalize('NFC') ? 'NFC, precomposed' : 'decomposed'} form)` : name;
  });
  if (names.length > shown.length) return `${shown.join(', ')} and ${names.length - shown.length} more`;
  return shown.length <= 2 ? shown.join(' and ') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * The body an item publishes, from its story's (cleaned) body: the summary with `content: 'summary'`,
 * the body cut to `contentLimit`, else the body as it is. A build that keeps bodies on disk while it
 * runs applies it when it reads them back, so the two give the same items.
 */
export function publishedBody(
  item: Pick<FeedItem, 'contentHtml' | 'contentText' | 'url' | 'summary'>,
  site: Pick<SiteConfig, 'content' | 'contentLimit'>,
): Pick<FeedItem, 'contentHtml' | 'contentText'> {
  if (site.content === 'summary') return summaryContent(item);
  if (site.contentLimit !== undefined) return limitContent(item, site.contentLimit);
  return { contentHtml: item.contentHtml, contentText: item.contentText };
}

/** Episodes a {@link checkEpisodes} warning names; the rest are counted. */
const MAX_NAMED_EPISODES = 5;

/**
 * Warns once of the episodes of a podcast that podcast apps leave out: Apple Podcasts (and the
 * apps that follow it) requires each episode's title and enclosure, and plays nothing without
 * one. `stories` are the items' stories, in the same order (they name each one by its file).
 */
function checkEpisodes(items: readonly FeedItem[], stories: readonly Story[], warn: (d: Diagnostic) => void): void {
  const lacking: string[] = [];
  let noFile = 0;
  let noTitle = 0;
  let total = 0;
  items.forEach((item, i) => {
    const fileless = !item.enclosures?.length;
    const untitled = item.title.trim() === '';
    if (!fileless && !untitled) return;
    if (fileless) noFile++;
    if (untitled) noTitle++;
    total++;
    if (lacking.length < MAX_NAMED_EPISODES) lacking.push(stories[i]?.file ?? item.url);
  });
  if (!lacking.length) return;
  const what = [noFile ? `${noFile} without an enclosure (the audio or video file)` : '', noTitle ? `${noTitle} without a title` : ''].filter(Boolean).join(' and ');
  const more = total > lacking.length ? ` and ${total - lacking.length} more` : '';
  warn(
    warning(
      'W_PODCAST_EPISODE',
      `${what} of the podcast's ${items.length} episode${items.length === 1 ? '' : 's'}: Apple Podcasts and other podcast apps leave such episodes out (${lacking.join(', ')}${more})`,
    ),
  );
}

/** The podcast settings as data of the document's own (only the fields it writes, so a stray value never reaches a clone). */
function copyPodcast(p: PodcastChannel): PodcastChannel {
  const out: PodcastChannel = { ...p, categories: p.categories.map((c) => (c.subcategory === undefined ? { text: c.text } : { text: c.text, subcategory: c.subcategory })) };
  if (p.owner) out.owner = { name: p.owner.name, email: p.owner.email };
  return out;
}

/**
 * A podcast's `itunes:owner` defaults to the first site author with an e-mail: directories use it to
 * confirm who owns the show, and the W3C validator warns when a podcast has none.
 */
function withOwner(podcast: PodcastChannel, authors: readonly Author[]): PodcastChannel {
  if (podcast.owner) return podcast;
  const contact = authors.find((a) => a.email);
  return contact?.email ? { ...podcast, owner: { name: contact.name, email: contact.email } } : podcast;
}

/** The date of a feed with no items: given, never made up (no clock in the core, and never 1970). */
function emptyFeedDate(site: ResolvedSite, options: FeedDocumentOptions): Date {
  const date = options.emptyFeedDate ?? options.fallbackDate ?? (site.defaultDate ? readDate(site.defaultDate, 'site.defaultDate', site.timeZone) : undefined);
  if (!date) throw new StoryfeedError('E_UNDATED', 'the feed has no items, so it has no date: pass `emptyFeedDate` (or `fallbackDate`), or set `defaultDate`');
  const lost = lostDateReason(date);
  if (lost) throw new StoryfeedError('E_UNDATED', `the feed has no items, and its date (defaultDate) ${lost}`);
  return date;
}

/**
 * A feed never carries a made-up date: an undated story is refused when the site says
 * `undated: 'error'`, and when nothing (manifest, `SOURCE_DATE_EPOCH`, `defaultDate`) dated it.
 */
function checkDated(story: Story, site: ResolvedSite): void {
  if (!story.undated || story.draft) return;
  const name = story.file ?? `"${story.title}"`;
  if (site.undated === 'error') {
    throw new StoryfeedError('E_UNDATED', `${name} has no date, and the site's \`undated\` setting is "error"`, { file: story.file });
  }
  if (nearUnixEpoch(story.published)) {
    throw new StoryfeedError(
      'E_UNDATED',
      `${name} has no date: give it one, set \`defaultDate\`, or pass \`fallbackDate\` (storyfeed build uses the date it first publishes the story)`,
      { file: story.file },
    );
  }
}

function toItem(story: Story, site: ResolvedSite, feedLanguage: string, warn: (d: Diagnostic) => void): FeedItem {
  const removed: string[] = [];
  const c = (s: string): string => {
    if (isXmlClean(s)) return s;
    const r = removeIllegalXmlChars(s);
    for (const ch of r.removed) removed.push(ch);
    return r.text;
  };
  const item: FeedItem = {
    id: story.id,
    url: story.url,
    title: collapseSpace(c(story.title)),
    summary: c(story.summary),
    contentHtml: c(story.contentHtml),
    contentText: c(story.contentText),
    published: story.published,
    updated: story.updated,
    authors: (story.authors.length ? story.authors : site.authors).map((a) => ({ ...a, name: c(a.name) })),
    tags: uniqueTags(story.tags.map(c)),
  };
  if (story.image) item.image = { ...story.image };
  if (story.externalUrl) item.externalUrl = story.externalUrl;
  if (story.banner) item.banner = story.banner;
  if (story.enclosures?.length) item.enclosures = story.enclosures.map((e) => (e.title === undefined ? { ...e } : { ...e, title: c(e.title) }));
  if (story.episode) item.episode = structuredClone(story.episode);
  // The episode's playing time is its file's (`itunes:duration` is the first file's): without a duration of
  // its own, that file carries it too, so JSON Feed's attachment and Media RSS show it.
  const [file] = item.enclosures ?? [];
  if (file && file.duration === undefined && story.episode?.duration !== undefined) file.duration = story.episode.duration;
  const jsonRemoved: string[] = [];
  if (story.extensions) item.extensions = cleanExtensions(story.extensions, c, jsonRemoved);
  if (jsonRemoved.length) warn(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(jsonRemoved)} that JSON Feed cannot carry from extensions.json`, { file: story.file }));
  if (story.language.toLowerCase() !== feedLanguage.toLowerCase()) item.language = story.language;
  if (removed.length) warn(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids`, { file: story.file }));
  // A Story given as it is may hold nothing but such characters: readers would get an empty item.
  if (item.title === '' && item.summary.trim() === '' && item.contentText.trim() === '' && !htmlShowsAnything(item.contentHtml))
    throw new StoryfeedError('E_ITEM', `the story ${story.id} has no title, summary or text a feed can carry (only characters XML forbids, which are removed)`, {
      file: story.file,
    });
  return item;
}

/** `true` when HTML has text between its tags, or an image or media element (what a reader shows of a body). */
function htmlShowsAnything(html: string): boolean {
  return html.replace(TAG, '').trim() !== '' || MEDIA_TAG.test(html);
}

const TAG = /<[^>]*>/g;
const MEDIA_TAG = /<(?:img|picture|video|audio|iframe|object|embed|svg)\b/i;

// The characters removeIllegalXmlChars removes, less lone surrogates (found by `isWellFormed`):
// two scans without look-around, which most strings pass, instead of one with look-behind.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NONCHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** `true` when `text` holds no character XML forbids (and no lone surrogate): the feeds publish it unchanged. */
export function isXmlClean(text: string): boolean {
  return !CONTROL_OR_NONCHARACTER.test(text) && (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * The tags, white space collapsed, without empty ones and repeats. Most lists have neither: the mapped
 * list is then given as it is, exactly as long (a filtered list keeps room for more, and a feed set
 * holds one list per item of every feed).
 */
function uniqueTags(tags: string[]): string[] {
  const collapsed = tags.map(tagName);
  if (collapsed.every((t) => t !== '') && (collapsed.length < 2 || new Set(collapsed.map((t) => t.toLowerCase())).size === collapsed.length)) return collapsed;
  // One tag in two cases (`AI`, `ai`) is one tag, as the tag feeds count it: the first spelling stays.
  const seen = new Set<string>();
  return collapsed.filter((t) => t && !seen.has(t.toLowerCase()) && (seen.add(t.toLowerCase()), true));
}

/**
 * A tag as feeds carry it and tag feeds group it: white space collapsed, in NFC (one tag for `Café`
 * written with a precomposed é and with e and an accent), without the characters XML forbids. Tags that
 * differ only in case are one tag (compare `tagName(a).toLowerCase()`).
 */
export function tagName(tag: string): string {
  const clean = isXmlClean(tag) ? tag : removeIllegalXmlChars(tag).text;
  return collapseSpace(clean).normalize('NFC');
}

/**
 * Extension values cleaned like every other string. JSON escapes every character but half a surrogate
 * pair, which is no character: a strict reader refuses the feed, so it is taken out of JSON strings and keys.
 */
function cleanExtensions(ext: NonNullable<Story['extensions']>, c: (s: string) => string, removed: string[]): NonNullable<FeedItem['extensions']> {
  const out: NonNullable<FeedItem['extensions']> = {};
  if (ext.xml) out.xml = Object.fromEntries(Object.entries(ext.xml).map(([k, v]) => [k, Array.isArray(v) ? v.map(c) : c(v)]));
  if (ext.json) out.json = wellFormedJson(ext.json, removed) as NonNullable<FeedItem['extensions']>['json'];
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A copy of a JSON value (read by `readExtensions`: plain data, 64 levels at most) without lone surrogates in its strings and keys. */
function wellFormedJson(value: unknown, removed: string[]): unknown {
  if (typeof value === 'string') return wellFormedText(value, removed);
  if (Array.isArray(value)) return value.map((v) => wellFormedJson(v, removed));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormedText(k, removed), wellFormedJson(v, removed)]));
  return value;
}

function wellFormedText(text: string, removed: string[]): string {
  if ((text as string & { isWellFormed(): boolean }).isWellFormed()) return text;
  return text.replace(LONE_SURROGATE, (ch) => {
    removed.push(ch);
    return '';
  });
}

/** `value` without the characters XML forbids; the warning names the setting (`title`, `authors[0].name`). */
function cleanText(value: string, warn: (d: Diagnostic) => void, setting: string): string {
  const { text, removed } = removeIllegalXmlChars(value);
  if (removed.length) warn(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids from the site's \`${setting}\``));
  return text;
}

function cleanAuthor(author: Author, warn: (d: Diagnostic) => void, setting: string): Author {
  return { ...author, name: cleanText(author.name, warn, `${setting}.name`) };
}

/** The latest `updated` among `items`, or `undefined` for none: a feed's date, never the clock. */
export function newestUpdate(items: readonly FeedItem[]): Date | undefined {
  let newest = Number.NEGATIVE_INFINITY;
  for (const item of items) if (item.updated.getTime() > newest) newest = item.updated.getTime();
  return Number.isFinite(newest) ? new Date(newest) : undefined;
}
