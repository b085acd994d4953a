import * as read from '../item/fields.js';
import { checkOptions, options as readOptions } from '../item/fields.js';
import type { TagFeedOptions } from '../config/site-config.js';
import { type Diagnostic, describeValue, StoryfeedError } from '../errors.js';
import { slugify } from '../story/slug.js';
import { toStories, type ArticleAnalyzer, type FeedInput, type ItemOptions, type MarkdownRenderer } from '../item/index.js';
import type { FeedDocument, FeedFormat, FeedItem, PodcastChannel, SiteConfig, Story } from '../types.js';
import { buildFeedDocumentOfStories, feedUrls, newestUpdate, outputNames, tagName } from './document.js';
import { copySetting, outputProblems, resolveSite } from './site.js';

/** Which feeds to publish besides the main one. */
export interface FeedSetOptions {
  /** One feed per tag (`tags/<slug>/`); `minItems` skips rare tags (default 1). */
  tagFeeds?: boolean | TagFeedOptions;
  /** One feed per author (`authors/<slug>/`). */
  authorFeeds?: boolean;
  /** Receives warnings (drafts, removed characters) once, from the main feed. */
  onWarning?: (d: Diagnostic) => void;
  /** `updated` of a feed with no items. */
  emptyFeedDate?: Date;
  /** Folder slugs given to tags and authors by earlier builds: kept, so a feed's URL never moves. */
  slugs?: FeedSlugs;
  /** Text analysis for plain items: `analyzeArticle` from `storyfeed/story` (default: none). */
  analyze?: ArticleAnalyzer;
  /** Markdown for plain items' `contentMarkdown`: `renderMarkdown` from `storyfeed/story`. */
  markdown?: MarkdownRenderer;
  /** Date for plain items that give none. */
  fallbackDate?: Date;
  /** Largest body of a plain item, in UTF-8 bytes (see {@link ItemOptions.maxContentBytes}). */
  maxContentBytes?: number;
}

/**
 * The folder slug of every tag and author feed, by lower-cased name. A slug is assigned when a
 * name is first seen and recorded (in the build manifest), so adding "C" never moves `tags/c/`
 * away from "C#": the newcomer gets `c-2`.
 */
export interface FeedSlugs {
  /** Tag feed slugs by lower-cased tag. */
  tags: Record<string, string>;
  /** Author feed slugs by lower-cased author name. */
  authors: Record<string, string>;
}

/** One feed of a set: where it goes and what it holds. */
export interface FeedSetEntry {
  /** `main` (the subscription feed), `archive` (an RFC 5005 archive page), `tag` or `author`. */
  kind: 'main' | 'archive' | 'tag' | 'author';
  /** The tag or author name, or the archive page number (empty for the main feed). */
  name: string;
  /** Folder of its files relative to the output folder: `''`, `archive/3/`, `tags/nato/`, `authors/jane-doe/`. */
  path: string;
  /** The document to render. */
  document: FeedDocument;
}

/**
 * The main feed plus optional per-tag and per-author feeds. Each sub-feed is a full document with
 * its own title, self links (under its folder) and `updated`, holding only the matching stories.
 */
