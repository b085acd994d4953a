import { createHash, type Hash, randomBytes } from 'node:crypto';
import { type BigIntStats, linkSync, lstatSync, renameSync, unlinkSync } from 'node:fs';
import { makeFolder, unmakeFolders } from './make-folder.js';
import { type FileHandle, lstat, mkdir, open, readdir, rm, rmdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { migrateLegacyOutput } from './legacy-output.js';
import {
  digest,
  digestFile,
  fileStamp,
  isRelative,
  isSettled,
  OWNED_FILE,
  readOwnedRecord,
  serializeRecord,
  syncFolder,
  writeOwnedRecord,
  type OwnedRecord,
} from './owned-files.js';
import { acquirePublishLock, type PublishLock } from './publish-lock.js';
import { writeFailure } from './write-failure.js';

/**
 * Publishing into a plain output folder, touching only the files storyfeed wrote itself.
 *
 * The output folder is an ordinary folder shared with the user: storyfeed creates, replaces and
 * removes only the files listed in its ownership record (with the hash of the bytes it wrote), and
 * a file in the way that is not storyfeed's is an `E_OUT_CONFLICT` raised before anything is
 * written. Each file is written to a temporary file in the state folder beside the output folder
 * (never visible to a web server), flushed, and renamed over its target, so a reader or a crash
 * sees each file as its old or its new complete version. Files go in an order that never shows a
 * broken set: archive pages and per-tag/author feeds before the main feeds that link to them,
 * then the pages, and removed files last. The record lists the union of the old and the new files
 * before any rename and the final set after pruning, so after a crash the next build still knows
 * every file it may replace, and it clears the temporary files the crash left.
 *
 * A file is known to be storyfeed's by the hash of its bytes, or, without reading it, by its stamp
 * (device, inode, size, modification and change times) when the record holds the same stamp, taken
 * while the file was known to have the recorded bytes and its change time was settled: any write
 * since, even of the same size within the same second, moved the change time. The checks right
 * before each rename and removal use the stamp the plan saw the same way.
 *
 * Nothing is written, replaced or removed through a symbolic link inside the output folder: a link
 * where a file of the set goes is an `E_OUT_CONFLICT`, and storyfeed's old files found behind one (a
 * folder the user moved elsewhere and linked back) are left in place, reported, and dropped from
 * the record.
 */

/** What {@link publishFiles} did. */
export interface PublishResult {
  /** The output folder (absolute, a plain folder). */
  outDir: string;
  /** `false` when every file already had its contents (nothing was written or removed). */
  changed: boolean;
  /** Every file of the set, relative to the output folder. */
  files: string[];
  /** Files written (new or changed), in the order they were renamed into place. */
  written: string[];
  /** storyfeed's files from earlier builds that were removed. */
  removed: string[];
  /**
   * storyfeed's files and folders from earlier builds that were not removed because a folder on the
   * way to them is a symbolic link (link, relative to the output folder → the files behind it; empty
   * when only folders were). They are left in place and no longer recorded as storyfeed's.
   */
  throughLinks: Record<string, string[]>;
  /**
   * storyfeed's files from earlier builds that are no longer in the set but were not removed because they
   * were changed since storyfeed wrote them (relative to the output folder). They are left in place and no
   * longer recorded as storyfeed's.
   */
  leftEdited: string[];
  /** The SHA-256 (hex) of every file of the set, as published. */
  hashes: Record<string, string>;
}

/** Options for {@link publishFiles}. */
export interface PublishOptions {
  /** Publishing order: files with a lower rank are renamed into place first (default: dot-files last, the rest by name). */
  rank?: (file: string) => number;
  /** Called after each step, for tests that kill the process at chosen points. */
  onStep?: (step: string) => void | Promise<void>;
  /**
   * The SHA-256 (hex) of some files' contents, known to the caller: those are not read to be hashed,
   * only to be written when they must be. A wrong hash here is a wrong record.
   */
  hashes?: Readonly<Record<string, string>>;
}

/** The state folder beside an output folder, and what it holds; plus the 0.1 layout's leftovers. */
export interface PublishPaths {
  /** `.NAME.storyfeed/` beside the output folder. */
  state: string;
  /** Temporary files being written (cleared by every build). */
  tmp: string;
  /** The ownership record. */
  owned: string;
  /** `PID TOKEN` of the build holding the lock. */
  lockInfo: string;
  /** The 0.1 build folders (`.NAME.builds/`), migrated and removed. */
  legacyBuilds: string;
  /** The 0.1 lock file (`.NAME.lock`), removed. */
  legacyLock: string;
}

/** Where storyfeed keeps the state of the output folder `outDir`. */
export function publishPaths(outDir: string): PublishPaths {
  const resolved = path.resolve(outDir);
  const dir = path.dirname(resolved);
  const name = path.basename(resolved);
  const state = path.join(dir, `.${name}.storyfeed`);
  return {
    state,
    tmp: path.join(state, 'tmp'),
    owned: path.join(state, OWNED_FILE),
    lockInfo: path.join(state, 'lock'),
    legacyBuilds: path.join(dir, `.${name}.builds`),
    legacyLock: path.join(dir, `.${name}.lock`),
  };
}

/** Prefix of the temporary files written inside the output folder when the state folder is on another file system. */
const IN_FOLDER_TEMP = '.storyfeed-tmp-';
/** Marker in the state folder: temporary files may be inside the output folder (cleared by the next build). */
const IN_FOLDER_MARKER = 'in-folder-temps';

/**
 * Bytes in parts made one at a time (a large feed read piece by piece through one buffer): each part
 * is valid only until the next is asked for, and every call of `streamed` starts again from the first.
 */
export interface StreamedContents {
  streamed(): Iterable<Uint8Array>;
}

/** A file's contents: text, bytes, bytes in parts written one after another (never copied into one buffer), or parts made one at a time. */
export type FileContents = string | Uint8Array | readonly Uint8Array[] | StreamedContents;
type Contents = FileContents;
type Files = Readonly<Record<string, Contents>>;

/**
 * Rank for a feed set: archive pages and tag/author feeds (0) before the main feeds that link to
 * them (1), then pages such as index.html and the stylesheet (2), then dot-files (3).
 */
export function feedsFirst(mainFeedFiles: Iterable<string>, allFeedFiles: Iterable<string>): (file: string) => number {
  const main = new Set(mainFeedFiles);
  const feeds = new Set(allFeedFiles);
  return (file) => (main.has(file) ? 1 : feeds.has(file) ? 0 : path.posix.basename(file).startsWith('.') ? 3 : 2);
}

function defaultRank(file: string): number {
  return path.posix.basename(file).startsWith('.') ? 1 : 0;
}

/**
 * Publishes `files` (relative path → contents) into `outDir`, replacing only what storyfeed wrote
 * before and removing storyfeed's files that are no longer in the set. Throws `E_OUT_CONFLICT`
 * (before writing anything) when a file that is not storyfeed's is in the way, and `E_LOCKED` when
 * another build publishes to the same folder.
 */
export async function publishFiles(outDir: string, given: Files, options: PublishOptions = {}): Promise<PublishResult> {
  const files = encodeText(given);
  const target = path.resolve(outDir);
  const paths = publishPaths(target);
  const step = async (name: string): Promise<void> => {
    await options.onStep?.(name);
  };
  const names = Object.keys(files).sort();
  for (const name of names) {
    if (!isRelative(name)) throw new StoryfeedError('E_IO', `refusing to write outside the output folder: ${name}`);
  }
  let lock: PublishLock | undefined;
  // The folders this publish makes: a publish that fails removes them again while they are empty, so an
  // output refused (a file, a link, a user file in the way) or never written leaves nothing behind.
  const made: string[] = [];
  let failed = false;
  try {
    made.push(...(await makeFolder(path.dirname(target))));
    made.push(...(await makeFolder(paths.state)));
    lock = await acquirePublishLock(target, paths.state);
    await step('locked');
    await migrateLegacyOutput(target, paths, step, names);
    await rm(paths.legacyLock, { force: true });
    if (await plainFolder(target)) made.push(target);
    await clearTemps(target, paths);
    await step('cleaned');
    const record = await readOwnedRecord(paths.owned);
    const clock = await readClock(paths);
    const plan = await planPublish(target, names, files, record, options.rank ?? defaultRank, clock, options.hashes ?? {});
    await writeDeferred(target, paths, plan, files);
    await step('planned');
    if (plan.writes.length === 0 && plan.prune.length === 0) {
      // Nothing to rename: only the record may need settling (adopted files, folders that emptied, stamps).
      await rm(paths.tmp, { recursive: true, force: true });
      await removeEmptyFolders(target, plan);
      if (serializeRecord(plan.final) !== serializeRecord(record)) await writeOwnedRecord(paths.owned, plan.final);
      await step('unchanged');
      return {
        outDir: target,
        changed: false,
        files: names,
        written: [],
        removed: [],
        throughLinks: linkedFiles(plan),
        leftEdited: plan.edited,
        hashes: plan.hashes,
      };
    }
    await writeOwnedRecord(paths.owned, plan.pending);
    await step('recorded');
    await execute(target, paths, plan, files, lock, step);
    return {
      outDir: target,
      changed: plan.writes.length > 0 || plan.prune.length > 0,
      files: names,
      written: plan.writes.map((w) => w.name),
      removed: plan.prune,
      throughLinks: linkedFiles(plan),
      leftEdited: plan.edited,
      hashes: plan.hashes,
    };
  } catch (cause) {
    failed = true;
    // A full disk may first show in a helper's own error (the record, the lock-info file): say what happened either way.
    const inner = cause instanceof StoryfeedError ? cause.cause : cause;
    if (cause instanceof StoryfeedError && !DISK_FULL.has((inner as NodeJS.ErrnoException | undefined)?.code ?? '')) throw cause;
    throw publishError(outDir, inner);
  } finally {
    // Removed while the lock is held, so no build that takes it next finds its state folder gone.
    const unmake = async (): Promise<void> => {
      if (failed) await unmakeFolders(made);
    };
    if (lock) {
      await step('unlocking');
      await lock.release(unmake);
      // Where the lock is a socket file in the state folder (macOS, the BSDs), that folder only empties once the lock
      // is given up: it and the folders above it are removed then (rmdir: a folder another build filled since stays).
      // Nowhere else: a build that took the lock since may have made the state folder again, still empty.
      if (lock.inStateFolder) await unmake();
    }
    // The lock refused: a state folder this publish made may be the holder's now, and it stays with the folders above it.
    else if (!made.includes(paths.state)) await unmake();
  }
}

/** What a publish will do, decided before anything is written. */
interface Plan {
  /** Files to write, in publishing order. */
  writes: { name: string; replaces: boolean; rank: number }[];
  /** storyfeed's files to remove (still as storyfeed wrote them). */
  prune: string[];
  /** Folders to create, parents first. */
  newFolders: string[];
  /** The record while publishing: old and new versions of every file. */
  pending: OwnedRecord;
  /** The record after publishing (folders settled after pruning). */
  final: OwnedRecord;
  /** Files to replace or remove whose change time was settled when planned, as the plan saw them (a later write moves the change time). */
  seen: Map<string, BigIntStats>;
  /** The hash of every file of the set (those of {@link Plan.deferred} once their temporary files are written). */
  hashes: Record<string, string>;
  /**
   * Files whose contents are read when due (a large feed kept on disk) and whose hash nobody knows
   * yet: each is written to its temporary file first and hashed while that file is flushed, so its
   * bytes are read once (see {@link writeDeferred}). With the hash of the storyfeed file it would
   * replace, and how the plan saw that file.
   */
  deferred: Map<string, { onDisk?: string; info?: BigIntStats }>;
  /** Temporary files already written and flushed, by file (those of {@link Plan.deferred} that changed). */
  written: Map<string, Written>;
  /** storyfeed's old files and folders left in place because they are reached through a symbolic link: link → files. */
  linked: Map<string, string[]>;
  /** storyfeed's old files no longer in the set, left in place because they were changed since it wrote them. */
  edited: string[];
}

/** The files left behind each link, in order (see {@link PublishResult.throughLinks}). */
function linkedFiles(plan: Plan): Record<string, string[]> {
  return Object.fromEntries([...plan.linked].sort(([a], [b]) => (a < b ? -1 : 1)).map(([link, files]) => [link, files.sort()]));
}

/** Notes that `name` (a file, or a folder when `file` is false) was left in place because `link` is on the way to it. */
function leaveBehindLink(plan: Pick<Plan, 'linked'>, link: string, name: string, file = true): void {
  const files = plan.linked.get(link) ?? [];
  plan.linked.set(link, files);
  if (file) files.push(name);
}

/**
 * The first folder on the way from the output folder to `name` (relative, `/`-separated; `name`
 * itself not included) that is a symbolic link, if any. Every removal checks this right before it:
 * `unlink` and `rmdir` do not follow a link in the last part of a path, but do follow one in any
 * folder before it, which would act on files outside the output folder. Node has no `unlinkat`, so
 * what remains is the instant between these `lstat`s and the removal, as for the checks of the file
 * itself.
 */
function linkOnTheWay(outDir: string, name: string): string | undefined {
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = parts.slice(0, i).join('/');
    if (statusNow(path.join(outDir, folder))?.isSymbolicLink()) return folder;
  }
  return undefined;
}

