import { hash } from 'node:crypto';
import { type BigIntStats, statSync } from 'node:fs';
import { errorText, StoryfeedError, warning, type Diagnostic } from '../errors.js';
import { DEFAULT_MAX_SEED_BYTES } from '../seed/structure-limit.js';
import { feedsReadAnalysis } from '../story/entity-tags.js';
import { linksSettledFor, slashPath } from '../story/file-links.js';
import type { LanguageFolder, StorySite } from '../story/seed-to-story.js';
import type { Story } from '../types.js';
import { readBoundedSync } from './read-bounded.js';
import { displayPath, findSeedFiles, languageFoldersOf, translationsOf, type SeedFile } from './seed-files.js';
import path from 'node:path';
import { feedRecord, RecordInterner } from './feed-record.js';
import { readIndexedBody, type IndexedBody } from './indexed-body.js';
import { bytesDigest, type SeedDigests, SeedStamps } from './seed-stamps.js';
import type { StoryCache } from './story-cache.js';
import type { WorkerPool } from './workers.js';
import { inParallel } from './in-parallel.js';
import { decodeSeedBytes } from '../seed/decode.js';
import { isNotionExportName, withoutNotionId } from '../seed/notion-properties.js';
import { slugify } from '../story/slug.js';
import { mediumSlugOf } from '../seed/medium.js';
import { readSubstackPosts, substackLeftOut, type SubstackPost } from '../seed/substack.js';

/** Options for {@link loadStories}. */
export interface LoadStoriesOptions {
  /** The site the stories belong to. */
  site: StorySite;
  /** Working directory for relative paths and messages. */
  cwd?: string;
  /** Date for stories without one (e.g. from `SOURCE_DATE_EPOCH`). */
  fallbackDate?: Date;
  /** Receives warnings as they are found. */
  onWarning?: (d: Diagnostic) => void;
  /** Called after each seed with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Cache of normalized stories (unchanged seeds are not normalized again). */
  cache?: StoryCache;
  /**
   * With a cache: the digests of seeds read by earlier builds, by their stamps, so an unchanged seed
   * is not even read (default: the record in the cache's folder, see {@link SeedStamps.open}). It is
   * written back with this call's seeds at its end.
   */
  stamps?: SeedStamps;
  /** Largest seed or sidecar file read, in bytes (default {@link DEFAULT_MAX_SEED_BYTES}). */
  maxSeedBytes?: number;
  /** Worker threads for normalizing many seeds (used from {@link POOL_MIN_SEEDS} seeds to normalize). */
  pool?: WorkerPool;
  /**
   * Give each story as its {@link feedRecord} (what a build holds), read from the story cache's index
   * when there. The body is then analysed only when the feeds read the analysis (entity tags, see
   * {@link feedsReadAnalysis}): a feed record carries none of it.
   */
  feedRecords?: boolean;
  /**
   * What is held of each story as it is read (e.g. the story with its body moved to disk), given its
   * place among the seeds in file order, and where the story cache's index holds its body (when it
   * does: then a story from the index comes without it); default the story itself.
   */
  keep?: (story: Story, place: number, body?: IndexedBody) => Story;
  /**
   * The language folders of a site translated by content folder (see `StoryOptions.languageFolders`): found by
   * {@link loadStories} among the seeds it reads; {@link loadStory} takes them as given.
   */
  languageFolders?: readonly LanguageFolder[];
  /** The Notion pages whose title another page shares (see `StoryOptions.notionTwins`): found by {@link loadStories}; {@link loadStory} takes them as given. */
  notionTwins?: readonly string[];
  /** Hugo's translations by file name (see `StoryOptions.translations`): found by {@link loadStories}; {@link loadStory} takes them as given. */
  translations?: readonly string[];
}

/** What {@link loadStories} found: the stories, and the seeds that could not be read. */
export interface LoadedStories {
  /** Stories in file-path order (as {@link feedRecord}s with `feedRecords`). */
  stories: Story[];
  /** One error per seed that failed, each naming its file. */
  errors: StoryfeedError[];
  /** The seed files read. */
  files: SeedFile[];
  /** The other files of the folder, counted by extension (`.html` → 12), at most 20 kinds. */
  others: Map<string, number>;
}

