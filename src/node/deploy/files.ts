import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../../errors.js';
import { digestFile, readOwnedRecord } from '../owned-files.js';
import { publishPaths } from '../publish.js';

/** One local file to publish. */
export interface DeployableFile {
  /** Its path relative to the output folder, with `/` separators (`tags/nato/rss.xml`). */
  path: string;
  /** Its absolute path on disk. */
  file: string;
}

/** A local file with the SHA-256 of its bytes (read again at upload, so memory stays bounded). */
export interface LocalObject extends DeployableFile {
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
}

/**
 * The files of a built output folder that a deploy publishes. When storyfeed built the folder, its
 * ownership record says which files are storyfeed's: only those are deployed (the user's own files
 * in the folder, and storyfeed's files they edited since, are theirs to publish as they like).
 * A folder with no record (built elsewhere, or copied) deploys every regular file.
 * Dot-files and dot-folders (build bookkeeping such as `.storyfeed-manifest.json`, which `serve`
 * does not serve either) are never deployed. Sorted by path.
 */
export async function deployableFiles(outDir: string): Promise<DeployableFile[]> {
  const all = await regularFiles(outDir);
  const record = await readOwnedRecord(publishPaths(outDir).owned);
  const owned = Object.keys(record.files);
  if (owned.length === 0) return all;
  const byPath = new Map(all.map((f) => [f.path, f]));
  const mine: DeployableFile[] = [];
  for (const name of owned.sort()) {
    const file = byPath.get(name);
    if (!file || name.split('/').some((part) => part.startsWith('.'))) continue;
    // A file the user edited after storyfeed wrote it is theirs now (publishing leaves it alone too).
    const sha256 = await digestFile(file.file);
    if (sha256 !== undefined && record.files[name]?.includes(sha256)) mine.push(file);
  }
  return mine;
}

/** Every regular file under `outDir` except dot-files and dot-folders, walked without recursion. */
async function regularFiles(outDir: string): Promise<DeployableFile[]> {
  let root: string;
  try {
    root = await realpath(outDir);
    if (!(await lstat(root)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (cause) {
    throw new StoryfeedError('E_IO', `the output folder ${outDir} cannot be read (${(cause as NodeJS.ErrnoException).code ?? cause}); build it first`, { file: outDir, cause });
  }
  const found: DeployableFile[] = [];
  const pending: string[] = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(child);
      else if (entry.isFile()) found.push({ path: child, file: path.join(root, child) });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Hashes a local file. */
export async function hashLocalFile(file: DeployableFile): Promise<LocalObject> {
  return { ...file, sha256: sha256Hex(await readLocalBytes(file)) };
}

/** Reads a local file's bytes, as `E_IO` when it cannot. */
export async function readLocalBytes(file: DeployableFile): Promise<Uint8Array> {
  try {
    return await readFile(file.file);
  } catch (cause) {
    throw new StoryfeedError('E_IO', `cannot read ${file.file}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { file: file.file, cause });
  }
}

/** Lowercase hex SHA-256 of bytes or text. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
