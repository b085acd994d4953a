import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeValue, isStoryfeedError, StoryfeedError, warning, type Diagnostic } from '../errors.js';
import { acquirePublishLock, type PublishLock } from './publish-lock.js';
import { SEED_EXTENSIONS } from '../seed/extensions.js';
import { setAsideSharedIds } from './shared-ids.js';
import type { StoryfeedConfig } from '../config/site-config.js';
import type { StorySite } from '../story/seed-to-story.js';
import { readAuthorProfiles } from './author-profiles.js';
import { buildFeedSet, feedSetFiles, feedSlugs, type FeedSetEntry } from '../feed/sets.js';
import { joinRendering, splitRendering } from '../render/chunks.js';
import { nearUnixEpoch } from '../seed/dates.js';
import { renderIndexPage } from '../site/index-page.js';
import { fileLinkProblems } from '../story/file-links.js';
import { FEED_STYLESHEET, STYLESHEET_FILE } from '../site/stylesheet.js';
import type { FeedDocument, FeedFormat, FeedOutputs, Story } from '../types.js';
import type { VerifyProblem, VerifyReport } from '../verify/index.js';
import { loadStories } from './load-stories.js';
import { BodyStore, bodiesInMemory } from './body-store.js';
import type { FeedRecord } from './feed-record.js';
import { MANIFEST_FILE, manifestParts, readManifest, reconcileWithManifest } from './manifest.js';
import { claimCacheFolder, FEEDS_FOLDER } from './cache-folder.js';
import { checkOutputFolder } from './out-folder.js';
import { feedsFirst, publishFiles, type FileContents, type StreamedContents } from './publish.js';
import { StoryCache, type CacheCounters } from './story-cache.js';
import { entryTextSize, FeedCache, lazyOutputs, outputsReadBy, readBytes, readBytesInto, type LazyOutputs } from './feed-cache.js';
import { displayPath } from './seed-files.js';
import { runTask, WorkerPool, type FeedResult, type FeedTask } from './workers.js';

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
  /** Folder of the configuration file (the project root): the output folder may not be or contain it. */
  configDir?: string;
  /** Write the files (default `true`); `false` builds and verifies only. */
  write?: boolean;
  /** Publish the good seeds when some fail, skipping stories that share an id (default `false`: any bad seed fails the build). */
  keepGoing?: boolean;
  /** `SOURCE_DATE_EPOCH` (seconds): the date for undated stories and empty feeds. */
  sourceDateEpoch?: string;
  /**
   * The time stories dated after it are left out until (a scheduled post, see the config's `future`): default
   * the clock's. Not `SOURCE_DATE_EPOCH`, which reproducible builds set to a fixed past time (Nix: 1980).
   */
  now?: Date;
  /** Receives warnings as they are found. */
  onWarning?: (d: Diagnostic) => void;
  /** Called as seeds are read: the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Reuse stories of unchanged seeds from the cache (default `true`). */
  cache?: boolean;
  /**
   * Cache folder (default `.storyfeed-cache` in `cwd`): a new or empty folder, or one storyfeed made
   * (it holds storyfeed's `CACHEDIR.TAG`); any other folder, or one overlapping the seeds, output or
   * project folder, stops the build with `E_CACHE_UNSAFE` before anything is touched.
   */
  cacheDir?: string;
  /** Worker threads for normalizing many seeds and rendering and verifying large feeds (default: one per core; 0: none). */
  workers?: number;
  /**
   * Give the main feed's {@link BuildSiteResult.document} with its items' bodies (default `true`).
   * `false` leaves them empty, and saves reading every body of a large feed back from disk when the
   * caller does not read them (the CLI does not).
   */
  documentBodies?: boolean;
}

/** One published feed: its place in the set, its document and its three outputs. */
export interface BuiltFeed {
  /**
   * The set entry (main, archive page, tag or author feed). Its document's items carry no bodies
   * (`contentHtml` and `contentText` empty; a build holds no more than a few feeds' bodies at once),
   * except the main feed's, which is whole; every feed's bodies are in its `outputs`.
   */
  entry: FeedSetEntry;
  /** The rendered outputs. */
  outputs: FeedOutputs;
  /** Output file of each format, relative to the output folder. */
  files: Record<FeedFormat, string>;
}

/** What a build produced. */
export interface BuildSiteResult {
  /**
   * Every story read (drafts included), as light records: the body's analysis (sections, quotes,
   * sources, entities) is left out, and beyond a build's first 2,000 stories so, as a rule, is the
   * body itself (`contentHtml` and `contentText` are empty: the build kept it on disk until its feeds
   * were rendered), so memory does not grow with the archive. The published bodies are in the outputs (and the main
   * `document`); `loadStories` or `inspect` give whole stories.
   */
  stories: FeedRecord[];
  /** Seeds skipped with `keepGoing`. */
  skipped: StoryfeedError[];
  /** The main (subscription) feed's document, with its items' bodies (unless `documentBodies` is `false`). */
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
  /** The size in bytes of every file of {@link BuildSiteResult.contents} (same paths), given without reading a feed kept on disk. */
  sizes: Record<string, number>;
  /** Whether files were published (false for a dry run, or when nothing changed). */
  written: boolean;
  /** Story cache hits and misses, when the cache was used. */
  cache?: CacheCounters;
}

/** Reads a `SOURCE_DATE_EPOCH` value (whole seconds since 1970) as a Date. */
export function sourceDateEpoch(value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  // Feeds carry four-digit years: the last second they can write is 9999-12-31T23:59:59Z.
  if (!/^\d+$/.test(value.trim()) || Number(value.trim()) > 253_402_300_799) {
    throw new StoryfeedError('E_CONFIG', `SOURCE_DATE_EPOCH must be whole seconds since 1970 up to 253402300799 (year 9999), found "${value}"`);
  }
  return new Date(Number(value.trim()) * 1000);
}