export function buildFeedSet(inputs: readonly FeedInput[], siteConfig: SiteConfig, given: FeedSetOptions = {}): FeedSetEntry[] {
  const options = readOptions(given);
  checkOptions(options as Record<string, unknown>);
  const site = resolveSite(siteConfig);
  const stories = toStories(inputs, site, {
    ...(options.analyze ? { analyze: options.analyze } : {}),
    ...(options.markdown ? { markdown: options.markdown } : {}),
    ...(options.fallbackDate ? { fallbackDate: options.fallbackDate } : {}),
    ...(options.maxContentBytes !== undefined ? { maxContentBytes: options.maxContentBytes } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
  const documentOptions = { ...(options.onWarning ? { onWarning: options.onWarning } : {}), ...(options.emptyFeedDate ? { emptyFeedDate: options.emptyFeedDate } : {}) };
  const entries: FeedSetEntry[] = site.archive
    ? archivedFeeds(buildFeedDocumentOfStories(stories, { ...site, itemLimit: undefined }, documentOptions), site)
    : [{ kind: 'main', name: '', path: '', document: buildFeedDocumentOfStories(stories, site, documentOptions) }];
  const published = stories.filter((s) => !s.draft);
  const quiet = options.emptyFeedDate ? { emptyFeedDate: options.emptyFeedDate } : {};
  const sub = (kind: 'tag' | 'author', name: string, folder: string, members: Story[]): FeedSetEntry => ({
    kind,
    name,
    path: folder,
    document: buildFeedDocumentOfStories(
      members,
      { ...site, title: `${site.title}: ${name}`, feedBaseUrl: new URL(folder, baseOf(site)).href, ...(site.podcast ? { podcast: subFeedPodcast(site.podcast) } : {}) },
      quiet,
    ),
  });
  if (options.tagFeeds) {
    const minItems = typeof options.tagFeeds === 'object' ? (options.tagFeeds.minItems ?? 1) : 1;
    const slugs = new SlugBook(options.slugs?.tags);
    for (const [name, members] of groupBy(published, (s) => s.tags)) {
      if (members.length >= minItems) entries.push(sub('tag', name, `tags/${slugs.slugOf(name)}/`, members));
    }
  }
  if (options.authorFeeds) {
    const slugs = new SlugBook(options.slugs?.authors);
    for (const [name, members] of groupBy(published, (s) => (s.authors.length ? s.authors : site.authors).map((a) => a.name))) {
      entries.push(sub('author', name, `authors/${slugs.slugOf(name)}/`, members));
    }
  }
  return entries;
}

/**
 * The slugs to record after a build: every earlier one (a tag that comes back gets its old folder,
 * and no other tag can take it) plus those of this set's feeds.
 */
export function feedSlugs(entries: readonly FeedSetEntry[], previous?: FeedSlugs): FeedSlugs {
  const given = read.list(entries, 'feedSlugs: entries', 'a list of feeds (what buildFeedSet returns)').map((entry, i) => setEntry(entry, `feedSlugs: entries[${i}]`));
  const recorded = previous === undefined || previous === null ? {} : read.record(previous, 'feedSlugs: previous');
  // Maps, not objects: a tag named `__proto__` is a name like any other (an assignment would set the object's prototype).
  const tags = slugRecord(recorded.tags, 'feedSlugs: previous.tags');
  const authors = slugRecord(recorded.authors, 'feedSlugs: previous.authors');
  for (const e of given) {
    if (e.kind === 'tag') tags.set(e.name.toLowerCase(), e.path.slice('tags/'.length, -1));
    if (e.kind === 'author') authors.set(e.name.toLowerCase(), e.path.slice('authors/'.length, -1));
  }
  return { tags: sortedRecord(tags), authors: sortedRecord(authors) };
}

/** An entry of a feed set as `feedSlugs` and `feedSetFiles` read it, read through the item guard: a wrong one is `E_ITEM` naming it. */
function setEntry(value: unknown, path: string): Pick<FeedSetEntry, 'kind' | 'name' | 'path'> {
  const r = read.record(value, path);
  const kind = r.kind;
  if (kind !== 'main' && kind !== 'archive' && kind !== 'tag' && kind !== 'author')
    read.fail(`${path}.kind`, `must be "main", "archive", "tag" or "author" (an entry of what buildFeedSet returns), found ${describeValue(kind)}`);
  const name = read.text(r.name, `${path}.name`) ?? read.fail(`${path}.name`, 'is required (an entry of what buildFeedSet returns)');
  const folder = read.text(r.path, `${path}.path`) ?? read.fail(`${path}.path`, 'is required (an entry of what buildFeedSet returns)');
  return { kind, name, path: folder };
}

/** Recorded slugs by name (`previous.tags`): none when not given; one that is not text is no slug, and left out. */
function slugRecord(value: unknown, path: string): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined || value === null) return out;
  const r = read.record(value, path);
  for (const key of Object.keys(r)) {
    const slug = r[key];
    if (typeof slug === 'string') out.set(key, slug);
  }
  return out;
}

/** Slugs by name as a record sorted by name (`Object.fromEntries` defines each as its own field, `__proto__` too). */
function sortedRecord(slugs: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries([...slugs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Names Windows keeps for devices (`con`, `nul`, `com1`, …): a folder of that name cannot be made
 * there, nor checked out or unpacked, so a new tag or author `Con` gets `con-2`. Slugs recorded by
 * earlier builds stay as they are (a feed's URL never moves).
 */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** Slugs of one kind of feed: recorded ones first, new names get a free slug (`nato`, `nato-2`), never empty. */
class SlugBook {
  private readonly byName = new Map<string, string>();
  private readonly taken = new Set<string>();
  /** The first number after a base that may be free (`nato-2`, `nato-3`). */
  private readonly nextNumber = new Map<string, number>();

  constructor(recorded: Record<string, string> | undefined) {
    for (const [name, slug] of Object.entries(recorded ?? {})) {
      // A recorded slug is trusted only when it is one slugify could have made (the manifest is a file on disk).
      if (typeof slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || this.taken.has(slug)) continue;
      // Names are read in NFC (see groupBy): a name an earlier build recorded decomposed keeps its slug.
      const key = name.normalize('NFC');
      if (this.byName.has(key)) continue;
      this.byName.set(key, slug);
      this.taken.add(slug);
    }
  }

  slugOf(name: string): string {
    const key = name.toLowerCase();
    const known = this.byName.get(key);
    if (known) return known;
    const base = slugify(name) || 'x';
    let slug = base;
    if (this.taken.has(base) || WINDOWS_DEVICE_NAME.test(base)) {
      // Numbers below the one kept for a base are all taken (the taken only grow): each is tried once,
      // however many names share the base.
      let n = this.nextNumber.get(base) ?? 2;
      while (this.taken.has(`${base}-${n}`)) n++;
      slug = `${base}-${n}`;
      this.nextNumber.set(base, n + 1);
    }
    this.byName.set(key, slug);
    this.taken.add(slug);
    return slug;
  }
}

/** Default page size of archived feeds. */
export const DEFAULT_ARCHIVE_PAGE_SIZE = 50;

/**
 * RFC 5005 archived feeds: the subscription feed holds the newest `itemLimit` items; older items
 * fill archive pages numbered from the oldest (`archive/1/` holds the oldest items), so every page
 * but the newest never changes as stories are added. Pages link `prev-archive` (older),
 * `next-archive` (newer) and `current` (the subscription feed).
 */
function archivedFeeds(all: FeedDocument, site: SiteConfig): FeedSetEntry[] {
  const size = site.itemLimit ?? DEFAULT_ARCHIVE_PAGE_SIZE;
  const older = all.items.slice(size).reverse();
  const pages: FeedItem[][] = [];
  for (let i = 0; i < older.length; i += size) pages.push(older.slice(i, i + size).reverse());
  const urlsOf = (folder: string): Record<FeedFormat, string> => feedUrls({ ...site, feedBaseUrl: new URL(folder, baseOf(site)).href });
  const pageUrls = pages.map((_, k) => urlsOf(`archive/${k + 1}/`));
  const main: FeedSetEntry = { kind: 'main', name: '', path: '', document: withItems(all, all.items.slice(0, size), all.selfUrls) };
  if (pages.length) main.document.history = { archive: false, prevArchive: pageUrls[pages.length - 1]! };
  const archives = pages.map((items, k): FeedSetEntry => {
    const document = withItems(all, items, pageUrls[k]!);
    document.history = { archive: true, current: all.selfUrls };
    if (k > 0) document.history.prevArchive = pageUrls[k - 1]!;
    if (k < pages.length - 1) document.history.nextArchive = pageUrls[k + 1]!;
    return { kind: 'archive', name: String(k + 1), path: `archive/${k + 1}/`, document };
  });
  return [main, ...archives];
}

/** A copy of `doc` holding `items`, with its own self links and `updated`. */
function withItems(doc: FeedDocument, items: FeedItem[], selfUrls: Record<FeedFormat, string>): FeedDocument {
  return { ...doc, items, selfUrls, updated: newestUpdate(items) ?? doc.updated };
}

/**
 * A podcast's settings for one of its tag or author feeds: all but `guid`. `podcast:guid` is the show's
 * one identifier, which directories such as Podcast Index follow from feed to feed when a show moves: a
 * sub-feed holding it too would pass for the show itself. A sub-feed is another feed, so it carries none.
 */
function subFeedPodcast(podcast: PodcastChannel): PodcastChannel {
  const { guid: _guid, ...rest } = podcast;
  return rest;
}

function baseOf(site: SiteConfig): string {
  const base = site.feedBaseUrl ?? site.siteUrl;
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * Groups stories by each key they have (case-insensitively), keeping the first spelling; sorted by key.
 * A story joins a group once however many spellings of its key it has (checked against its own keys,
 * so a group of the whole archive is made in linear time).
 */
function groupBy(stories: readonly Story[], keys: (s: Story) => string[]): [string, Story[]][] {
  const groups = new Map<string, { name: string; members: Story[] }>();
  const joined = new Set<string>();
  for (const s of stories) {
    joined.clear();
    for (const raw of keys(s)) {
      // One feed for a tag as the items carry it (see tagName): `New  York` and `New York`, `Café` in either Unicode form.
      const key = tagName(raw);
      const id = key.toLowerCase();
      if (!key || joined.has(id)) continue;
      joined.add(id);
      const group = groups.get(id);
      if (group) group.members.push(s);
      else groups.set(id, { name: key, members: [s] });
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => [g.name, g.members]);
}

/** MIME types of the three formats. */
export const FEED_MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The file names of the set's outputs, relative to the output folder, by format. */
export function feedSetFiles(entry: FeedSetEntry, site: Pick<SiteConfig, 'outputs'>): Record<FeedFormat, string> {
  const folder = setEntry(entry, 'feedSetFiles: entry').path;
  const names = outputNames(siteOutputs(site));
  return { rss: `${folder}${names.rss}`, atom: `${folder}${names.atom}`, json: `${folder}${names.json}` };
}

/** The site's `outputs` for {@link feedSetFiles}, checked as the site settings are: `E_CONFIG` naming the field. */
function siteOutputs(site: unknown): SiteConfig['outputs'] {
  let outputs: unknown;
  try {
    if (typeof site !== 'object' || site === null || Array.isArray(site))
      throw new StoryfeedError('E_CONFIG', `feedSetFiles: site must be the site settings, found ${describeValue(site)}`);
    outputs = (site as { outputs?: unknown }).outputs;
  } catch (error) {
    if (error instanceof StoryfeedError) throw error;
    throw new StoryfeedError('E_CONFIG', `feedSetFiles: site.outputs ${read.unreadable(error)}`);
  }
  if (outputs === undefined) return undefined;
  const copy = copySetting(outputs, 'outputs');
  const problems = copy.problems.length ? copy.problems : outputProblems(copy.value);
  if (problems.length) throw new StoryfeedError('E_CONFIG', `feedSetFiles: site ${problems.join('; ')}`, { problems });
  return copy.value as SiteConfig['outputs'];
}