const CONCURRENCY = 32;

/**
 * Seeds in flight per worker thread: twice what a worker holds at once (see `workers.ts`), so a
 * worker always finds the next seed queued, and the queue never holds the whole archive.
 */
const NORMALIZE_WINDOW_PER_WORKER = 64;

export { DEFAULT_MAX_SEED_BYTES };

/**
 * Below this many seeds to normalize, worker threads cost more than they save. Each loads the library
 * and warms its compiler again, and every story crosses threads as a copy: at 1,000 seeds two workers
 * cost 1.1 s more CPU than the 1.7 s of a whole build in one thread, and finished no sooner (about
 * 0.25 ms per seed once the body's analysis is skipped, so a thread normalizes 1,000 seeds in well
 * under a second).
 */
export const POOL_MIN_SEEDS = 2000;

/**
 * Reads and normalizes every seed under `dir`, collecting every bad seed instead of stopping at the first.
 * A story's links to other articles' files that are none of these seeds are left out (see `file-links.ts`).
 */
export async function loadStories(dir: string, given: LoadStoriesOptions): Promise<LoadedStories> {
  // The clock is read before any seed is looked at (see SeedStamps.open).
  const stamps = given.cache ? (given.stamps ?? SeedStamps.open(given.cache.dir)) : undefined;
  const others = new Map<string, number>();
  const all = withSubstackPosts(await findSeedFiles(dir, given.cwd, given.onWarning, others), given);
  const cwd = given.cwd ?? process.cwd();
  const languageFolders = languageFoldersOf(all, path.resolve(cwd, dir), cwd, given.site.language ?? 'en');
  const notionTwins = notionTwinsOf(all);
  markMediumTwins(all);
  // Frozen: every seed is given the same list, which lookups then make a set of once (see `StoryOptions.translations`).
  const translations = Object.freeze(translationsOf(all));
  const options: LoadStoriesOptions = {
    ...given,
    ...(languageFolders.length > 0 ? { languageFolders } : {}),
    ...(notionTwins.length > 0 ? { notionTwins } : {}),
    ...(translations.length > 0 ? { translations } : {}),
  };
  // A seed too large to normalize in bounded memory is refused by size, before it is read.
  const limit = options.maxSeedBytes ?? DEFAULT_MAX_SEED_BYTES;
  const oversized: StoryfeedError[] = [];
  const files: SeedFile[] = [];
  /** Each seed's digests, when its stamp (taken with its size) vouches for them. */
  const known: (SeedDigests | undefined)[] = [];
  for (const file of all) {
    if (file.invalidName) {
      oversized.push(invalidNameError(file));
      continue;
    }
    let info: BigIntStats | undefined;
    try {
      info = statSync(file.path, { bigint: true });
    } catch {
      info = undefined; // reading it reports the problem
    }
    if (info && info.size > BigInt(limit)) {
      oversized.push(tooLargeError(file.display, Number(info.size), limit, 'seeds'));
      continue;
    }
    files.push(file);
    known.push(info && stamps ? stamps.vouch(file, info, limit) : undefined);
  }
  // A link to another article's file is kept only when that file is one of the seeds (see `file-links.ts`).
  // Made on first use: most stories link to no file, and a large archive's paths are many.
  let seedPaths: Set<string> | undefined;
  const isSeed = (file: string): boolean => (seedPaths ??= new Set(all.filter((seed) => !seed.invalidName).map((seed) => slashPath(seed.display)))).has(file);
  const results: (Story | StoryfeedError)[] = new Array(files.length);
  let done = 0;
  const interner = new RecordInterner();
  const settle = (i: number, result: Story | StoryfeedError, body?: IndexedBody): void => {
    const story = result instanceof StoryfeedError || !options.feedRecords ? result : interner.intern(feedRecord(result), files[i]!.display);
    results[i] = story instanceof StoryfeedError || !options.keep ? story : options.keep(story, i, body);
    options.onProgress?.(++done, files.length);
  };
  const { pool } = options;
  // Cache hits first (I/O only); the misses go to worker threads when there are enough of them.
  const misses: { index: number; key: string | undefined }[] = [];
  if (pool?.available && files.length >= POOL_MIN_SEEDS) {
    // In order, synchronously: the cache's reads are synchronous, and a promise per seed cost more than the read.
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      try {
        const found = cached(file, options, { known: known[i], stamps, isSeed });
        if (found.story) settle(i, found.story, found.body);
        else misses.push({ index: i, key: found.key });
      } catch (error) {
        settle(i, asStoryfeedError(error, file.display));
      }
    }
  } else {
    for (let i = 0; i < files.length; i++) misses.push({ index: i, key: undefined });
  }
  if (pool?.available && misses.length >= POOL_MIN_SEEDS) {
    const task = {
      site: options.site,
      ...(options.feedRecords ? { feedRecords: true } : {}),
      maxSeedBytes: limit,
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.fallbackDate ? { fallbackDate: options.fallbackDate } : {}),
      ...(options.languageFolders ? { languageFolders: options.languageFolders } : {}),
      ...(options.notionTwins ? { notionTwins: options.notionTwins } : {}),
      ...(options.translations ? { translations: options.translations } : {}),
    };
    // A bounded window of seeds in flight: queueing every seed at once held a task, a promise and a
    // copy of the options per seed of the archive until its turn came.
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < misses.length) {
        const { index, key } = misses[next++]!;
        const file = files[index]!;
        try {
          // Feed records are all the caller and the cache's index keep: the worker sends only that (less to copy between threads).
          const { story, warnings } = await pool.run({ kind: 'normalize', file, options: task, ...(options.feedRecords ? { feedRecord: true } : {}) });
          // A worker does not know the seeds: a story linking to a file that is none is read again here, where they are known (rare).
          if (!linksSettledFor(story, isSeed)) {
            const again = await loadOne(file, options, { isSeed });
            settle(index, again.story, again.body);
            continue;
          }
          warnings.forEach((w) => options.onWarning?.(w));
          const body = options.cache && key ? await options.cache.set(key, story, warnings, { whole: options.feedRecords !== true }) : undefined;
          settle(index, story, body);
        } catch (error) {
          settle(index, asStoryfeedError(error, file.display));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(pool.size * NORMALIZE_WINDOW_PER_WORKER, misses.length) }, lane));
  } else {
    const order = misses.map((m) => m.index);
    await inParallel(order, CONCURRENCY, async (i) => {
      try {
        const { story, body } = await loadOne(files[i]!, options, { known: known[i], stamps, isSeed });
        settle(i, story, body);
      } catch (error) {
        settle(i, asStoryfeedError(error, files[i]!.display));
      }
    });
  }
  stamps?.save(files);
  const stories: Story[] = [];
  const errors: StoryfeedError[] = [...oversized];
  for (const r of results) {
    // A JSON file that holds no story (package.json, a site generator's data) is no seed: skipped, and named.
    if (r instanceof StoryfeedError && r.code === 'E_NOT_A_SEED') options.onWarning?.(warning('W_NOT_A_SEED', `${r.detail}; it is skipped`, r.file ? { file: r.file } : {}));
    else if (r instanceof StoryfeedError) errors.push(r);
    else stories.push(r);
  }
  return { stories, errors, files: all, others };
}