/**
 * Seeds folder in, verified feeds out: reads every seed, builds the feed set (main feed, archive
 * pages, tag and author feeds as configured), renders RSS, Atom and JSON Feed, parses every output
 * back and compares it with its stories, and only then publishes the whole set atomically.
 * Any bad seed or verification problem rejects with a {@link StoryfeedError} before anything is written.
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const pool = WorkerPool.create(options.workers);
  try {
    return await build(options, pool);
  } finally {
    await pool.close();
  }
}

async function build(options: BuildSiteOptions, pool: WorkerPool): Promise<BuildSiteResult> {
  const cwd = options.cwd ?? process.cwd();
  const { config } = options;
  const seedsDir = path.resolve(cwd, options.seeds ?? config.seeds ?? 'seeds');
  const outDir = path.resolve(cwd, options.out ?? config.out ?? 'public');
  if (options.write !== false)
    await checkOutputFolder({ out: outDir, seeds: seedsDir, cwd, ...(options.configDir !== undefined ? { configDir: path.resolve(cwd, options.configDir) } : {}) });
  const epoch = sourceDateEpoch(options.sourceDateEpoch);
  let cacheDir = options.cache === false ? undefined : path.resolve(cwd, options.cacheDir ?? '.storyfeed-cache');
  if (cacheDir !== undefined)
    await claimCacheFolder({
      cache: cacheDir,
      seeds: seedsDir,
      cwd,
      ...(options.write !== false ? { out: outDir } : {}),
      ...(options.configDir !== undefined ? { configDir: path.resolve(cwd, options.configDir) } : {}),
    });
  // One build at a time appends to the story cache: two at once (a watching build beside another, parallel CI jobs
  // in one checkout) wrote records pointing at each other's bytes, and every later build failed on them.
  const cacheLock = cacheDir === undefined ? undefined : await lockCache(cacheDir, cwd, options.onWarning);
  if (cacheLock === undefined) cacheDir = undefined;
  // Authors an authors file describes by id (Docusaurus, Material for MkDocs, Jekyll): part of every story's settings.
  const authorProfiles = await readAuthorProfiles(seedsDir, cwd, options.onWarning);
  const site = authorProfiles ? { ...config, authorProfiles } : config;
  const cache = cacheDir === undefined ? undefined : new StoryCache(cacheDir, storySettings(site, epoch));
  // Body digests key the feed cache: a build without a cache hashes no body.
  const bodies = new BodyStore(config, bodiesInMemory.stories, cache !== undefined);
  try {
    return await buildWith(options, pool, cache, bodies, { cwd, seedsDir, outDir, epoch, site });
  } finally {
    cache?.close();
    bodies.close();
    await cacheLock?.release();
  }
}

/**
 * The story cache's lock, held by the kernel as the publishing lock is (see `publish-lock.ts`): a build killed
 * holding it leaves no lock behind. Held by another build, this one goes without the cache, reading and writing
 * none of it (it normalizes every seed), named by `W_CACHE_BUSY`: the other build's records stay whole.
 */
async function lockCache(cacheDir: string, cwd: string, onWarning: ((d: Diagnostic) => void) | undefined): Promise<PublishLock | undefined> {
  try {
    return await acquirePublishLock(cacheDir, cacheDir);
  } catch (error) {
    if (!isStoryfeedError(error) || error.code !== 'E_LOCKED') throw error;
    onWarning?.(
      warning('W_CACHE_BUSY', `another build is using the story cache ${displayPath(cacheDir, cwd)}: this build reads and writes none of it, so it normalizes every seed`),
    );
    return undefined;
  }
}

