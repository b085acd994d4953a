import { createHash } from 'node:crypto';
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

/** SHA-256 (hex) of a file's bytes, or `undefined` when it cannot be read. */
export async function digestFile(file: string): Promise<string | undefined> {
  try {
    return digest(await readFile(file));
  } catch {
    return undefined;
  }
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
      { file },
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
  for (const name of Object.keys(record.files).sort()) files[name] = [...new Set(record.files[name])];
  return `${JSON.stringify({ version: 1, files, folders: [...new Set(record.folders)].sort() }, null, 1)}\n`;
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