/**
 * The seeds with each Substack export's posts given their rows of its `posts.csv` (read once per export). A post
 * for paid subscribers only, a thread, a page, or an HTML file the table has no row for is left out, with a warning
 * naming it (`W_NOT_PUBLIC`, `W_NOT_A_SEED`); so are the pages of a `posts` folder beside a `posts.csv` that is no
 * Substack table (no `post_id` column), silently, as any HTML file is. A table that cannot be read is an error of
 * each of its posts.
 */
export function withSubstackPosts(files: SeedFile[], options: Pick<LoadStoriesOptions, 'cwd' | 'onWarning'>): SeedFile[] {
  if (!files.some((file) => file.substack)) return files;
  const tables = new Map<string, Map<string, SubstackPost> | StoryfeedError | null>();
  const kept: SeedFile[] = [];
  for (const file of files) {
    if (!file.substack) {
      kept.push(file);
      continue;
    }
    const csv = file.substack.csv;
    let posts = tables.get(csv);
    if (posts === undefined) {
      const display = displayPath(csv, options.cwd);
      try {
        const bytes = readBoundedSync(csv, {
          maxBytes: SUBSTACK_CSV_MAX_BYTES,
          display,
          what: 'Substack posts table',
          tooLarge: (size) => tooLargeError(display, size, SUBSTACK_CSV_MAX_BYTES, 'tables'),
        });
        posts = readSubstackPosts(decodeSeedBytes(bytes, display), display) ?? null;
      } catch (error) {
        posts = asStoryfeedError(error, display);
      }
      tables.set(csv, posts);
    }
    if (posts === null) continue;
    if (posts instanceof StoryfeedError) {
      // Each post names the table it could not be read without.
      kept.push({ ...file, substack: { csv, problem: `its table of posts could not be read: ${posts.message}` } });
      continue;
    }
    const id = path.basename(file.path).replace(/\.html?$/i, '');
    const post = posts.get(id);
    const leftOut = post ? substackLeftOut(post) : { paid: false, reason: `${displayPath(csv, options.cwd)} has no row with post_id "${id}"` };
    if (post === undefined || leftOut) {
      options.onWarning?.(warning(leftOut?.paid ? 'W_NOT_PUBLIC' : 'W_NOT_A_SEED', `a Substack post, but ${leftOut!.reason}; it is left out`, { file: file.display }));
      continue;
    }
    kept.push({ ...file, substack: { csv, post } });
  }
  return kept;
}

