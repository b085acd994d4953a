import { StoryfeedError, type Diagnostic } from '../errors.js';
import { decodeSeedBytes, parseYamlMeta, readMeta, type SeedMeta } from '../seed/index.js';
import { parseSeed, type StorySite } from '../story/normalize.js';
import type { Story } from '../types.js';
import { displayPath, findSeedFiles, readBytes, type SeedFile } from './seed-files.js';
import type { StoryCache } from './story-cache.js';

/** Options for {@link loadStories}. */
export interface LoadStoriesOptions {
  /** The site the stories belong to. */
  site: StorySite & { timeZone?: string };
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
}

/** What {@link loadStories} found: the stories, and the seeds that could not be read. */
export interface LoadedStories {
  /** Stories in file-path order. */
  stories: Story[];
  /** One error per seed that failed, each naming its file. */
  errors: StoryfeedError[];
  /** The seed files read. */
  files: SeedFile[];
}

const CONCURRENCY = 32;

/** Reads and normalizes every seed under `dir`, collecting every bad seed instead of stopping at the first. */
export async function loadStories(dir: string, options: LoadStoriesOptions): Promise<LoadedStories> {
  const files = await findSeedFiles(dir, options.cwd);
  const results: (Story | StoryfeedError)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = await loadOne(files[i]!, options).catch((error: unknown) => asStoryfeedError(error, files[i]!.display));
      options.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  const stories: Story[] = [];
  const errors: StoryfeedError[] = [];
  for (const r of results) {
    if (r instanceof StoryfeedError) errors.push(r);
    else stories.push(r);
  }
  return { stories, errors, files };
}

/** Reads one seed file (and its sidecar) into a Story. */
export async function loadStory(file: SeedFile, options: LoadStoriesOptions): Promise<Story> {
  return loadOne(file, options);
}

async function loadOne(file: SeedFile, options: LoadStoriesOptions): Promise<Story> {
  const bytes = await readBytes(file.path, file.display);
  const sidecarBytes = file.sidecar ? await readBytes(file.sidecar, displayPath(file.sidecar, options.cwd)) : undefined;
  const { cache } = options;
  const key = cache?.key(file.display, bytes, sidecarBytes);
  if (cache && key) {
    const hit = await cache.get(key);
    if (hit) {
      hit.warnings.forEach((w) => options.onWarning?.(w));
      return hit.story;
    }
  }
  const warnings: Diagnostic[] = [];
  const onWarning = (d: Diagnostic): void => {
    warnings.push(d);
    options.onWarning?.(d);
  };
  const text = decodeSeedBytes(bytes, file.display);
  const sidecar = file.sidecar && sidecarBytes ? readSidecar(file.sidecar, sidecarBytes, options, onWarning) : undefined;
  const story = parseSeed(text, {
    file: file.display,
    site: options.site,
    ...(sidecar ? { sidecar } : {}),
    ...(options.site.timeZone ? { timeZone: options.site.timeZone } : {}),
    ...(options.fallbackDate ? { fallbackDate: options.fallbackDate } : {}),
    onWarning,
  });
  if (cache && key) await cache.set(key, story, warnings);
  return story;
}

function readSidecar(file: string, bytes: Uint8Array, options: LoadStoriesOptions, onWarning: (d: Diagnostic) => void): SeedMeta {
  const display = displayPath(file, options.cwd);
  const text = decodeSeedBytes(bytes, display);
  const common = { file: display, ...(options.site.timeZone ? { timeZone: options.site.timeZone } : {}), onWarning };
  if (file.endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new StoryfeedError('E_JSON', `invalid JSON: ${(cause as Error).message}`, { file: display, cause });
    }
    return readMeta(value, common);
  }
  return parseYamlMeta(text, common);
}

/** Wraps anything thrown while loading a seed in a StoryfeedError that names the file. */
export function asStoryfeedError(error: unknown, file: string): StoryfeedError {
  if (error instanceof StoryfeedError) return error.inFile(file);
  const message = error instanceof Error ? error.message : String(error);
  return new StoryfeedError('E_INTERNAL', `unexpected failure while reading the seed: ${message}`, { file, cause: error });
}