/**
 * The file system's clock, when the state folder shares the output folder's device (see {@link isSettled}):
 * as a change time, and as a modification time (which some file systems keep more coarsely).
 */
type Clock = { dev: bigint; ctimeNs: bigint; mtimeNs: bigint } | undefined;

/**
 * Reads the file system's clock: the change time of a file created now in the state folder (whose
 * temporary files are renamed into the output folder: the same file system as long as renames
 * work), then removed (a build killed meanwhile leaves a `.tmp` file the next one clears). Taken
 * before the plan looks at any file.
 */
async function readClock(paths: PublishPaths): Promise<Clock> {
  const probe = path.join(paths.state, `.clock.${process.pid}.tmp`);
  try {
    await writeFile(probe, '');
    const info = await lstat(probe, { bigint: true });
    return { dev: info.dev, ctimeNs: info.ctimeNs, mtimeNs: info.mtimeNs };
  } catch {
    return undefined;
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/** The bytes' hash a recorded stamp vouches for, when `info` is still the file it was taken of. */
function stampedHash(record: OwnedRecord, name: string, info: BigIntStats): string | undefined {
  const entry = record.stamps?.[name];
  if (entry === undefined) return undefined;
  const space = entry.indexOf(' ');
  return entry.slice(space + 1) === fileStamp(info) ? entry.slice(0, space) : undefined;
}

/** A file of storyfeed's that already has the bytes to publish: nothing to write; stamped when settled, so the next build knows its bytes by its stamp. */
function keepUnchanged(plan: Pick<Plan, 'pending' | 'final' | 'seen'>, name: string, hash: string, info: BigIntStats): void {
  plan.pending.files[name] = [hash];
  if (!plan.seen.has(name)) return;
  const stamp = `${hash} ${fileStamp(info)}`;
  (plan.pending.stamps ??= {})[name] = stamp;
  (plan.final.stamps ??= {})[name] = stamp;
}

/**
 * Writes the temporary file of each of the plan's deferred files (a few at a time) and hashes its
 * bytes while the file is flushed: the hash completes the plan (and the record written before any
 * rename), and a file whose new bytes equal those on disk is dropped from the writes with its
 * temporary file. Each file's contents are read once, for both.
 */
async function writeDeferred(outDir: string, paths: PublishPaths, plan: Plan, files: Files): Promise<void> {
  if (plan.deferred.size === 0) return;
  await makeFolder(paths.tmp);
  const replaces = new Set(plan.writes.filter((w) => w.replaces).map((w) => w.name));
  const unchanged = new Set<string>();
  const names = [...plan.deferred.keys()];
  const one = async (name: string): Promise<void> => {
    const { onDisk, info } = plan.deferred.get(name)!;
    const dest = path.join(outDir, name);
    const temp = path.join(paths.tmp, `${randomBytes(6).toString('hex')}-${path.basename(dest)}`);
    let hash = '';
    await writeTemp(temp, files[name]!, replaces.has(name) ? dest : undefined, (h) => {
      hash = h;
    });
    plan.hashes[name] = hash;
    plan.final.files[name] = [hash];
    if (onDisk === hash && info) {
      await rm(temp, { force: true });
      keepUnchanged(plan, name, hash, info);
      unchanged.add(name);
      return;
    }
    plan.pending.files[name] = onDisk === undefined ? [hash] : [onDisk, hash];
    plan.written.set(name, { temp, info: await lstat(temp, { bigint: true }) });
  };
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < names.length) {
      try {
        await one(names[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Nothing is left writing when this returns or throws (the lock is released after a failure).
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(WRITES_AHEAD, names.length) }, lane));
  for (const lane of lanes) if (lane.status === 'rejected') throw lane.reason;
  if (unchanged.size) plan.writes = plan.writes.filter((w) => !unchanged.has(w.name));
}

/** Whether `now` is the very file `before` described (no write in between, if `before` was settled). */
function sameFile(before: BigIntStats | undefined, now: BigIntStats): boolean {
  return before !== undefined && fileStamp(before) === fileStamp(now);
}

async function planPublish(
  outDir: string,
  names: readonly string[],
  files: Files,
  record: OwnedRecord,
  rank: (file: string) => number,
  clock: Clock,
  known: Readonly<Record<string, string>>,
): Promise<Plan> {
  const hashes: Record<string, string> = {};
  const conflicts: string[] = [];
  const folderState = new Map<string, 'folder' | 'missing' | 'blocked'>();
  const newFolders: string[] = [];
  const needed = new Set<string>();
  const pending: OwnedRecord = { version: 1, files: {}, folders: [...record.folders] };
  const final: OwnedRecord = { version: 1, files: {}, folders: [] };
  const writes: Plan['writes'] = [];
  const seen = new Map<string, BigIntStats>();
  const deferred: Plan['deferred'] = new Map();
  /** The hash of a file's bytes: vouched for by its recorded stamp, else read; a settled file is remembered as seen. */
  const onDiskHash = async (name: string, info: BigIntStats): Promise<string | undefined> => {
    const settled = isSettled(info, clock);
    if (settled) seen.set(name, info);
    return (settled ? stampedHash(record, name, info) : undefined) ?? (await digestFile(path.join(outDir, name)));
  };

  /** Whether `folder` (relative) is a real folder or can be created; never through a link or a file. Walks down from the top, so any depth is fine. */
  const folderOk = async (folder: string): Promise<boolean> => {
    if (folder === '.') return true;
    const parts = folder.split('/');
    let parentState: 'folder' | 'missing' | 'blocked' = 'folder';
    for (let i = 1; i <= parts.length; i++) {
      const current = parts.slice(0, i).join('/');
      let state = folderState.get(current);
      if (!state) {
        if (parentState !== 'folder') state = parentState;
        else {
          const info = statusNow(path.join(outDir, current));
          state = !info ? 'missing' : info.isDirectory() ? 'folder' : 'blocked';
          if (state === 'blocked') conflicts.push(`${current} is ${info?.isSymbolicLink() ? 'a symbolic link' : 'a file'} where storyfeed needs a folder`);
        }
        folderState.set(current, state);
        if (state === 'missing') newFolders.push(current);
      }
      parentState = state;
    }
    return parentState !== 'blocked';
  };

  for (const name of names) {
    const folder = path.posix.dirname(name);
    for (let f = folder; f !== '.'; f = path.posix.dirname(f)) needed.add(f);
    if (!(await folderOk(folder))) continue;
    // Contents read when due, whose hash is not known: hashed while written, when nothing else needs the hash first.
    const deferrable = known[name] === undefined && typeof Object.getOwnPropertyDescriptor(files, name)?.get === 'function';
    let hash = known[name] ?? (deferrable ? undefined : digestOf(files[name]!));
    const info = folderState.get(folder) === 'missing' ? undefined : statusNow(path.join(outDir, name));
    if (!info) {
      if (hash === undefined) deferred.set(name, {});
      else {
        hashes[name] = hash;
        final.files[name] = [hash];
        pending.files[name] = [hash];
      }
      writes.push({ name, replaces: false, rank: rank(name) });
      continue;
    }
    if (!info.isFile()) {
      conflicts.push(`${name} is ${info.isDirectory() ? 'a folder' : 'a symbolic link'} that storyfeed did not create`);
      continue;
    }
    const ours = record.files[name];
    const onDisk = await onDiskHash(name, info);
    if (hash === undefined && ours && onDisk !== undefined && ours.includes(onDisk)) {
      // storyfeed's own file: replaced, unless the new bytes turn out to be the same (then the temporary file is dropped).
      deferred.set(name, { onDisk, info });
      writes.push({ name, replaces: true, rank: rank(name) });
      continue;
    }
    // A file that is not storyfeed's: its bytes decide between adopting it and a conflict.
    hash ??= digestOf(files[name]!);
    hashes[name] = hash;
    final.files[name] = [hash];
    if (onDisk === hash) {
      if (ours?.includes(hash)) keepUnchanged({ pending, final, seen }, name, hash, info);
      // The user's own copy with the very bytes storyfeed would write: nothing to write, and it stays
      // the user's (left out of the record), so it is never removed when storyfeed stops producing it.
      else delete final.files[name];
    } else if (ours && onDisk !== undefined && ours.includes(onDisk)) {
      pending.files[name] = [onDisk, hash];
      writes.push({ name, replaces: true, rank: rank(name) });
    } else {
      conflicts.push(ours ? `${name} was changed since storyfeed wrote it` : `${name} was not written by storyfeed`);
    }
  }
  if (conflicts.length) {
    throw new StoryfeedError(
      'E_OUT_CONFLICT',
      `${conflicts.length === 1 ? conflicts[0] : `${conflicts.length} files are in the way`} in ${outDir}; storyfeed changes nothing that is not its own: move ${conflicts.length === 1 ? 'it' : 'them'} away (or rename storyfeed's output) and build again`,
      {
        problems: conflicts,
      },
    );
  }

  const prune: string[] = [];
  const wanted = new Set(names);
  const linked: Plan['linked'] = new Map();
  const edited: string[] = [];
  for (const [name, hashes] of Object.entries(record.files)) {
    if (wanted.has(name)) continue;
    const info = statusNow(path.join(outDir, name));
    if (!info?.isFile()) continue; // gone, or replaced by the user: no longer storyfeed's
    // Behind a link (a folder moved elsewhere and linked back): never removed, nor hashed; no longer storyfeed's.
    const link = linkOnTheWay(outDir, name);
    if (link !== undefined) {
      leaveBehindLink({ linked }, link, name);
      continue;
    }
    const onDisk = await onDiskHash(name, info);
    // A file the user edited after storyfeed wrote it is theirs now: left in place, dropped from the record.
    if (onDisk === undefined || !hashes.includes(onDisk)) {
      if (onDisk !== undefined) edited.push(name);
      continue;
    }
    pending.files[name] = [onDisk];
    prune.push(name);
  }
  for (const folder of newFolders) pending.folders.push(folder);
  final.folders = pending.folders.filter((f) => needed.has(f));
  writes.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  newFolders.sort((a, b) => a.split('/').length - b.split('/').length);
  return { writes, prune, newFolders, pending, final, seen, hashes, deferred, written: new Map(), linked, edited };
}

/**
 * The status of `file` (a link itself, not what it points to), with times to the nanosecond for stamps,
 * or `undefined` when there is none or it cannot be read, as a failed `lstat` is taken everywhere here.
 * Synchronous: a plan looks at every file of the set and its folders, and one asynchronous `lstat` after
 * another waited on the file system's threads for each (a set of 600 files: about 180 ms of waiting for
 * a few ms of system calls).
 */
function statusNow(file: string): BigIntStats | undefined {
  try {
    return lstatSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Flushes the entries of several folders, all at once (a set of archive pages touches a folder per
 * page); resolves when every one is flushed, and then rejects with the first failure, if any.
 */
async function syncFolders(dirs: Iterable<string>): Promise<void> {
  const failed = (await Promise.allSettled([...dirs].map((dir) => syncFolder(dir)))).find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function execute(outDir: string, paths: PublishPaths, plan: Plan, files: Files, lock: PublishLock, step: (name: string) => Promise<void>): Promise<void> {
  for (const folder of plan.newFolders) {
    await mkdir(path.join(outDir, folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  await makeFolder(paths.tmp);
  let inFolder = false;
  let touched = new Set<string>();
  let lastRank: number | undefined;
  /** Temporary files of the current rank, written and flushed ahead of their renames (in the state folder). */
  let ahead = new Map<string, Promise<Written>>();
  try {
    for (const [index, write] of plan.writes.entries()) {
      const dest = path.join(outDir, write.name);
      if (lastRank !== undefined && write.rank !== lastRank) {
        // Everything linked to is durable before the files that link to it.
        await syncFolders(touched);
        touched = new Set();
      }
      if (!inFolder && write.rank !== lastRank) ahead = writeAhead(plan.writes.slice(index), write.rank, outDir, paths, files, plan.written);
      lastRank = write.rank;
      if (!inFolder) {
        const { temp, info } = await ahead.get(write.name)!;
        await step('temp');
        // A large file's bytes are vouched for by its stamp from now on: the clock is read after its last write, before its rename.
        const clock = info.size >= STAMP_WRITTEN_MIN_BYTES ? await readClock(paths) : undefined;
        await lock.check();
        try {
          await moveIntoPlace(temp, outDir, write.name, plan);
          await stampWritten(plan, write.name, dest, info, clock);
        } catch (error) {
          await rm(temp, { force: true });
          if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
          // The output folder is on another file system (a mount point): temporary dot-files beside each file instead.
          inFolder = true;
          await dropAhead(ahead);
          await writeFile(path.join(paths.state, IN_FOLDER_MARKER), '');
          await syncFolder(paths.state);
        }
      }
      if (inFolder) {
        const contents = files[write.name]!;
        const temp = path.join(path.dirname(dest), `${IN_FOLDER_TEMP}${randomBytes(6).toString('hex')}-${path.basename(dest)}`);
        await writeTemp(temp, contents, write.replaces ? dest : undefined);
        await step('temp');
        await lock.check();
        await moveIntoPlace(temp, outDir, write.name, plan).catch(async (error: unknown) => {
          await rm(temp, { force: true });
          throw error;
        });
      }
      touched.add(path.dirname(dest));
      await step('file');
    }
  } catch (error) {
    // Nothing is left writing once the lock is released (what was written stays for the next build to clear, as after a crash).
    await Promise.allSettled(ahead.values());
    throw error;
  }
  await syncFolders(touched);
  await step('written');

  const removedFrom = new Set<string>();
  const removed: string[] = [];
  for (const name of plan.prune) {
    await lock.check();
    // Checked again right before removing: a folder the user replaced by a link, or a file they edited, while this build ran is theirs now.
    const link = linkOnTheWay(outDir, name);
    if (link !== undefined) {
      leaveBehindLink(plan, link, name);
      continue;
    }
    if (!(await stillPlanned(path.join(outDir, name), name, plan))) {
      if (statusNow(path.join(outDir, name))?.isFile()) plan.edited.push(name);
      continue;
    }
    // And again after it: reading and hashing the file is asynchronous, and a folder may have become a link meanwhile.
    const linkSince = linkOnTheWay(outDir, name);
    if (linkSince !== undefined) {
      leaveBehindLink(plan, linkSince, name);
      continue;
    }
    await unlink(path.join(outDir, name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    removed.push(name);
    removedFrom.add(path.dirname(path.join(outDir, name)));
    await step('removed');
  }
  plan.prune = removed;
  for (const dir of await removeEmptyFolders(outDir, plan)) removedFrom.add(dir);
  await syncFolders(removedFrom).catch(() => undefined);
  await writeOwnedRecord(paths.owned, plan.final);
  await rm(path.join(paths.state, IN_FOLDER_MARKER), { force: true });
  await rm(paths.tmp, { recursive: true, force: true });
  await step('pruned');
}

/**
 * Renames a flushed temporary file over `name` in `outDir`, checking right before that no folder on
 * the way is a symbolic link and that the file is still what the plan saw: a file storyfeed wrote
 * (one of the recorded hashes) when it replaces one, and nothing at all when it creates one. A new file is put in place with a hard link, which fails instead of
 * replacing a file the user created meanwhile (where the file system has no hard links, a check and a
 * rename). The plan was made from the same checks, so this only narrows the window in which a user
 * edit during the build could be lost, from the whole build to the time of one `rename`.
 */
async function moveIntoPlace(temp: string, outDir: string, name: string, plan: Plan): Promise<void> {
  const dest = path.join(outDir, name);
  // The plan found real folders on the way; one replaced by a link since would take the file outside the output folder.
  const link = linkOnTheWay(outDir, name);
  if (link !== undefined) throw changedMeanwhile(name, dest, `${link} became a symbolic link`);
  // Each step at once, in order: a publish renames every file of the set one after another, and each
  // asynchronous step was a round trip to the file system's threads (about 1 ms a file, all waiting).
  if (statusNow(dest)) {
    if (!(await stillPlanned(dest, name, plan))) throw changedMeanwhile(name, dest);
    // Checked again after the asynchronous read of the file: the rename follows at once.
    const linkSince = linkOnTheWay(outDir, name);
    if (linkSince !== undefined) throw changedMeanwhile(name, dest, `${linkSince} became a symbolic link`);
    renameSync(temp, dest);
    return;
  }
  try {
    linkSync(temp, dest);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw changedMeanwhile(name, dest);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw error;
    if (statusNow(dest)) throw changedMeanwhile(name, dest);
    renameSync(temp, dest);
    return;
  }
  unlinkSync(temp);
}

/**
 * Whether the file at `file` is still one storyfeed wrote, as the plan found it: the same stamp as
 * when planned (its change time settled then, so no write since), else bytes with a recorded hash.
 */
async function stillPlanned(file: string, name: string, plan: Plan): Promise<boolean> {
  const info = statusNow(file);
  if (!info?.isFile()) return false;
  if (sameFile(plan.seen.get(name), info)) return true;
  const onDisk = await digestFile(file);
  return onDisk !== undefined && (plan.pending.files[name] ?? []).includes(onDisk);
}

function changedMeanwhile(name: string, dest: string, how = `${name} was created or changed by someone else`): StoryfeedError {
  return new StoryfeedError('E_OUT_CONFLICT', `${how} while storyfeed was publishing; it was left as it is (${dest}): move it away and build again`, {
    problems: [`${name} changed during the build`],
  });
}

/**
 * Removes the folders storyfeed created and no longer needs, when empty (deepest first); one
 * holding user files stays in the record. Returns the folders that lost an entry.
 */
async function removeEmptyFolders(outDir: string, plan: Plan): Promise<string[]> {
  const keep = new Set(plan.final.folders);
  const leftover = plan.pending.folders.filter((f) => !keep.has(f)).sort((a, b) => b.split('/').length - a.split('/').length);
  const parents: string[] = [];
  for (const folder of leftover) {
    // `rmdir` follows a link in a parent folder: a folder behind one is left, and no longer storyfeed's.
    const link = linkOnTheWay(outDir, folder);
    if (link !== undefined) {
      leaveBehindLink(plan, link, folder, false);
      continue;
    }
    try {
      await rmdir(path.join(outDir, folder));
      parents.push(path.dirname(path.join(outDir, folder)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') plan.final.folders.push(folder);
      else if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    }
  }
  return parents;
}

/** Temporary files written at the same time: the flushes overlap, and few large files are in memory at once. */
const WRITES_AHEAD = 4;

/**
 * Writes and flushes the temporary files of the writes of `rank` at the start of `writes`, a few at a
 * time, in the state folder: their renames then follow one after another, each still checked right
 * before it. Resolves each to its temporary file's path.
 */
function writeAhead(
  writes: Plan['writes'],
  rank: number,
  outDir: string,
  paths: PublishPaths,
  files: Files,
  prewritten: ReadonlyMap<string, Written>,
): Map<string, Promise<Written>> {
  const end = writes.findIndex((w) => w.rank !== rank);
  const group = end < 0 ? writes : writes.slice(0, end);
  const temps = new Map<string, Promise<Written>>();
  const slots: Promise<unknown>[] = [];
  group.forEach((write, i) => {
    const done = prewritten.get(write.name);
    if (done) {
      temps.set(write.name, Promise.resolve(done));
      return;
    }
    const dest = path.join(outDir, write.name);
    const temp = path.join(paths.tmp, `${randomBytes(6).toString('hex')}-${path.basename(dest)}`);
    const written = (slots[i - WRITES_AHEAD] ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => writeTemp(temp, files[write.name]!, write.replaces ? dest : undefined))
      .then(async () => ({ temp, info: await lstat(temp, { bigint: true }) }));
    // A failure shows when its file is due; until then it must not be reported as unhandled.
    written.catch(() => undefined);
    slots.push(written);
    temps.set(write.name, written);
  });
  return temps;
}

/** A temporary file written and flushed, as it was once its last write was done. */
interface Written {
  temp: string;
  info: BigIntStats;
}

/**
 * Files at least this large get a stamp as soon as they are written: the next build then knows their
 * bytes without reading them (hashing a feed of 10,000 items, 160 MB, takes a tenth of a second). A
 * smaller file costs less to hash than the clock costs to read.
 */
const STAMP_WRITTEN_MIN_BYTES = 1n << 20n;

/**
 * Records the stamp of a file just renamed into place, when it still is the temporary file as last
 * written (`info`: same device, inode, size and modification time) and that modification time is
 * older than the clock read before the rename. Any write after the clock moves the modification
 * time to the clock's tick or later, so the file never again has this stamp once its bytes are not
 * the ones written (short of someone setting that time back by hand, to the nanosecond, before this
 * look). Its change time, moved by the rename, is part of the stamp as it is now.
 */
async function stampWritten(plan: Plan, name: string, dest: string, info: BigIntStats, clock: Clock): Promise<void> {
  // Modification times compared with the clock's own (a file system may keep them more coarsely than change times).
  if (clock === undefined || info.dev !== clock.dev || info.mtimeNs >= clock.mtimeNs || info.ctimeNs >= clock.ctimeNs) return;
  const now = statusNow(dest);
  if (!now?.isFile() || now.dev !== info.dev || now.ino !== info.ino || now.size !== info.size || now.mtimeNs !== info.mtimeNs) return;
  const hash = plan.hashes[name];
  if (hash !== undefined && plan.final.files[name]?.includes(hash)) (plan.final.stamps ??= {})[name] = `${hash} ${fileStamp(now)}`;
}

/** Removes the temporary files written ahead that will not be renamed. */
async function dropAhead(ahead: Map<string, Promise<Written>>): Promise<void> {
  for (const written of ahead.values()) {
    const temp = (await written.catch(() => undefined))?.temp;
    if (temp !== undefined) await rm(temp, { force: true }).catch(() => undefined);
  }
  ahead.clear();
}

/** The longest text {@link encodeText} encodes ahead. */
const ENCODE_MAX_CHARS = 16 * 1024 * 1024;

/**
 * The files with text contents encoded to UTF-8 once: a text file is hashed (for the record) and
 * then written, and each would encode it again. Getters stay getters.
 */
function encodeText(files: Files): Files {
  const descriptors = Object.getOwnPropertyDescriptors(files);
  for (const descriptor of Object.values(descriptors)) {
    // Contents given by a getter (outputs kept on disk) are read when due, one at a time: never all at once here.
    // A very large text (the manifest of a huge archive) stays text: encoded while hashed and again while
    // written, never held twice for the whole publish.
    if (typeof descriptor.value === 'string' && descriptor.value.length <= ENCODE_MAX_CHARS) descriptor.value = Buffer.from(descriptor.value);
  }
  return Object.defineProperties({}, descriptors) as Files;
}

/** The {@link digest} of contents, parts hashed in order as if joined. */
function digestOf(contents: Contents): string {
  if (typeof contents === 'string' || contents instanceof Uint8Array) return digest(contents);
  const hash = createHash('sha256');
  for (const part of partsOf(contents)) hash.update(part);
  return hash.digest('hex');
}

function isParts(contents: Contents): contents is readonly Uint8Array[] {
  return Array.isArray(contents);
}

function isStreamed(contents: Contents): contents is StreamedContents {
  return typeof contents === 'object' && !Array.isArray(contents) && !(contents instanceof Uint8Array);
}

/** The contents as bytes, part after part. */
function partsOf(contents: Contents): Iterable<Uint8Array> {
  if (typeof contents === 'string') return [Buffer.from(contents)];
  if (isParts(contents)) return contents;
  if (isStreamed(contents)) return contents.streamed();
  return [contents];
}

/**
 * Writes and flushes a temporary file; one replacing `previous` gets a later modification second than
 * it. With `hashed`, the contents are hashed and the hash given to it: contents in parts while they are
 * written, contents held whole while the file is flushed.
 */
async function writeTemp(temp: string, contents: Contents, previous: string | undefined, hashed?: (hash: string) => void): Promise<void> {
  try {
    const inParts = isStreamed(contents) || isParts(contents);
    if (hashed === undefined && !inParts) await writeFile(temp, contents, { flush: true });
    else {
      const handle = await open(temp, 'w');
      try {
        const hash = hashed !== undefined && inParts ? createHash('sha256') : undefined;
        if (inParts) await writeParts(handle, partsOf(contents), hash);
        else await writeAll(handle, typeof contents === 'string' ? Buffer.from(contents) : (contents as Uint8Array));
        const flushing = handle.sync();
        try {
          if (hashed !== undefined) hashed(hash ? hash.digest('hex') : digestOf(contents));
        } finally {
          await flushing;
        }
      } finally {
        await handle.close();
      }
    }
    await laterThan(previous, temp);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Bytes written at a time from contents in parts. A feed published from its pieces comes in parts of
 * 50 items (about 200 KB) with separators between them: written one by one, a feed of 10,000 items
 * took 400 writes, each a round trip to the file system's threads; gathered, it takes about 20.
 */
const WRITE_CHUNK_BYTES = 2 * 1024 * 1024;

/**
 * Writes parts one after another, gathered into chunks of {@link WRITE_CHUNK_BYTES}: each part is
 * hashed and copied into one of two buffers before the next part is asked for (a part made one at a
 * time is valid only until then), and one buffer is written while the other fills. A part larger than
 * a buffer is written by itself. Nothing is left writing when this returns or throws.
 */
async function writeParts(handle: FileHandle, parts: Iterable<Uint8Array>, hash: Hash | undefined): Promise<void> {
  const buffers: Buffer[] = [];
  let current = 0;
  let filled = 0;
  let writing: Promise<void> = Promise.resolve();
  /** Starts writing the current buffer once the other one is written (writes go in order), and fills the other next. */
  const flush = async (): Promise<void> => {
    if (filled === 0) return;
    const bytes = buffers[current]!.subarray(0, filled);
    await writing;
    writing = writeAll(handle, bytes);
    // Its failure is thrown where it is awaited; until then it must not be reported as unhandled.
    writing.catch(() => undefined);
    current = 1 - current;
    filled = 0;
  };
  try {
    for (const part of parts) {
      hash?.update(part);
      if (part.byteLength > WRITE_CHUNK_BYTES) {
        await flush();
        await writing;
        await writeAll(handle, part);
        continue;
      }
      if (filled + part.byteLength > WRITE_CHUNK_BYTES) await flush();
      buffers[current] ??= Buffer.allocUnsafe(WRITE_CHUNK_BYTES);
      buffers[current]!.set(part, filled);
      filled += part.byteLength;
    }
    await flush();
  } finally {
    await writing.catch(() => undefined);
  }
  await writing;
}

/** Writes all of `bytes` at the file's current position. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength; ) at += (await handle.write(bytes, at, bytes.byteLength - at)).bytesWritten;
}

/**
 * HTTP Last-Modified has one-second resolution, and readers skip a download whose date they have
 * seen: a changed file must never carry the same second as the version it replaces.
 */
async function laterThan(previous: string | undefined, file: string): Promise<void> {
  if (!previous) return;
  const before = await stat(previous).catch(() => undefined);
  if (!before) return;
  const now = await stat(file);
  const second = Math.floor(before.mtimeMs / 1000);
  if (Math.floor(now.mtimeMs / 1000) <= second) await utimes(file, now.atime, new Date((second + 1) * 1000));
}

/** The output folder is a plain folder: created when missing (then resolves to `true`); a file or a link there is refused. */
async function plainFolder(outDir: string): Promise<boolean> {
  const info = await lstat(outDir).catch(() => undefined);
  if (!info) {
    await mkdir(outDir);
    return true;
  }
  if (info.isSymbolicLink()) throw new StoryfeedError('E_OUT_UNSAFE', `${outDir} is a symbolic link; storyfeed publishes into a plain folder: point --out at the real folder`);
  if (!info.isDirectory()) throw new StoryfeedError('E_OUT_CONFLICT', `${outDir} exists and is not a folder`);
  return false;
}

/** Removes the temporary files a killed build left: in the state folder, and (after a fallback) inside the output folder. */
async function clearTemps(outDir: string, paths: PublishPaths): Promise<void> {
  await rm(paths.tmp, { recursive: true, force: true });
  // The state folder is all storyfeed's: its atomic writes leave `.NAME.PID.RANDOM.tmp` when killed.
  for (const entry of await readdir(paths.state)) if (entry.startsWith('.') && entry.endsWith('.tmp')) await rm(path.join(paths.state, entry), { force: true });
  const marker = path.join(paths.state, IN_FOLDER_MARKER);
  if (!(await lstat(marker).catch(() => undefined))) return;
  const record = await readOwnedRecord(paths.owned);
  const folders = new Set<string>(['.', ...record.folders, ...Object.keys(record.files).map((f) => path.posix.dirname(f))]);
  for (const folder of folders) {
    const entries = await readdir(path.join(outDir, folder)).catch(() => [] as string[]);
    for (const entry of entries) {
      // Nothing is removed in a folder the user has since replaced by a link (or one behind it): what is there is outside the output folder now.
      if (entry.startsWith(IN_FOLDER_TEMP) && linkOnTheWay(outDir, path.posix.join(folder, entry)) === undefined) await rm(path.join(outDir, folder, entry), { force: true });
    }
  }
  await rm(marker, { force: true });
}

/** Error codes of a write that found no room: a full disk, a full quota, a file-size limit. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

function publishError(outDir: string, cause: unknown): StoryfeedError {
  const error = cause as NodeJS.ErrnoException;
  if (DISK_FULL.has(error.code ?? '')) {
    const why = error.code === 'EFBIG' ? 'a file is larger than the file-size limit' : 'the disk is full';
    return new StoryfeedError(
      'E_IO',
      `cannot publish to ${outDir}: ${why} (${error.code}); every file is still its old or its new complete version, and the next build clears what this one left: free some space and build again`,
      { cause },
    );
  }
  return new StoryfeedError('E_IO', `cannot publish to ${outDir}: ${writeFailure(cause, 'choose another output folder')}`, { cause });
}
