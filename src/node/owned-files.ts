import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { writeFileAtomic } from './write-files.js';

/**
 * The record of what storyfeed wrote into an output folder: every file with the hash of the bytes
 * storyfeed wrote, and the folders it created. Only files whose bytes still match are ever replaced
 * or removed; everything else in the folder belongs to the user.
 *
 * While a publish is under way a file may list two hashes (the version it replaces and the new
 * one): a build killed between the renames leaves each file at either, and both are storyfeed's.
 */

/** The ownership record as stored (`owned.json` in the state folder). */
export interface OwnedRecord {
  /** Format version. */
  version: 1;
  /** Relative path (`/`-separated) → hashes of the versions storyfeed wrote there. */
  files: Record<string, string[]>;
  /** Folders storyfeed created (relative paths), removed when empty and no longer needed. */
  folders: string[];
  /**
   * Relative path → `HASH STAMP`: the file as {@link fileStamp} saw it while its bytes were known to
   * hash to HASH, recorded only once its change time was settled (see {@link isSettled}). A file
   * that still has that stamp has those bytes, so it is not read again.
   */
  stamps?: Record<string, string>;
}

/** The name of the record inside the state folder. */
export const OWNED_FILE = 'owned.json';

/** An empty record: nothing in the folder is storyfeed's. */
export function emptyRecord(): OwnedRecord {
  return { version: 1, files: {}, folders: [] };
}

/** SHA-256 (hex) of `contents`, as a string is written (UTF-8). */
export function digest(contents: string | Uint8Array): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** Bytes read at a time while hashing a file: one buffer reused, so a large feed is never held whole. */
const DIGEST_CHUNK = 1 << 20;
let digestBuffer: Buffer | undefined;

/** SHA-256 (hex) of a file's bytes, or `undefined` when it cannot be read. */
export async function digestFile(file: string): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  // Taken for this call, so two hashes running at once never share it.
  const buffer = digestBuffer ?? Buffer.allocUnsafe(DIGEST_CHUNK);
  digestBuffer = undefined;
  try {
    handle = await open(file, 'r');
    const hash = createHash('sha256');
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    digestBuffer = buffer;
    await handle?.close().catch(() => undefined);
  }
}

/**
 * What identifies a file's current bytes without reading them: device, inode, size, and the
 * modification and change times in nanoseconds. Any write moves the change time (which no tool can
 * set back), an editor that saves by renaming gives a new inode, so a file whose stamp is the same
 * was not written since, provided its change time was settled when the stamp was taken.
 */
export function fileStamp(info: BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

/**
 * Whether a write after reading the file system's clock (`clock`: the change time of a file just
 * created on the same device) must move the change time of the file `info` describes. A file
 * changed within the clock's last tick (file systems keep change times at a granularity from one
 * nanosecond to two seconds) could be written again with the same time and the same size: it is
 * not settled, and its bytes must be read to know them.
 */
export function isSettled(info: BigIntStats, clock: { dev: bigint; ctimeNs: bigint } | undefined): boolean {
  return clock !== undefined && info.dev === clock.dev && info.ctimeNs < clock.ctimeNs;
}

/** Reads the record at `file`; a missing record is empty, an unreadable one an `E_IO` naming it. */
export async function readOwnedRecord(file: string): Promise<OwnedRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRecord();
    throw new StoryfeedError('E_IO', `cannot read the record of storyfeed's files: ${(error as Error).message}`, { file, cause: error });
  }
  const record = parseRecord(text);
  if (!record) {
    throw new StoryfeedError(
      'E_IO',
      'the record of the files storyfeed wrote is damaged; delete it and build again (files it listed will then count as yours until identical ones are adopted)',
      {
        file,
        fix: 'Delete the record named (it was edited or cut short) and build again; the files it listed then count as yours (see "The output folder" in the README).',
      },
    );
  }
  return record;
}

function parseRecord(text: string): OwnedRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, files, folders } = value as Record<string, unknown>;
  if (version !== 1 || typeof files !== 'object' || files === null || !Array.isArray(folders)) return undefined;
  const out = emptyRecord();
  for (const [name, hashes] of Object.entries(files)) {
    if (!Array.isArray(hashes) || !hashes.every((h) => typeof h === 'string') || !isRelative(name)) return undefined;
    out.files[name] = hashes as string[];
  }
  for (const folder of folders) {
    if (typeof folder !== 'string' || !isRelative(folder)) return undefined;
    out.folders.push(folder);
  }
  // Stamps only spare reading a file: one that does not fit the files it names is dropped, never trusted.
  const { stamps } = value as Record<string, unknown>;
  if (typeof stamps === 'object' && stamps !== null) {
    for (const [name, stamp] of Object.entries(stamps)) {
      if (typeof stamp !== 'string' || !out.files[name]?.includes(stamp.slice(0, stamp.indexOf(' ')))) continue;
      (out.stamps ??= {})[name] = stamp;
    }
  }
  return out;
}

/** A normalized relative path that stays inside its folder. */
export function isRelative(name: string): boolean {
  return (
    name !== '' &&
    !path.posix.isAbsolute(name) &&
    !name.includes('\\') &&
    !name.includes('\0') &&
    path.posix.normalize(name) === name &&
    name !== '.' &&
    !name.startsWith('../') &&
    name !== '..'
  );
}

/** Writes the record atomically (temp, fsync, rename, fsync of its folder); keys sorted, so equal records are equal bytes. */
export async function writeOwnedRecord(file: string, record: OwnedRecord): Promise<void> {
  await writeFileAtomic(file, serializeRecord(record));
  await syncFolder(path.dirname(file));
}

/** The bytes of a record: stable for equal records. */
export function serializeRecord(record: OwnedRecord): string {
  const files: Record<string, string[]> = {};
  const stamps: Record<string, string> = {};
  for (const name of Object.keys(record.files).sort()) {
    files[name] = [...new Set(record.files[name])];
    const stamp = record.stamps?.[name];
    if (stamp !== undefined) stamps[name] = stamp;
  }
  const folders = [...new Set(record.folders)].sort();
  return `${JSON.stringify({ version: 1, files, folders, ...(Object.keys(stamps).length ? { stamps } : {}) }, null, 1)}\n`;
}

/** Flushes a folder's entries (renames, new names) to disk. */
export async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