async function buildWith(
  options: BuildSiteOptions,
  pool: WorkerPool,
  cache: StoryCache | undefined,
  bodies: BodyStore,
  { cwd, seedsDir, outDir, epoch, site }: { cwd: string; seedsDir: string; outDir: string; epoch: Date | undefined; site: StorySite },
): Promise<BuildSiteResult> {
  const { config } = options;
  /** Seeds whose reading already said why each is a draft (a page, a post for members only): the feed stage does not say it again. */
  const draftsTold = new Set<string>();
  const loadWarning =
    options.onWarning &&
    ((d: Diagnostic): void => {
      if (d.code === 'W_DRAFT' && d.file !== undefined) draftsTold.add(d.file);
      options.onWarning?.(d);
    });
  const loaded = await loadStories(seedsDir, {
    ...(config.maxSeedBytes ? { maxSeedBytes: config.maxSeedBytes } : {}),
    site,
    cwd,
    ...(cache ? { cache } : {}),
    // Not one near 1970 (SOURCE_DATE_EPOCH=0): undated stories would be warned as dated 1970, and are refused below.
    ...(epoch && !nearUnixEpoch(epoch) ? { fallbackDate: epoch } : {}),
    feedRecords: true,
    // Bodies wait on disk until their feed is rendered: memory holds light records, however large the archive.
    keep: (story, place, body) => bodies.keep(story, place, body),
    ...(loadWarning ? { onWarning: loadWarning } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    pool,
  });
  if (loaded.errors.length && !options.keepGoing) {
    throw new StoryfeedError(
      'E_BAD_SEEDS',
      `${loaded.errors.length} of ${loaded.files.length} seed${loaded.files.length === 1 ? '' : 's'} could not be read; nothing was written`,
      {
        problems: loaded.errors.map((e) => e.message),
      },
    );
  }
  if (options.keepGoing) {
    // Stories sharing an id would stop the whole build; with keepGoing they are skipped like unreadable seeds.
    const { kept, skipped } = setAsideSharedIds(loaded.stories);
    loaded.stories = kept;
    loaded.errors.push(...skipped);
  }
  // Links to other articles' files: each must name a story published where its file's name says (see `file-links.ts`).
  if (options.onWarning) for (const problem of fileLinkProblems(loaded.stories)) options.onWarning(problem);
  if (loaded.stories.filter((s) => !s.draft).length === 0) {
    // With keepGoing, every seed may have been set aside: say which and why, as a build without it would have.
    const skipped = loaded.errors.length;
    // A folder with no seed at all (a platform's export of .html pages): say what it holds, and what storyfeed reads.
    const holds =
      loaded.files.length === 0 && loaded.others.size > 0
        ? `: it holds no seed file, only ${[...loaded.others].map(([ext, n]) => `${n} ${ext}`).join(', ')} (storyfeed reads Markdown, plain text and JSON seeds: ${SEED_EXTENSIONS.join(', ')}; a post's HTML goes in a JSON seed's \`contentHtml\`)`
        : '';
    throw new StoryfeedError(
      'E_NO_STORIES',
      `no publishable stories in ${displayPath(seedsDir, cwd)}${skipped ? `: ${skipped} seed${skipped === 1 ? ' was' : 's were'} skipped` : holds}`,
      skipped ? { problems: loaded.errors.map((e) => e.message) } : {},
    );
  }

  // Edited stories are updates of what readers have, not new items: settle `updated` against the last build.
  const seedPaths = new Map(loaded.files.map((f) => [f.display, f.path]));
  const previous = await readManifest(outDir);
  if (config.undated === 'error') {
    const undated = loaded.stories.filter((s) => s.undated && !s.draft);
    if (undated.length) {
      throw new StoryfeedError('E_UNDATED', `${undated.length} stor${undated.length === 1 ? 'y has' : 'ies have'} no date, and \`undated\` is "error"; nothing was written`, {
        problems: undated.map((s) => s.file ?? s.title),
      });
    }
  }
  if (epoch && nearUnixEpoch(epoch)) {
    // Undated stories are dated at SOURCE_DATE_EPOCH when first published: at 0 (some build systems' "no date") they would be dated 1970.
    const dated = new Set(previous?.stories.filter((e) => e.published !== undefined).map((e) => e.id));
    const undated = loaded.stories.filter((s) => s.undated && !s.draft && !dated.has(s.id));
    if (undated.length)
      throw new StoryfeedError(
        'E_UNDATED',
        `${undated.length} stor${undated.length === 1 ? 'y has' : 'ies have'} no date, and SOURCE_DATE_EPOCH (${options.sourceDateEpoch}) is ${epoch.toISOString()}, within weeks of 1970, which readers would see as their date; give ${undated.length === 1 ? 'it a date' : 'them dates'}, or set SOURCE_DATE_EPOCH to a real time, e.g. the last commit's (git log -1 --format=%ct); nothing was written`,
        { problems: undated.map((s) => s.file ?? s.title) },
      );
  }
  // A story whose expiry date is before the clock's time (not SOURCE_DATE_EPOCH's: see `now`) is a draft from then on,
  // named by W_EXPIRED; one dated after it is a draft until its date, named by W_FUTURE. Neither is named again as a draft.
  const now = buildTime(options.now);
  const expired = expiredAsDrafts(loaded.stories, now, options.onWarning);
  loaded.stories = expired.stories;
  const scheduled = config.future ? undefined : scheduledAsDrafts(loaded.stories, now, options.onWarning);
  if (scheduled) loaded.stories = scheduled.stories;
  const toldOtherwise = (file: string): boolean => draftsTold.has(file) || expired.files.has(file) || scheduled?.files.has(file) === true;
  const onWarning =
    (scheduled?.files.size || expired.files.size || draftsTold.size) && options.onWarning
      ? (d: Diagnostic): void => {
          if (d.code !== 'W_DRAFT' || d.file === undefined || !toldOtherwise(d.file)) options.onWarning?.(d);
        }
      : options.onWarning;
  const reconciled = await reconcileWithManifest(loaded.stories, previous, {
    // Undated stories are dated when first published: at SOURCE_DATE_EPOCH, else now (whole seconds), then recorded.
    publishDate: epoch ?? new Date(Math.floor(Date.now() / 1000) * 1000),
    ...(epoch ? { editDate: epoch } : {}),
    seedPath: (story) => (story.file ? seedPaths.get(story.file) : undefined),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    hashOf: (story) => bodies.hashOf(story),
  });
  const stories = reconciled.stories;
  // What only loading and reconciling read (a seed file and its path per story, 200 bytes each) goes before the feeds are built.
  seedPaths.clear();
  loaded.files = [];
  loaded.stories = [];
  bodies.index(stories);
  const set = buildFeedSet(stories, config, {
    ...(config.tagFeeds ? { tagFeeds: config.tagFeeds } : {}),
    ...(config.authorFeeds ? { authorFeeds: true } : {}),
    ...(onWarning ? { onWarning } : {}),
    // A SOURCE_DATE_EPOCH of 0 (some build systems' "no date") is no date a feed may carry: an empty feed is then refused, as without one.
    ...(epoch && !nearUnixEpoch(epoch) ? { emptyFeedDate: epoch } : {}),
    ...(previous?.slugs ? { slugs: previous.slugs } : {}),
  });
  if (config.tagFeeds || config.authorFeeds || previous?.slugs) reconciled.manifest.slugs = feedSlugs(set, previous?.slugs);
  for (const entry of set) if (config.stylesheet) entry.document.stylesheet = relativeToEntry(config.stylesheet, entry.path);
  const feedCache = cache ? new FeedCache(path.join(cache.dir, FEEDS_FOLDER)) : undefined;
  // Very large sets keep their verified outputs on disk (in the feed cache, or a temporary folder) until published.
  const kept = new KeptOutputs(outputsGoToDisk(set, bodies));
  const verified = await renderAndVerify(
    set.map((entry) => entry.document),
    pool,
    feedCache,
    kept,
    bodies,
  );
  // Nothing after this runs in the workers: their heaps are given back before publishing, where a large build peaked.
  await pool.close();
  // The main feed (one page, or `itemLimit` items, when the set is large) is returned with its bodies.
  if (options.documentBodies !== false) set[0]!.document = bodies.withBodies(set[0]!.document);
  const feeds = set.map((entry, i): BuiltFeed => ({ entry, outputs: verified[i]!.outputs, files: feedSetFiles(entry, config) }));

  const problems: VerifyProblem[] = [];
  const formats: VerifyReport['formats'] = {};
  feeds.forEach((feed, i) => {
    const { report } = verified[i]!;
    for (const p of report.problems) problems.push(feed.entry.path ? { ...p, field: `${feed.entry.path}: ${p.field}` } : p);
    if (feed.entry.kind === 'main') Object.assign(formats, report.formats);
  });
  const report: VerifyReport = { ok: problems.length === 0, problems, formats };
  if (!report.ok) {
    const { formatReport } = await import('../verify/index.js');
    const lines = formatReport(report);
    // The report's lines are also the error's problems, so the terminal shows each on a line of its own.
    throw new StoryfeedError('E_VERIFY', `the feeds do not match the stories; nothing was written\n${lines}`, { problems: lines.split('\n') });
  }

  const contents: Record<string, string> = {};
  for (const feed of feeds) {
    for (const format of FORMATS) {
      // Outputs kept on disk stay there: the entry reads them when asked for.
      const lazy = Object.getOwnPropertyDescriptor(feed.outputs, format)?.get;
      if (lazy) Object.defineProperty(contents, feed.files[format], { enumerable: true, configurable: true, get: lazy });
      else contents[feed.files[format]] = feed.outputs[format];
    }
  }
  if (config.bundleStylesheet && config.stylesheet === STYLESHEET_FILE) contents[STYLESHEET_FILE] = FEED_STYLESHEET;
  if (config.indexPage !== false) contents['index.html'] = renderIndexPage(set, (entry) => feedSetFiles(entry, config));
  // The manifest's text (240 bytes a story) is made when asked for, and published in parts (see manifestParts).
  const { manifest } = reconciled;
  Object.defineProperty(contents, MANIFEST_FILE, { enumerable: true, configurable: true, get: () => `${JSON.stringify(manifest, null, 2)}\n` });
  const sizes = sizesOf(contents, feeds, kept);

  let written = false;
  if (options.write !== false) {
    const rank = feedsFirst(
      Object.values(feeds[0]!.files),
      feeds.flatMap((feed) => Object.values(feed.files)),
    );
    // Outputs kept on disk are published from their bytes, read one file at a time: never decoded, never all in memory.
    const files: Record<string, FileContents> = Object.defineProperties({}, Object.getOwnPropertyDescriptors(contents));
    Object.defineProperty(files, MANIFEST_FILE, { enumerable: true, configurable: true, get: (): StreamedContents => ({ streamed: () => manifestParts(manifest) }) });
    for (const feed of feeds) {
      const lazy = kept.of(feed.outputs);
      if (!lazy) continue;
      for (const format of FORMATS)
        Object.defineProperty(files, feed.files[format], { enumerable: true, configurable: true, get: () => lazy.stream?.(format) ?? lazy.bytes(format) });
    }
    // Outputs an earlier build published from the same cache entries have the digests it recorded: they
    // are not read back to be hashed, only to be written if the file on disk is not theirs.
    const hashes: Record<string, string> = {};
    const recorded = verified.map((v) => (v.digestKey !== undefined ? feedCache?.digests(v.digestKey) : undefined));
    feeds.forEach((feed, i) => {
      const known = recorded[i];
      if (known) for (const format of FORMATS) hashes[feed.files[format]] = known[format];
    });
    const published = await publishFiles(outDir, files, { rank, hashes });
    written = published.changed;
    for (const [link, left] of Object.entries(published.throughLinks)) {
      options.onWarning?.(warning('W_OUT_LINK', leftBehindLink(left), { file: displayPath(path.join(published.outDir, link), cwd) }));
    }
    if (published.leftEdited.length > 0) options.onWarning?.(warning('W_OUT_EDITED', leftEdited(published.leftEdited), { file: displayPath(published.outDir, cwd) }));
    // Recorded all at once (each is a small file of its own, and a failure only costs the next build a hash).
    const recording: Promise<void>[] = [];
    for (const [i, v] of verified.entries()) {
      const f = feeds[i]!.files;
      const digests = { rss: published.hashes[f.rss], atom: published.hashes[f.atom], json: published.hashes[f.json] };
      if (v.digestKey !== undefined && !recorded[i] && digests.rss && digests.atom && digests.json && feedCache)
        recording.push(feedCache.setDigests(v.digestKey, digests as Record<FeedFormat, string>));
    }
    await Promise.all(recording);
    await kept.published(
      verified,
      feeds.map((feed) => feed.files),
      published.outDir,
    );
  }
  await cache?.prune();
  await feedCache?.prune();
  const main = feeds[0]!;
  // Loaded with `feedRecords: true`, every story is its feed record (load-stories.ts).
  const result: BuildSiteResult = {
    stories: stories as FeedRecord[],
    skipped: loaded.errors,
    document: main.entry.document,
    outputs: main.outputs,
    feeds,
    report,
    outDir,
    contents,
    sizes,
    written,
  };
  if (cache) result.cache = cache.counters;
  return result;
}

/** What a {@link BuildSiteResult} warning says of storyfeed's old files left behind a symbolic link in the output folder. */
function leftBehindLink(files: readonly string[]): string {
  const what =
    files.length === 0 ? 'the folders' : `the ${files.length === 1 ? 'file' : `${files.length} files`} (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`;
  return `${what} storyfeed ${files.length === 0 ? 'made' : 'wrote'} here in earlier builds and no longer publishes are behind this symbolic link and were left in place, as storyfeed never removes anything through a link; they are yours now: delete them yourself if you no longer need them`;
}

function leftEdited(files: readonly string[]): string {
  const one = files.length === 1;
  const what = `the ${one ? 'file' : `${files.length} files`} ${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}`;
  return `${what} storyfeed wrote here in earlier builds and no longer publishes ${one ? 'was' : 'were'} changed since and left in place, as storyfeed removes a file only as it wrote it; ${one ? 'it is' : 'they are'} yours now and still served: delete ${one ? 'it' : 'them'} yourself if you no longer need ${one ? 'it' : 'them'}`;
}

/** The time stories dated after it are left out until: `now` as given (a valid Date), else the clock's. */
function buildTime(now: unknown): Date {
  if (now === undefined) return new Date();
  if (now instanceof Date && !Number.isNaN(now.getTime())) return now;
  throw new StoryfeedError('E_CONFIG', `buildSite's \`now\` must be a valid Date, found ${describeValue(now)}`);
}

/**
 * The stories with those dated after `now` (a scheduled post) made drafts, left out of the feeds until a
 * build after their date, as Hugo and Jekyll leave them out; a `W_FUTURE` warning names each (as a draft's
 * does), and their files are given. Undated stories (dated when first published) and drafts are as they were.
 */
function scheduledAsDrafts(stories: Story[], now: Date, onWarning: ((d: Diagnostic) => void) | undefined): { stories: Story[]; files: Set<string> } {
  let later: Set<Story> | undefined;
  for (const story of stories) {
    if (story.draft || story.undated || story.published.getTime() <= now.getTime()) continue;
    (later ??= new Set()).add(story);
    onWarning?.(
      warning(
        'W_FUTURE',
        `"${story.title}" is dated ${story.published.toISOString()}, after this build's time (${now.toISOString()}): it is left out of the feeds until a build after its date; set \`future: true\` in the config to publish it now`,
        story.file !== undefined ? { file: story.file } : {},
      ),
    );
  }
  if (!later) return { stories, files: new Set() };
  const files = new Set([...later].flatMap((s) => (s.file !== undefined ? [s.file] : [])));
  return { stories: stories.map((s) => (later.has(s) ? { ...s, draft: true } : s)), files };
}

/**
 * The stories with those whose expiry date is before `now` made drafts, left out of the feeds from then on, as Hugo
 * leaves an expired page out; a `W_EXPIRED` warning names each (as a draft's does), and their files are given. Drafts
 * are as they were.
 */
function expiredAsDrafts(stories: Story[], now: Date, onWarning: ((d: Diagnostic) => void) | undefined): { stories: Story[]; files: Set<string> } {
  let expired: Set<Story> | undefined;
  for (const story of stories) {
    if (story.draft || story.expires === undefined || story.expires.getTime() >= now.getTime()) continue;
    (expired ??= new Set()).add(story);
    onWarning?.(
      warning(
        'W_EXPIRED',
        `"${story.title}" expired at ${story.expires.toISOString()}, before this build's time (${now.toISOString()}): it is left out of the feeds, as Hugo leaves an expired page out; move or remove its expiry date to publish it`,
        story.file !== undefined ? { file: story.file } : {},
      ),
    );
  }
  if (!expired) return { stories, files: new Set() };
  const files = new Set([...expired].flatMap((s) => (s.file !== undefined ? [s.file] : [])));
  return { stories: stories.map((s) => (expired.has(s) ? { ...s, draft: true } : s)), files };
}

/** Below this many items to render in all feeds together, rendering and verifying stays in this thread (unless workers already run). */
const POOL_MIN_ITEMS = 2000;
/** A feed with this many items is rendered and verified one format per task, so the formats run in parallel. */
const SPLIT_MIN_ITEMS = 500;
/** A feed with this many items is rendered and verified in pieces of {@link PIECE_ITEMS} (see `render/chunks.ts`). */
const PIECES_MIN_ITEMS = 500;
/** An edit re-renders and re-verifies the piece holding the edited item: small pieces keep that cheap. */
const PIECE_ITEMS = 50;
const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

interface Verified {
  outputs: FeedOutputs;
  report: VerifyReport;
  /** What names the outputs in the feed cache (a cached rendering, or a joined feed's head and pieces), for their published digests (see {@link FeedCache.digests}). */
  digestKey?: string;
}

/** How one document gets its verified outputs: from the cache, rendered whole, or rendered in pieces. */
type Plan =
  | { kind: 'cached'; key: string; entry: string }
  | { kind: 'whole'; key: string | undefined }
  | { kind: 'pieces'; keys: (string | undefined)[]; cached: boolean[]; toRender: number };

/** Feeds rendered at the same time per worker: enough to keep the workers busy, few enough that their bodies stay a small part of memory. */
const FEEDS_PER_WORKER = 2;

/**
 * Renders every document in the three formats and verifies each output against its document.
 * Documents come light (their items' bodies on disk, see `body-store.ts`): a task reads its
 * document's bodies itself, and this thread reads them only to key the feed cache and to join a
 * large feed from pieces, one document at a time, so only a few feeds' bodies are in memory at once. Documents (and pieces of large ones) verified by an
 * earlier build come from the feed cache, read from disk only when asked for (publishing reads their
 * bytes); the rest are rendered and verified in this thread for small sets, else as worker tasks.
 * The reports are the ones {@link verifyDocument} gives for the three outputs of each document.
 */
async function renderAndVerify(documents: readonly FeedDocument[], pool: WorkerPool, cache: FeedCache | undefined, kept: KeptOutputs, bodies: BodyStore): Promise<Verified[]> {
  // Feed cache keys take each body by its digest: keying reads no body from disk.
  const digests = bodies.digests();
  const plans = documents.map((light): Plan => {
    if (light.items.length < PIECES_MIN_ITEMS) {
      if (!cache) return { kind: 'whole', key: undefined };
      const key = cache.key('feed', light, digests);
      return cache.has(key) ? { kind: 'cached', key, entry: cache.pathOf(key) } : { kind: 'whole', key };
    }
    const pieces = piecesFromOldest(light, PIECE_ITEMS);
    const keys = pieces.map((piece) => cache?.key('items', piece, digests));
    const cached = keys.map((key) => key !== undefined && cache!.has(key));
    // With every piece's items cached, the head (which shows `updated`) comes from one item rendered and verified.
    const toRender = pieces.reduce((n, piece, i) => n + (cached[i] ? 0 : piece.items.length), 0);
    return { kind: 'pieces', keys, cached, toRender: toRender || 1 };
  });
  const toRender = plans.reduce((n, plan, i) => n + (plan.kind === 'whole' ? documents[i]!.items.length : plan.kind === 'pieces' ? plan.toRender : 0), 0);
  const parallel = pool.available && (pool.running || toRender >= POOL_MIN_ITEMS);
  const run = (task: FeedTask): Promise<FeedResult> => (parallel ? pool.run(task) : runTask(task));
  const one = async (light: FeedDocument, plan: Plan): Promise<Verified> => {
    if (plan.kind === 'cached') return { outputs: kept.keep(lazyOutputs(plan.entry)), report: validReport(light), digestKey: plan.key };
    if (plan.kind === 'pieces') return inPieces(light, plan, run, parallel, cache, kept, bodies);
    // The task reads the items' bodies itself: this thread never holds them.
    const stored = bodies.storedBodies(light);
    const document = light;
    if (kept.spill) {
      // The task writes its verified outputs to disk (the cache entry, or the temporary folder).
      const store = plan.key !== undefined ? cache!.pathOf(plan.key) : await kept.file();
      const result = await run({ kind: 'feed', document, formats: [...FORMATS], store, ...(stored ? { bodies: stored } : {}) });
      return {
        outputs: result.stored ? kept.keep(lazyOutputs(store)) : (result.outputs as FeedOutputs),
        report: result.report,
        ...(plan.key !== undefined && result.stored ? { digestKey: plan.key } : {}),
      };
    }
    const groups = parallel && document.items.length >= SPLIT_MIN_ITEMS ? FORMATS.map((f) => [f]) : [[...FORMATS]];
    const parts = await Promise.all(groups.map((formats) => run({ kind: 'feed', document, formats, ...(stored ? { bodies: stored } : {}) })));
    const outputs = Object.assign({}, ...parts.map((p) => p.outputs)) as FeedOutputs;
    const problems = parts.flatMap((p) => p.report.problems);
    const formats = Object.assign({}, ...parts.map((p) => p.report.formats)) as VerifyReport['formats'];
    if (problems.length === 0 && plan.key !== undefined) await cache!.set(plan.key, outputs);
    return { outputs, report: { ok: problems.length === 0, problems, formats }, ...(problems.length === 0 && plan.key !== undefined ? { digestKey: plan.key } : {}) };
  };
  const out: Verified[] = new Array(documents.length);
  // Documents are taken in order, a few at a time: each holds its bodies only while it is rendered.
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < documents.length; i = next++) out[i] = await one(documents[i]!, plans[i]!);
  };
  const lanes = parallel ? Math.max(1, pool.size * FEEDS_PER_WORKER) : 1;
  await Promise.all(Array.from({ length: Math.min(lanes, documents.length) }, lane));
  return out;
}

