import { closeSync, linkSync, lstatSync, openSync, readdirSync, readSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { inside, realish } from './out-folder.js';
import { displayPath, isSkippedName } from './seed-files.js';
import { ENTRY_FILE } from './feed-cache.js';
import { ANY_INDEX_FILE, INDEX_HEADER, STORY_FILE } from './story-cache.js';
import { STAMPS_FILE, STAMPS_HEADER, STAMPS_TEMP } from './seed-stamps.js';
import { writeFailure } from './write-failure.js';
import { makeFolder } from './make-folder.js';
import { ioReason } from './read-bounded.js';

/**
 * The cache folder's claim: storyfeed's caches remove and replace files by their names (stale
 * stories, indexes of earlier layouts, a damaged index), so they only ever work in a folder that is
 * theirs. A folder is storyfeed's once it holds a `CACHEDIR.TAG` storyfeed wrote (the Cache Directory
 * Tagging convention, https://bford.info/cachedir/, so backup tools skip it too); a folder is given
 * one when it is new or empty, or when it holds nothing but files of storyfeed's caches (a cache of
 * an earlier version, made before the tag). Any other folder is refused before anything in it is
 * touched.
 */

/** The tag file's name. */
export const CACHE_TAG_FILE = 'CACHEDIR.TAG';

/** What a cache directory tag starts with, by the convention. */
const TAG_SIGNATURE = 'Signature: 8a477f597d28d172789f06886806bc55';

/** The words of storyfeed's own tag that tell it from another program's. */
const TAG_OWNER = '# This file is a cache directory tag created by storyfeed.';

/** The tag storyfeed writes. */
const TAG_TEXT = `${TAG_SIGNATURE}\n${TAG_OWNER}\n# Everything in this folder can be made again: delete the folder to empty the cache.\n# For information about cache directory tags, see https://bford.info/cachedir/\n`;

/** The feed cache's folder in the cache folder. */
export const FEEDS_FOLDER = 'feeds';

/** The tag's temporary copy (see {@link writeTag}), left by a build stopped while writing it. */
const TAG_TEMP = /^CACHEDIR\.TAG\.\d+\.[0-9a-z]+\.tmp$/;

/** Bytes read of a file to tell whether it is storyfeed's (its first line). */
const SNIFF_BYTES = 80;

/** The folders a cache folder must stay clear of. */
export interface CacheFolderContext {
  /** The cache folder. */
  cache: string;
  /** The seeds folder. */
  seeds: string;
  /** The output folder, when the build writes one. */
  out?: string;
  /** The working directory. */
  cwd: string;
  /** The folder of the configuration file (the project root), when one was read. */
  configDir?: string;
}

/**
 * Makes sure `context.cache` is storyfeed's cache folder before any cache opens it: refuses one that
 * is, contains or lies inside the seeds or output folder, or that is or contains the working
 * directory or the project folder; then claims it (see above), or refuses it when it holds anything
 * else, naming the first such entry. Throws `E_CACHE_UNSAFE`.
 */
export async function claimCacheFolder(context: CacheFolderContext): Promise<void> {
  const cache = await realish(context.cache);
  const shown = displayPath(path.resolve(context.cache), context.cwd);
  const refuse = (why: string): never => {
    throw new StoryfeedError(
      'E_CACHE_UNSAFE',
      `refusing to keep the cache in ${shown}: ${why}; give it a folder of its own (the CLI keeps ".storyfeed-cache" in the folder it runs in; buildSite takes \`cacheDir\`)`,
    );
  };
  const near: [string | undefined, string][] = [
    [context.seeds, 'the seeds folder'],
    [context.out, 'the output folder'],
    [context.cwd, 'the current directory'],
    [context.configDir, 'the project folder (where the configuration file is)'],
  ];
  const real = await Promise.all(near.map(([folder]) => (folder === undefined ? undefined : realish(folder))));
  near.forEach(([, name], i) => {
    if (real[i] === cache) refuse(`it is ${name}`);
  });
  near.forEach(([, name], i) => {
    if (real[i] !== undefined && inside(real[i], cache)) refuse(`it contains ${name}`);
  });
  // A cache inside the working directory or the project is the usual place. Inside the output folder
  // its files would be published; inside the seeds folder they would be read as seeds, unless a
  // folder on the way is one the seeds' walk skips (named with a dot or an underscore, as the
  // default `.storyfeed-cache` is when the seeds folder is the working directory).
  if (real[1] !== undefined && inside(cache, real[1])) refuse('it lies inside the output folder');
  if (real[0] !== undefined && inside(cache, real[0]) && !path.relative(real[0], cache).split(path.sep).some(isSkippedName)) refuse('it lies inside the seeds folder');
  await claim(cache, refuse);
}

/** Tags `dir` as storyfeed's when it may be, else calls `refuse` with the reason. */
async function claim(dir: string, refuse: (why: string) => never): Promise<void> {
  const tag = path.join(dir, CACHE_TAG_FILE);
  const existing = readHead(tag, TAG_TEXT.length * 2);
  if (existing !== undefined) {
    if (existing.startsWith(TAG_SIGNATURE) && existing.includes(TAG_OWNER)) return;
    refuse(existing.startsWith(TAG_SIGNATURE) ? 'it is another program’s cache (its CACHEDIR.TAG is not storyfeed’s)' : 'its CACHEDIR.TAG is not a cache directory tag');
  }
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') refuse('it is a file');
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoryfeedError('E_IO', `cannot use ${dir} as the cache folder: it ${ioReason(error)}`, { cause: error });
  }
  for (const name of entries) {
    if (!isCacheEntry(dir, name)) refuse(`it holds ${JSON.stringify(name)}, which storyfeed did not write`);
  }
  // One folder at a time: Node's recursive mkdir says ENOENT where a read-only file system refuses a folder.
  await makeFolder(dir).catch((error: unknown) => {
    throw writeError(dir, error, tag);
  });
  writeTag(dir, tag);
}

