import path from 'node:path';
import { StoryfeedError, type Diagnostic } from '../errors.js';
import type { StoryfeedConfig } from '../config/site-config.js';
import { buildFeedSet, feedSetFiles, type FeedSetEntry } from '../feed/sets.js';
import { renderFeeds } from '../render/index.js';
import { renderIndexPage } from '../site/index-page.js';
import { FEED_STYLESHEET, STYLESHEET_FILE } from '../site/stylesheet.js';
import type { FeedDocument, FeedFormat, FeedOutputs, Story } from '../types.js';
import { formatReport, verifyDocument, type VerifyProblem, type VerifyReport } from '../verify/index.js';
import { loadStories } from './load-stories.js';
import { MANIFEST_FILE, readManifest, reconcileWithManifest } from './manifest.js';
import { publishFiles } from './publish.js';
import { StoryCache, type CacheCounters } from './story-cache.js';
import { displayPath } from './seed-files.js';

/** Options for {@link buildSite}. */
export interface BuildSiteOptions {
  /** The configuration (site, seeds folder, output folder, feed set). */
  config: StoryfeedConfig;
  /** Seeds folder; default `config.seeds`, else `seeds`. */
  seeds?: string;
  /** Output folder; default `config.out`, else `public`. */
  out?: string;
  /** Folder relative paths are resolved against (default: the working directory). */
  cwd?: string;
  /** Write the files (default `true`); `false` builds and verifies only. */
  write?: boolean;
  /** Publish the good seeds when some fail (default `false`: any bad seed fails the build). */
  keepGoing?: boolean;
  /** `SOURCE_DATE_EPOCH` (seconds): the date for undated stories and empty feeds. */
  sourceDateEpoch?: string;
  /** Receives warnings as they are found. */
  onWarning?: (d: Diagnostic) => void;
  /** Called as seeds are read: the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Reuse stories of unchanged seeds from the cache (default `true`). */
  cache?: boolean;
  /** Cache folder (default `.storyfeed-cache` in `cwd`). */
  cacheDir?: string;
}

/** One published feed: its place in the set, its document and its three outputs. */
export interface BuiltFeed {
  /** The set entry (main, archive page, tag or author feed). */
  entry: FeedSetEntry;
  /** The rendered outputs. */
  outputs: FeedOutputs;
  /** Output file of each format, relative to the output folder. */
  files: Record<FeedFormat, string>;
}

/** What a build produced. */
export interface BuildSiteResult {
  /** Every story read (drafts included). */
  stories: Story[];
  /** Seeds skipped with `keepGoing`. */
  skipped: StoryfeedError[];
  /** The main (subscription) feed's document. */
  document: FeedDocument;
  /** The main feed's outputs. */
  outputs: FeedOutputs;
  /** Every feed of the set (the main feed first). */
  feeds: BuiltFeed[];
  /** The verification of every feed against its document. */
  report: VerifyReport;
  /** Output folder (absolute). */
  outDir: string;
  /** Every file of the output folder (relative path → contents). */
  contents: Record<string, string>;
  /** Whether files were published (false for a dry run, or when nothing changed). */
  written: boolean;
  /** Story cache hits and misses, when the cache was used. */
  cache?: CacheCounters;
}

/** Reads a `SOURCE_DATE_EPOCH` value (whole seconds since 1970) as a Date. */
export function sourceDateEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value.trim())) throw new StoryfeedError('E_CONFIG', `SOURCE_DATE_EPOCH must be whole seconds since 1970, found "${value}"`);
  return new Date(Number(value.trim()) * 1000);
}