/**
 * A large feed rendered and verified as pieces of its items, joined into the text of the whole.
 * Each piece is a complete feed, parsed back and compared with its items; together they cover every
 * item, in order, under the same head and tail, and well-formed pieces join into a well-formed
 * document. Pieces verified by an earlier build stay in the cache: the joined outputs read their
 * bytes from it when asked for. When a piece has a problem (or the pieces do not join) the whole
 * document is rendered and verified in one go instead, so the report is exactly the usual one.
 */
async function inPieces(
  document: FeedDocument,
  plan: Extract<Plan, { kind: 'pieces' }>,
  run: (task: FeedTask) => Promise<FeedResult>,
  parallel: boolean,
  cache: FeedCache | undefined,
  kept: KeptOutputs,
  store: BodyStore,
): Promise<Verified> {
  // Each task reads its piece's bodies itself (see `body-store.ts`).
  const task = (piece: FeedDocument): FeedTask => {
    const stored = store.storedBodies(piece);
    return { kind: 'feed', document: piece, formats: [...FORMATS], ...(stored ? { bodies: stored } : {}) };
  };
  const missing = piecesFromOldest(document, PIECE_ITEMS).filter((_, i) => !plan.cached[i]);
  const results: FeedResult[] = [];
  // The head and tail of every format, as a verified rendering of this document gave them: they depend
  // on the document without its items, which names them in the cache.
  const headKey = cache?.key('heads', { ...document, items: [] }, store.digests());
  const storedHeads = missing.length === 0 && headKey !== undefined ? headsFrom(cache!.get(headKey)) : undefined;
  if (missing.length) {
    if (parallel) results.push(...(await Promise.all(missing.map((piece) => run(task(piece))))));
    else for (const piece of missing) results.push(await run(task(piece)));
  } else if (!storedHeads) results.push(await headPiece(document, run, cache, store));
  const whole = async (): Promise<Verified> => {
    const [{ renderFeeds }, { verifyDocument }] = await Promise.all([import('../render/index.js'), import('../verify/index.js')]);
    const whole = store.withBodies(document);
    const outputs = renderFeeds(whole);
    return { outputs, report: await verifyDocument(outputs, whole) };
  };
  if (!results.every((r) => r.report.ok)) return whole();
  const heads = storedHeads ?? ({} as Heads);
  const fresh = results.map(() => ({}) as Record<FeedFormat, string>);
  for (const format of FORMATS) {
    for (const [k, result] of results.entries()) {
      const split = splitRendering(format, result.outputs[format]!);
      const seen = heads[format];
      if (!split || (seen && (seen.head !== split.head || seen.tail !== split.tail))) return whole();
      heads[format] = { head: split.head, tail: split.tail };
      fresh[k]![format] = split.body;
    }
  }
  if (headKey !== undefined && !storedHeads) await cache!.set(headKey, { rss: JSON.stringify(heads.rss), atom: JSON.stringify(heads.atom), json: JSON.stringify(heads.json) });
  /** Each piece's items: in a cache entry (its path), or rendered now (their UTF-8 bytes, encoded piece by piece). */
  const bodies: (Record<FeedFormat, Buffer> | string)[] = [];
  let k = 0;
  for (const [i, wasCached] of plan.cached.entries()) {
    if (wasCached) {
      bodies.push(cache!.pathOf(plan.keys[i]!));
      continue;
    }
    const piece = fresh[k++]!;
    const bytes = { rss: Buffer.from(piece.rss), atom: Buffer.from(piece.atom), json: Buffer.from(piece.json) };
    if (plan.keys[i] !== undefined) await cache!.set(plan.keys[i]!, bytes);
    bodies.push(bytes);
  }
  // Held as bytes from here on (half the memory of two-byte text, and never joined into one text): the texts go.
  fresh.length = 0;
  results.length = 0;
  /**
   * The feed's bytes, part after part: head, each piece's items (with what joinRendering puts between
   * two: the text it gives for two empty pieces, less head and tail), tail. Cached pieces are read with
   * `read`, each when its turn comes.
   */
  function* partsOf(format: FeedFormat, read: (file: string) => Buffer): Generator<Buffer> {
    const { head, tail } = heads[format];
    const separator = Buffer.from(separatorOf(format));
    yield Buffer.from(head);
    for (const [i, body] of bodies.entries()) {
      if (i > 0) yield separator;
      yield typeof body === 'string' ? read(body) : body[format];
    }
    yield Buffer.from(tail);
  }
  function separatorOf(format: FeedFormat): string {
    const { head, tail } = heads[format];
    const twoEmpty = joinRendering(format, head, ['', ''], tail);
    return twoEmpty.slice(head.length, twoEmpty.length - tail.length);
  }
  /** The size of what {@link partsOf} gives, from the sizes the cached pieces' entries record. */
  const sizeOf = (format: FeedFormat): number => {
    const { head, tail } = heads[format];
    let size = Buffer.byteLength(head) + Buffer.byteLength(tail) + Buffer.byteLength(separatorOf(format)) * (bodies.length - 1);
    for (const body of bodies) size += typeof body === 'string' ? entryTextSize(body, format) : body[format].length;
    return size;
  };
  const lazy = outputsReadBy((format) => Buffer.concat([...partsOf(format, (file) => readBytes(file, format))]), sizeOf);
  // Publishing reads each file once, piece by piece through one buffer: never the whole feed in memory.
  const stream = (format: FeedFormat): StreamedContents => ({
    streamed: () => {
      const scratch = { buffer: Buffer.allocUnsafe(STREAM_BUFFER_BYTES) };
      return partsOf(format, (file) => readBytesInto(file, format, scratch));
    },
  });
  let published = false;
  const moveTo = (files: Record<FeedFormat, string>): void => {
    published = true;
    lazy.moveTo(files);
  };
  // The joined feed is named by its head and tail and the keys of its pieces: the same names, the same bytes.
  const digestKey = plan.keys.every((key) => key !== undefined)
    ? createHash('sha256')
        .update('joined\0')
        .update(JSON.stringify({ heads, keys: plan.keys }))
        .digest('hex')
    : undefined;
  return {
    outputs: kept.keep({ ...lazy, moveTo, stream: (format) => (published ? undefined : stream(format)) }),
    report: validReport(document),
    ...(digestKey ? { digestKey } : {}),
  };
}