/** Whether `name` in `dir` is an entry storyfeed's caches make there (checked by its first line where the name alone could be a user's). */
function isCacheEntry(dir: string, name: string): boolean {
  const file = path.join(dir, name);
  // The feed cache's folder and the story files' shard folders: only files named as those caches name theirs.
  if (name === FEEDS_FOLDER) return holdsOnly(file, ENTRY_FILE);
  if (/^[0-9a-f]{2}$/.test(name)) return holdsOnly(file, STORY_FILE);
  if (TAG_TEMP.test(name) || STAMPS_TEMP.test(name) || (ANY_INDEX_FILE.test(name) && (name.endsWith('.tmp') || name.startsWith('bodies-')))) return isFile(file);
  const head = readHead(file, SNIFF_BYTES);
  if (head === undefined) return false;
  if (name === STAMPS_FILE) return head === '' || head.startsWith(STAMPS_HEADER);
  // An index: this layout's first line, or an earlier layout's line (a story's key, then a space).
  if (ANY_INDEX_FILE.test(name)) return head === '' || head.startsWith(INDEX_HEADER) || /^[0-9a-f]{64} /.test(head);
  return false;
}

/** Whether `folder` is a real folder (not a link) whose entries are all files named by `pattern`. */
function holdsOnly(folder: string, pattern: RegExp): boolean {
  try {
    if (!lstatSync(folder).isDirectory()) return false;
    return readdirSync(folder, { withFileTypes: true }).every((entry) => entry.isFile() && pattern.test(entry.name));
  } catch {
    return false;
  }
}

/** Whether `file` is a regular file (not a link). */
function isFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first `size` bytes of a regular file, as text; `undefined` when it is missing or not a file. */
function readHead(file: string, size: number): string | undefined {
  let fd: number | undefined;
  try {
    if (!lstatSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
    const bytes = Buffer.alloc(size);
    return bytes.toString('utf8', 0, readSync(fd, bytes, 0, size, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes the tag into the folder `dir`: a temporary file linked into place, so a tag another build placed first is kept (and is the same). */
function writeTag(dir: string, tag: string): void {
  const temp = `${tag}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, TAG_TEXT, { flush: true });
    try {
      linkSync(temp, tag);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } catch (error) {
    throw writeError(dir, error, tag);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The cache folder (or its tag) cannot be written. */
function writeError(dir: string, error: unknown, file: string): StoryfeedError {
  return new StoryfeedError('E_IO', `cannot use ${dir} as the cache folder: ${writeFailure(error, 'build without the cache (--no-cache)', file)}`, { cause: error });
}
