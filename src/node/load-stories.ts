import { StoryfeedError, type Diagnostic } from '../errors.js';
import { decodeSeedBytes, parseYamlMeta, readMeta, type SeedMeta } from '../seed/index.js';
import { parseSeed, type StorySite } from '../story/normalize.js';
import type { Story } from '../types.js';
import { displayPath, findSeedFiles, readBytes, type SeedFile } from './seed-files.js';

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
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = await loadOne(files[i]!, options).catch((error: unknown) => asStoryfeedError(error, files[i]!.display));
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
  const text = decodeSeedBytes(await readBytes(file.path, file.display), file.display);
  const sidecar = file.sidecar ? await readSidecar(file.sidecar, options) : undefined;
  return parseSeed(text, {
    file: file.display,
    site: options.site,
    ...(sidecar ? { sidecar } : {}),
    ...(options.site.timeZone ? { timeZone: options.site.timeZone } : {}),
    ...(options.fallbackDate ? { fallbackDate: options.fallbackDate } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  });
}

async function readSidecar(file: string, options: LoadStoriesOptions): Promise<SeedMeta> {
  const display = displayPath(file, options.cwd);
  const text = decodeSeedBytes(await readBytes(file, display), display);
  const common = { file: display, ...(options.site.timeZone ? { timeZone: options.site.timeZone } : {}), ...(options.onWarning ? { onWarning: options.onWarning } : {}) };
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