/** The first size of the buffer a feed's cached pieces are read into for publishing (grown for a larger piece). */
const STREAM_BUFFER_BYTES = 1 << 20;

/** The head and tail of a feed's rendering, by format. */
type Heads = Record<FeedFormat, { head: string; tail: string }>;

/** Heads stored in a feed cache entry (each format's as JSON), or `undefined`. */
function headsFrom(texts: Record<FeedFormat, string> | undefined): Heads | undefined {
  if (!texts) return undefined;
  try {
    const heads = {} as Heads;
    for (const format of FORMATS) {
      const value = JSON.parse(texts[format]) as { head?: unknown; tail?: unknown };
      if (typeof value.head !== 'string' || typeof value.tail !== 'string') return undefined;
      heads[format] = { head: value.head, tail: value.tail };
    }
    return heads;
  } catch {
    return undefined;
  }
}

/**
 * The head and tail of a large feed whose pieces all come from the cache: the document with its
 * first item only, rendered and verified, or (as a feed cache entry of that one-item document) as an
 * earlier build verified it. A build with nothing changed then renders and verifies nothing.
 */
async function headPiece(document: FeedDocument, run: (task: FeedTask) => Promise<FeedResult>, cache: FeedCache | undefined, bodies: BodyStore): Promise<FeedResult> {
  const piece: FeedDocument = { ...document, items: document.items.slice(0, 1) };
  const key = cache?.key('feed', piece, bodies.digests());
  const stored = key === undefined ? undefined : cache?.get(key);
  if (stored) return { outputs: stored, report: validReport(piece) };
  const storedBodies = bodies.storedBodies(piece);
  const result = await run({ kind: 'feed', document: piece, formats: [...FORMATS], ...(storedBodies ? { bodies: storedBodies } : {}) });
  const { rss, atom, json } = result.outputs;
  if (key !== undefined && result.report.ok && rss !== undefined && atom !== undefined && json !== undefined) await cache?.set(key, { rss, atom, json });
  return result;
}