/**
 * Seeds folder in, verified feeds out: reads every seed, builds the feed set (main feed, archive
 * pages, tag and author feeds as configured), renders RSS, Atom and JSON Feed, parses every output
 * back and compares it with its stories, and only then publishes the whole set atomically.
 * Any bad seed or verification problem rejects with a {@link StoryfeedError} before anything is written.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const cwd = options.cwd ?? process.cwd();
  const { config } = options;
  const seedsDir = path.resolve(cwd, options.seeds ?? config.seeds ?? 'seeds');
  const outDir = path.resolve(cwd, options.out ?? config.out ?? 'public');
  const epoch = sourceDateEpoch(options.sourceDateEpoch);
  const cache = options.cache === false ? undefined : new StoryCache(path.resolve(cwd, options.cacheDir ?? '.storyfeed-cache'), storySettings(config, epoch));
  const loaded = await loadStories(seedsDir, {
    site: config,
    cwd,
    ...(cache ? { cache } : {}),
    ...(epoch ? { fallbackDate: epoch } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  if (loaded.errors.length && !options.keepGoing) {
    throw new StoryfeedError('E_BAD_SEEDS', `${loaded.errors.length} of ${loaded.files.length} seed${loaded.files.length === 1 ? '' : 's'} could not be read; nothing was written`, {
      problems: loaded.errors.map((e) => e.message),
    });
  }
  if (loaded.stories.filter((s) => !s.draft).length === 0) {
    throw new StoryfeedError('E_NO_STORIES', `no publishable stories in ${displayPath(seedsDir, cwd)}`);
  }

  // Edited stories are updates of what readers have, not new items: settle `updated` against the last build.
  const seedPaths = new Map(loaded.files.map((f) => [f.display, f.path]));
  const reconciled = await reconcileWithManifest(loaded.stories, await readManifest(outDir), {
    ...(epoch ? { editDate: epoch } : {}),
    seedPath: (story) => (story.file ? seedPaths.get(story.file) : undefined),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
  const stories = reconciled.stories;
  const set = buildFeedSet(stories, config, {
    ...(config.tagFeeds ? { tagFeeds: config.tagFeeds } : {}),
    ...(config.authorFeeds ? { authorFeeds: true } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(epoch ? { emptyFeedDate: epoch } : {}),
  });
  const feeds = set.map((entry): BuiltFeed => {
    if (config.stylesheet) entry.document.stylesheet = relativeToEntry(config.stylesheet, entry.path);
    return { entry, outputs: renderFeeds(entry.document), files: feedSetFiles(entry, config) };
  });

  const problems: VerifyProblem[] = [];
  const formats: VerifyReport['formats'] = {};
  for (const feed of feeds) {
    const report = await verifyDocument(feed.outputs, feed.entry.document);
    problems.push(...report.problems.map((p) => (feed.entry.path ? { ...p, field: `${feed.entry.path}: ${p.field}` } : p)));
    if (feed.entry.kind === 'main') Object.assign(formats, report.formats);
  }
  const report: VerifyReport = { ok: problems.length === 0, problems, formats };
  if (!report.ok) throw new StoryfeedError('E_VERIFY', `the feeds do not match the stories; nothing was written\n${formatReport(report)}`);

  const contents: Record<string, string> = {};
  for (const feed of feeds) for (const format of ['rss', 'atom', 'json'] as const) contents[feed.files[format]] = feed.outputs[format];
  if (config.bundleStylesheet && config.stylesheet === STYLESHEET_FILE) contents[STYLESHEET_FILE] = FEED_STYLESHEET;
  if (config.indexPage !== false) contents['index.html'] = renderIndexPage(set, (entry) => feedSetFiles(entry, config));
  contents[MANIFEST_FILE] = `${JSON.stringify(reconciled.manifest, null, 2)}\n`;

  let written = false;
  if (options.write !== false) written = (await publishFiles(outDir, contents)).changed;
  await cache?.prune();
  const main = feeds[0]!;
  const result: BuildSiteResult = { stories, skipped: loaded.errors, document: main.entry.document, outputs: main.outputs, feeds, report, outDir, contents, written };
  if (cache) result.cache = cache.counters;
  return result;
}

/** The settings that shape a Story: part of every cache key, so changing one re-normalizes everything. */
function storySettings(config: StoryfeedConfig, epoch: Date | undefined): unknown {
  const { siteUrl, storyPath, language, authors, entities, entityTags, defaultYear, defaultDate, timeZone } = config;
  return { siteUrl, storyPath, language, authors, entities, entityTags, defaultYear, defaultDate, timeZone, epoch: epoch?.toISOString() };
}

/** A relative stylesheet href is relative to the output folder; feeds in sub-folders climb up to it. */
function relativeToEntry(href: string, entryPath: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\//i.test(href)) return href;
  const depth = entryPath.split('/').filter(Boolean).length;
  return `${'../'.repeat(depth)}${href}`;
}