/** The largest Substack `posts.csv` read: a row is a few hundred bytes, so this holds hundreds of thousands of posts. */
const SUBSTACK_CSV_MAX_BYTES = 256 * 1024 * 1024;

/** A seed's bytes and its sidecar's. */
export interface SeedBytes {
  bytes: Uint8Array;
  sidecar?: Uint8Array;
}

/** The status of a seed and of its sidecar, each taken through the descriptor read, before reading it. */
interface SeedStats {
  seed?: BigIntStats;
  sidecar?: BigIntStats;
}

/** Reads a seed's bytes and its sidecar's, with the status of each file as opened. */
function readSeed(file: SeedFile, options: LoadStoriesOptions): { seed: SeedBytes; stats: SeedStats } {
  if (file.invalidName) throw invalidNameError(file);
  const limit = options.maxSeedBytes ?? DEFAULT_MAX_SEED_BYTES;
  const stats: SeedStats = {};
  // Synchronous reads: much cheaper per file than the promise API, and bounded, so never long.
  const bytes = readBoundedSync(file.path, {
    maxBytes: limit,
    display: file.display,
    what: 'seed file',
    tooLarge: (size) => tooLargeError(file.display, size, limit, 'seeds'),
    opened: (info) => {
      stats.seed = info;
    },
  });
  if (!file.sidecar) return { seed: { bytes }, stats };
  const shown = displayPath(file.sidecar, options.cwd);
  const sidecar = readBoundedSync(file.sidecar, {
    maxBytes: limit,
    display: shown,
    what: 'sidecar file',
    tooLarge: (size) => tooLargeError(shown, size, limit, 'sidecars'),
    opened: (info) => {
      stats.sidecar = info;
    },
  });
  return { seed: { bytes, sidecar }, stats };
}

/** The digests of a seed read, recorded in `stamps` with the status each file had when read. */
function digestsOf(file: SeedFile, read: { seed: SeedBytes; stats: SeedStats }, stamps: SeedStamps | undefined): SeedDigests {
  const { seed, stats } = read;
  const digests: SeedDigests = { seed: bytesDigest(seed.bytes) };
  if (seed.sidecar) digests.sidecar = bytesDigest(seed.sidecar);
  if (stamps && stats.seed) stamps.record(file.path, stats.seed, digests.seed);
  if (stamps && file.sidecar && stats.sidecar && digests.sidecar !== undefined) stamps.record(file.sidecar, stats.sidecar, digests.sidecar);
  return digests;
}

