import { StoryfeedError, warning, type Diagnostic } from '../errors.js';
import type { Author, FeedDocument, FeedFormat, FeedItem, SiteConfig, Story } from '../types.js';
import { GENERATOR } from '../version.js';
import { describeRemoved, removeIllegalXmlChars } from '../xml-chars.js';

/** Default output file names. */
export const DEFAULT_OUTPUTS: Readonly<Record<FeedFormat, string>> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** Options for {@link buildFeedDocument}. */
export interface FeedDocumentOptions {
  /** Receives non-fatal problems (drafts left out, characters removed). */
  onWarning?: (d: Diagnostic) => void;
  /** `updated` of a feed with no items (default: the Unix epoch; the CLI passes `SOURCE_DATE_EPOCH`). */
  emptyFeedDate?: Date;
}

/** The self URL of each format: `feedBaseUrl` (default `siteUrl`) joined with the output file name. */
export function feedUrls(site: Pick<SiteConfig, 'siteUrl' | 'feedBaseUrl' | 'outputs'>): Record<FeedFormat, string> {
  const base = site.feedBaseUrl ?? site.siteUrl;
  const dir = base.endsWith('/') ? base : `${base}/`;
  const names = { ...DEFAULT_OUTPUTS, ...site.outputs };
  return { rss: new URL(names.rss, dir).href, atom: new URL(names.atom, dir).href, json: new URL(names.json, dir).href };
}

/**
 * Builds the feed every format is rendered from: drafts left out, duplicate ids refused, newest
 * first (ties by id), limited to `site.itemLimit`, every string cleaned of characters XML forbids,
 * and `updated` set to the newest item's date, never the clock.
 */
export function buildFeedDocument(stories: readonly Story[], site: SiteConfig, options: FeedDocumentOptions = {}): FeedDocument {
  const warn = (d: Diagnostic): void => options.onWarning?.(d);
  const published = stories.filter((s) => {
    if (s.draft) warn(warning('W_DRAFT', `"${s.title}" is a draft and is left out of the feeds`, { file: s.file }));
    return !s.draft;
  });
  const byId = new Map<string, Story>();
  for (const s of published) {
    const other = byId.get(s.id);
    if (other) {
      throw new StoryfeedError('E_DUPLICATE_ID', `${s.id} is the id of both ${other.file ?? `"${other.title}"`} and ${s.file ?? `"${s.title}"`}`, { file: s.file });
    }
    byId.set(s.id, s);
  }
  const sorted = [...published].sort((a, b) => b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const limited = site.itemLimit !== undefined && site.itemLimit >= 0 ? sorted.slice(0, site.itemLimit) : sorted;
  const language = site.language;
  const items = limited.map((s) => toItem(s, site, language, warn));
  const newest = newestUpdate(items);

  const doc: FeedDocument = {
    title: cleanText(site.title, warn),
    description: cleanText(site.description, warn),
    siteUrl: new URL(site.siteUrl).href,
    language,
    selfUrls: feedUrls(site),
    updated: newest ?? options.emptyFeedDate ?? new Date(0),
    authors: site.authors.map((a) => cleanAuthor(a, warn)),
    generator: { ...GENERATOR },
    items,
  };
  for (const key of ['copyright', 'icon', 'favicon', 'logo', 'hub', 'stylesheet'] as const) {
    const value = site[key];
    if (value !== undefined) doc[key] = cleanText(value, warn);
  }
  return doc;
}

function toItem(story: Story, site: SiteConfig, feedLanguage: string, warn: (d: Diagnostic) => void): FeedItem {
  const removed: string[] = [];
  const c = (s: string): string => {
    if (isClean(s)) return s;
    const r = removeIllegalXmlChars(s);
    for (const ch of r.removed) removed.push(ch);
    return r.text;
  };
  const item: FeedItem = {
    id: story.id,
    url: story.url,
    title: c(story.title).replace(/\s+/g, ' ').trim(),
    summary: c(story.summary),
    contentHtml: c(story.contentHtml),
    contentText: c(story.contentText),
    published: story.published,
    updated: story.updated,
    authors: (story.authors.length ? story.authors : site.authors).map((a) => ({ ...a, name: c(a.name) })),
    tags: uniqueTags(story.tags.map(c)),
  };
  if (story.image) item.image = { ...story.image };
  if (story.language.toLowerCase() !== feedLanguage.toLowerCase()) item.language = story.language;
  if (removed.length) warn(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids`, { file: story.file }));
  return item;
}

// The characters removeIllegalXmlChars removes, less lone surrogates (found by `isWellFormed`):
// two scans without look-around, which most strings pass, instead of one with look-behind.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NONCHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function isClean(text: string): boolean {
  return !CONTROL_OR_NONCHARACTER.test(text) && (text as string & { isWellFormed(): boolean }).isWellFormed();
}

function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t && !seen.has(t) && (seen.add(t), true));
}

function cleanText(value: string, warn: (d: Diagnostic) => void): string {
  const { text, removed } = removeIllegalXmlChars(value);
  if (removed.length) warn(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids from the site config`));
  return text;
}

function cleanAuthor(author: Author, warn: (d: Diagnostic) => void): Author {
  return { ...author, name: cleanText(author.name, warn) };
}

/** The latest `updated` among `items`, or `undefined` for none: a feed's date, never the clock. */
export function newestUpdate(items: readonly FeedItem[]): Date | undefined {
  let newest = Number.NEGATIVE_INFINITY;
  for (const item of items) if (item.updated.getTime() > newest) newest = item.updated.getTime();
  return Number.isFinite(newest) ? new Date(newest) : undefined;
}