/**
 * The document split into runs of `size` items counted from its oldest item (the first run holds
 * the rest): a new story changes only the first run, and the runs of older items keep their cache
 * entries. Joined in order, the runs give the same text however they are cut.
 */
function piecesFromOldest(doc: FeedDocument, size: number): FeedDocument[] {
  const pieces: FeedDocument[] = [];
  const first = doc.items.length % size || size;
  for (let start = 0, end = first; start < doc.items.length; start = end, end += size) pieces.push({ ...doc, items: doc.items.slice(start, end) });
  return pieces;
}

/**
 * From how much in all feeds together verified outputs wait on disk for publishing instead of in
 * memory. `items`: at 10,000 and 20,000 articles they were the larger part of the peak (0.99 and
 * 1.52 GiB held, 0.68 and 0.83 GiB spilled, same CPU time). `chars`: the items' bodies and summaries,
 * counted once per feed that holds them (string lengths, and the UTF-8 length of a body kept on disk: an
 * estimate, which is all a threshold needs), since few items can make large outputs too: one 1 MB article
 * with 199 tags is in 218 feeds, three formats each (755 MB of outputs; 2.1 GB peak when held).
 */
export const outputsInMemory = { items: 5_000, chars: 64 * 1024 * 1024 };

/** Whether the set's verified outputs wait on disk for publishing (see {@link outputsInMemory}); stops counting once they do. */
export function outputsGoToDisk(set: readonly FeedSetEntry[], bodies: Pick<BodyStore, 'storedLength'>): boolean {
  let items = 0;
  let chars = 0;
  for (const entry of set) {
    for (const item of entry.document.items) {
      items++;
      chars += item.contentHtml.length + item.contentText.length + item.summary.length + bodies.storedLength(item);
      if (items >= outputsInMemory.items || chars >= outputsInMemory.chars) return true;
    }
  }
  return false;
}