/** `E_TOO_LARGE` for a seed or sidecar over the limit (`size` unknown when it grew past it while read). */
function tooLargeError(display: string, size: number | undefined, limit: number, kind: 'seeds' | 'sidecars' | 'tables'): StoryfeedError {
  const what = size === undefined ? 'is larger than the limit' : `is ${(size / 1e6).toFixed(1)} MB`;
  return new StoryfeedError('E_TOO_LARGE', `${display} ${what}; ${kind} are limited to ${(limit / 1e6).toFixed(1)} MB`, { file: display });
}

/** `E_IO` for a seed (or folder) whose name is not valid UTF-8. */
function invalidNameError(file: SeedFile): StoryfeedError {
  return new StoryfeedError('E_IO', `${file.display}: the name is not valid UTF-8 (bad bytes shown as \\xNN); rename it in UTF-8`, { file: file.display });
}

/** `true` when the stories `options` asks for need the body's analysis. */
function analysisWanted(options: Pick<LoadStoriesOptions, 'feedRecords' | 'site'>): boolean {
  return options.feedRecords !== true || feedsReadAnalysis(options.site);
}

/**
 * The cache key of a seed, saying whether the stored story holds the body's analysis: a story
 * stored without it (by a build that reads none) never answers a caller that wants it.
 */
function cacheKey(
  cache: StoryCache,
  file: SeedFile,
  digests: SeedDigests,
  analysis: boolean,
  maxSeedBytes: number | undefined,
  languageFolders: readonly LanguageFolder[] | undefined,
  notionTwins: readonly string[] | undefined,
  translations: readonly string[] | undefined,
): string {
  // A seed at the top of the seeds folder is normalized with `seedsFolderTop` (see `normalize-seed.ts`): part of the key.
  // The size cap also caps the seed's structure (see `seed/structure-limit.ts`): a story stored under another cap may not pass this one.
  const cap = maxSeedBytes !== undefined && maxSeedBytes !== DEFAULT_MAX_SEED_BYTES ? `size cap ${maxSeedBytes}` : '';
  // Whether the seed is a Jekyll post, in a posts folder or in an Obsidian vault is told by the folders around it (see `seed-files.ts`), not by its bytes: part of the key.
  const variant = [
    analysis ? '' : 'without analysis',
    file.inSeedsFolder ? 'top of seeds' : '',
    // A title or date read from the name's folders within the seeds folder: part of the key when the display path does not show them.
    file.namePath !== undefined && !file.display.replace(/\\/g, '/').endsWith(file.namePath) ? `in the seeds folder as ${file.namePath}` : '',
    file.jekyllPost ? 'Jekyll post' : '',
    file.inPostsFolder && !file.jekyllPost ? 'in posts folder' : '',
    file.obsidianVault ? 'in an Obsidian vault' : '',
    languageFolderKey(file, languageFolders),
    // A Notion page's slug, and any seed's links to Notion pages, depend on which pages share a title.
    notionTwins ? `Notion pages sharing a title ${JSON.stringify(notionTwins)}` : '',
    // A translation's address, and any seed's links to translations, depend on which seeds are translations (a digest: a site may have thousands).
    translations ? `translations ${listDigest(translations)}` : '',
    // A Substack post is its HTML and its row of posts.csv.
    file.substack?.post ? `Substack post ${JSON.stringify({ ...file.substack.post, line: undefined })}` : '',
    // A post of Medium's export is read as its page gives it, not as HTML.
    file.medium ? `Medium post${file.medium.keepId ? ' keeping its id' : ''}` : '',
    cap,
  ]
    .filter(Boolean)
    .join(', ');
  return cache.key(file.display, digests.seed, digests.sidecar, variant || undefined);
}

/** {@link listDigest} by frozen list, worked out once for each (every seed's cache key names the same). */
const LIST_DIGESTS = new WeakMap<readonly string[], string>();

/** The SHA-256 digest (hex) of a list of texts; a list that can change is hashed again at every call. */
function listDigest(list: readonly string[]): string {
  if (!Object.isFrozen(list)) return hash('sha256', JSON.stringify(list), 'hex');
  let digest = LIST_DIGESTS.get(list);
  if (digest === undefined) LIST_DIGESTS.set(list, (digest = hash('sha256', JSON.stringify(list), 'hex')));
  return digest;
}

