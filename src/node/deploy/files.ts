import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../../errors.js';

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
 * The files of a built output folder that a deploy publishes: every regular file under `outDir`
 * except dot-files and dot-folders (build bookkeeping such as `.storyfeed-manifest.json`, which
 * `serve` does not serve either). Symbolic links inside the folder are skipped; the folder itself
 * may be one (a published build is a link to its build folder). Sorted by path, walked without
 * recursion.
 */
export async function deployableFiles(outDir: string): Promise<DeployableFile[]> {
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
