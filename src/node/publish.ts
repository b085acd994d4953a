import { createHash, randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';

/**
 * Publishing a set of files so that readers (and crashes) only ever see a complete set.
 *
 * The output folder is a symbolic link to a build folder next to it (`.NAME.builds/<id>/`). A
 * build writes every file into a new build folder, then replaces the link in one `rename`, which
 * POSIX makes atomic: at any instant the output folder is the complete old set or the complete new
 * set. A lock file keeps two builds from interleaving. Files identical to the previous build are
 * hard-linked, so they keep their modification time (and HTTP Last-Modified).
 */

/** What {@link publishFiles} did. */
export interface PublishResult {
  /** The output folder (a symbolic link to the build folder). */
  outDir: string;
  /** The build folder now published. */
  buildDir: string;
  /** Content hash naming the build: identical outputs give the same id. */
  buildId: string;
  /** `false` when the same set was already published (nothing was written). */
  changed: boolean;
  /** Files written or linked, relative to the output folder. */
  files: string[];
}

/** Options for {@link publishFiles}. */
export interface PublishOptions {
  /** How many previous build folders to keep besides the current one (default 1). */
  keep?: number;
  /** Called after each step, for tests that kill the process at chosen points. */
  onStep?: (step: string) => void | Promise<void>;
}

/** Where a given output folder keeps its build folders and its lock. */
export function publishPaths(outDir: string): { builds: string; lock: string } {
  const dir = path.dirname(outDir);
  const name = path.basename(outDir);
  return { builds: path.join(dir, `.${name}.builds`), lock: path.join(dir, `.${name}.lock`) };
}

/** Publishes `files` (relative path → contents) as the new content of `outDir`, atomically. */
export async function publishFiles(outDir: string, files: Readonly<Record<string, string | Uint8Array>>, options: PublishOptions = {}): Promise<PublishResult> {
  const target = path.resolve(outDir);
  const { builds, lock } = publishPaths(target);
  const step = async (name: string): Promise<void> => {
    await options.onStep?.(name);
  };
  const names = Object.keys(files).sort();
  for (const name of names) {
    const normalized = path.posix.normalize(name);
    if (path.isAbsolute(name) || normalized.startsWith('..') || normalized !== name) throw new StoryfeedError('E_IO', `refusing to write outside the output folder: ${name}`);
  }
  const buildId = hashFiles(names, files);
  let held: Lock | undefined;
  try {
    await mkdir(builds, { recursive: true });
    held = await acquireLock(lock, builds);
    await step('locked');
    await adoptPlainFolder(target, builds, step);
    const current = await currentBuild(target);
    const buildDir = path.join(builds, buildId);
    if (current === buildDir) {
      await step('unchanged');
      return { outDir: target, buildDir, buildId, changed: false, files: names };
    }

    await rm(buildDir, { recursive: true, force: true });
    const staging = `${buildDir}.partial`;
    await rm(staging, { recursive: true, force: true });
    const folders = new Set<string>([staging]);
    for (const name of names) {
      const dest = path.join(staging, name);
      await mkdir(path.dirname(dest), { recursive: true });
      folders.add(path.dirname(dest));
      const previous = current ? path.join(current, name) : undefined;
      if (previous && (await sameContent(previous, files[name]!))) await link(previous, dest);
      else {
        await writeFile(dest, files[name]!, { flush: true });
        await laterThan(previous, dest);
      }
      await step('file');
    }
    for (const folder of folders) await fsyncDir(folder);
    await step('written');
    await rename(staging, buildDir);
    await fsyncDir(builds);
    await step('renamed');
    // The new link is made inside the builds folder (where pruning clears any a killed build left)
    // and renamed over the output folder; its target is relative to where it ends up.
    const tempLink = path.join(builds, `.link-${process.pid}`);
    await rm(tempLink, { force: true });
    await symlink(path.relative(path.dirname(target), buildDir), tempLink, 'dir');
    await step('linked');
    await held.check();
    await rename(tempLink, target);
    await fsyncDir(path.dirname(target));
    await step('swapped');
    await pruneBuilds(builds, [buildDir, current], options.keep ?? 1);
    await step('pruned');
    return { outDir: target, buildDir, buildId, changed: true, files: names };
  } catch (cause) {
    if (cause instanceof StoryfeedError) throw cause;
    throw new StoryfeedError('E_IO', `cannot publish to ${outDir}: ${(cause as Error).message}`, { cause });
  } finally {
    await held?.release();
  }
}

function hashFiles(names: readonly string[], files: Readonly<Record<string, string | Uint8Array>>): string {
  const hash = createHash('sha256');
  for (const name of names) {
    hash.update(name).update('\0').update(files[name]!).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The build folder `outDir` links to, or `undefined` when it is not (yet) a link. */
async function currentBuild(outDir: string): Promise<string | undefined> {
  try {
    const info = await lstat(outDir);
    if (!info.isSymbolicLink()) return undefined;
    return path.resolve(path.dirname(outDir), await readlink(outDir));
  } catch {
    return undefined;
  }
}

/**
 * A plain output folder from before (or made by hand) becomes the first build folder, so it can be
 * swapped like any other. POSIX cannot replace a folder with a link in one step, so between its
 * rename and the new link there is no output folder; a build killed right there is repaired by the
 * next one, which links the adopted folder back first.
 */
async function adoptPlainFolder(outDir: string, builds: string, step: (s: string) => Promise<void>): Promise<void> {
  const adopted = path.join(builds, 'adopted');
  let info;
  try {
    info = await lstat(outDir);
  } catch {
    const left = await stat(adopted).catch(() => undefined);
    if (left?.isDirectory()) await symlink(path.relative(path.dirname(outDir), adopted), outDir, 'dir');
    return;
  }
  if (info.isSymbolicLink()) return;
  if (!info.isDirectory()) throw new StoryfeedError('E_IO', `${outDir} exists and is not a folder`);
  await rm(adopted, { recursive: true, force: true });
  await rename(outDir, adopted);
  await step('adopting');
  await symlink(path.relative(path.dirname(outDir), adopted), outDir, 'dir');
  await step('adopted');
}

async function sameContent(file: string, contents: string | Uint8Array): Promise<boolean> {
  try {
    const info = await stat(file);
    const expected = typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength;
    if (info.size !== expected) return false;
    const existing = await readFile(file);
    return typeof contents === 'string' ? existing.toString('utf8') === contents : Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength).equals(existing);
  } catch {
    return false;
  }
}

/**
 * HTTP Last-Modified has one-second resolution, and readers skip a download whose date they have
 * seen: a changed file must never carry the same second as the version it replaces.
 */
async function laterThan(previous: string | undefined, file: string): Promise<void> {
  if (!previous) return;
  try {
    const [before, now] = await Promise.all([stat(previous), stat(file)]);
    const second = Math.floor(before.mtimeMs / 1000);
    if (Math.floor(now.mtimeMs / 1000) <= second) await utimes(file, now.atime, new Date((second + 1) * 1000));
  } catch {
    // The previous file vanished: nothing to be later than.
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes old builds and what killed builds left (staging folders, links, lock files), keeping the newest. */
async function pruneBuilds(builds: string, keepAlways: (string | undefined)[], keepPrevious: number): Promise<void> {
  const entries = await readdir(builds, { withFileTypes: true });
  const keep = new Set(keepAlways.filter((k): k is string => k !== undefined).slice(0, 1 + keepPrevious));
  for (const entry of entries) {
    const full = path.join(builds, entry.name);
    const lockFile = /^\.lock-(\d+)-/.exec(entry.name);
    if (lockFile && isRunning(Number(lockFile[1]))) continue; // another build's lock, about to be taken
    if (!keep.has(full)) await rm(full, { recursive: true, force: true });
  }
}

/** A held lock: `check` fails if another build has taken it since; `release` gives it up. */
interface Lock {
  check(): Promise<void>;
  release(): Promise<void>;
}

/** Who holds a lock: a process id and, for locks written by this version, a random token. */
interface LockOwner {
  pid: number;
  token?: string;
}

/** Tokens of the locks this process holds, to tell them from stale locks of an earlier process with the same id. */
const heldTokens = new Set<string>();

/**
 * Takes the lock file (`PID TOKEN`). It is written aside and hard-linked into place, so it never
 * exists empty and only one build can create it. A lock whose process no longer runs is taken
 * over, moved aside first so that two builds finding it stale cannot both take it; a live one is
 * refused with a clear message.
 */
async function acquireLock(lock: string, builds: string): Promise<Lock> {
  const token = randomBytes(8).toString('hex');
  const mine = `${process.pid} ${token}\n`;
  const temp = path.join(builds, `.lock-${process.pid}-${token}`);
  await writeFile(temp, mine);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(temp, lock);
        heldTokens.add(token);
        return {
          check: async () => {
            if ((await readFile(lock, 'utf8').catch(() => '')) !== mine) throw lockedError(lock, await readOwner(lock));
          },
          release: async () => {
            heldTokens.delete(token);
            if ((await readFile(lock, 'utf8').catch(() => '')) === mine) await rm(lock, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(lock);
      if (owner && isLive(owner)) throw lockedError(lock, owner);
      const aside = `${temp}.stale`;
      try {
        await rename(lock, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another build took it over first
        throw error;
      }
      const moved = await readOwner(aside);
      if (moved && isLive(moved)) {
        // Another build took the stale lock over between our look and our move: give it back.
        await link(aside, lock).catch(() => undefined);
        await rm(aside, { force: true });
        throw lockedError(lock, moved);
      }
      await rm(aside, { force: true });
    }
    throw new StoryfeedError('E_LOCKED', `cannot take the lock ${lock}: other builds keep taking it`);
  } finally {
    await rm(temp, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  const [pid, token] = (await readFile(file, 'utf8').catch(() => '')).trim().split(/\s+/);
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0) return undefined;
  return token ? { pid: n, token } : { pid: n };
}

/** A lock with this process's id is live only if this process holds it: ids are reused after a crash (PID 1 in containers). */
function isLive(owner: LockOwner): boolean {
  if (owner.pid === process.pid && owner.token !== undefined) return heldTokens.has(owner.token);
  return isRunning(owner.pid);
}

function lockedError(lock: string, owner: LockOwner | undefined): StoryfeedError {
  const who = owner ? `another build (process ${owner.pid})` : 'another build';
  return new StoryfeedError('E_LOCKED', `${who} is writing to this output folder; wait for it to finish, or delete ${lock} if no build is running`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