/**
 * The cached story of a seed (its warnings replayed), or its cache key for storing it once normalized. A
 * story whose links to files were settled for other seeds (see `linksSettledFor`) is normalized again.
 */
function fromCache(
  file: SeedFile,
  digests: SeedDigests,
  options: LoadStoriesOptions,
  isSeed: ((file: string) => boolean) | undefined,
): { story?: Story; key?: string; body?: IndexedBody } {
  const { cache } = options;
  if (!cache) return {};
  const key = cacheKey(cache, file, digests, analysisWanted(options), options.maxSeedBytes, options.languageFolders, options.notionTwins, options.translations);
  const hit = cache.get(key, { feedRecord: options.feedRecords === true });
  if (!hit || (isSeed && !linksSettledFor(hit.story, isSeed))) return { key };
  hit.warnings.forEach((w) => options.onWarning?.(w));
  if (!hit.body) return { story: hit.story };
  // A story from the index comes without its body: read it now, unless the caller keeps it where it is.
  return options.keep ? { story: hit.story, body: hit.body } : { story: { ...hit.story, ...readIndexedBody(hit.body) } };
}

/** What {@link loadStories} knows of a seed before reading it: the digests its stamps vouch for, and where to record those of the bytes read. */
interface SeedContext {
  known?: SeedDigests | undefined;
  stamps?: SeedStamps | undefined;
  /** Whether a path (as a story's `seedLinks` name files) is one of the seeds read with this one; without it, links to files are not checked. */
  isSeed?: ((file: string) => boolean) | undefined;
}

/**
 * The cached story of a seed, or its cache key; reads nothing without a cache, nor when its stamps
 * vouch for its digests and the cache has its story. Gives the bytes it read, when it read them.
 */
function cached(file: SeedFile, options: LoadStoriesOptions, context: SeedContext): { story?: Story; key?: string; body?: IndexedBody; seed?: SeedBytes } {
  if (!options.cache) return {};
  const vouched = context.known ? fromCache(file, context.known, options, context.isSeed) : undefined;
  if (vouched?.story) return vouched;
  const read = readSeed(file, options);
  const digests = digestsOf(file, read, context.stamps);
  // Bytes as the stamps said: the key already missed.
  const found = vouched && sameDigests(digests, context.known!) ? vouched : fromCache(file, digests, options, context.isSeed);
  return { ...found, seed: read.seed };
}

/** Whether two seeds' bytes and sidecars hash alike. */
function sameDigests(a: SeedDigests, b: SeedDigests): boolean {
  return a.seed === b.seed && a.sidecar === b.sidecar;
}

/**
 * The pages of a Notion export whose titles make one slug with another seed's name (`My trip 1a2b….md` and
 * `My Trip 3c4d….md`, or `trip.md` beside `Trip 1a2b….md`), by path as seed paths name them: their slugs keep
 * Notion's id (see `StoryOptions.notionTwins`). A seed's name stands for its slug (its front matter is not read
 * yet). One pass over the seeds.
 */
export function notionTwinsOf(files: readonly SeedFile[]): string[] {
  const pages = new Map<string, string[]>();
  const others: SeedFile[] = [];
  for (const file of files) {
    if (file.invalidName) continue;
    if (!isNotionExportName(file.display)) {
      others.push(file);
      continue;
    }
    const slug = slugify(withoutNotionId(path.basename(file.display).replace(/\.[^.]+$/, '')));
    const named = pages.get(slug);
    if (named) named.push(slashPath(file.display));
    else pages.set(slug, [slashPath(file.display)]);
  }
  // The other seeds' names are slugged only for a site with Notion pages (10,000 seeds: 18 ms).
  if (pages.size === 0) return [];
  const otherSlugs = new Set(others.map(nameSlugOf));
  return [...pages].filter(([slug, named]) => named.length > 1 || otherSlugs.has(slug)).flatMap(([, named]) => named);
}