/**
 * Verified outputs kept on disk until they are published: in feed cache entries, or (for very large
 * sets, see {@link outputsInMemory}) in a temporary folder.
 */
class KeptOutputs {
  private dir: Promise<string> | undefined;
  private count = 0;
  private readonly kept = new Map<FeedOutputs, LazyOutputs>();

  constructor(
    /** Whether outputs rendered by this build go to disk too (the set is very large). */
    readonly spill: boolean,
  ) {}

  /** A new file in the temporary folder (made once, however many tasks ask at the same time). */
  async file(): Promise<string> {
    this.dir ??= mkdtemp(path.join(tmpdir(), 'storyfeed-outputs-')).then((dir) => {
      // Left behind by a dry run (whose outputs are read from it), it goes when the process exits.
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      return dir;
    });
    return path.join(await this.dir, String(this.count++));
  }

  /** Registers outputs read from disk; returns them. */
  keep(lazy: LazyOutputs): FeedOutputs {
    this.kept.set(lazy.outputs, lazy);
    return lazy.outputs;
  }

  /** The disk reader behind `outputs`, when they are kept on disk. */
  of(outputs: FeedOutputs): LazyOutputs | undefined {
    return this.kept.get(outputs);
  }

  /** Once published, outputs are read from the output folder, and the temporary folder goes. */
  async published(verified: readonly Verified[], files: readonly Record<FeedFormat, string>[], outDir: string): Promise<void> {
    verified.forEach((v, i) => {
      const f = files[i]!;
      this.kept.get(v.outputs)?.moveTo({ rss: path.join(outDir, f.rss), atom: path.join(outDir, f.atom), json: path.join(outDir, f.json) });
    });
    if (this.dir !== undefined) await rm(await this.dir, { recursive: true, force: true });
  }
}

/**
 * The size of every file of `contents`, each worked out when first asked for: a feed kept on disk
 * by the sizes its files or cache entries record (never read, never decoded), any other by its text.
 */
function sizesOf(contents: Record<string, string>, feeds: readonly BuiltFeed[], kept: KeptOutputs): Record<string, number> {
  const onDisk = new Map<string, () => number>();
  for (const feed of feeds) {
    const lazy = kept.of(feed.outputs);
    if (lazy) for (const format of FORMATS) onDisk.set(feed.files[format], () => lazy.size(format));
  }
  const sizes: Record<string, number> = {};
  for (const file of Object.keys(contents)) {
    Object.defineProperty(sizes, file, {
      enumerable: true,
      configurable: true,
      get: () => {
        const size = onDisk.get(file)?.() ?? Buffer.byteLength(contents[file]!);
        Object.defineProperty(sizes, file, { enumerable: true, configurable: true, writable: false, value: size });
        return size;
      },
    });
  }
  return sizes;
}

/** The report {@link verifyDocument} gives for outputs that match their document. */
function validReport(document: FeedDocument): VerifyReport {
  const summary = { items: document.items.length, expectedItems: document.items.length, problems: 0 };
  return { ok: true, problems: [], formats: { rss: { ...summary }, atom: { ...summary }, json: { ...summary } } };
}

/** The settings that shape a Story: part of every cache key, so changing one re-normalizes everything. */
function storySettings(site: StorySite, epoch: Date | undefined): unknown {
  const { siteUrl, storyPath, language, authors, entities, entityTags, defaultYear, defaultDate, timeZone, authorProfiles } = site;
  return { siteUrl, storyPath, language, authors, entities, entityTags, defaultYear, defaultDate, timeZone, epoch: epoch?.toISOString(), authorProfiles };
}

/** A relative stylesheet href is relative to the output folder; feeds in sub-folders climb up to it. */
function relativeToEntry(href: string, entryPath: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\//i.test(href)) return href;
  const depth = entryPath.split('/').filter(Boolean).length;
  return `${'../'.repeat(depth)}${href}`;
}