/** The slug a seed's name gives it, its front matter unread: its file's name, or a page bundle's folder's. */
function nameSlugOf(file: SeedFile): string {
  const stem = path.basename(file.display).replace(/\.[^.]+$/, '');
  return slugify(/^index(?:\.|$)/i.test(stem) ? path.basename(path.dirname(file.display)) : stem);
}

/**
 * Marks the posts of Medium's export whose slug another seed's name also gives (`Weekly notes`, written every week):
 * their slugs keep Medium's id (`weekly-notes-1a2b3c4d5e6f`), or the stories would share an address. A seed's name
 * stands for its slug, as for Notion's pages (see {@link notionTwinsOf}). One pass.
 */
export function markMediumTwins(files: readonly SeedFile[]): void {
  const slugs = new Map<string, number>();
  const slugOf = (file: SeedFile): string | undefined => (file.medium ? mediumSlugOf(path.basename(file.display)) : nameSlugOf(file));
  if (!files.some((file) => file.medium)) return;
  for (const file of files) {
    if (file.invalidName) continue;
    const slug = slugOf(file);
    if (slug) slugs.set(slug, (slugs.get(slug) ?? 0) + 1);
  }
  for (const file of files) {
    if (!file.medium || file.invalidName) continue;
    const slug = slugOf(file);
    if (slug && (slugs.get(slug) ?? 0) > 1) file.medium.keepId = true;
  }
}

/**
 * The language folders as a seed's story depends on them: its own folder's language and path, and the others'
 * (its links to their files are published under their paths); empty for a site with none.
 */
function languageFolderKey(file: SeedFile, folders: readonly LanguageFolder[] | undefined): string {
  if (!folders) return '';
  const own = folders.find((f) => slashPath(file.display).startsWith(f.folder));
  return `language folders ${JSON.stringify(folders)}${own ? ` in ${own.folder}` : ''}`;
}

/** Reads one seed file (and its sidecar) into a Story (without the body analysis when `feedRecords` says the feeds do not read it). */
export async function loadStory(file: SeedFile, options: LoadStoriesOptions): Promise<Story> {
  // A Substack export's post as `findSeedFiles` lists it, without its row: read with it, as a build reads it.
  const [seed] = file.substack && !file.substack.post && file.substack.problem === undefined ? withSubstackPosts([file], options) : [file];
  if (seed === undefined)
    throw new StoryfeedError('E_UNSUPPORTED', 'an HTML page is a seed only as a post a Substack export publishes, and this one is none (see the warning, or its posts.csv)', {
      file: file.display,
    });
  return (await loadOne(seed, options, {})).story;
}

/** {@link loadStory}, with where the story cache's index holds the body (when it does). */
async function loadOne(file: SeedFile, options: LoadStoriesOptions, context: SeedContext): Promise<{ story: Story; body?: IndexedBody }> {
  const { story: hit, key, body: found, seed: read } = cached(file, options, context);
  if (hit) return { story: hit, ...(found ? { body: found } : {}) };
  const seed = read ?? readSeed(file, options).seed;
  // The parser (Markdown, YAML, sanitizer, language data) loads on the first seed not in the cache: a
  // warm build never needs it.
  const { normalizeSeedFile } = await import('./normalize-seed.js');
  const analyze = analysisWanted(options) ? (await import('../story/analysis/index.js')).analyzeArticle : undefined;
  const warnings: Diagnostic[] = [];
  const story = normalizeSeedFile(
    file,
    seed,
    options,
    analyze,
    (d) => {
      warnings.push(d);
      options.onWarning?.(d);
    },
    context.isSeed,
  );
  const body = options.cache && key ? await options.cache.set(key, story, warnings, { whole: options.feedRecords !== true }) : undefined;
  return { story, ...(body ? { body } : {}) };
}

/** Wraps anything thrown while loading a seed in a StoryfeedError that names the file. */
export function asStoryfeedError(error: unknown, file: string): StoryfeedError {
  if (error instanceof StoryfeedError) return error.inFile(file);
  const message = errorText(error);
  return new StoryfeedError('E_INTERNAL', `unexpected failure while reading the seed: ${message}`, { file, cause: error });
}
